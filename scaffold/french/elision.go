// Package french holds the rules of French the templates and lint both
// apply: which words elide before a vowel (de → d', que → qu') and the
// contractions of à and de with le and les.
package french

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Elided maps each word French elides before a vowel to its elided form.
var Elided = map[string]string{
	"de": "d'", "le": "l'", "la": "l'", "que": "qu'", "ne": "n'", "se": "s'",
	"lorsque": "lorsqu'", "puisque": "puisqu'", "jusque": "jusqu'",
}

// ElidingWords lists the keys of Elided, longest first (for a regexp
// alternation).
func ElidingWords() []string {
	words := make([]string, 0, len(Elided))
	for w := range Elided {
		words = append(words, w)
	}
	slices.SortFunc(words, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	return words
}

// StartsWithVowel reports whether s starts with a vowel, accented or not, in
// either case. H and y do not count: the tool cannot tell a mute h from an
// aspirated one in a brand name, and the site writes "de HubRise", "de Yumi".
func StartsWithVowel(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("aeiouàâäéèêëîïôöùûüœæ", unicode.ToLower(r))
}

// muteH are the starts of common French words whose h is mute, as
// restaurant and shop names use them: "d'Hôtel Pay", "l'Herbier". Any other
// h counts as aspirated (the site writes "de HubRise"); a partner file says
// otherwise with elide: always or never.
var muteH = []string{"hôtel", "hotel", "hôte", "hospital", "hôpital", "herb", "heure", "histoire", "homme", "honneur", "horaire", "horizon", "huile", "huît", "huit", "habit", "harmoni", "hippo", "hélio", "hémi", "humeur", "humour", "hiver", "hirondelle"}

// StartsWithMuteH reports whether s starts with a word whose h French
// does not pronounce (Hôtel, herbier), which elides like a vowel.
func StartsWithMuteH(s string) bool {
	lower := strings.ToLower(s)
	for _, w := range muteH {
		if strings.HasPrefix(lower, w) {
			return true
		}
	}
	return false
}

// Elides reports whether French elides before s: a vowel, or a mute h.
func Elides(s string) bool { return StartsWithVowel(s) || StartsWithMuteH(s) }

// Elide joins word (one of Elided, in any case) to next as French writes it:
// "que" + "Orderix" → "qu'Orderix", "que" + "Qwenta" → "que Qwenta",
// "De" + "Expedy" → "D'Expedy", "de" + "Hôtel Pay" → "d'Hôtel Pay".
// how overrides the rule for a name: "always" elides, "never" does not.
func Elide(word, next string, how ...string) string {
	elides := Elides(next)
	if len(how) > 0 {
		switch how[0] {
		case "always":
			elides = true
		case "never":
			elides = false
		}
	}
	if !elides {
		return word + " " + next
	}
	return ElidedForm(word) + next
}

// ElidedForm is word's elided form in word's own case ("Que" → "Qu'"); a
// word French does not elide comes back with a space after it.
func ElidedForm(word string) string {
	e, ok := Elided[strings.ToLower(word)]
	if !ok {
		return word + " "
	}
	if r, _ := utf8.DecodeRuneInString(word); unicode.IsUpper(r) {
		first, size := utf8.DecodeRuneInString(e)
		e = string(unicode.ToUpper(first)) + e[size:]
	}
	return e
}

// Au is "à le <noun>" as French writes it: "au logiciel", "à l'application".
func Au(noun string) string {
	if StartsWithVowel(noun) {
		return "à l'" + noun
	}
	return "au " + noun
}

// Du is "de le <noun>" as French writes it: "du logiciel", "de l'application".
func Du(noun string) string {
	if StartsWithVowel(noun) {
		return "de l'" + noun
	}
	return "du " + noun
}
