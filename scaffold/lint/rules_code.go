package lint

import (
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/partnerpages/partnerpages/scaffold/page"
)

var (
	esmLineRe    = regexp.MustCompile(`^(import|export)(\s|\{|\*|$)`)
	scriptURLRe  = regexp.MustCompile(`(?i)^\s*(javascript|vbscript)\s*:`)
	tagRe        = regexp.MustCompile(`<(/?)([A-Za-z][\w.]*)`)
	scriptAttrRe = regexp.MustCompile(`(?i)\b(?:href|src)\s*=\s*["']?\s*(javascript|vbscript)\s*:`)
)

// code reports what a page would run rather than show: an import or export
// statement, a <script> or other tag that runs or embeds code, a component
// the site does not provide, a javascript: or vbscript: link or image.
func (c *checker) code() {
	ast.Walk(c.p.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Paragraph:
			if n.Parent() == c.p.Root && n.Lines().Len() > 0 {
				seg := n.Lines().At(0)
				if esmLineRe.Match(seg.Value(c.p.Body)) {
					c.add(c.p.At(seg.Start), RuleMDX, "a line that starts with import or export is JavaScript the site's build runs, not text; reword it or put it in `code`")
				}
			}
		case *ast.HTMLBlock:
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				c.tags(string(seg.Value(c.p.Body)), seg.Start)
			}
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				c.tags(string(seg.Value(c.p.Body)), seg.Start)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, l := range c.p.Links {
		if m := scriptURLRe.FindStringSubmatch(l.Dest); m != nil {
			c.add(l.Pos, RuleMDX, "a "+strings.ToLower(m[1])+": URL runs code when the reader follows it; link to a web page instead")
		}
	}
}

// runsCode are HTML elements that run or embed code in the page.
var runsCode = []string{"script", "iframe", "object", "embed", "style"}

// tags reports the tags of an HTML fragment at body offset start that run
// code or name a component the site lacks.
func (c *checker) tags(s string, start int) {
	for _, m := range scriptAttrRe.FindAllStringSubmatchIndex(s, -1) {
		c.add(c.p.At(start+m[0]), RuleMDX, "a "+strings.ToLower(s[m[2]:m[3]])+": URL runs code when the reader follows it; link to a web page instead")
	}
	for _, m := range tagRe.FindAllStringSubmatchIndex(s, -1) {
		if s[m[2]:m[3]] == "/" {
			continue // its opening tag is reported
		}
		name := s[m[4]:m[5]]
		switch {
		case slices.Contains(runsCode, strings.ToLower(name)):
			c.add(c.p.At(start+m[0]), RuleMDX, "<"+name+"> runs or embeds code in the page; the site's pages hold text, images and the site's components only")
		case name[0] >= 'A' && name[0] <= 'Z' && !slices.Contains(page.SiteComponents, name):
			c.add(c.p.At(start+m[0]), RuleMDX, "<"+name+"> is not a component the site provides ("+strings.Join(page.SiteComponents, ", ")+"); its build fails on it")
		}
	}
}
