package spelling_test

import (
	"slices"
	"testing"

	"github.com/partnerpages/partnerpages/internal/testspell"
)

// TestUnknownWords: the slips a site editor fixes are unknown; the words
// around them, British and American spellings, and in French the English
// words the site borrows, are known.
func TestUnknownWords(t *testing.T) {
	t.Parallel()
	h := testspell.Hunspell(t)
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
