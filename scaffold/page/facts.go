package page

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"gopkg.in/yaml.v3"
)

// MetaName returns the product name in meta.title ("… | Name | HubRise").
func (p *Page) MetaName() (string, Pos) {
	n := p.FM("meta.title")
	if n == nil || n.Kind != yaml.ScalarNode {
		return "", Pos{}
	}
	v := n.Value
	first, last := strings.Index(v, " | "), strings.LastIndex(v, " | ")
	if first < 0 || first == last {
		return "", Pos{}
	}
	return strings.TrimSpace(v[first+3 : last]), p.FMPos(n)
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
