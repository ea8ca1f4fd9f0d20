package lint

import (
	"path"
	"strings"

	"gopkg.in/yaml.v3"
)

// ConnectSlugs are the connect page's URL slug per language: the English
// file name, and the localized path_override.
var ConnectSlugs = map[string]string{"en": "connect-hubrise", "fr": "connexion-hubrise"}

// connectTitles are the connect page's titles per language.
var connectTitles = []string{"connect to hubrise", "connexion à hubrise"}

// IsConnect reports whether the page is a connect page: named
// connect-hubrise.md (or connexion-hubrise.md), given one of those slugs as
// path_override, or titled as one. A page whose front matter has no title
// cannot say, and counts as one, since connect pages are what lint is for.
func (p *Page) IsConnect() bool {
	if isConnectSlug(strings.TrimSuffix(path.Base(strings.ReplaceAll(p.Path, "\\", "/")), ".md")) {
		return true
	}
	if isConnectSlug(p.fmString("path_override")) {
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
// file name (page-fr.md), or "" when neither says.
func (p *Page) Lang() string { return pageLang(p.Path) }

// fmString returns a scalar front matter value, or "".
func (p *Page) fmString(key string) string {
	if n := p.FM(key); n != nil && n.Kind == yaml.ScalarNode {
		return strings.TrimSpace(n.Value)
	}
	return ""
}
