package pageimport

import (
	"net/url"
	"slices"
	"strings"

	"github.com/partnerpages/partnerpages/scaffold/page"
	"github.com/partnerpages/partnerpages/scaffold/render"
)

// oldUILabels are labels of the platform's former give-access UI: the
// template's steps replace them (lint's outdated-ui finds them).
var oldUILabels = []string{"Manager", "+", "ROLE", "RÔLE", "EMAIL", "E-MAIL", "Account", "Location", "Modifier les permissions", "Authorise", "Authorize",
	"Choose location", "Choose location section", "Choisissez le point de vente", "Connect"}

// PartnerFacts lists the facts of a page that are the partner's, which a
// regenerated page must keep: every e-mail but the platform's, every image,
// every bold label the template does not write itself, every heading that
// is not one of the four standard sections, and every external or /apps/
// link. The template's own are left out: the platform's e-mails, UI labels
// and links, the note on top, and the platform's steps and icons in the
// give-access and contact sections.
func PartnerFacts(p *page.Page, set *render.Set, platformEmails []string) []page.Fact {
	var uiLabels []string
	for _, byLang := range set.Site.UI {
		for _, l := range byLang {
			uiLabels = append(uiLabels, l)
		}
	}
	var out []page.Fact
	for _, f := range p.Facts() {
		// a page in either spacing has the same facts, and a no-break space
		// between two words is a space
		f.Value = spaces.Replace(render.PlainSpacing(f.Value))
		platformSection := f.Section == "give-access" || f.Section == "contact"
		switch f.Kind {
		case "email":
			if slices.Contains(platformEmails, f.Value) {
				continue
			}
		case "label":
			if platformSection || slices.Contains(uiLabels, f.Value) || slices.Contains(oldUILabels, f.Value) || noteRe.MatchString("**"+f.Value) {
				continue
			}
		case "image":
			if platformSection && strings.Contains(p.Line(f.Line), "<InlineImage") {
				continue // an icon of the platform's UI
			}
		case "link":
			if u, err := url.Parse(f.Value); err == nil && (u.Hostname() == "hubrise.com" || strings.HasSuffix(u.Hostname(), ".hubrise.com")) {
				continue // the platform's own pages: the template writes its links
			}
		}
		out = append(out, f)
	}
	return out
}

// spaces turns no-break spaces into spaces.
var spaces = strings.NewReplacer("\u00a0", " ", "\u202f", " ")

// lostFacts returns the facts of orig that regen does not have. A label may
// stand inside a longer bold label ("Activer" in "Activer (Connect)").
func lostFacts(orig, regen []page.Fact) []page.Fact {
	have := map[string]bool{}
	var labels []string
	for _, f := range regen {
		have[f.String()] = true
		if f.Kind == "label" {
			labels = append(labels, f.Value)
		}
	}
	var out []page.Fact
	for _, f := range orig {
		if have[f.String()] {
			continue
		}
		if f.Kind == "label" && slices.ContainsFunc(labels, func(r string) bool { return strings.HasPrefix(r, f.Value+" (") }) {
			continue
		}
		out = append(out, f)
	}
	return out
}
