package page

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// ItemLine returns the body offset of the start of a list item's marker line.
func (p *Page) ItemLine(li *ast.ListItem) int {
	if off, ok := firstOffset(li); ok {
		return lineStart(p.Body, off)
	}
	// an empty item has no content to locate it by: look after the previous item
	if prev, ok := li.PreviousSibling().(*ast.ListItem); ok {
		if off, ok := lastOffset(prev); ok {
			return nextNonBlankLine(p.Body, off)
		}
	}
	if next, ok := li.NextSibling().(*ast.ListItem); ok {
		if off, ok := firstOffset(next); ok {
			return prevNonBlankLine(p.Body, lineStart(p.Body, off))
		}
	}
	return -1
}

func firstOffset(n ast.Node) (int, bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return c.Lines().At(0).Start, true
		}
		if off, ok := firstOffset(c); ok {
			return off, true
		}
	}
	return 0, false
}

func lastOffset(n ast.Node) (int, bool) {
	for c := n.LastChild(); c != nil; c = c.PreviousSibling() {
		if off, ok := lastOffset(c); ok {
			return off, true
		}
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return c.Lines().At(c.Lines().Len() - 1).Stop, true
		}
	}
	return 0, false
}

func lineStart(b []byte, off int) int {
	if off > len(b) {
		off = len(b)
	}
	return bytes.LastIndexByte(b[:off], '\n') + 1
}

// nextNonBlankLine returns the start of the first non-blank line after off's line.
func nextNonBlankLine(b []byte, off int) int {
	i := bytes.IndexByte(b[off:], '\n')
	if i < 0 {
		return -1
	}
	for pos := off + i + 1; pos < len(b); {
		end := bytes.IndexByte(b[pos:], '\n')
		if end < 0 {
			end = len(b) - pos
		}
		if strings.TrimSpace(string(b[pos:pos+end])) != "" {
			return pos
		}
		pos += end + 1
	}
	return -1
}

// prevNonBlankLine returns the start of the last non-blank line before the line at start.
func prevNonBlankLine(b []byte, start int) int {
	for end := start - 1; end > 0; {
		s := lineStart(b, end)
		if strings.TrimSpace(string(b[s:end])) != "" {
			return s
		}
		end = s - 1
	}
	return -1
}

// Step is one item of a list as the page model knows it: where it is and
// the number its marker says, its Markdown (continuation lines dedented),
// what a reader sees of it, and its bold labels, images and link
// destinations. Its Item holds what else it has (a sub-list, a block under
// it); lint and import both take steps from here.
type Step struct {
	Item     *ast.ListItem
	Line     int  // line of its first text (0: it has none)
	Marker   Pos  // where its marker's number starts (line 1, column 1 if unknown)
	Number   int  // the marker's number, when Numbered
	Numbered bool // the marker is a number ("3." or "3)")
	Empty    bool // it says nothing
	Markdown string
	Text     string
	Labels   []Label
	Images   []string
	Links    []string
}

// Steps returns the items of list in order (nothing for another node).
func (p *Page) Steps(list ast.Node) []Step {
	var out []Step
	for c := list.FirstChild(); c != nil; c = c.NextSibling() {
		li, ok := c.(*ast.ListItem)
		if !ok {
			continue
		}
		st := Step{Item: li, Marker: Pos{Line: 1, Col: 1}, Empty: p.emptyItem(li),
			Markdown: MarkdownOf(p.Body, li), Text: PlainText(p.Body, li),
			Labels: BoldLabels(p.Body, li), Images: Images(li), Links: Destinations(p.Body, li)}
		if s, ok := Extent(li); ok {
			st.Line = p.At(s.Start).Line
		}
		if start := p.ItemLine(li); start >= 0 {
			end := bytes.IndexByte(p.Body[start:], '\n')
			if end < 0 {
				end = len(p.Body) - start
			}
			var col int
			st.Number, col, st.Numbered = markerNumber(p.Body[start : start+end])
			st.Marker = p.At(start + col)
		}
		out = append(out, st)
	}
	return out
}

// markerNumber reads the number of a list item's marker line ("3." → 3)
// and the offset where the number (or the bullet) starts.
func markerNumber(line []byte) (int, int, bool) {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '>') {
		i++
	}
	j := i
	for j < len(line) && line[j] >= '0' && line[j] <= '9' {
		j++
	}
	if j == i || j >= len(line) || (line[j] != '.' && line[j] != ')') {
		return 0, i, false
	}
	n, err := strconv.Atoi(string(line[i:j]))
	return n, i, err == nil
}

// emptyItem reports whether a list item holds no text: nothing, or only
// blank paragraphs.
func (p *Page) emptyItem(li *ast.ListItem) bool {
	if li.ChildCount() == 0 {
		return true
	}
	for ch := li.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if ch.Kind() != ast.KindTextBlock && ch.Kind() != ast.KindParagraph {
			return false
		}
		for i := 0; i < ch.Lines().Len(); i++ {
			s := ch.Lines().At(i)
			if strings.TrimSpace(string(s.Value(p.Body))) != "" {
				return false
			}
		}
	}
	return true
}
