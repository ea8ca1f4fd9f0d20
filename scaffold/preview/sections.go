package preview

import (
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"strings"
)

// Section ownership, as the page shows it.
const (
	OwnText  = "own"   // the partner's own words: a template change does not reach it
	OwnMixed = "mixed" // written by the template around the partner's own steps or intro
)

// PreambleSection is the index ownSections gives the text before the first
// section heading.
const PreambleSection = -1

// ownSections tells, for lang, which sections of p's page (by their index
// among the page's level-2 headings) the template does not write in full.
func ownSections(p *partner.Partner, lang string) map[int]string {
	own := map[int]string{}
	if p.Preamble.In(lang) != "" {
		own[PreambleSection] = OwnText
	}
	i := 0
	for _, pt := range p.Layout() {
		if !pt.InLang(lang) {
			continue
		}
		switch {
		case pt.Standard.Value == "" || pt.Body.In(lang) != "":
			own[i] = OwnText
		case pt.Intro.In(lang) != "" || len(pt.Steps.In(lang)) > 0 || partnerSteps(p, pt.Standard.Value, lang):
			own[i] = OwnMixed
		}
		i++
	}
	return own
}

// partnerSteps reports whether a standard section carries steps of the
// partner's own among the template's.
func partnerSteps(p *partner.Partner, standard, lang string) bool {
	for name, steps := range p.StepsAfter[lang] {
		if len(steps) > 0 && stepSection(name) == standard {
			return true
		}
	}
	for _, name := range p.SkipSteps[lang] {
		if stepSection(name.Value) == standard {
			return true
		}
	}
	switch standard {
	case "connect":
		return p.Connection.Intro.In(lang) != "" || p.Connection.HasOwn(lang)
	case "disconnect":
		return p.Disconnect.HasOwn(lang)
	}
	return false
}

// stepSection is the standard section that writes the platform step name.
func stepSection(name string) string {
	switch {
	case strings.HasPrefix(name, "access-"):
		return "give-access"
	case strings.HasPrefix(name, "disconnect"):
		return "disconnect"
	}
	return "connect"
}
