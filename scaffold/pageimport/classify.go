package pageimport

import (
	"regexp"
	"strings"
	"unicode"
)

// navWords are the words a navigation step uses besides its bold labels
// ("From the X back office, click **A**, then **B** in the left-hand menu").
// A step made only of these, the product's name and labels is a menu path.
var navWords = wordSet(`
	from in on the of your click clik select go to navigate open then and back office back-office backoffice
	left-hand left right-hand right top main menu home page section tab button bar at
	depuis dans de du des la le les l d votre vos sur cliquez cliquer sélectionnez allez accédez ouvrez
	puis et à au accueil gauche droite barre onglet bouton principal haut
`)

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

var (
	// redirectRe finds the sentence saying the reader lands on the platform.
	redirectRe = regexp.MustCompile(`(?i)redirig|redirect|directed to`)
	// templateSentenceRe matches what the template's button step already says:
	// the platform's login page opens, and first-timers create an account.
	templateSentenceRe = regexp.MustCompile(`(?i)redirig|redirect|directed to|premi[eè]re connexion|first time|first connection|create an? (new )?hubrise account|créez (un|votre) compte|/docs/get-started|comment-demarrer|getting started|get started|guide de démarrage|login page opens|page de connexion de hubrise s'ouvre`)
	// locationStepRe and chooseRe together match the standard location step.
	locationStepRe = regexp.MustCompile(`(?i)point de vente|points de vente|location`)
	chooseRe       = regexp.MustCompile(`(?i)choisi|sélection|choose|select|expand|développ|find|pick`)
	// authoriseStepRe matches a step that only clicks the platform's Authorise button.
	authoriseStepRe = regexp.MustCompile(`(?i)^(click|cliquez)( on| sur)? (authori[sz]e|autoriser|allow)\.?$`)
	// connectedStepRe matches the standard last step: back in the product, connected.
	connectedStepRe = regexp.MustCompile(`(?i)redirigé vers l'interface|redirected to the .*interface|connexion à hubrise est établie|connection to hubrise is established|is now connected|est désormais connecté|désormais connecté`)
	// disconnectedStepRe matches the standard last disconnect step.
	disconnectedStepRe = regexp.MustCompile(`(?i)is now disconnected|est (maintenant |désormais )?déconnecté|stops exchanging|cesse d'échanger`)
	// askSupportRe matches a sentence sending the reader to the partner's support.
	askSupportRe = regexp.MustCompile(`(?i)(ask|contact|adressez-vous|contactez|demandez)[^.]{0,50}support`)
	// clickRe finds a click verb.
	clickRe = regexp.MustCompile(`(?i)\b(click|clik|cliquez|tap|appuyez)\b`)
	// leadInRe matches a sentence that only introduces the steps that follow.
	leadInRe = regexp.MustCompile(`:\s*$`)
	// modeStatementRe matches a sentence that only says who can connect.
	modeStatementRe = regexp.MustCompile(`(?i)seule?s? l'équipe|only the .*support team can|can only be|ne peut être .*que|autonomously|de manière autonome|en autonomie|yourself from|vous-même depuis`)
	// noteRe matches the boxed "important note" paragraph of the page's top.
	noteRe = regexp.MustCompile(`(?i)^\s*\*\*(important note|remarque importante)`)
	// signupNoteRe tells the template's note (open a HubRise account first)
	// from a partner's own important note.
	signupNoteRe = regexp.MustCompile(`(?i)signup|inscription|sign up|register|account|compte`)
	// glossRe matches a translation in brackets after a label: **Activer** (Connect).
	glossRe = regexp.MustCompile(`^\s*(\([^()\n]+\))\s*[.;]?\s*$`)
	// publisherRe finds "X, the publisher of" / "X, éditeur de".
	publisherRe = regexp.MustCompile(`(\p{Lu}[\p{L}\d&.'-]*(?:\s+\p{Lu}[\p{L}\d&.'-]*)*),\s+(?:éditeur|the publisher|publisher|made by)`)
	// supportOfRe finds the company named in "le support de X" / "X support".
	supportOfRe = regexp.MustCompile(`(?:support (?:de |d')|équipe de )(\p{Lu}[\p{L}\d&-]*)|(\p{Lu}[\p{L}\d&-]*) support`)
)

// trailingWords are stripped from the text before a button's label
// ("… and click **Submit**" keeps "…").
var trailingWords = wordSet(`click clik cliquez cliquer tap appuyez on sur the le la and et then puis`)

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

// kindOf guesses the partner's kind from the words the page uses for it.
func kindOf(text string) string {
	l := strings.ToLower(text)
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
