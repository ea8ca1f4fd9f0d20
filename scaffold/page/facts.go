package page

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"go.yaml.in/yaml/v3"

	"github.com/partnerpages/partnerpages/scaffold/email"
)

// MetaName returns the product name in meta.title ("… | Name | HubRise").
func (p *Page) MetaName() (string, Pos) {
	n := p.FM("meta.title")
	if n == nil || n.Kind != yaml.ScalarNode {
		return "", Pos{}
	}
	// French typography may have made the space before a name's "!" or
	// "?" a no-break one, next to the separator: read them as spaces
	title := strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(n.Value)
	_, rest, ok := strings.Cut(title, " | ")
	last := strings.LastIndex(rest, " | ")
	if !ok || last < 0 {
		// "Connect to HubRise | | HubRise": the separators share a space, so
		// the part between them is empty, like a title without one
		return "", Pos{}
	}
	return strings.TrimSpace(rest[:last]), p.FMPos(n)
}

// Labels returns the bold labels and code spans of a block, as written.
func (p *Page) Labels(n ast.Node) []string {
	var out []string
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Emphasis:
			if c.Level == 2 {
				out = append(out, strings.TrimSpace(string(c.Text(p.Body))))
			}
		case *ast.CodeSpan:
			out = append(out, strings.TrimSpace(string(c.Text(p.Body))))
		}
		return ast.WalkContinue, nil
	})
	return out
}

// Fact is one thing a reader of a page must find again when the page is
// regenerated: an e-mail, an image, a bold label, a heading or a link.
type Fact struct {
	Kind    string // email, image, label, heading, link
	Value   string
	Line    int
	Section string // the kind of the section it is in (SectionKind), "" for another
}

// String formats the fact as "kind value".
func (f Fact) String() string { return f.Kind + " " + f.Value }

var (
	factLinkRe = regexp.MustCompile(`^(https?://|/apps/)`)
)

// Facts lists the page's facts in order: every e-mail, image, bold label,
// heading of a section that is not one of the four standard ones, and
// external or /apps/ link. The caller leaves out what a template writes
// itself (the platform's e-mail and labels).
func (p *Page) Facts() []Fact {
	var out []Fact
	section := ""
	add := func(kind, value string, n ast.Node) {
		value = strings.TrimSpace(value)
		if value == "" {
			return
		}
		out = append(out, Fact{Kind: kind, Value: value, Line: p.nodeLine(n), Section: section})
	}
	_ = ast.Walk(p.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			text := strings.TrimSpace(string(n.Text(p.Body)))
			id := ""
			if v, ok := n.AttributeString("id"); ok {
				if b, ok := v.([]byte); ok {
					id = string(b)
				}
			}
			kind := SectionKind(id)
			if kind == "" {
				kind = SectionKind(text)
			}
			if n.Level <= 2 {
				section = kind
			}
			if kind == "" || n.Level > 2 {
				add("heading", text, n)
			}
		case *ast.Text:
			for _, m := range email.Find(string(n.Segment.Value(p.Body))) {
				add("email", strings.ToLower(m), n)
			}
		case *ast.AutoLink:
			if u := string(n.URL(p.Body)); email.Is(u) && !strings.Contains(u, "/") {
				add("email", strings.ToLower(strings.TrimPrefix(u, "mailto:")), n)
			} else if factLinkRe.MatchString(u) {
				add("link", u, n)
			}
		case *ast.Emphasis:
			if n.Level == 2 {
				add("label", string(n.Text(p.Body)), n)
			}
		case *ast.Image:
			add("image", string(n.Destination), n)
		case *ast.Link:
			dest := string(n.Destination)
			if a, ok := strings.CutPrefix(dest, "mailto:"); ok {
				add("email", strings.ToLower(a), n)
			} else if factLinkRe.MatchString(dest) {
				add("link", dest, n)
			}
		}
		return ast.WalkContinue, nil
	})
	return out
}

// nodeLine is the line a node starts on.
func (p *Page) nodeLine(n ast.Node) int {
	for c := n; c != nil; c = c.Parent() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return p.At(c.Lines().At(0).Start).Line
		}
		if t, ok := c.(*ast.Text); ok {
			return p.At(t.Segment.Start).Line
		}
	}
	return p.blockStart(n).Line
}
