package page

import "github.com/yuin/goldmark/ast"

// noteCode records the lines of a code block, as goldmark reads it (a
// fence of four backticks is closed by four, not three).
func (p *Page) noteCode(n ast.Node) {
	if p.codeLines == nil {
		p.codeLines = map[int]bool{}
	}
	lines := n.Lines()
	for i := range lines.Len() {
		p.codeLines[p.At(lines.At(i).Start).Line] = true
	}
	if f, ok := n.(*ast.FencedCodeBlock); ok && f.Info != nil {
		p.codeLines[p.At(f.Info.Segment.Start).Line] = true
	}
}

// InCodeBlock reports whether line (1-based, of the file) is inside a code
// block: its content, or the opening fence when it has an info string.
func (p *Page) InCodeBlock(line int) bool { return p.codeLines[line] }

// Sections cuts the page's source at its level-1 and -2 headings, as the
// page model reads them (never inside code): the text before the first
// heading, front matter included, and each section from its heading line.
func (p *Page) Sections() (top string, secs []string) {
	var starts []int
	for _, h := range p.Headings {
		if at := p.lines[h.Line-1]; h.Level <= 2 && (len(starts) == 0 || at > starts[len(starts)-1]) {
			starts = append(starts, at)
		}
	}
	if len(starts) == 0 {
		return string(p.Src), nil
	}
	top = string(p.Src[:starts[0]])
	for i, at := range starts {
		end := len(p.Src)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		secs = append(secs, string(p.Src[at:end]))
	}
	return top, secs
}

// SiteComponents are the JSX components the docs site provides; any other
// component on a page is unknown to its build.
var SiteComponents = []string{"InlineImage", "Link"}
