package lint

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/partnerpages/partnerpages/scaffold/page"
)

// sectionAnchors reports a standard section heading whose custom id is
// another standard section's: a disconnect heading carrying {#connect}
// sends every link to #connect to the wrong place.
func (c *checker) sectionAnchors() {
	name, _ := c.p.MetaName()
	for _, h := range c.p.Headings {
		if h.ID == "" || h.Level > 2 {
			continue
		}
		text := h.Text
		if name != "" {
			text = strings.ReplaceAll(text, name, "") // the product's name says nothing of the section
		}
		idKind, textKind := page.SectionKind(h.ID), page.SectionKind(text)
		if idKind != "" && textKind != "" && idKind != textKind {
			c.add(h.Pos, RuleAnchor, fmt.Sprintf("the heading %q is the %s section, but its id {#%s} names the %s section; links to #%s land here", h.Text, textKind, h.ID, idKind, h.ID))
		}
	}
}

// anchors reports in-page links to an id no heading has (on any page) and,
// on connect pages, links whose text names another section than their target.
func (c *checker) anchors() {
	ids := map[string]Heading{}
	for _, h := range c.p.Headings {
		if h.ID != "" {
			ids[h.ID] = h
		}
	}
	for _, l := range c.p.Links {
		if l.Image || !strings.HasPrefix(l.Dest, "#") {
			continue
		}
		id := l.Dest[1:]
		want := c.sectionFor(l.Text, ids)
		target, ok := ids[id]
		if !c.connect {
			want = ""
		}
		switch {
		case !ok && want != "":
			c.add(l.Pos, RuleAnchor, fmt.Sprintf("link to #%s, but no heading of this page has the id {#%s}; the %q section is #%s", id, id, ids[want].Text, want))
		case !ok:
			hint := fmt.Sprintf("give the heading a custom id and link to it (ids here: %s)", idList(ids))
			if h, kind := c.headingNamed(l.Text); h != nil {
				hint = fmt.Sprintf("the link text names the section %q (line %d), which has no custom id: add {#%s} to that heading and link to #%s", h.Text, h.Line, kind, kind)
			}
			c.add(l.Pos, RuleAnchor, fmt.Sprintf("link to #%s, but no heading of this page has the id {#%s}; %s", id, id, hint))
		case !c.connect:
		case want != "" && want != id:
			c.add(l.Pos, RuleAnchor, fmt.Sprintf("the link text %q names the %q section (#%s), but the link points at #%s (%q)", l.Text, ids[want].Text, want, id, target.Text))
		}
	}
}

// sectionFor returns the id of the heading that a link's text names: the
// heading with the same text, else the standard section its words name.
func (c *checker) sectionFor(text string, ids map[string]Heading) string {
	for id, h := range ids {
		if strings.EqualFold(strings.TrimSpace(text), h.Text) {
			return id
		}
	}
	kind := page.SectionKind(text)
	if _, ok := ids[kind]; ok && (kind == "give-access" || kind == "contact") {
		return kind
	}
	for id, h := range ids {
		if k := page.SectionKind(h.Text); k != "" && k == kind && (kind == "give-access" || kind == "contact") {
			return id
		}
	}
	return ""
}

// headingNamed finds the standard heading (give-access or contact) that a
// link's text names, and the id such a heading should have.
func (c *checker) headingNamed(text string) (*Heading, string) {
	kind := page.SectionKind(text)
	if kind != "give-access" && kind != "contact" {
		return nil, ""
	}
	for i, h := range c.p.Headings {
		if strings.EqualFold(strings.TrimSpace(text), h.Text) || page.SectionKind(h.Text) == kind {
			return &c.p.Headings[i], kind
		}
	}
	return nil, ""
}

func idList(ids map[string]Heading) string {
	if len(ids) == 0 {
		return "none"
	}
	var out []string
	for id := range ids {
		out = append(out, "#"+id)
	}
	slices.Sort(out)
	return strings.Join(out, ", ")
}

var langPrefix = regexp.MustCompile(`^/[a-z]{2}(/|$)`)

// bareDomainRe matches a link target that starts with a domain name but no
// scheme: www.example.com, example.com/page.
var bareDomainRe = func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(/|$|\?|#)`)
}()

func (c *checker) linkForms() {
	for _, l := range c.p.Links {
		dest := strings.TrimSpace(l.Dest)
		if dest == "" {
			c.add(l.Pos, RuleLinkForm, fmt.Sprintf("the link %q has no target", l.Text))
			continue
		}
		if strings.HasPrefix(dest, "#") {
			continue
		}
		u, err := url.Parse(dest)
		if err != nil {
			c.add(l.Pos, RuleLinkForm, fmt.Sprintf("%q is not a valid link target", dest))
			continue
		}
		switch {
		case u.Scheme == "http" || u.Scheme == "https":
			if slices.Contains(c.o.SiteHosts, strings.ToLower(u.Hostname())) {
				path := langPrefix.ReplaceAllString(u.EscapedPath(), "/")
				if u.Fragment != "" {
					path += "#" + u.Fragment
				}
				c.add(l.Pos, RuleLinkForm, fmt.Sprintf("link to the site's own domain (%s); write the root-relative path %s with the English file name, and the site adds the language", u.Host, path))
			}
		case u.Scheme != "" || strings.HasPrefix(dest, "/"):
		case l.Image:
			// images are relative to the page by design (./images/…)
		case bareDomainRe.MatchString(dest):
			c.add(l.Pos, RuleLinkForm, fmt.Sprintf("link %q has no scheme, so the browser reads it as a path on this site; write https://%s", dest, dest))
		default:
			c.add(l.Pos, RuleLinkForm, fmt.Sprintf("relative link %q; site links are root-relative, such as /%s", dest, strings.TrimPrefix(dest, "./")))
		}
	}
}

func (c *checker) linkTargets() {
	if c.o.Site == nil {
		return
	}
	lang := c.p.Lang()
	for _, l := range c.p.Links {
		if l.Image {
			continue
		}
		if msg := c.o.Site.Resolve(l.Dest, lang); msg != "" {
			c.add(l.Pos, RuleLinkTarget, msg)
		}
	}
}
