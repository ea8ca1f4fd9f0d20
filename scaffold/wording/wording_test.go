package wording

import (
	"maps"
	"slices"
	"testing"
)

// TestEveryLanguageSaysEveryConcept: a language missing a concept another
// has would make import or lint blind to its pages without any error.
func TestEveryLanguageSaysEveryConcept(t *testing.T) {
	t.Parallel()
	if len(Languages) < 2 {
		t.Fatalf("only %d languages", len(Languages))
	}
	first := Langs()[0]
	for _, code := range Langs() {
		l := Languages[code]
		for what, keys := range map[string][]string{
			"sections": slices.Sorted(maps.Keys(l.Sections)),
			"phrases":  slices.Sorted(maps.Keys(l.Phrases)),
			"names":    slices.Sorted(maps.Keys(l.Names)),
		} {
			var want []string
			switch what {
			case "sections":
				want = slices.Sorted(maps.Keys(Languages[first].Sections))
			case "phrases":
				want = slices.Sorted(maps.Keys(Languages[first].Phrases))
			case "names":
				want = slices.Sorted(maps.Keys(Languages[first].Names))
			}
			if !slices.Equal(keys, want) {
				t.Errorf("%s %s: %v, %s has %v", code, what, keys, first, want)
			}
		}
		if l.ConnectSlug == "" || l.ConnectTitle == "" || len(l.HeadingNames) == 0 || l.NavWords == "" {
			t.Errorf("%s: a connect slug, title, heading names and navigation words are needed", code)
		}
	}
	for concept := range Languages[first].Phrases {
		Phrase(concept) // compiles, or panics
	}
	for concept := range Languages[first].Names {
		Names(concept)
	}
	HeadingNames()
	ToPlatform()
}

func TestSectionKind(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"give-access": "give-access", "Grant Access to Foo Support": "give-access", "Donner accès au support de Foo": "give-access",
		"contact": "contact", "Contact Foo Support": "contact", "Contacter le support de Foo": "contact",
		"Disconnect Foo": "disconnect", "Déconnecter Foo": "disconnect",
		"Connect Foo": "connect", "Connecter Foo": "connect",
		"Terms": "", "Foo and contact": "",
	} {
		if got := SectionKind(in); got != want {
			t.Errorf("SectionKind(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestConnectPageLang(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ override, title, want string }{
		{"connexion-hubrise", "", "fr"},
		{"connect-hubrise", "", "en"},
		{"", "Connexion à HubRise", "fr"},
		{"", "Connect to HubRise", "en"},
		{"", "", "en"},
	} {
		if got := ConnectPageLang(c.override, c.title, "en"); got != c.want {
			t.Errorf("ConnectPageLang(%q, %q) = %q, want %q", c.override, c.title, got, c.want)
		}
	}
}
