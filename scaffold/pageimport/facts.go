package pageimport

import (
	"github.com/partnerpages/partnerpages/scaffold/page"

	"slices"
	"strings"

	"github.com/partnerpages/partnerpages/scaffold/render"
	"github.com/yuin/goldmark/ast"
)

// Facts are what a reader must find again in a regenerated page: the
// partner's e-mails, the UI labels of its steps, its images and the titles
// of its extra sections.
type Facts struct {
	Emails   []string
	Labels   []string
	Images   []string
	Sections []string
}

// factsOf collects the facts of a parsed page, leaving out the blocks that
// start on a line of skip (passages the template writes itself) and the
// platform's own e-mails.
func factsOf(p *page.Page, skip map[int]bool, platform []string) Facts {
	var f Facts
	add := func(list *[]string, s string) {
		s = render.PlainSpacing(s) // a page in either spacing has the same facts
		if s != "" && !slices.Contains(*list, s) {
			*list = append(*list, s)
		}
	}
	r := &reader{page: p, body: p.Body}
	for _, s := range r.sections() {
		if s.kind == "" {
			add(&f.Sections, s.title)
		}
		for _, b := range s.blocks {
			_ = ast.Walk(b, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if !entering {
					return ast.WalkContinue, nil
				}
				switch n.Kind() {
				case ast.KindListItem, ast.KindParagraph, ast.KindTextBlock:
					if skip[r.lineOf(n)] {
						return ast.WalkSkipChildren, nil
					}
				}
				switch n := n.(type) {
				case *ast.Text:
					for _, m := range emailRe.FindAllString(string(n.Segment.Value(p.Body)), -1) {
						if m = strings.ToLower(m); !slices.Contains(platform, m) {
							add(&f.Emails, m)
						}
					}
				case *ast.Emphasis:
					if n.Level == 2 && s.kind != "give-access" && s.kind != "contact" && s.kind != "preamble" {
						add(&f.Labels, plainText(p.Body, n))
					}
				case *ast.Image:
					add(&f.Images, string(n.Destination))
				}
				return ast.WalkContinue, nil
			})
		}
	}
	return f
}

// missing lists the facts of orig that regen lacks. A label may appear
// inside a longer bold label ("Activer" in "Activer (Connect)").
func missing(orig, regen Facts) []string {
	var out []string
	for _, e := range orig.Emails {
		if !slices.Contains(regen.Emails, e) {
			out = append(out, "e-mail "+e)
		}
	}
	for _, l := range orig.Labels {
		if !slices.ContainsFunc(regen.Labels, func(r string) bool { return r == l || strings.HasPrefix(r, l+" (") }) {
			out = append(out, "label **"+l+"**")
		}
	}
	for _, i := range orig.Images {
		if !slices.Contains(regen.Images, i) {
			out = append(out, "image "+i)
		}
	}
	for _, s := range orig.Sections {
		if !slices.Contains(regen.Sections, s) {
			out = append(out, "section "+s)
		}
	}
	return out
}
