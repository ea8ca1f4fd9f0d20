package french

import "testing"

func TestElide(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ word, next, want string }{
		{"de", "Expedy", "d'Expedy"},
		{"de", "Qwenta", "de Qwenta"},
		{"de", "HubRise", "de HubRise"}, // h: the full form
		{"de", "Yumi", "de Yumi"},
		{"que", "Orderix", "qu'Orderix"},
		{"que", "Uber Eats", "qu'Uber Eats"},
		{"que", "iiko", "qu'iiko"},
		{"que", "Éole", "qu'Éole"},
		{"le", "œuf", "l'œuf"},
		{"la", "application", "l'application"},
		{"ne", "est", "n'est"},
		{"se", "affiche", "s'affiche"},
		{"lorsque", "aucune", "lorsqu'aucune"},
		{"puisque", "il", "puisqu'il"},
		{"jusque", "à", "jusqu'à"},
		{"Que", "Adipos", "Qu'Adipos"},
		{"De", "App4", "D'App4"},
		{"que", "4Food", "que 4Food"},
		{"que", "", "que "},
	} {
		if got := Elide(tc.word, tc.next); got != tc.want {
			t.Errorf("Elide(%q, %q) = %q, want %q", tc.word, tc.next, got, tc.want)
		}
	}
}

func TestContractions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ noun, au, du string }{
		{"logiciel de caisse", "au logiciel de caisse", "du logiciel de caisse"},
		{"application", "à l'application", "de l'application"},
		{"HubRise", "au HubRise", "du HubRise"},
	} {
		if got := Au(tc.noun); got != tc.au {
			t.Errorf("Au(%q) = %q, want %q", tc.noun, got, tc.au)
		}
		if got := Du(tc.noun); got != tc.du {
			t.Errorf("Du(%q) = %q, want %q", tc.noun, got, tc.du)
		}
	}
}

func TestElidingWordsLongestFirst(t *testing.T) {
	t.Parallel()
	w := ElidingWords()
	if len(w) != len(Elided) || len(w[0]) < len(w[len(w)-1]) {
		t.Errorf("%v", w)
	}
}
