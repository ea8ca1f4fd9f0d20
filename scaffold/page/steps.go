package page

import (
	"bytes"
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
