package project

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		in   string
		want Project
		errs []string // each a substring of one reported problem, in order
	}{
		{name: "empty file: every default", in: ""},
		{name: "every field", in: "partners: docs/partners\nout: content/apps\ntemplates: tpl\nlanguages: [fr, en]\n",
			want: Project{Partners: "docs/partners", Out: "content/apps", Templates: "tpl", Languages: []string{"fr", "en"}}},
		{name: "unknown key with a near miss", in: "partners: p\noutt: x\n", errs: []string{`f.yaml:2:1: outt: unknown field (did you mean "out"?)`}},
		{name: "unknown key", in: "colour: blue\n", errs: []string{"f.yaml:1:1: colour: unknown field; a project file holds partners, out, templates, languages"}},
		{name: "a list for a folder", in: "out: [a, b]\n", errs: []string{"f.yaml:1:6: out: expected a folder path"}},
		{name: "a number for a folder", in: "partners: 12\n", errs: []string{"f.yaml:1:11: partners: expected a folder path"}},
		{name: "an empty folder", in: "templates:\n", errs: []string{"f.yaml:1:11: templates: empty"}},
		{name: "languages not a list", in: "languages: en\n", errs: []string{"f.yaml:1:12: languages: expected a list"}},
		{name: "bad language", in: "languages: [en, Français]\n", errs: []string{`f.yaml:1:17: languages[2]: "Français" is not a language code`}},
		{name: "language twice", in: "languages:\n  - fr\n  - fr\n", errs: []string{`f.yaml:3:5: languages[2]: "fr" is listed twice`}},
		{name: "empty languages", in: "languages: []\n", errs: []string{"f.yaml:1:12: languages: empty list"}},
		{name: "key twice", in: "out: a\nout: b\n", errs: []string{"f.yaml:2:1: out: given twice"}},
		{name: "not a mapping", in: "- partners\n", errs: []string{"f.yaml:1:1: a project file is a mapping"}},
		{name: "syntax error", in: "partners: [\n", errs: []string{"f.yaml:1:11: the list or mapping opened on line 1 is not closed"}},
		{name: "lint words", in: "lint:\n  words: [Webhook, dropdown]\n", want: Project{Lint: Lint{Words: []string{"webhook", "dropdown"}}}},
		{name: "lint words not a list", in: "lint:\n  words: webhook\n", errs: []string{"f.yaml:2:10: lint.words: expected a list of words"}},
		{name: "lint word with a space", in: "lint:\n  words: [web hook]\n", errs: []string{"f.yaml:2:11: lint.words[1]: expected one word"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, errs := Parse("f.yaml", []byte(c.in))
			if len(errs) != len(c.errs) {
				t.Fatalf("got %d problems, want %d:\n%v", len(errs), len(c.errs), errs)
			}
			for i, e := range errs {
				if !strings.Contains(e.Error(), c.errs[i]) {
					t.Errorf("problem %d = %q, want it to contain %q", i, e.Error(), c.errs[i])
				}
			}
			if len(c.errs) > 0 {
				if p != nil {
					t.Errorf("a file with problems gave a project: %+v", p)
				}
				return
			}
			if p.Partners != c.want.Partners || p.Out != c.want.Out || p.Templates != c.want.Templates || !slices.Equal(p.Languages, c.want.Languages) || !slices.Equal(p.Lint.Words, c.want.Lint.Words) {
				t.Errorf("got %+v, want %+v", *p, c.want)
			}
		})
	}
}

func TestFindWalksUpAndPathsAreRelativeToTheFile(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	deep := filepath.Join(root, "docs", "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := Find(deep); err != nil || got != "" {
		t.Fatalf("no project file: got %q, %v", got, err)
	}
	file := filepath.Join(root, "docs", FileName)
	if err := os.WriteFile(file, []byte("partners: partners\nout: ../site/content/apps\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := Find(deep)
	if err != nil || got != file {
		t.Fatalf("Find(%s) = %q, %v; want %q", deep, got, err, file)
	}
	p, err := Load(got)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(root, "docs", "partners"); p.Path(p.Partners) != want {
		t.Errorf("partners = %q, want %q", p.Path(p.Partners), want)
	}
	if want := filepath.Join(root, "site", "content", "apps"); p.Path(p.Out) != want {
		t.Errorf("out = %q, want %q", p.Path(p.Out), want)
	}
	if p.Path("/abs/tpl") != "/abs/tpl" {
		t.Error("an absolute path must stay as it is")
	}
}

func TestFindRefusesAFolderNamedLikeTheFile(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	os.Mkdir(filepath.Join(root, FileName), 0o755)
	if _, err := Find(root); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("got %v", err)
	}
}

func TestMarshalParsesBack(t *testing.T) {
	t.Parallel()
	for _, p := range []Project{Defaults, {Partners: "my partners: 2", Out: "#out", Templates: "tpl", Languages: []string{"fr"}}} {
		got, errs := Parse("f.yaml", p.Marshal())
		if len(errs) > 0 {
			t.Fatalf("%s\n%v", p.Marshal(), errs)
		}
		if got.Partners != p.Partners || got.Out != p.Out || got.Templates != p.Templates || !slices.Equal(got.Languages, p.Languages) {
			t.Errorf("round trip: got %+v, want %+v\n%s", *got, p, p.Marshal())
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("partners: p\nout: o\ntemplates: t\nlanguages: [en, fr]\n"))
	f.Add([]byte("languages: [en, en]\nout: [x]\n"))
	f.Add([]byte("&a x: *a\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, errs := Parse("f.yaml", data)
		if (p == nil) == (len(errs) == 0) {
			t.Fatalf("want a project or problems, not both or neither: %v %v", p, errs)
		}
		for _, e := range errs {
			if e.File != "f.yaml" || e.Msg == "" {
				t.Fatalf("problem without file or message: %+v", e)
			}
		}
		if p != nil {
			// what parses must survive a rewrite by init
			q, errs := Parse("f.yaml", p.Marshal())
			if len(errs) > 0 {
				t.Fatalf("Marshal of %+v does not parse: %v\n%s", *p, errs, p.Marshal())
			}
			if q.Partners != p.Partners || q.Out != p.Out || q.Templates != p.Templates || !slices.Equal(q.Languages, p.Languages) {
				t.Fatalf("%+v became %+v", *p, *q)
			}
		}
	})
}
