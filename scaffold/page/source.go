package page

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// Span is a byte range of a page's Markdown body.
type Span struct{ Start, End int }

// Extent returns the byte range that the leaf lines and inline text of n cover.
func Extent(n ast.Node) (Span, bool) {
	s := Span{Start: -1, End: -1}
	grow := func(a, b int) {
		if s.Start < 0 || a < s.Start {
			s.Start = a
		}
		if b > s.End {
			s.End = b
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
	return s, s.Start >= 0
}

// MarkdownOf returns the Markdown source of n as written, with the indentation
// that nesting in a list item added to its continuation lines removed.
func MarkdownOf(body []byte, n ast.Node) string {
	s, ok := Extent(n)
	if !ok {
		return ""
	}
	return Dedent(body, s)
}

// Dedent returns body[s.Start:s.End] with continuation lines shifted left by
// the column at which the range starts (the item's content column).
func Dedent(body []byte, s Span) string {
	lineStart := bytes.LastIndexByte(body[:s.Start], '\n') + 1
	indent := s.Start - lineStart
	lines := strings.Split(strings.TrimRight(string(body[s.Start:s.End]), "\r\n \t"), "\n")
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

// PlainText returns the text of n as a reader sees it: emphasis and link
// syntax dropped, code spans kept, line breaks as spaces.
func PlainText(body []byte, n ast.Node) string {
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

// Label is one bold UI label of a block and where its source sits.
type Label struct {
	Text string
	Span Span // including the ** delimiters
}

// BoldLabels returns the bold labels of n in order.
func BoldLabels(body []byte, n ast.Node) []Label {
	var out []Label
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if e, ok := c.(*ast.Emphasis); ok && entering && e.Level == 2 {
			s, ok := Extent(e)
			if !ok {
				return ast.WalkSkipChildren, nil
			}
			s.Start = max(s.Start-2, 0)
			s.End = min(s.End+2, len(body))
			out = append(out, Label{Text: PlainText(body, e), Span: s})
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// Images returns the destinations of the images in n.
func Images(n ast.Node) []string {
	var out []string
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if im, ok := c.(*ast.Image); ok && entering {
			out = append(out, string(im.Destination))
		}
		return ast.WalkContinue, nil
	})
	return out
}

// Destinations returns the destinations of the links (not images) in n, whose
// text is src; an autolinked e-mail address (<help@x.example>) as mailto:.
func Destinations(src []byte, n ast.Node) []string {
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
