package lint

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/partnerpages/partnerpages/scaffold/partner"
)

// copiedFromAnotherApp finds text copied from another app's page, which
// copy-and-edit leaves behind: with --site, a meta description that names
// another app of the site and not this one, and a page that names another
// app's product throughout; on any connect page, a link into another app's
// give-access or contact section where an in-page anchor was meant.
func (c *checker) copiedFromAnotherApp() {
	own := pageApp(c.p.Path)
	if own == "" {
		return
	}
	c.linksIntoAnotherApp(own)
	if c.o.Site == nil {
		return
	}
	main, pos := c.p.MetaName()
	if main == "" {
		return
	}
	if other := c.otherApp(main, own); other != "" {
		c.add(pos, RuleNameMismatch, fmt.Sprintf("this page is in apps/%s, but it names %q, the product of apps/%s: the page was copied from there and not renamed", own, main, other))
		return // the description follows the same name; one finding says it
	}
	n := c.p.FM("meta.description")
	if n == nil || n.Kind != yaml.ScalarNode || containsWord(n.Value, main) {
		return
	}
	for _, name := range c.o.Site.AppNamesIn(n.Value) {
		if other := c.otherApp(name, own); other != "" && !related(name, main) {
			c.add(c.p.FMPos(n), RuleNameMismatch, fmt.Sprintf("meta.description names %q (apps/%s) and not %q: text copied from another app's page?", name, other, main))
			return
		}
	}
}

// otherApp returns the app, other than own, whose pages call their product
// name, or "" (also when own's folder is named for it: a bridge app is
// named for the product it bridges).
func (c *checker) otherApp(name, own string) string {
	slug := partner.Slugify(name)
	if slug == own || strings.Contains(own, slug) || strings.Contains(slug, own) {
		return ""
	}
	for _, app := range c.o.Site.AppsNamed(name) {
		if app != own {
			return app
		}
	}
	return ""
}

// linksIntoAnotherApp reports links to another app's standard section
// (/apps/other/…#give-access): on a connect page they were meant in-page.
func (c *checker) linksIntoAnotherApp(own string) {
	if !c.connect {
		return
	}
	for _, l := range c.p.Links {
		path, id, ok := strings.Cut(l.Dest, "#")
		rest, isApp := strings.CutPrefix(path, "/apps/")
		app, _, _ := strings.Cut(rest, "/")
		if l.Image || !ok || !isApp || app == "" || app == own || id != "give-access" && id != "contact" {
			continue
		}
		c.add(l.Pos, RuleAnchor, fmt.Sprintf("link into apps/%s's #%s section from apps/%s's page: write (#%s) to link to this page's own section", app, id, own, id))
	}
}
