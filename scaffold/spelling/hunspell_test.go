package spelling

import (
	"os"
	"slices"
	"testing"
)

// system returns the system's hunspell, or skips the test when it or a
// dictionary is missing (CI installs them and sets PARTNERPAGES_SPELLING=1,
// under which a missing one fails the test).
func system(t *testing.T) *Hunspell {
	t.Helper()
	h, err := Find([]string{"en", "fr"})
	if err != nil {
		if os.Getenv("PARTNERPAGES_SPELLING") == "1" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	t.Cleanup(h.Close)
	return h
}

// TestUnknownWords: the slips a site editor fixes are unknown; the words
// around them, British and American spellings, and in French the English
// words the site borrows, are known.
func TestUnknownWords(t *testing.T) {
	t.Parallel()
	h := system(t)
	for _, c := range []struct {
		lang  string
		words []string
		want  []string
	}{
		{"en", []string{"confim", "connect", "clik", "synchronise", "synchronize", "colour", "confim"}, []string{"confim", "clik"}},
		{"fr", []string{"devotre", "votre", "établissement", "back", "click", "connecter", "soluiton"}, []string{"devotre", "soluiton"}},
		{"de", []string{"xyzzy"}, nil}, // no dictionary: nothing to say
	} {
		got, err := h.Unknown(c.lang, c.words)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s %v: unknown %v, want %v", c.lang, c.words, got, c.want)
		}
	}
}
