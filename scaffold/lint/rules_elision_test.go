package lint

import (
	"strings"
	"testing"
)

func TestElision(t *testing.T) {
	cases := []struct {
		name, path, line string
		want             []string // each a substring of one elision message, in order
	}{
		{"the partner's name", "apps/x/fr/p.md", "Écrivez au support de Expedy.", []string{`write "d'Expedy"`}},
		{"its publisher", "apps/x/fr/p.md", "Demandez à l'équipe de Arcsolu.", []string{`"d'Arcsolu"`}},
		{"le and la", "apps/x/fr/p.md", "Ouvrez le application, puis la interface.", []string{`"l'application"`, `"l'interface"`}},
		{"lower-case brand", "apps/x/fr/p.md", "Le support de iiko répond.", []string{`"d'iiko"`}},
		{"in a heading", "apps/x/fr/p.md", "## Contacter le support de Orderix", []string{`"d'Orderix"`}},
		{"accented vowel", "apps/x/fr/p.md", "La page de Écran.", []string{`"d'Écran"`}},
		{"already elided", "apps/x/fr/p.md", "Le support d'Expedy et l'application.", nil},
		{"h and y keep the full form", "apps/x/fr/p.md", "Le back-office de HubRise et de Yumi.", nil},
		{"inside a code span", "apps/x/fr/p.md", "Saisissez `de Expedy` tel quel.", nil},
		{"not a French page", "apps/x/en/p.md", "Ask the de Anza team.", nil},
		{"a word ending in de", "apps/x/fr/p.md", "Une commande ouverte.", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page := "---\ntitle: Connexion à HubRise\n---\n\n" + c.line + "\n"
			var got []Finding
			for _, f := range Check(Parse(c.path, []byte(page)), DefaultOptions()) {
				if f.Rule == RuleElision {
					got = append(got, f)
				}
			}
			if len(got) != len(c.want) {
				t.Fatalf("got %d elision findings, want %d: %v", len(got), len(c.want), got)
			}
			for i, f := range got {
				if !strings.Contains(f.Message, c.want[i]) || f.Line != 5 {
					t.Errorf("finding %d = %s, want line 5 and %q", i, f, c.want[i])
				}
			}
			fixed := FixElisions([]byte(page), got)
			for _, f := range Check(Parse(c.path, fixed), DefaultOptions()) {
				if f.Rule == RuleElision {
					t.Errorf("still there after FixElisions: %s\n%s", f, fixed)
				}
			}
			if len(got) == 0 && string(fixed) != page {
				t.Errorf("FixElisions changed a clean page")
			}
		})
	}
}

func TestElisionInFrontMatterIsFixed(t *testing.T) {
	page := "---\ntitle: Connexion à HubRise\nmeta:\n  description: Connecter Expedy, un outil de Expedy SAS, le support de Expedy.\n---\n"
	fs := Check(Parse("apps/expedy/fr/connect-hubrise.md", []byte(page)), DefaultOptions())
	var el []Finding
	for _, f := range fs {
		if f.Rule == RuleElision {
			el = append(el, f)
		}
	}
	if len(el) != 1 || el[0].Line != 4 || !strings.Contains(el[0].Message, "meta.description") {
		t.Fatalf("want one elision finding for meta.description on line 4, got %v", el)
	}
	want := "  description: Connecter Expedy, un outil d'Expedy SAS, le support d'Expedy.\n"
	if got := strings.Split(string(FixElisions([]byte(page), el)), "\n")[3] + "\n"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
