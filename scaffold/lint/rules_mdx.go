package lint

import (
	"regexp"
	"strings"

	"github.com/partnerpages/partnerpages/scaffold/page"

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
		case ch == '<' && siteComponentAt(line[i+1:]):
			// a site component's attributes may hold expressions: skip its tag
			if end := tagEnd(line[i:]); end > 0 {
				i += end - 1
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
			} else {
				return // no brace closes it: the rest of the line is one expression
			}
		case ch == '}':
			c.add(c.p.At(start+i), RuleMDX, `a lone "}" breaks the MDX build; write \}`)
		}
	}
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// siteComponentAt reports whether s starts with the name of one of the
// site's components, as a tag's name.
func siteComponentAt(s string) bool {
	for _, name := range page.SiteComponents {
		if rest, ok := strings.CutPrefix(s, name); ok && (rest == "" || strings.ContainsRune(" />", rune(rest[0]))) {
			return true
		}
	}
	return false
}

// tagEnd returns the length of the tag that starts s, through its '>' (a
// '>' inside an attribute's {expression} or quotes does not end it), or 0.
func tagEnd(s string) int {
	depth, quote := 0, byte(0)
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '{':
			depth++
		case c == '}':
			depth--
		case c == '>' && depth == 0:
			return i + 1
		}
	}
	return 0
}
