package pageimport

import (
	"fmt"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/partnerpages/partnerpages/scaffold/lint"
	"github.com/partnerpages/partnerpages/scaffold/page"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/wording"
)

var blockLinkRe = wording.Phrase("block_link")

// boilerplateParagraph reports whether a paragraph only says what the
// template writes itself: the note on top, a lead-in to steps, who can
// connect, or the pointer to blocking a connection.
func (r *reader) boilerplateParagraph(b ast.Node) bool {
	src := page.MarkdownOf(r.body, b)
	if r.defect(b) {
		return true
	}
	text := page.PlainText(r.body, b)
	if noteRe.MatchString(src) && signupNoteRe.MatchString(text) || leadInRe.MatchString(text) || modeStatementRe.MatchString(text) {
		return true
	}
	for _, l := range page.Destinations(r.body, b) {
		if blockLinkRe.MatchString(l) && len(page.Images(b)) == 0 {
			return true
		}
	}
	return false
}

// isSupportList reports whether an ordered list is the "have the support
// team connect you" route: steps without bold labels that point to the
// give-access and contact sections or to the platform's getting-started page.
func (r *reader) isSupportList(list ast.Node) bool {
	items := r.items(list)
	if len(items) == 0 {
		return false
	}
	for _, it := range items {
		if len(it.Labels) > 0 || len(it.Images) > 0 {
			return false
		}
		ok := false
		for _, l := range it.Links {
			if strings.HasPrefix(l, "#") || strings.Contains(l, "#give-access") || strings.Contains(l, "#contact") ||
				strings.Contains(l, "get-started") || strings.Contains(l, "comment-demarrer") {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// connect reads the connect section: the mode, the back-office steps, and
// any partner text (an intro, trailing images) that must be kept.
func (r *reader) connect(s *section, f *facts) error {
	viaSupport, viaBackOffice, viaAppList := false, false, false
	var trailing []string
	for _, b := range s.blocks {
		switch b := b.(type) {
		case *ast.ThematicBreak:
			continue
		case *ast.List:
			if viaBackOffice && !viaSupport && len(trailing) == 0 && r.isSupportList(b) {
				// either: the back office first, then the support route, as
				// the template writes them
				viaSupport = true
				r.replaced(r.lineOf(b), "the steps to have the support team connect it (the template writes them for mode support and either)")
				for _, it := range r.items(b) {
					r.report.skipLine(it.Line)
				}
				continue
			}
			if len(trailing) > 0 || viaBackOffice || viaAppList {
				// text, or a second procedure, after the steps the template
				// writes: typed, it would move after the template's steps
				return fmt.Errorf("line %d: a second list of steps follows the first, which the template cannot say in this order", r.lineOf(b))
			}
			if r.isSupportList(b) {
				viaSupport = true
				r.replaced(r.lineOf(b), "the steps to have the support team connect it (the template writes them for mode support and either)")
				for _, it := range r.items(b) {
					r.report.skipLine(it.Line)
				}
				continue
			}
			if r.isAppList(b) {
				if viaSupport {
					return fmt.Errorf("line %d: the support route and the app list in one section, which the template cannot say", r.lineOf(b))
				}
				st, err := r.appList(b)
				if err != nil {
					return err
				}
				f.conn = st
				viaAppList = true
				continue
			}
			st, err := r.backOffice(b, true)
			if err != nil {
				return err
			}
			f.conn = st
			viaBackOffice = true
			continue
		}
		if r.boilerplateParagraph(b) {
			r.replaced(r.lineOf(b), "%q (the template writes its own)", clip(page.PlainText(r.body, b)))
			r.report.skipLine(r.lineOf(b))
			continue
		}
		md := page.MarkdownOf(r.body, b)
		if md == "" {
			continue
		}
		if !viaBackOffice && !viaSupport && !viaAppList {
			f.intro = append(f.intro, md)
		} else {
			trailing = append(trailing, md)
		}
	}
	switch {
	case viaAppList:
		f.mode = partner.ModeAppList
	case viaSupport && viaBackOffice:
		f.mode = partner.ModeEither
	case viaBackOffice:
		f.mode = partner.ModeBackOffice
	default:
		f.mode = partner.ModeSupport
	}
	if len(trailing) > 0 {
		switch {
		case len(f.conn.extra) > 0:
			f.conn.extra[len(f.conn.extra)-1] += "\n\n" + strings.Join(trailing, "\n\n")
		case f.mode != partner.ModeSupport:
			f.conn.extra = append(f.conn.extra, strings.Join(trailing, "\n\n"))
		default:
			f.intro = append(f.intro, trailing...)
		}
	}
	return nil
}

// platformSection reads the give-access or contact section: the template
// writes both in full, so only the e-mails (collected by scan) are kept.
// Partner images there cannot be placed.
func (r *reader) platformSection(s *section) {
	for _, b := range s.blocks {
		if !r.platformBlock(b, s.kind) {
			// the partner's own text: the section is kept as written, whole
			r.dropped(r.lineOf(b), "%q in the %s section is not the platform's text; no place for it beside what the template writes", clip(page.MarkdownOf(r.body, b)), s.kind)
			continue
		}
		r.skipBlock(b)
		for _, im := range page.Images(b) {
			if strings.HasPrefix(im, "./images/") || strings.HasPrefix(im, "images/") {
				r.dropped(r.lineOf(b), "image %s in the %s section: the template writes that section in full", im, s.kind)
			} else {
				r.replaced(r.lineOf(b), "the platform's image %s (the template's %s steps follow the platform's current UI)", im, s.kind)
			}
		}
	}
	r.replaced(r.lineOf(s.heading), "the %s section's text (the template writes it from the support e-mail)", s.kind)
}

var (
	contactRe        = wording.Phrase("contact")
	giveAccessTextRe = wording.Phrase("give_access_text")
	contactTextRe    = wording.Phrase("contact_text")
)

// platformBlock reports whether block b of a give-access or contact section
// is of the platform's text, which the template writes: its steps, images,
// a rule, or a paragraph that speaks of access (give-access) or of writing
// to support (contact). A table, code, a quote, HTML or any other paragraph
// is the partner's own.
func (r *reader) platformBlock(b ast.Node, kind string) bool {
	switch b.(type) {
	case *ast.List, *ast.ThematicBreak:
		return true
	case *ast.Paragraph:
	default:
		return false
	}
	text := page.PlainText(r.body, b)
	if strings.TrimSpace(text) == "" || r.boilerplateParagraph(b) {
		return true // an image alone, a note or a lead-in the template writes
	}
	if kind == "contact" {
		return contactTextRe.MatchString(text)
	}
	return giveAccessTextRe.MatchString(text)
}

var hubriseBackOfficeRe = wording.Phrase("hubrise_back_office")

// disconnect reads the disconnect section: its mode, and for back-office
// disconnection its steps.
func (r *reader) disconnect(s *section, f *facts) error {
	text := ""
	var ls []string
	for _, b := range s.blocks {
		switch b := b.(type) {
		case *ast.ThematicBreak:
			continue
		case *ast.List:
			if f.dmode == partner.DisconnectBackOffice {
				for _, it := range r.items(b) {
					f.disc.extra = append(f.disc.extra, it.Markdown)
				}
				continue
			}
			st, err := r.backOffice(b, false)
			if err != nil {
				return err
			}
			f.disc = st
			f.dmode = partner.DisconnectBackOffice
			continue
		}
		pt := page.PlainText(r.body, b)
		text += " " + pt
		ls = append(ls, page.Destinations(r.body, b)...)
		if r.boilerplateParagraph(b) || contactRe.MatchString(pt) && len(page.Images(b)) == 0 || hubriseBackOfficeRe.MatchString(pt) {
			r.replaced(r.lineOf(b), "%q (the template writes its own)", clip(pt))
			r.report.skipLine(r.lineOf(b))
			continue
		}
		r.dropped(r.lineOf(b), "%q in the disconnect section: no place for it in a partner file", clip(page.MarkdownOf(r.body, b)))
	}
	if f.dmode == "" {
		if askSupportRe.MatchString(text) || slices.Contains(ls, "#contact") {
			f.dmode = partner.DisconnectSupport
		} else {
			f.dmode = partner.DisconnectHubRise
		}
	}
	return nil
}

// extra keeps a non-standard section as it is written.
func (r *reader) extra(s *section, after string, f *facts) {
	line := r.lineOf(s.heading)
	start := r.nodeEnd(s.heading)
	end := len(r.body)
	if next := s.heading.NextSibling(); next != nil {
		for c := next; c != nil; c = c.NextSibling() {
			if h, ok := c.(*ast.Heading); ok && h.Level <= 2 {
				if sp, ok := page.Extent(h); ok {
					end = lineStartOf(r.body, sp.Start)
				}
				break
			}
		}
	}
	body := ""
	if start < end {
		body = strings.TrimSpace(string(r.body[start:end]))
	}
	if body == "" {
		r.dropped(line, "section %q has no text", s.title)
		return
	}
	anchor := s.id
	if anchor == "" || anchor == "give-access" || anchor == "contact" {
		anchor = partner.Slugify(s.title)
	}
	f.sections = append(f.sections, extraSection{after: after, title: s.title, anchor: anchor, body: body, line: line})
}

// nodeEnd is the offset just past the line on which n ends.
func (r *reader) nodeEnd(n ast.Node) int {
	sp, ok := page.BlockExtent(r.body, n)
	if !ok {
		return 0
	}
	i := sp.End
	for i < len(r.body) && r.body[i] != '\n' {
		i++
	}
	return min(i+1, len(r.body))
}

func lineStartOf(b []byte, off int) int {
	for off > 0 && b[off-1] != '\n' {
		off--
	}
	return off
}

// skipBlock marks every block and list item of b as replaced by the template.
func (r *reader) skipBlock(b ast.Node) {
	_ = ast.Walk(b, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && (n.Kind() == ast.KindListItem || n.Kind() == ast.KindParagraph || n.Kind() == ast.KindTextBlock) {
			r.report.skipLine(r.lineOf(n))
		}
		return ast.WalkContinue, nil
	})
}

// defect reports whether a paragraph is only a leftover of the platform's
// copy-and-edit template (a variant marker or a placeholder line), which
// lint reports and the regenerated page no longer has.
func (r *reader) defect(b ast.Node) bool {
	line := r.lineOf(b)
	for _, f := range r.report.Findings {
		if f.Line == line && (f.Rule == lint.RuleVariantMarker || f.Rule == lint.RulePlaceholder) && len(strings.Fields(page.PlainText(r.body, b))) <= 8 {
			return true
		}
	}
	return false
}
