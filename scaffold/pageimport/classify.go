package pageimport

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/partnerpages/partnerpages/scaffold/wording"
)

// navWords are the words a navigation step uses besides its bold labels
// ("From the X back office, click **A**, then **B** in the left-hand menu").
// A step made only of these, the product's name and labels is a menu path.
var navWords = func() map[string]bool {
	return wording.Words(func(l wording.Language) []string { return strings.Fields(l.NavWords) })
}()

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// words splits text into lower-case words (letters, digits and '-').
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	})
}

// isNavigation reports whether text, with its bold labels removed, only
// says where to click: the rest are navigation words or the product's name.
func isNavigation(rest string, name string) bool {
	nameWords := wordSet(strings.Join(words(name), " "))
	for _, w := range words(rest) {
		if !navWords[w] && !nameWords[w] {
			return false
		}
	}
	return true
}

// The phrases of the platform's pages, in every language (wording.yaml).
var (
	redirectRe         = wording.Phrase("redirect")          // the reader lands on the platform
	templateSentenceRe = wording.Phrase("template_sentence") // what the template's button step already says
	locationStepRe     = wording.Phrase("location_step")     // with chooseRe: the standard location step
	chooseRe           = wording.Phrase("choose")
	authoriseStepRe    = wording.Phrase("authorise_step")     // a step that only clicks Authorise
	connectedStepRe    = wording.Phrase("connected_step")     // the standard last step: back, connected
	disconnectedStepRe = wording.Phrase("disconnected_step")  // the standard last disconnect step
	appListStepRe      = wording.Phrase("app_list_step")      // the platform's app list: CONNECTIONS, View available apps
	appPickStepRe      = wording.Phrase("app_pick_step")      // picking the app in that list
	appConnectStepRe   = wording.Phrase("app_connect_step")   // its Connect button, as a step of its own
	hubriseLoginStepRe = wording.Phrase("hubrise_login_step") // signing in to the platform's back office
	askSupportRe       = wording.Phrase("ask_support")        // a sentence sending the reader to support
	clickRe            = wording.Phrase("click")              // a click verb
	modeStatementRe    = wording.Phrase("mode_statement")     // a sentence that only says who can connect
	noteRe             = wording.Phrase("important_note")     // the boxed note of the page's top
	signupNoteRe       = wording.Phrase("signup_note")        // the template's note, not a partner's own
	publisherRes       = wording.Names("publisher")           // "X, the publisher of"
	supportOfRes       = wording.Names("support_of")          // "the X support team"
	// leadInRe matches a sentence that only introduces the steps that follow.
	leadInRe = regexp.MustCompile(`:\s*$`)
	// glossRe matches a translation in brackets after a label: **Activer** (Connect).
	glossRe = regexp.MustCompile(`^\s*(\([^()\n]+\))\s*[.;]?\s*$`)
)

// trailingWords are stripped from the text before a button's label
// ("… and click **Submit**" keeps "…").
var trailingWords = func() map[string]bool {
	return wording.Words(func(l wording.Language) []string { return strings.Fields(l.TrailingWords) })
}()

// trimBeforeButton removes the click verb and connectors that end s.
func trimBeforeButton(s string) string {
	for {
		t := strings.TrimRight(s, " \t\n,;:")
		i := strings.LastIndexAny(t, " \t\n")
		last := strings.ToLower(t[i+1:])
		if t == "" || !trailingWords[last] {
			return t
		}
		s = t[:i+1]
	}
}

// sentences splits a line of prose after '.', '!' or '?' followed by a space.
func sentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s)-1; i++ {
		if (s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i+1] == ' ' {
			out = append(out, s[start:i+1])
			start = i + 2
		}
	}
	if rest := strings.TrimSpace(s[start:]); rest != "" {
		out = append(out, s[start:])
	}
	return out
}

// pausedRe reads the template's sentence on blocking the connection, which
// says what the partner is: what blocking pauses (orders it receives, orders
// it sends, data).
var pausedRe = regexp.MustCompile(`(?i)(the orders .{1,80}? (receives|sends)|the data .{1,80}? exchanges with|la réception des commandes dans|l'envoi des commandes|les échanges de données)`)

// kindOf guesses the partner's kind from the words the page uses for it.
func kindOf(text string) string {
	l := strings.ToLower(text)
	if m := pausedRe.FindStringSubmatch(l); m != nil {
		switch {
		case m[2] == "receives" || strings.HasPrefix(m[1], "la réception"):
			return "epos"
		case m[2] == "sends" || strings.HasPrefix(m[1], "l'envoi"):
			if strings.Contains(l, "livraison") || strings.Contains(l, "delivery") || strings.Contains(l, "courier") || strings.Contains(l, "coursier") {
				return "delivery"
			}
			return "ordering"
		default:
			return "other"
		}
	}
	switch {
	case strings.Contains(l, "livraison") || strings.Contains(l, "delivery") || strings.Contains(l, "courier") || strings.Contains(l, "coursier"):
		return "delivery"
	case strings.Contains(l, "commande en ligne") || strings.Contains(l, "online ordering") || strings.Contains(l, "click and collect"):
		return "ordering"
	case strings.Contains(l, "caisse") || strings.Contains(l, "epos") || strings.Contains(l, " pos ") || strings.Contains(l, "point of sale"):
		return "epos"
	}
	return "other"
}
