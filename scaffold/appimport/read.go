// Package appimport reads an app folder that exists — its overview page and
// customization file in each language, and its entries on the Apps page —
// into the partner file's app: block: the partner's facts as values, the
// platform's text (feature sentences, notices, Why Connect?, the
// connection sentence) recognised as the platform's so that the templates
// write it from then on, and everything else kept as written.
package appimport

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/partnerpages/partnerpages/scaffold/page"
)

// overview is one language's overview page, read.
type overview struct {
	lang       string
	body       []byte // the page after its front matter
	meta       struct{ title, description string }
	gallery    []string
	hasGallery bool
	info       map[string]string // app_info: category, availability, price_range, website, contact
	top        []block           // before the first heading
	sections   []section
}

type section struct {
	title, id string
	blocks    []block
}

// block is one top-level block of the page: its Markdown as written and
// what it is.
type block struct {
	kind string // notice, list, para, rule, other
	md   string
	node ast.Node
}

// frontMatter is the overview's front matter as the site reads it.
type frontMatter struct {
	Meta struct {
		Title       string `yaml:"title"`
		Description string `yaml:"description"`
	} `yaml:"meta"`
	Gallery []string       `yaml:"gallery"`
	AppInfo map[string]any `yaml:"app_info"`
}

var noticeStart = regexp.MustCompile(`^\*\*(IMPORTANT NOTE|REMARQUE IMPORTANTE)[\s\x{a0}\x{202f}]*:?[\s\x{a0}\x{202f}]*\*\*[\s\x{a0}\x{202f}]*:?[\s\x{a0}\x{202f}]*`)

// untypeset undoes French typography: the no-break spaces it puts before
// : ; ! ? and inside « » are the plain spaces the partner file holds (the
// templates put them back).
var untypeset = strings.NewReplacer("\u00a0:", " :", "\u00a0;", " ;", "\u00a0!", " !", "\u00a0?", " ?", "\u00a0»", " »", "«\u00a0", "« ").Replace

// readOverview parses one overview page; french says that its language is
// typeset in French (no-break spaces before : ; ! ?).
func readOverview(path, lang string, src []byte, french bool) (*overview, error) {
	if !utf8.Valid(src) {
		return nil, fmt.Errorf("not UTF-8 text; save the page as UTF-8")
	}
	if french {
		src = []byte(untypeset(string(src)))
	}
	pg := page.Parse(path, src)
	o := &overview{lang: lang, info: map[string]string{}, body: pg.Body}
	if pg.FMErr != nil {
		return nil, pg.FMErr
	}
	if pg.FrontMatter != nil {
		var fm frontMatter
		if err := pg.FrontMatter.Decode(&fm); err != nil {
			return nil, err
		}
		o.meta.title, o.meta.description = fm.Meta.Title, fm.Meta.Description
		o.gallery, o.hasGallery = fm.Gallery, fm.Gallery != nil
		for k, v := range fm.AppInfo {
			o.info[k] = infoText(v)
		}
	}
	var cur *section
	for n := pg.Root.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level == 2 {
			text, id := headingOf(pg, h)
			if strings.TrimSpace(text) == "" {
				return nil, fmt.Errorf("line %d: a heading with no text; give it its title", lineOf(pg, h))
			}
			o.sections = append(o.sections, section{title: text, id: id})
			cur = &o.sections[len(o.sections)-1]
			continue
		}
		b := block{md: source(pg.Body, n), node: n}
		switch n.(type) {
		case *ast.ThematicBreak:
			b.kind, b.md = "rule", "---" // a rule has no text for the page model to give back
		case *ast.List:
			b.kind = "list"
		case *ast.Paragraph:
			b.kind = "para"
			if noticeStart.MatchString(b.md) {
				b.kind = "notice"
			}
		default:
			b.kind = "other"
		}
		if cur == nil {
			o.top = append(o.top, b)
		} else {
			cur.blocks = append(cur.blocks, b)
		}
	}
	return o, nil
}

// headingOf is a heading's text and custom id, as the page model reads them.
func headingOf(pg *page.Page, h *ast.Heading) (string, string) {
	for _, ph := range pg.Headings {
		if ph.Level == 2 && ph.Line == lineOf(pg, h) {
			return ph.Text, ph.ID
		}
	}
	return strings.TrimSpace(page.PlainText(pg.Body, h)), ""
}

func lineOf(pg *page.Page, n ast.Node) int {
	s, ok := page.Extent(n)
	if !ok {
		return 0
	}
	return pg.At(s.Start).Line
}

// infoText is an app_info value as readers see it: a list is its items
// joined by commas, nothing is "".
func infoText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return strings.TrimSpace(x)
	case []any:
		var parts []string
		for _, i := range x {
			parts = append(parts, infoText(i))
		}
		return strings.Join(parts, ", ")
	default:
		return strings.TrimSpace(fmt.Sprint(x))
	}
}

// sectionKind names an overview section by its title, in either language.
func sectionKind(title string) string {
	t := strings.ToLower(strings.TrimSpace(title))
	switch {
	case t == "description":
		return "description"
	case strings.HasPrefix(t, "integration features"), strings.HasPrefix(t, "fonctionnalités"):
		return "features"
	case strings.HasPrefix(t, "why connect"), strings.HasPrefix(t, "pourquoi se connecter"):
		return "why"
	case strings.HasPrefix(t, "prerequisites"), strings.HasPrefix(t, "prérequis"):
		return "prerequisites"
	}
	return ""
}

// joinBlocks writes blocks back as Markdown, a blank line between them.
func joinBlocks(bs []block) string {
	var parts []string
	for _, b := range bs {
		parts = append(parts, b.md)
	}
	return strings.Join(parts, "\n\n")
}

// source is a top-level block's Markdown as written, from the start of its
// first line (a list's first marker included).
func source(body []byte, n ast.Node) string {
	s, ok := page.BlockExtent(body, n)
	if !ok {
		return ""
	}
	start := bytes.LastIndexByte(body[:s.Start], '\n') + 1
	return strings.TrimRight(string(body[start:s.End]), " \t\r\n")
}
