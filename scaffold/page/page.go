// Package page is the page model that lint, import and absorb share: a
// Markdown page parsed once (goldmark) into its front matter, headings,
// sections, leaf blocks with their text and positions, links, steps and
// facts, with every byte traced back to its line and column in the file.
package page

import (
	"bytes"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/partnerpages/partnerpages/scaffold/safefile"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"
)

// MaxSize bounds a page a command reads; a larger file is refused before parsing.
const MaxSize = safefile.MaxPageSize

// Extensions are the goldmark extensions pages are parsed with (the site's
// remark-gfm); whatever renders a parsed page uses the same.
var Extensions = []goldmark.Extender{extension.Table, extension.Strikethrough, extension.TaskList}

var markdown = goldmark.New(
	goldmark.WithExtensions(Extensions...),
	goldmark.WithParserOptions(parser.WithAttribute()),
)

// Page is a parsed page: its front matter and Markdown tree, with a map from
// byte offsets back to lines and columns of the file.
type Page struct {
	Path  string
	Src   []byte
	Body  []byte // Src after the front matter
	off   int    // offset of Body in Src
	lines []int  // offset of each line start in Src

	FrontMatter *yaml.Node // mapping node, nil if absent or invalid
	FMErr       error      // YAML error of the front matter
	HasFM       bool

	Root     ast.Node
	Headings []Heading
	Links    []Link
	Blocks   []Block

	codeLines map[int]bool                 // lines of the file inside fenced or indented code
	last      struct{ off, line, col int } // the last position At counted, to count on from it
}

// Heading is a heading of the page.
type Heading struct {
	Level int
	Text  string // without its {#id}
	ID    string // custom id, "" if none
	Pos
}

// Link is a link (not an image) of the page.
type Link struct {
	Dest  string
	Text  string
	Image bool
	Pos          // of the link's text
	Block *Block // the block it appears in
}

// Block is a leaf block with text (paragraph, heading, list item text): its
// text with escapes resolved, and where each byte of it came from.
type Block struct {
	Node    ast.Node
	Text    string
	offsets []int  // body offset of each byte of Text
	escaped []bool // whether each byte of Text was backslash-escaped
	code    []bool // whether each byte of Text is inside a code span
	Section string // id (or text) of the h2 section it is in
}

// Pos is a 1-based line and column (columns count characters).
type Pos struct{ Line, Col int }

// Parse reads a page. It never fails: a page without front matter or with
// broken YAML is still parsed, and the rules report what is wrong.
func Parse(path string, src []byte) *Page {
	p := &Page{Path: path, Src: src}
	p.lines = append(p.lines, 0)
	for i, c := range src {
		if c == '\n' {
			p.lines = append(p.lines, i+1)
		}
	}
	var fm []byte
	fm, p.Body, p.HasFM = SplitFrontMatter(src)
	if p.HasFM {
		p.off = len(src) - len(p.Body)
		var doc yaml.Node
		if err := yaml.Unmarshal(fm, &doc); err != nil {
			p.FMErr = err
		} else if len(doc.Content) > 0 && doc.Content[0].Kind == yaml.MappingNode {
			p.FrontMatter = doc.Content[0]
		}
	}
	p.Body = flattenNesting(p.Body)
	p.Root = markdown.Parser().Parse(text.NewReader(p.Body))
	p.collect()
	return p
}

// SplitFrontMatter splits a page into its front matter (the YAML between
// the --- lines, possibly empty) and its body; ok is false, and body the
// whole page, when it has none. This is the one place that knows how a
// page's front matter is written off.
func SplitFrontMatter(src []byte) (fm, body []byte, ok bool) {
	m := frontMatterRe.FindSubmatchIndex(src)
	if m == nil {
		return nil, src, false
	}
	if m[2] >= 0 { // the block may be empty
		fm = src[m[2]:m[3]]
	}
	return fm, src[m[1]:], true
}

// frontMatterRe finds the front matter, after a byte order mark if the
// page starts with one.
var frontMatterRe = regexp.MustCompile(`(?s)\A(?:\x{FEFF})?---\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\z)`)

// At returns the line and column of a byte offset in Body.
// Positions asked for in order along a line are counted on from the last
// one, so that the findings of a long line cost its length, not its square.
func (p *Page) At(bodyOff int) Pos {
	off := bodyOff + p.off
	i := sort.Search(len(p.lines), func(i int) bool { return p.lines[i] > off }) - 1
	from, col := p.lines[i], 1
	if l := p.last; l.line == i+1 && l.off <= off && l.off >= from && l.col > 0 {
		from, col = l.off, l.col
	}
	col += utf8.RuneCount(p.Src[from:off])
	p.last.off, p.last.line, p.last.col = off, i+1, col
	return Pos{Line: i + 1, Col: col}
}

// FMPos is the position of front matter node n in the file.
func (p *Page) FMPos(n *yaml.Node) Pos { return Pos{Line: n.Line + 1, Col: n.Column} }

// FM returns the front matter value at a dotted key path ("meta.title").
func (p *Page) FM(path string) *yaml.Node {
	n := p.FrontMatter
	for _, k := range strings.Split(path, ".") {
		if n == nil || n.Kind != yaml.MappingNode {
			return nil
		}
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == k {
				next = n.Content[i+1]
			}
		}
		n = next
	}
	return n
}

// Line returns line n of the file (1-based) without its newline.
func (p *Page) Line(n int) string {
	if n < 1 || n > len(p.lines) {
		return ""
	}
	end := len(p.Src)
	if n < len(p.lines) {
		end = p.lines[n] - 1
	}
	return strings.TrimRight(string(p.Src[p.lines[n-1]:end]), "\r")
}

// PosIn returns the position of byte i of the block's text.
func (p *Page) PosIn(b *Block, i int) Pos {
	if len(b.offsets) == 0 {
		return p.blockStart(b.Node)
	}
	if i >= len(b.offsets) {
		i = len(b.offsets) - 1
	}
	return p.At(b.offsets[i])
}

func (p *Page) blockStart(n ast.Node) Pos {
	for c := n; c != nil; c = c.FirstChild() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return p.At(c.Lines().At(0).Start)
		}
		if t, ok := c.(*ast.Text); ok {
			return p.At(t.Segment.Start)
		}
	}
	if h, ok := n.(*ast.Heading); ok {
		return p.emptyHeadingStart(h)
	}
	return Pos{Line: 1, Col: 1}
}

// emptyHeadingStart finds a heading with no text ("##"), which goldmark
// gives no position: the first line after the block before it made of
// its marker alone.
func (p *Page) emptyHeadingStart(h *ast.Heading) Pos {
	from := 0
	for prev := h.PreviousSibling(); prev != nil; prev = prev.PreviousSibling() {
		if s, ok := BlockExtent(p.Body, prev); ok {
			from = s.End
			break
		}
	}
	marker := strings.Repeat("#", h.Level)
	for off := from; off < len(p.Body); off = lineEnd(p.Body, off) {
		line := strings.TrimRight(string(p.Body[off:lineEnd(p.Body, off)]), "\r\n")
		if t := strings.TrimLeft(line, " "); len(line)-len(t) <= 3 && strings.TrimRight(strings.TrimRight(t, " \t"), "#") == "" && strings.HasPrefix(t, marker) {
			return p.At(off)
		}
	}
	return Pos{Line: 1, Col: 1}
}

func (p *Page) collect() {
	section := ""
	ast.Walk(p.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			b := p.block(n)
			h := Heading{Level: n.Level, Text: strings.TrimSpace(b.Text), Pos: p.blockStart(n)}
			if id, ok := n.AttributeString("id"); ok {
				if s, ok := id.([]byte); ok {
					h.ID = string(s)
				}
			}
			if n.Level <= 2 {
				section = h.ID
				if section == "" {
					section = h.Text
				}
			}
			b.Section = section
			p.Headings = append(p.Headings, h)
			p.Blocks = append(p.Blocks, b)
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			p.noteCode(n)
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock:
			b := p.block(n)
			b.Section = section
			p.Blocks = append(p.Blocks, b)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for i := range p.Blocks {
		p.links(&p.Blocks[i])
	}
}

// block gathers the inline text of a leaf block, resolving backslash escapes.
func (p *Page) block(n ast.Node) Block {
	b := Block{Node: n}
	var buf bytes.Buffer
	inCode := false
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				seg := c.Segment.Value(p.Body)
				esc := false
				for i := 0; i < len(seg); i++ {
					if seg[i] == '\\' && i+1 < len(seg) && isPunct(seg[i+1]) && !esc {
						esc = true
						continue
					}
					buf.WriteByte(seg[i])
					b.offsets = append(b.offsets, c.Segment.Start+i)
					b.escaped = append(b.escaped, esc)
					b.code = append(b.code, inCode)
					esc = false
				}
				if c.SoftLineBreak() || c.HardLineBreak() {
					buf.WriteByte('\n')
					b.offsets = append(b.offsets, c.Segment.Stop)
					b.escaped = append(b.escaped, false)
					b.code = append(b.code, inCode)
				}
			case *ast.AutoLink:
				// its address is text the reader sees; the label is a slice
				// of the page, so its capacity tells where it starts
				label := c.Label(p.Body)
				start := cap(p.Body) - cap(label)
				buf.Write(label)
				for j := range label {
					b.offsets = append(b.offsets, start+j)
					b.escaped = append(b.escaped, false)
					b.code = append(b.code, inCode)
				}
			case *ast.CodeSpan:
				inCode = true
				walk(c)
				inCode = false
			case *ast.RawHTML:
				for i := 0; i < c.Segments.Len(); i++ {
					s := c.Segments.At(i)
					buf.Write(s.Value(p.Body))
					for j := s.Start; j < s.Stop; j++ {
						b.offsets = append(b.offsets, j)
						b.escaped = append(b.escaped, false)
						b.code = append(b.code, inCode)
					}
				}
			default:
				walk(c)
			}
		}
	}
	walk(n)
	b.Text = buf.String()
	return b
}

// InCode reports whether byte i of the block's text is inside a code span.
func (p *Page) InCode(b *Block, i int) bool { return i < len(b.code) && b.code[i] }

// Escaped reports whether byte i of the block's text was written with a backslash.
func (b *Block) Escaped(i int) bool { return i < len(b.escaped) && b.escaped[i] }

func isPunct(c byte) bool {
	return c < 0x80 && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

// links records the links and images of a block, with their text.
func (p *Page) links(b *Block) {
	ast.Walk(b.Node, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			sub := p.block(n)
			p.Links = append(p.Links, Link{Dest: string(n.Destination), Text: sub.Text, Pos: p.PosIn(&sub, 0), Block: b})
		case *ast.Image:
			sub := p.block(n)
			p.Links = append(p.Links, Link{Dest: string(n.Destination), Text: sub.Text, Image: true, Pos: p.PosIn(&sub, 0), Block: b})
		}
		return ast.WalkContinue, nil
	})
}
