package page

import (
	"path"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/partnerpages/partnerpages/scaffold/wording"
)

// ConnectSlugs are the connect page's URL slug per language: the English
// file name, and the localized path_override (wording.yaml).
var ConnectSlugs = wording.ConnectSlugs()

// connectTitles are the connect page's titles per language.
var connectTitles = wording.ConnectTitles()

// IsConnect reports whether the page is a connect page: named
// connect-hubrise.md (or connexion-hubrise.md), given one of those slugs as
// path_override, or titled as one. A page whose front matter has no title
// cannot say, and counts as one, since connect pages are what lint is for.
func (p *Page) IsConnect() bool {
	if isConnectSlug(strings.TrimSuffix(path.Base(strings.ReplaceAll(p.Path, "\\", "/")), ".md")) {
		return true
	}
	if isConnectSlug(p.FMString("path_override")) {
		return true
	}
	title := p.FM("title")
	if title == nil || title.Kind != yaml.ScalarNode {
		return true
	}
	t := strings.ToLower(strings.TrimSpace(title.Value))
	for _, ct := range connectTitles {
		if t == ct {
			return true
		}
	}
	return false
}

func isConnectSlug(s string) bool {
	for _, slug := range ConnectSlugs {
		if s == slug {
			return true
		}
	}
	return false
}

// Lang returns the page's language: from its folder (…/fr/page.md), its
// file name (page-fr.md), else, for a connect page, from its front matter
// (path_override connexion-hubrise, a French title); "" when none says.
func (p *Page) Lang() string {
	if l := LangOf(p.Path); l != "" {
		return l
	}
	return wording.ConnectPageLang(p.FMString("path_override"), p.FMString("title"), "")
}

// LangOf guesses a page's language from its path (…/fr/page.md, or a file
// named page-fr.md), "" if unknown. Only the page's own folder counts: the
// site keeps every page in its language's folder, and a folder higher up
// named with two letters (ci/, io/) says nothing of the page.
func LangOf(path string) string {
	parts := strings.Split(strings.ReplaceAll(path, "\\", "/"), "/")
	if n := len(parts); n >= 2 && IsLangCode(parts[n-2]) {
		return parts[n-2]
	}
	base := strings.TrimSuffix(parts[len(parts)-1], ".md")
	if i := strings.LastIndexByte(base, '-'); i >= 0 && IsLangCode(base[i+1:]) {
		return base[i+1:]
	}
	return ""
}

// IsLangCode reports whether s is a two-letter lower-case language code.
func IsLangCode(s string) bool {
	return len(s) == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z'
}

// FMString returns a scalar front matter value, trimmed, or "".
func (p *Page) FMString(key string) string {
	if n := p.FM(key); n != nil && n.Kind == yaml.ScalarNode {
		return strings.TrimSpace(n.Value)
	}
	return ""
}
