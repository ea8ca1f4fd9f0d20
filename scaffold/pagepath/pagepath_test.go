package pagepath

import (
	"os"
	"path/filepath"
	"slices"
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

// TestAppFolders: an app folder is found where the site keeps apps
// (content/apps/<slug>), given itself, or in an output folder of another
// name; a folder of the site that has an overview but is no app's (the
// docs' own overview) is not one, wherever the walk starts.
func TestAppFolders(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	for _, f := range []string{
		"site/content/apps/tabla/en/overview.md",
		"site/content/apps/plato/fr/overview.md",
		"site/content/apps/plato/fr/images/x.png",
		"site/content/docs/en/overview.md",
		"site/content/en/apps.yaml",
		"out/tabla/en/overview.md",
		"out/notes.md",
	} {
		p := filepath.Join(root, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("---\ntitle: Overview\n---\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	isLang := func(s string) bool { return s == "en" || s == "fr" }
	tests := []struct {
		roots []string
		want  []string
	}{
		{[]string{"site"}, []string{"site/content/apps/plato", "site/content/apps/tabla"}},
		{[]string{"site/content"}, []string{"site/content/apps/plato", "site/content/apps/tabla"}},
		{[]string{"site/content/apps"}, []string{"site/content/apps/plato", "site/content/apps/tabla"}},
		{[]string{"site/content/apps/tabla"}, []string{"site/content/apps/tabla"}},
		{[]string{"site/content/docs"}, []string{"site/content/docs"}}, // asked for by name
		{[]string{"out"}, []string{"out/tabla"}},
	}
	for _, tt := range tests {
		var roots []string
		for _, r := range tt.roots {
			roots = append(roots, filepath.Join(root, r))
		}
		var got []string
		for _, dir := range AppFolders(roots, isLang) {
			rel, _ := filepath.Rel(root, dir)
			got = append(got, filepath.ToSlash(rel))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("AppFolders(%v) = %v, want %v", tt.roots, got, tt.want)
		}
	}
}
