package page

import (
	"strings"
	"testing"
)

const sample = `---
title: Connexion à HubRise
meta:
  title: Connexion | Tabla | HubRise
---

**REMARQUE IMPORTANTE :** ouvrez un compte.

## Connecter Tabla {#connect}

1. Ouvrez **Réglages**, puis écrivez à aide@tabla.example.
   ![Écran](./images/001.png)
1. Voir [la FAQ](/apps/tabla/faqs/x) et [le site](https://tabla.example).

## Tester la connexion

Voir [la doc](/docs/get-started) ou <mailto:autre@tabla.example>.

### Détails
`

func TestFacts(t *testing.T) {
	t.Parallel()
	p := Parse("apps/tabla/fr/connect-hubrise.md", []byte(sample))
	var got []string
	for _, f := range p.Facts() {
		got = append(got, f.String()+"@"+f.Section)
	}
	want := []string{
		"label REMARQUE IMPORTANTE :@",
		"label Réglages@connect",
		"email aide@tabla.example@connect",
		"image ./images/001.png@connect",
		"link /apps/tabla/faqs/x@connect",
		"link https://tabla.example@connect",
		"heading Tester la connexion@",
		"email autre@tabla.example@",
		"heading Détails@",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("facts:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if name, _ := p.MetaName(); name != "Tabla" {
		t.Errorf("MetaName = %q", name)
	}
}

func TestKindAndLanguage(t *testing.T) {
	t.Parallel()
	cases := []struct {
		path, src string
		connect   bool
		lang      string
	}{
		{"apps/x/en/connect-hubrise.md", "---\ntitle: Overview\n---\n", true, "en"},
		{"apps/x/fr/connexion-hubrise.md", "---\ntitle: Connexion\n---\n", true, "fr"},
		{"apps/x/fr/overview.md", "---\ntitle: Présentation\n---\n", false, "fr"},
		{"apps/x/faqs/en/find-id.md", "---\ntitle: Find Your ID\n---\n", false, "en"},
		{"pages/expedy-fr.md", "---\ntitle: Connexion à HubRise\n---\n", true, "fr"},
		{"p.md", "no front matter\n", true, ""},
		{"../x/p.md", "---\ntitle: Terms\npath_override: connect-hubrise\n---\n", true, "en"}, // the front matter says
		{"/tmp/draft.md", "---\ntitle: Connexion à HubRise\npath_override: connexion-hubrise\n---\n", true, "fr"},
	}
	for _, c := range cases {
		p := Parse(c.path, []byte(c.src))
		if p.IsConnect() != c.connect || p.Lang() != c.lang {
			t.Errorf("%s: connect %v lang %q, want %v %q", c.path, p.IsConnect(), p.Lang(), c.connect, c.lang)
		}
	}
}

func TestSectionKind(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"give-access": "give-access", "Donner accès au support de X": "give-access", "contact": "contact",
		"Contacter le support": "contact", "Disconnect X": "disconnect", "Déconnecter X": "disconnect",
		"Connect X": "connect", "connect": "connect", "Test the Connection": "", "2. Connect X Bridge": "",
	} {
		if got := SectionKind(in); got != want {
			t.Errorf("SectionKind(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("apps/x/fr/connect-hubrise.md", sample)
	f.Add("p.md", "---\n---\n## A {#b}\n\n1.\n   - ![i](j)\n<x@y.z>")
	f.Add("p.md", "1. **A** > **B**\n1.\n   > 2) quoted\n3. [l](/x) ![i](y)\n")
	f.Add("apps/x/en/connect-hubrise.md", "---\nmeta:\n  title: Connect to HubRise | | HubRise\n---\n")
	f.Fuzz(func(t *testing.T, path, src string) {
		p := Parse(path, []byte(src))
		lines := strings.Count(src, "\n") + 1
		for _, fact := range p.Facts() {
			if fact.Line < 1 || fact.Line > lines {
				t.Fatalf("fact %v on line %d of a %d-line page", fact, fact.Line, lines)
			}
		}
		_ = p.IsConnect()
		_ = p.Lang()
		if name, _ := p.MetaName(); strings.Contains(name, "\n") && !strings.Contains(src, "\n") {
			t.Fatalf("a name on two lines from a one-line page: %q", name)
		}
		for _, list := range lists(p) {
			for _, st := range p.Steps(list) {
				if st.Line < 0 || st.Line > lines || st.Marker.Line < 1 || st.Marker.Line > lines {
					t.Fatalf("a step at line %d, marker at %v, of a %d-line page", st.Line, st.Marker, lines)
				}
				if st.Numbered && st.Number < 0 {
					t.Fatalf("step numbered %d", st.Number)
				}
			}
		}
		for i := range p.Blocks {
			b := &p.Blocks[i]
			for j := range b.Text {
				if pos := p.PosIn(b, j); pos.Line < 1 || pos.Line > lines {
					t.Fatalf("byte %d of a block at line %d", j, pos.Line)
				}
			}
		}
	})
}

// TestMetaNameOfEveryTitleForm: the part between the first and the last
// " | " of meta.title, or nothing.
func TestMetaNameOfEveryTitleForm(t *testing.T) {
	t.Parallel()
	for title, want := range map[string]string{
		"Connect to HubRise | Qwenta | HubRise": "Qwenta",
		"Connect to HubRise | A | B | HubRise":  "A | B",
		"Connect to HubRise | | HubRise":        "",
		"Connect to HubRise |  | HubRise":       "",
		"Connect to HubRise | HubRise":          "",
		"Connect to HubRise":                    "",
		" | x | ":                               "x",
	} {
		p := Parse("apps/x/en/connect-hubrise.md", []byte("---\nmeta:\n  title: \""+title+"\"\n---\n"))
		if got, _ := p.MetaName(); got != want {
			t.Errorf("%q: %q, want %q", title, got, want)
		}
	}
}

// TestSectionsFollowGoldmarkOnLongFences: a fence of four backticks holds a
// line of three and a heading line; neither ends the code or cuts a
// section, and a level-3 heading stays inside its section (a line scanner that knew only three-backtick fences did both).
func TestSectionsFollowGoldmarkOnLongFences(t *testing.T) {
	t.Parallel()
	src := "---\ntitle: T\n---\n\nIntro.\n\n## One\n\n````md\n```\n## Not a heading\n````\n\nText.\n\n## Two {#two}\n\n### A part of two\n\nMore.\n"
	p := Parse("a.md", []byte(src))
	top, secs := p.Sections()
	if len(secs) != 2 || !strings.HasPrefix(secs[0], "## One\n") || !strings.HasPrefix(secs[1], "## Two {#two}\n") {
		t.Fatalf("sections: %q", secs)
	}
	if top+secs[0]+secs[1] != src {
		t.Error("the sections do not add up to the page")
	}
	for line, want := range map[int]bool{9: true, 10: true, 11: true, 14: false, 5: false} {
		if got := p.InCodeBlock(line); got != want {
			t.Errorf("line %d (%q): in code %v, want %v", line, strings.Split(src, "\n")[line-1], got, want)
		}
	}
}

// TestSplitFrontMatter: the front matter and the body, for the ways a page
// opens.
func TestSplitFrontMatter(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, src, fm, body string
		ok                  bool
	}{
		{"front matter", "---\ntitle: X\n---\n# H\n", "title: X\n", "# H\n", true},
		{"empty block", "---\n---\nbody\n", "", "body\n", true},
		{"windows line ends", "---\r\ntitle: X\r\n---\r\nbody", "title: X\r\n", "body", true},
		{"byte order mark", "\ufeff---\na: 1\n---\n", "a: 1\n", "", true},
		{"closing line with spaces", "---\na: 1\n---  \nbody", "a: 1\n", "body", true},
		{"none", "# H\n---\n", "", "# H\n---\n", false},
		{"never closed", "---\na: 1\n", "", "---\na: 1\n", false},
	} {
		fm, body, ok := SplitFrontMatter([]byte(c.src))
		if string(fm) != c.fm || string(body) != c.body || ok != c.ok {
			t.Errorf("%s: (%q, %q, %v), want (%q, %q, %v)", c.name, fm, body, ok, c.fm, c.body, c.ok)
		}
	}
}

func TestLangOfReadsThePagesOwnFolderOrName(t *testing.T) {
	t.Parallel()
	for path, want := range map[string]string{
		"content/apps/brewly/fr/connect-hubrise.md":   "fr",
		"/tmp/ci/main/../shared/pages/expedy-fr.md":   "fr", // ci/ is a folder, not a language
		"/tmp/ci/pages/expedy.md":                     "",
		`C:\docs\en\page.md`:                          "en",
		"docs/hubrise-logs/en/a-practical-example.md": "en",
		"io/page.md": "io",
	} {
		if got := LangOf(path); got != want {
			t.Errorf("LangOf(%q) = %q, want %q", path, got, want)
		}
	}
}
