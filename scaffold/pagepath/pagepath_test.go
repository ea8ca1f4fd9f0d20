package pagepath

import (
	"testing"
)

func TestParseAndFind(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in     string
		find   bool // Find, not Parse
		want   Path
		wantOK bool
	}{
		{"qwenta/fr/connect-hubrise.md", false, Path{"qwenta", "fr", "connect-hubrise.md"}, true},
		{"qwenta/fr/sub/page.md", false, Path{}, false},
		{"qwenta/french/page.md", false, Path{}, false},
		{"../fr/page.md", false, Path{}, false},
		{"Qwenta/fr/page.md", false, Path{}, false},
		{"qwenta/fr/", false, Path{}, false},
		{"/site/content/apps/la-toque/en/connect-hubrise.md", true, Path{"la-toque", "en", "connect-hubrise.md"}, true},
		{"content/apps/x/pt-br/page.md", true, Path{"x", "pt-br", "page.md"}, true},
		{"page.md", true, Path{}, false},
		{"en/page.md", true, Path{}, false},
	}
	for _, c := range cases {
		var got Path
		var ok bool
		if c.find {
			got, ok = Find(c.in)
		} else {
			got, ok = Parse(c.in)
		}
		if got != c.want || ok != c.wantOK {
			t.Errorf("%q: got %+v %v, want %+v %v", c.in, got, ok, c.want, c.wantOK)
		}
		if ok && !c.find && got.Rel() != c.in {
			t.Errorf("%q: Rel() is %q", c.in, got.Rel())
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("qwenta/fr/connect-hubrise.md")
	f.Add("a/b/c/d")
	f.Fuzz(func(t *testing.T, rel string) {
		p, ok := Parse(rel)
		if ok && p.Rel() != rel {
			t.Errorf("Parse(%q) = %+v, whose Rel is %q", rel, p, p.Rel())
		}
	})
}
