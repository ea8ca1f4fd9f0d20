package lint

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
)

var headingIDRe = regexp.MustCompile(`\s*\{#[^}\s]*\}\s*$`)

// mdx reports what the site's MDX 2 compiler rejects in text: HTML comments,
// braces (which start JavaScript expressions) and a '<' that cannot start a tag.
func (c *checker) mdx() {
	ast.Walk(c.p.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading, ast.KindHTMLBlock:
		default:
			return ast.WalkContinue, nil
		}
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			line := string(seg.Value(c.p.Body))
			if n.Kind() == ast.KindHeading {
				line = headingIDRe.ReplaceAllString(line, "")
			}
			c.mdxLine(line, seg.Start)
		}
		if n.Kind() == ast.KindHTMLBlock {
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

func (c *checker) mdxLine(line string, start int) {
	for i := 0; i < len(line); i++ {
		ch := line[i]
		switch {
		case ch == '\\' && i+1 < len(line):
			i++ // an escaped character is text
		case ch == '`':
			n := 1
			for i+n < len(line) && line[i+n] == '`' {
				n++
			}
			if end := strings.Index(line[i+n:], strings.Repeat("`", n)); end >= 0 {
				i += n + end + n - 1 // skip the code span
			} else {
				i += n - 1
			}
		case strings.HasPrefix(line[i:], "<!--"):
			c.add(c.p.At(start+i), RuleMDX, "HTML comments break the MDX build; delete the comment (or write {/* … */})")
			if end := strings.Index(line[i:], "-->"); end >= 0 {
				i += end + 2
			} else {
				return
			}
		case ch == '<':
			if i+1 >= len(line) || !(isLetter(line[i+1]) || line[i+1] == '/' || line[i+1] == '>') {
				c.add(c.p.At(start+i), RuleMDX, `a "<" that does not start a tag breaks the MDX build; write \< instead`)
			}
		case ch == '{':
			if strings.HasPrefix(line[i:], "{/*") {
				if end := strings.Index(line[i:], "*/}"); end >= 0 {
					i += end + 2
					continue
				}
			}
			c.add(c.p.At(start+i), RuleMDX, `"{" starts a JavaScript expression in MDX; write \{ (and \}) for a literal brace`)
			if end := strings.IndexByte(line[i:], '}'); end >= 0 {
				i += end
			}
		case ch == '}':
			c.add(c.p.At(start+i), RuleMDX, `a lone "}" breaks the MDX build; write \}`)
		}
	}
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
