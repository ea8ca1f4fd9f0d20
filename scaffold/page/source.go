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

// BlockExtent is Extent with the fence lines of the fenced code blocks in
// n, which goldmark's segments leave out: a block's source then opens and
// closes its code as written.
func BlockExtent(body []byte, n ast.Node) (Span, bool) {
	s, ok := Extent(n)
	if !ok {
		return s, false
	}
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if f, isFence := c.(*ast.FencedCodeBlock); entering && isFence {
			if open, closeEnd, ok := fenceLines(body, f); ok {
				s.Start, s.End = min(s.Start, open), max(s.End, closeEnd)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return s, true
}

// fenceLines returns where the opening fence line of f starts and where
// its closing fence line ends (the end of its content when it has none).
func fenceLines(body []byte, f *ast.FencedCodeBlock) (open, closeEnd int, ok bool) {
	at, after := -1, -1 // a position on the opening line; the end of the content
	if f.Info != nil {
		at, after = f.Info.Segment.Start, lineEnd(body, f.Info.Segment.Start)
	}
	if l := f.Lines(); l.Len() > 0 {
		if at < 0 {
			at = max(l.At(0).Start-1, 0) // the newline that ends the opening line
		}
		after = l.At(l.Len() - 1).Stop
	}
	if at < 0 || after > len(body) {
		return 0, 0, false
	}
	open = bytes.LastIndexByte(body[:at], '\n') + 1
	fence := strings.TrimLeft(string(body[open:lineEnd(body, open)]), " ")
	run := fenceLen(fence)
	if after > 0 && body[after-1] != '\n' {
		after = lineEnd(body, after)
	}
	end := lineEnd(body, after)
	closing := strings.TrimSpace(string(body[after:end]))
	if run >= 3 && len(closing) >= run && strings.Trim(closing, fence[:1]) == "" {
		return open, end, true
	}
	return open, after, true
}

// lineEnd is the offset just past the newline ending the line at i (or the
// end of body).
func lineEnd(body []byte, i int) int {
	if j := bytes.IndexByte(body[i:], '\n'); j >= 0 {
		return i + j + 1
	}
	return len(body)
}

// fenceLen is the length of the run of fence characters opening line.
func fenceLen(line string) int {
	n := 0
	for n < len(line) && (line[n] == '`' || line[n] == '~') && line[n] == line[0] {
		n++
	}
	return n
}

// MarkdownOf returns the Markdown source of n as written, with the indentation
// that nesting in a list item added to its continuation lines removed.
func MarkdownOf(body []byte, n ast.Node) string {
	s, ok := BlockExtent(body, n)
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
