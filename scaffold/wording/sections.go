package wording

import (
	"regexp"
	"strings"
)

// sectionOrder is the order kinds are tried in: a heading that says both
// (Disconnect … to give access?) is the first that matches.
var sectionOrder = []string{"give-access", "contact", "disconnect", "connect"}

var sectionRes = func() map[string]*regexp.Regexp {
	m := map[string]*regexp.Regexp{}
	for _, kind := range sectionOrder {
		var frags []string
		for _, l := range Langs() {
			frags = append(frags, Languages[l].Sections[kind]...)
		}
		m[kind] = regexp.MustCompile(`(?i)(?:` + strings.Join(frags, "|") + `)`)
	}
	return m
}()

// SectionKind classifies a section by its id or heading text: "connect",
// "give-access", "contact", "disconnect", or "" for any other.
func SectionKind(s string) string {
	if s == "give-access" || s == "contact" {
		return s
	}
	for _, kind := range sectionOrder {
		if sectionRes[kind].MatchString(s) {
			return kind
		}
	}
	return ""
}

// ConnectSlugs are the connect page's URL slug, by language.
func ConnectSlugs() map[string]string {
	m := map[string]string{}
	for code, l := range Languages {
		m[code] = l.ConnectSlug
	}
	return m
}

// ConnectTitles are the connect page's titles, lower case.
func ConnectTitles() []string {
	var out []string
	for _, code := range Langs() {
		out = append(out, Languages[code].ConnectTitle)
	}
	return out
}

// ConnectPageLang tells a connect page's language from its path_override
// and title, when its path does not say: the language whose slug it gives,
// else whose title word it uses, else fallback.
func ConnectPageLang(pathOverride, title, fallback string) string {
	for _, code := range Langs() {
		if pathOverride != "" && pathOverride == Languages[code].ConnectSlug {
			return code
		}
	}
	t := strings.ToLower(title)
	for _, code := range Langs() {
		if code == fallback {
			continue
		}
		if first, _, _ := strings.Cut(Languages[code].ConnectTitle, " "); first != "" && strings.Contains(t, first) {
			return code
		}
	}
	return fallback
}
