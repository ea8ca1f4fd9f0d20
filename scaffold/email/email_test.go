package email

import (
	"slices"
	"testing"
)

func TestAddresses(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		s     string
		valid bool
	}{
		{"help@qwenta.ch", true},
		{"o'brien+pos@mail.example.co.uk", true},
		{"a@b", false},
		{"a..b@c.example", false},
		{".a@c.example", false},
		{"Help <help@x.example>", false},
		{"a@b.c", false},
		{"[x](y)@z.example", false},
	} {
		if got := Valid(c.s); got != c.valid {
			t.Errorf("Valid(%q) = %v, want %v", c.s, got, c.valid)
		}
	}
	if got := Find("Write to help@x.example or sales@y.example."); !slices.Equal(got, []string{"help@x.example", "sales@y.example"}) {
		t.Errorf("Find: %q", got)
	}
	if got := Meant("Write to help@x (sic)."); len(got) != 1 || "Write to help@x (sic)."[got[0][0]:got[0][1]] != "help@x" {
		t.Errorf("Meant: %v", got)
	}
}

// FuzzAddresses: a valid address is found whole in text around it, and what
// Find returns is always meant as an address too.
func FuzzAddresses(f *testing.F) {
	f.Add("help@qwenta.ch", "see ")
	f.Fuzz(func(t *testing.T, s, around string) {
		if Valid(s) && !slices.Contains(Find(around+" "+s+" "+around), s) {
			t.Fatalf("%q is valid but not found in %q", s, around+" "+s+" "+around)
		}
		for _, m := range Find(s) {
			if !Is(m) {
				t.Fatalf("found %q, which is no address", m)
			}
		}
	})
}
