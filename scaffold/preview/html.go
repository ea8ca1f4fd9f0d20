package preview

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer/html"

	"github.com/partnerpages/partnerpages/scaffold/lint"
	"github.com/partnerpages/partnerpages/scaffold/page"
)

// HTMLOptions say how to render one page.
type HTMLOptions struct {
	Slug, Lang string
	Findings   []lint.Finding
	Site       *lint.Site     // resolves site links; nil: they are not checked
	Own        map[int]string // section index → OwnText or OwnMixed
	Images     *[]string      // if set, collects the /files/ URLs of the page's images
}

// renderer writes HTML for the nodes pages are parsed into; the site's MDX
// components are raw HTML to it, so it passes them through.
var renderer = goldmark.New(goldmark.WithExtensions(page.Extensions...),
	goldmark.WithRendererOptions(html.WithUnsafe())).Renderer()

// RenderHTML renders a parsed page's body as the site shows it: headings
// with their {#id}, steps, bold labels, images from the page's folder, the
// site's <InlineImage> and <Link> components. Each block carries its line
// (data-line) and, where lint found something, the finding (data-finding);
// a section the template does not own carries the class pp-own or
// pp-mixed, a site link that does not resolve the class pp-broken. It
// returns the HTML and the number of sections.
func RenderHTML(pg *page.Page, o HTMLOptions) (string, int) {
	sections := annotate(pg, o)
	var b bytes.Buffer
	if err := renderer.Render(&b, pg.Body, pg.Root); err != nil {
		return "<p class=\"pp-error\">" + escape(err.Error()) + "</p>", sections
	}
	raw := components(b.String())
	if clean := sanitize.Sanitize(raw); strings.TrimSpace(clean) != "" || strings.TrimSpace(raw) == "" {
		return clean, sections
	}
	return `<p class="pp-error">This page is only HTML the preview does not show (code, or tags the site does not have).</p>`, sections
}

// sanitize keeps of a page's HTML what a page shows: a <script>, an event
// handler or a javascript: link written on a page is not run by the
// preview, which serves on this machine (bluemonday's policy for user
// content, with the attributes the preview sets itself).
var sanitize = func() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.AllowAttrs("class", "title", "id", "data-line", "data-finding", "data-anchor", "data-href").Globally()
	p.AllowAttrs("style").Matching(regexp.MustCompile(`^--w:\d+px;--h:\d+px$`)).OnElements("span")
	return p
}()

// annotate sets the attributes RenderHTML describes on the page's tree.
func annotate(pg *page.Page, o HTMLOptions) int {
	byLine := map[int][]string{}
	for _, f := range o.Findings {
		byLine[f.Line] = append(byLine[f.Line], f.Rule+": "+f.Message)
	}
	section, breaks := PreambleSection, 0
	for n := pg.Root.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level == 2 {
			section++
		}
		if _, ok := n.(*ast.ThematicBreak); ok && section == PreambleSection {
			breaks++
		}
		if kind := o.Own[section]; kind != "" && (section != PreambleSection || breaks >= 2) {
			n.SetAttributeString("class", []byte("pp-"+kind))
		}
		markLines(pg, n, byLine)
	}
	ast.Walk(pg.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			// both languages stand side by side in one document: ids get the
			// language in front, and the page's own id shows as data-anchor
			if id, ok := n.AttributeString("id"); ok {
				n.SetAttributeString("data-anchor", id)
				n.SetAttributeString("id", []byte(o.Lang+"--"+string(id.([]byte))))
			}
		case *ast.Image:
			n.Destination = []byte(imageURL(o.Slug, o.Lang, string(n.Destination)))
			if o.Images != nil && strings.HasPrefix(string(n.Destination), "/files/") {
				*o.Images = append(*o.Images, string(n.Destination))
			}
		case *ast.Link:
			if dest := string(n.Destination); strings.HasPrefix(dest, "#") {
				n.Destination = []byte("#" + o.Lang + "--" + dest[1:])
				n.SetAttributeString("data-href", []byte(dest))
			} else if o.Site != nil {
				if why := o.Site.Resolve(string(n.Destination), o.Lang); why != "" {
					n.SetAttributeString("class", []byte("pp-broken"))
					n.SetAttributeString("title", []byte("broken link: "+why))
				}
			}
		}
		return ast.WalkContinue, nil
	})
	return section + 1
}

// markLines gives n and the blocks inside it their first line, and the
// findings of the lines they start, so the page shows each finding where
// it is. A finding on a line no block starts (in the front matter) is in
// the list at the top of the column only.
func markLines(pg *page.Page, n ast.Node, byLine map[int][]string) {
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		line := firstLine(pg, c)
		if line == 0 {
			return ast.WalkContinue, nil
		}
		c.SetAttributeString("data-line", []byte(fmt.Sprint(line)))
		if fs := byLine[line]; len(fs) > 0 && c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			c.SetAttributeString("data-finding", []byte(strings.Join(fs, "\n")))
			delete(byLine, line)
		}
		return ast.WalkContinue, nil
	})
}

// firstLine is the file line where block n starts, 0 when it has no text.
func firstLine(pg *page.Page, n ast.Node) int {
	for c := n; c != nil; c = c.FirstChild() {
		if c.Lines().Len() > 0 {
			return pg.At(c.Lines().At(0).Start).Line
		}
	}
	return 0
}

// imageURL serves a page's relative image from the preview's file route;
// absolute URLs stay as they are.
func imageURL(slug, lang, dest string) string {
	if dest == "" || strings.Contains(dest, "://") || strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "data:") {
		return dest
	}
	return "/files/" + path.Clean(slug+"/"+lang+"/"+dest)
}

var (
	linkOpenRe  = regexp.MustCompile(`<Link(\s)`)
	inlineImgRe = regexp.MustCompile(`<InlineImage\s+width="(\d+)"\s+height="(\d+)"\s*>`)
	// an MDX comment ({/* … */}, as the suppression comments are written) shows nothing
	mdxCommentRe = regexp.MustCompile(`\{/\*.*?\*/\}`)
)

// components turns the site's MDX components into the HTML they stand for.
func components(s string) string {
	s = linkOpenRe.ReplaceAllString(s, `<a$1`)
	s = strings.ReplaceAll(s, "</Link>", "</a>")
	s = inlineImgRe.ReplaceAllString(s, `<span class="pp-inline-image" style="--w:${1}px;--h:${2}px">`)
	s = strings.ReplaceAll(s, "<InlineImage>", `<span class="pp-inline-image">`)
	s = strings.ReplaceAll(s, "</InlineImage>", "</span>")
	return mdxCommentRe.ReplaceAllString(s, "")
}

func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
