package pageimport

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/partnerpages/partnerpages/scaffold/email"
	"github.com/partnerpages/partnerpages/scaffold/lint"
	"github.com/partnerpages/partnerpages/scaffold/page"
	"github.com/partnerpages/partnerpages/scaffold/pagepath"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
	"github.com/partnerpages/partnerpages/scaffold/wording"
)

// facts is what one page says about its partner, in its language.
type facts struct {
	lang, slug        string
	name, publisher   string
	kind, email, mode string
	modeAssumed       bool // no section of the page tells the mode
	intro             []string
	conn              steps
	file              *fileFacts // the menus and buttons of the partner file absorb merges into, in this language
	dmode             string
	disc              steps
	sections          []extraSection
	preamble          string      // text before the first heading, kept as written
	meta              [2]metaText // the page's meta.title and meta.description
	layout            []part      // the page's sections in order
}

// metaText is one front matter text of the page (meta.title or
// meta.description): the partner file keeps it where the template's
// differs.
type metaText struct {
	text string
	keep bool
}

// metaKeys are the front matter fields of metaText, in facts.meta's order.
var metaKeys = [2]string{"meta.title", "meta.description"}

// extraSection is a section of the page that is not one of the standard four.
type extraSection struct {
	after, title, anchor, body string
	line                       int
}

// reader reads one page.
type reader struct {
	page    *page.Page
	body    []byte
	name    string
	report  *PageReport
	emails  map[string][]string // section kind -> partner e-mails, in order
	prose   []string            // paragraph texts, for the publisher and kind
	selfApp string              // slug named by a link to the page's own app
	titles  map[string]string   // heading → standard section, for headings a partner file gives its own
}

func (r *reader) lineOf(n ast.Node) int {
	if s, ok := page.Extent(n); ok {
		return r.page.At(s.Start).Line
	}
	return 0
}

func (r *reader) replaced(line int, format string, args ...any) {
	r.report.Replaced = append(r.report.Replaced, Note{Line: line, Text: fmt.Sprintf(format, args...)})
}

func (r *reader) dropped(line int, format string, args ...any) {
	r.report.Dropped = append(r.report.Dropped, Note{Line: line, Text: fmt.Sprintf(format, args...)})
}

func (r *reader) fixed(line int, format string, args ...any) {
	r.report.Fixed = append(r.report.Fixed, Note{Line: line, Text: fmt.Sprintf(format, args...)})
}

func (r *reader) note(line int, format string, args ...any) {
	r.report.Notes = append(r.report.Notes, Note{Line: line, Text: fmt.Sprintf(format, args...)})
}

// section is a part of the page under one level-1 or level-2 heading (or
// before the first one).
type section struct {
	kind    string // connect, give-access, contact, disconnect, "" (extra) or "preamble"
	heading *ast.Heading
	title   string
	id      string
	blocks  []ast.Node
}

var appLinkRe = regexp.MustCompile(`^/apps/([a-z0-9][a-z0-9-]*)/`)

// readPage extracts the facts of one page. platformEmails are left out of
// the partner's e-mails.
func readPage(in Page, platformEmails []string, given map[string]string) (*facts, *PageReport, error) {
	path, src, at := in.Path, in.Data, in.At
	if at.Slug == "" {
		at, _ = pagepath.Find(path)
	}
	// French typography (no-break spaces before : ; ! ?) is the template's
	// job: read it as ordinary spaces so partner files hold plain text.
	src = []byte(render.PlainSpacing(string(src)))
	src = fixLinks(src)
	src, invisible := dropInvisible(src) // a byte order mark among them
	src, autolinks := fixAutolinks(path, src)
	pg := page.Parse(path, src)
	findings := lint.Check(pg, lint.DefaultOptions())
	// French elisions the page missed ("de Expedy") are fixed where they
	// stand, so that text kept as written is right too; they are reported
	// with the other defects the regenerated page no longer has.
	if fixed := lint.FixElisions(src, findings); !bytes.Equal(fixed, src) {
		pg = page.Parse(path, fixed)
	}
	rep := &PageReport{Path: path, page: pg, Findings: findings}
	r := &reader{page: pg, body: pg.Body, report: rep, emails: map[string][]string{}, titles: in.Titles}
	for _, line := range invisible {
		r.fixed(line, "an invisible or control character removed")
	}
	for _, line := range autolinks {
		r.fixed(line, "an autolink (<…>) is written as a link: MDX reads < as the start of a component")
	}
	f := &facts{}
	r.name = r.productName()
	if r.name == "" {
		// neither meta.title (… | Name | HubRise) nor a standard heading names
		// the product: the page's folder or file does
		r.name = nameFromPath(path, at)
		r.note(0, "no meta.title or standard heading names the product; %q is taken from the page's path", r.name)
	}
	f.name = r.name
	secs := r.sections()
	seen := map[string]bool{}
	last := "connect"
	for i := range secs {
		s := &secs[i]
		r.scan(s)
		switch {
		case s.kind == "preamble" && !slices.ContainsFunc(secs, func(s section) bool { return s.kind == "connect" }) && r.connectInPreamble(s):
			// the page's top says how to connect, with no heading of its own
			seen["connect"] = true
			top := *s
			top.kind = "connect"
			c := r.checkpoint(f)
			asWritten := r.preamble(s)
			r.restore(c, f)
			if r.typed(&top, f) {
				f.layout = append(f.layout, part{kind: "connect", line: 1, fromTop: true, body: asWritten, lines: r.blocksLines(s.blocks)})
				continue
			}
			f.preamble = r.preamble(s)
			continue
		case s.kind == "preamble":
			f.preamble = r.preamble(s)
			continue
		case s.kind != "" && !seen[s.kind]:
			seen[s.kind] = true
			pt := r.sectionPart(s, s.kind)
			if ok, why := r.tryTyped(s, f); ok {
				r.report.skipLine(pt.line) // the template writes the heading
			} else {
				pt.verbatim = true
				r.note(pt.line, "the %s section is kept as written (a template change will not reach it): %s", s.kind, strings.TrimPrefix(why, fmt.Sprintf("line %d: ", pt.line)))
			}
			f.layout = append(f.layout, pt)
		default:
			r.extra(s, last, f)
			f.layout = append(f.layout, r.sectionPart(s, ""))
		}
		if k := f.layout[len(f.layout)-1].kind; k != "" {
			last = k // a partner section goes after the last standard one
		}
	}
	f.lang = pageLang(path, at, pg)
	f.slug = pageSlug(at, r.selfApp, f.name)
	rep.Lang, rep.Slug = f.lang, f.slug
	f.email = r.email(platformEmails)
	if e, ok := given[f.slug]; ok {
		if f.email != "" && f.email != e {
			r.note(0, "support e-mail %s given with --email, instead of the page's %s", e, f.email)
		}
		f.email = e
	}
	r.foldUntitled(f)
	r.settle(f)
	if f.email != "" {
		f.publisher = r.publisher(f.email)
	}
	for i, k := range metaKeys {
		// a text lint finds a defect in (a misspelt name) is the template's
		// to write again, not the partner's to keep
		n := pg.FM(k)
		if n == nil || slices.ContainsFunc(findings, func(fd lint.Finding) bool { return fd.Line == pg.FMPos(n).Line }) {
			continue
		}
		if text := pg.FMString(k); k != "meta.title" || strings.Contains(text, " | "+f.name+" | ") {
			f.meta[i].text = text // a title keeps naming the product where the site reads it
		}
	}
	desc := f.meta[1].text
	if f.kind = kindOf(desc); f.kind == "other" {
		f.kind = kindOf(strings.Join(r.prose, " "))
	}
	return f, rep, nil
}

// productName picks the name most of the page's standard places give
// (meta.title and the standard headings); placeholders are ignored.
func (r *reader) productName() string {
	count := map[string]int{}
	var order []string
	add := func(n string) {
		if n == "" || strings.Contains(n, "SOLUTION") || strings.ContainsAny(n, "[]{}") {
			return
		}
		if count[n] == 0 {
			order = append(order, n)
		}
		count[n]++
	}
	for _, h := range r.page.Headings {
		add(lint.HeadingName(h.Text))
	}
	best := ""
	for _, n := range order {
		if count[n] > count[best] {
			best = n
		}
	}
	// meta.title names the product, unless the headings agree on a name one
	// slip away from it (MiiPos in meta.title, WiiPos in every heading)
	if meta := r.meta(); meta != "" && !strings.Contains(meta, "SOLUTION") {
		if best == "" || best == meta || partner.Levenshtein(strings.ToLower(best), strings.ToLower(meta)) > 2 || count[best] < 2 {
			return meta
		}
	}
	return best
}

func (r *reader) meta() string {
	n, _ := r.page.MetaName()
	return n
}

// sections splits the page's top-level blocks at its level-1 and -2 headings.
func (r *reader) sections() []section {
	secs := []section{{kind: "preamble"}}
	for c := r.page.Root.FirstChild(); c != nil; c = c.NextSibling() {
		if h, ok := c.(*ast.Heading); ok && h.Level <= 2 {
			s := section{heading: h, title: page.PlainText(r.body, h)}
			if id, ok := h.AttributeString("id"); ok {
				if b, ok := id.([]byte); ok {
					s.id = string(b)
				}
			}
			s.kind = page.SectionKind(s.id)
			if s.kind == "" {
				s.kind = page.SectionKind(s.title)
			}
			if s.kind == "" {
				s.kind = r.titles[s.title]
			}
			secs = append(secs, s)
			continue
		}
		secs[len(secs)-1].blocks = append(secs[len(secs)-1].blocks, c)
	}
	return secs
}

// scan collects the section's e-mails, prose and links to the page's own app.
func (r *reader) scan(s *section) {
	for _, b := range s.blocks {
		text := page.PlainText(r.body, b)
		r.prose = append(r.prose, text)
		for _, m := range email.Find(text) {
			r.emails[s.kind] = append(r.emails[s.kind], strings.ToLower(strings.TrimRight(m, ".")))
		}
		for _, l := range page.Destinations(r.body, b) {
			if m := appLinkRe.FindStringSubmatch(l); m != nil && r.selfApp == "" {
				r.selfApp = m[1]
			}
			if a, ok := strings.CutPrefix(l, "mailto:"); ok {
				r.emails[s.kind] = append(r.emails[s.kind], strings.ToLower(a))
			}
		}
	}
}

// email picks the partner's support address: the give-access section's, else
// the contact section's; a different one elsewhere is reported.
func (r *reader) email(platform []string) string {
	chosen := ""
	for _, kind := range []string{"give-access", "contact", "connect", "disconnect", "preamble", ""} {
		for _, e := range r.emails[kind] {
			if slices.Contains(platform, e) || !partner.ValidEmail(e) {
				continue
			}
			if chosen == "" {
				chosen = e
			} else if e != chosen && (kind == "give-access" || kind == "contact") {
				r.fixed(0, "the %s section gives %s; the page now uses %s everywhere", kind, e, chosen)
			}
		}
	}
	return chosen
}

// publisher finds the company behind the product: one the page calls its
// publisher, preferring the one whose name the support e-mail's domain carries.
func (r *reader) publisher(email string) string {
	domain := strings.ToLower(email[strings.IndexByte(email, '@')+1:])
	var named, inDomain []string
	for _, p := range r.prose {
		for _, re := range publisherRes {
			for _, m := range re.FindAllStringSubmatch(p, -1) {
				named = append(named, m[1])
			}
		}
		for _, re := range supportOfRes {
			for _, m := range re.FindAllStringSubmatch(p, -1) {
				if c := m[1]; strings.HasPrefix(domain, strings.ToLower(c)+".") {
					inDomain = append(inDomain, c)
				}
			}
		}
	}
	cands := slices.Concat(named, inDomain)
	pick := ""
	for _, c := range cands {
		if strings.EqualFold(c, r.name) {
			continue
		}
		if strings.HasPrefix(domain, strings.ToLower(c)+".") {
			pick = c
			break
		}
		if pick == "" {
			pick = c
		}
	}
	for _, c := range named {
		if c != pick && !strings.EqualFold(c, r.name) {
			r.fixed(0, "the page also names %s as the publisher; kept %s, which the support e-mail's domain carries", c, pick)
		}
	}
	return pick
}

// dropInvisible removes the characters a partner file may not hold in a
// name, label or title (controls, byte order marks, invisible marks), and
// returns the lines it changed.
func dropInvisible(src []byte) ([]byte, []int) {
	if !bytes.ContainsFunc(src, partner.Invisible) {
		return src, nil
	}
	var lines []int
	line := 1
	out := make([]byte, 0, len(src))
	for _, r := range string(src) {
		switch {
		case r == '\n':
			line++
		case partner.Invisible(r):
			if len(lines) == 0 || lines[len(lines)-1] != line {
				lines = append(lines, line)
			}
			continue
		}
		out = utf8.AppendRune(out, r)
	}
	return out, lines
}

var langSuffixRe = regexp.MustCompile(`-([a-z]{2})\.[a-z]+$`)

// pageLang tells the page's language from its place (…/<slug>/<lang>/page.md),
// its name (name-<lang>.md), else from its front matter.
func pageLang(path string, at pagepath.Path, p *page.Page) string {
	if at.Lang != "" {
		return at.Lang
	}
	if m := langSuffixRe.FindStringSubmatch(filepath.Base(path)); m != nil {
		return m[1]
	}
	return wording.ConnectPageLang(p.FMString("path_override"), p.FMString("title"), "en")
}

// pageSlug tells the partner's slug from the page's place, else from a
// link to its own app's pages, else from its name.
func pageSlug(at pagepath.Path, selfApp, name string) string {
	if at.Slug != "" {
		return at.Slug
	}
	if selfApp != "" {
		return selfApp
	}
	return partner.Slugify(name)
}

// nameFromPath makes a product name of a page's app folder or file name:
// "la-toque" → "La Toque".
func nameFromPath(path string, at pagepath.Path) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	if at.Slug != "" {
		base = at.Slug
	} else if m := langSuffixRe.FindStringSubmatchIndex(filepath.Base(path)); m != nil {
		base = filepath.Base(path)[:m[0]]
	}
	words := strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' || r == ' ' })
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	if len(words) == 0 {
		return "Partner"
	}
	return strings.Join(words, " ")
}

var (
	// ownDomainLinkRe finds a link to the docs site's own domain, which the
	// site wants root-relative: [x](https://www.hubrise.com/fr/docs/y).
	ownDomainLinkRe = regexp.MustCompile(`\]\(https?://(?:www\.)?hubrise\.com(?:/[a-z]{2})?(/(?:docs|apps)[^)\s]*)\)`)
	// schemelessLinkRe finds a link to another site written with no scheme,
	// which a browser reads as a path of the docs site: [x](www.example.com).
	schemelessLinkRe = regexp.MustCompile(`\]\(((?:www\.)?[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*\.[a-zA-Z]{2,}(?:[/?#][^)\s]*)?)\)`)
)

// fixLinks mends the two link forms that have exactly one right fix (lint's
// link-form finds them in the original, reported as fixed): a link to the
// site's own domain becomes root-relative, and a link with no scheme gets
// https://.
func fixLinks(src []byte) []byte {
	src = ownDomainLinkRe.ReplaceAll(src, []byte("]($1)"))
	return schemelessLinkRe.ReplaceAllFunc(src, func(m []byte) []byte {
		target := m[2 : len(m)-1]
		if bytes.Contains(target, []byte("@")) || bytes.HasSuffix(target, []byte(".md")) || bytes.HasSuffix(target, []byte(".png")) || bytes.HasSuffix(target, []byte(".jpg")) {
			return m // an address or a file, not a site
		}
		return append([]byte("](https://"), append(target, ')')...)
	})
}

// fileFacts are the menus and buttons a partner file gives one language.
type fileFacts struct {
	conn, disc steps
	mode       string              // connection.mode
	stepsAfter map[string][]string // steps_after in this language, by platform step
	stepText   map[string]string   // step_text in this language, by platform step
	skipSteps  []string            // skip_steps in this language
}
