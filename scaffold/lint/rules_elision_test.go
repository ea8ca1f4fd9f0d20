package lint

import (
	"strings"
	"testing"
)

func TestElision(t *testing.T) {
	t.Parallel()
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
		{"que before the name", "apps/x/fr/p.md", "Choisissez ceux que Orderix doit utiliser.", []string{`write "qu'Orderix"`}},
		{"ne and se", "apps/x/fr/p.md", "Le menu ne apparaît pas et se affiche plus tard.", []string{`"n'apparaît"`, `"s'affiche"`}},
		{"lorsque, puisque, jusque", "apps/x/fr/p.md", "Lorsque aucune commande, puisque il attend, jusque à demain.", []string{`"Lorsqu'aucune"`, `"puisqu'il"`, `"jusqu'à"`}},
		{"one word right after another", "apps/x/fr/p.md", "Obtenez de le aide ou ouvrez-le de abord.", []string{`"l'aide"`, `"d'abord"`}},
		{"que before h keeps the full form", "apps/x/fr/p.md", "Ce que HubRise affiche.", nil},
		{"words ending in que", "apps/x/fr/p.md", "Une banque ou une marque amie.", nil},
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
	t.Parallel()
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

func TestFixElisionsWritesTheElidedForm(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"Choisissez ceux que Orderix doit utiliser.", "Choisissez ceux qu'Orderix doit utiliser."},
		{"Lorsque aucune commande, puisque il attend.", "Lorsqu'aucune commande, puisqu'il attend."},
		{"Obtenez de le aide, ouvrez-le de abord.", "Obtenez de l'aide, ouvrez-le d'abord."},
		{"Le menu ne apparaît pas, de Expedy.", "Le menu n'apparaît pas, d'Expedy."},
	} {
		page := "---\ntitle: Connexion à HubRise\n---\n\n" + tc.in + "\n"
		fixed := FixElisions([]byte(page), Check(Parse("apps/x/fr/p.md", []byte(page)), DefaultOptions()))
		if got := strings.Split(string(fixed), "\n")[4]; got != tc.want {
			t.Errorf("%q: fixed to %q, want %q", tc.in, got, tc.want)
		}
	}
	page := "---\ntitle: Connexion à HubRise\nmeta:\n  description: Ce que Obypay fait lorsque il reçoit de le argent.\n---\n"
	fixed := FixElisions([]byte(page), Check(Parse("apps/x/fr/p.md", []byte(page)), DefaultOptions()))
	if got := strings.Split(string(fixed), "\n")[3]; got != "  description: Ce qu'Obypay fait lorsqu'il reçoit de l'argent." {
		t.Errorf("front matter fixed to %q", got)
	}
}
