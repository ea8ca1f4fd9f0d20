package pageimport

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// span is a byte range of a page's Markdown body.
type span struct{ start, end int }

// extent returns the byte range that the leaf lines and inline text of n cover.
func extent(n ast.Node) (span, bool) {
	s := span{start: -1, end: -1}
	grow := func(a, b int) {
		if s.start < 0 || a < s.start {
			s.start = a
		}
		if b > s.end {
			s.end = b
		}
	}
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if c.Type() == ast.TypeBlock {
			lines := c.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				grow(seg.Start, seg.Stop)
			}
		}
		if t, ok := c.(*ast.Text); ok {
			grow(t.Segment.Start, t.Segment.Stop)
		}
		return ast.WalkContinue, nil
	})
	return s, s.start >= 0
}

// markdownOf returns the Markdown source of n as written, with the indentation
// that nesting in a list item added to its continuation lines removed.
func markdownOf(body []byte, n ast.Node) string {
	s, ok := extent(n)
	if !ok {
		return ""
	}
	return dedent(body, s)
}

// dedent returns body[s.start:s.end] with continuation lines shifted left by
// the column at which the range starts (the item's content column).
func dedent(body []byte, s span) string {
	lineStart := bytes.LastIndexByte(body[:s.start], '\n') + 1
	indent := s.start - lineStart
	lines := strings.Split(strings.TrimRight(string(body[s.start:s.end]), "\r\n \t"), "\n")
	for i := 1; i < len(lines); i++ {
		l := strings.TrimRight(lines[i], "\r")
		cut := 0
		for cut < indent && cut < len(l) && l[cut] == ' ' {
			cut++
		}
		lines[i] = l[cut:]
	}
	return strings.Join(lines, "\n")
}

// plainText returns the text of n as a reader sees it: emphasis and link
// syntax dropped, code spans kept, line breaks as spaces.
func plainText(body []byte, n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if c.Type() == ast.TypeBlock {
				b.WriteByte(' ') // blocks never run into each other
			}
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(body))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.Image:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

// label is one bold UI label of a block and where its source sits.
type label struct {
	text string
	span span // including the ** delimiters
}

// labels returns the bold labels of n in order.
func labels(body []byte, n ast.Node) []label {
	var out []label
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if e, ok := c.(*ast.Emphasis); ok && entering && e.Level == 2 {
			s, ok := extent(e)
			if !ok {
				return ast.WalkSkipChildren, nil
			}
			s.start = max(s.start-2, 0)
			s.end = min(s.end+2, len(body))
			out = append(out, label{text: plainText(body, e), span: s})
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// images returns the destinations of the images in n.
func images(n ast.Node) []string {
	var out []string
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if im, ok := c.(*ast.Image); ok && entering {
			out = append(out, string(im.Destination))
		}
		return ast.WalkContinue, nil
	})
	return out
}

// links returns the destinations of the links (not images) in n, whose
// text is src; an autolinked e-mail address (<help@x.example>) as mailto:.
func links(src []byte, n ast.Node) []string {
	var out []string
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := c.(*ast.Link); ok && entering {
			out = append(out, string(l.Destination))
		}
		if l, ok := c.(*ast.AutoLink); ok && entering {
			// URL reads the address from the page's text: it needs src
			if l.AutoLinkType == ast.AutoLinkEmail {
				out = append(out, "mailto:"+string(l.URL(src)))
			} else {
				out = append(out, string(l.URL(src)))
			}
		}
		return ast.WalkContinue, nil
	})
	return out
}
