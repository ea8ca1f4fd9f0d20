package pageimport

import (
	"bytes"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/partnerpages/partnerpages/scaffold/page"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
	"github.com/yuin/goldmark/ast"
)

// part is one section of a page as the import reads it: a standard section
// whose text the template writes from typed facts, or a section kept as
// written (verbatim): a partner section, or a standard section whose
// procedure the template cannot say.
type part struct {
	kind      string // connect, give-access, contact, disconnect; "" for a partner section
	title     string // the heading as written
	anchor    string // its custom id, "" if none
	body      string // the section's Markdown as written
	verbatim  bool   // keep body as written instead of the template's text
	keepTitle bool   // a typed section whose heading is not the template's
	fromTop   bool   // the connect procedure, read from the page's top (no heading of its own)
	line      int    // the heading's line
	lines     []int  // the section's non-blank lines
	raw       string // the section as written, heading included
	// own is the section's own intro and steps in the partner file, for a
	// language absorb did not edit: they stay as they are
	own *ownSteps
}

// ownSteps are a standard section's own intro and steps in one language.
type ownSteps struct {
	intro string
	steps []string
}

// checkpoint is the state of a page's report and facts before a section is
// read as typed facts, so that a section the template cannot say is put back
// and kept as written instead.
type checkpoint struct {
	replaced, fixed, dropped, notes int
	skip                            map[int]bool
	f                               facts
}

func (r *reader) checkpoint(f *facts) checkpoint {
	rep := r.report
	return checkpoint{len(rep.Replaced), len(rep.Fixed), len(rep.Dropped), len(rep.Notes), maps.Clone(rep.skip), cloneFacts(f)}
}

func (r *reader) restore(c checkpoint, f *facts) {
	rep := r.report
	rep.Replaced, rep.Fixed, rep.Dropped, rep.Notes = rep.Replaced[:c.replaced], rep.Fixed[:c.fixed], rep.Dropped[:c.dropped], rep.Notes[:c.notes]
	rep.skip = c.skip
	*f = c.f
}

func cloneFacts(f *facts) facts {
	c := *f
	c.intro = slices.Clone(f.intro)
	c.conn = cloneSteps(f.conn)
	c.disc = cloneSteps(f.disc)
	c.sections = slices.Clone(f.sections)
	c.layout = slices.Clone(f.layout)
	return c
}

func cloneSteps(s steps) steps {
	s.menu, s.before, s.extra, s.lines = slices.Clone(s.menu), slices.Clone(s.before), slices.Clone(s.extra), slices.Clone(s.lines)
	s.beforeMenu, s.after = slices.Clone(s.beforeMenu), slices.Clone(s.after)
	return s
}

// typed reads a standard section as typed facts. It reports false, leaving
// report and facts as they were, when the template cannot say the section:
// its steps are not "menu, then button", or it holds text with no place in
// a partner file.
func (r *reader) typed(s *section, f *facts) bool {
	ok, _ := r.tryTyped(s, f)
	return ok
}

// tryTyped is typed, with the reason when the template cannot say the section.
func (r *reader) tryTyped(s *section, f *facts) (bool, string) {
	c := r.checkpoint(f)
	var err error
	switch s.kind {
	case "connect":
		err = r.connect(s, f)
	case "disconnect":
		err = r.disconnect(s, f)
	default:
		r.platformSection(s)
	}
	why := ""
	switch {
	case err != nil:
		why = err.Error()
	case len(r.report.Dropped) > c.dropped:
		why = r.report.Dropped[c.dropped].Text
	default:
		return true, ""
	}
	r.restore(c, f)
	return false, why
}

// sectionPart makes the part of section s, its body as written.
func (r *reader) sectionPart(s *section, kind string) part {
	pt := part{kind: kind, title: s.title, anchor: s.id, line: r.lineOf(s.heading)}
	start, end := r.nodeEnd(s.heading), len(r.body)
	for c := s.heading.NextSibling(); c != nil; c = c.NextSibling() {
		if h, ok := c.(*ast.Heading); ok && h.Level <= 2 {
			if sp, ok := page.Extent(h); ok {
				end = lineStartOf(r.body, sp.Start)
			}
			break
		}
	}
	// The body as written, less the blocks that are only a template's
	// leftovers (markers, unfinished text): those are reported as fixed.
	// A partner section made of nothing else keeps them: its heading is
	// the partner's, and a section needs a body.
	drop := map[int]bool{}
	var removed []ast.Node
	for _, b := range s.blocks {
		if r.defect(b) {
			removed = append(removed, b)
			if sp, ok := page.Extent(b); ok {
				for l := r.page.At(sp.Start).Line; l <= r.page.At(max(sp.Start, sp.End-1)).Line; l++ {
					drop[l] = true
				}
			}
		}
	}
	if kind == "" && len(removed) == len(s.blocks) {
		clear(drop)
		removed = nil
	}
	for _, b := range removed {
		r.fixed(r.lineOf(b), "%q removed (unfinished text or a template marker)", clip(page.PlainText(r.body, b)))
	}
	var kept []string
	if start < end {
		first := r.page.At(start).Line
		for i, line := range strings.Split(strings.TrimRight(string(r.body[start:end]), "\n"), "\n") {
			if !drop[first+i] {
				kept = append(kept, strings.TrimRight(line, " \t\r"))
			}
		}
	}
	pt.body = r.named(collapseBlank(strings.TrimSpace(strings.Join(kept, "\n"))))
	if sp, ok := page.Extent(s.heading); ok {
		pt.raw = strings.TrimSpace(string(r.body[lineStartOf(r.body, sp.Start):end]))
	} else {
		pt.raw = strings.TrimSpace(r.page.Line(pt.line) + "\n\n" + pt.body)
	}
	pt.title = r.named(pt.title)
	pt.lines = r.lineRange(start, end)
	return pt
}

// blocksLines lists the non-blank lines of blocks.
func (r *reader) blocksLines(blocks []ast.Node) []int {
	var out []int
	for _, b := range blocks {
		if sp, ok := page.BlockExtent(r.body, b); ok {
			out = append(out, r.lineRange(lineStartOf(r.body, sp.Start), sp.End)...)
		}
	}
	return out
}

// lineRange lists the non-blank lines between two body offsets.
func (r *reader) lineRange(start, end int) []int {
	var out []int
	for off := start; off < end; {
		nl := strings.IndexByte(string(r.body[off:end]), '\n')
		line := r.body[off:end]
		if nl >= 0 {
			line = r.body[off : off+nl]
		}
		if strings.TrimSpace(string(line)) != "" {
			out = append(out, r.page.At(off).Line)
		}
		if nl < 0 {
			break
		}
		off += nl + 1
	}
	return out
}

// preamble keeps the text before the first heading: the template writes
// its own note on top, and everything else is kept as written.
func (r *reader) preamble(s *section) string {
	var kept []string
	for _, b := range s.blocks {
		if _, ok := b.(*ast.ThematicBreak); ok {
			continue
		}
		if noteRe.MatchString(page.MarkdownOf(r.body, b)) && signupNoteRe.MatchString(page.PlainText(r.body, b)) {
			r.replaced(r.lineOf(b), "%q in the page's top (the template writes its own note)", clip(page.PlainText(r.body, b)))
			r.report.skipLine(r.lineOf(b))
			continue
		}
		if r.defect(b) {
			continue
		}
		if md := r.blockLines(b); md != "" {
			kept = append(kept, md)
		}
	}
	return strings.Join(kept, "\n\n")
}

// blockLines returns the whole lines of the page a top-level block spans, as
// written (a list keeps its markers).
func (r *reader) blockLines(b ast.Node) string {
	sp, ok := page.BlockExtent(r.body, b)
	if !ok {
		return ""
	}
	start := lineStartOf(r.body, sp.Start)
	end := sp.End
	if i := strings.IndexByte(string(r.body[end:]), '\n'); i >= 0 && !bytes.HasSuffix(r.body[:end], []byte("\n")) {
		end += i
	}
	return strings.TrimRight(string(r.body[start:end]), " \t\r\n")
}

// settle makes the page's typed sections agree: give-access and contact
// need the support e-mail, and every typed section a connection mode. What
// cannot be typed is kept as written; sections with nothing left in them go.
func (r *reader) settle(f *facts) {
	typed := func(kind string) *part {
		for i := range f.layout {
			if f.layout[i].kind == kind && !f.layout[i].verbatim {
				return &f.layout[i]
			}
		}
		return nil
	}
	has := func(kind string) bool {
		return slices.ContainsFunc(f.layout, func(pt part) bool { return pt.kind == kind })
	}
	// the template's support route links to the give-access and contact sections
	if pt := typed("connect"); pt != nil && (f.mode == partner.ModeSupport || f.mode == partner.ModeEither) && (!has("give-access") || !has("contact")) {
		pt.verbatim = true
		r.note(pt.line, "the connect section is kept as written: the template's text would link to give-access and contact sections the page does not have")
	}
	if pt := typed("disconnect"); pt != nil && f.dmode == partner.DisconnectSupport && !has("contact") {
		pt.verbatim = true
		r.note(pt.line, "the disconnect section is kept as written: the template's text would link to a contact section the page does not have")
	}
	// a back-office procedure needs a menu path the template can print
	if pt := typed("connect"); pt != nil && f.mode != partner.ModeSupport && f.mode != partner.ModeAppList && len(f.conn.menu) == 0 {
		pt.verbatim = true
		r.note(pt.line, "the connect section is kept as written: its steps name no menu to open")
	}
	if pt := typed("disconnect"); pt != nil && f.dmode == partner.DisconnectBackOffice && len(f.disc.menu) == 0 &&
		(typed("connect") == nil || len(f.conn.menu) == 0) {
		pt.verbatim = true
		r.note(pt.line, "the disconnect section is kept as written: its steps name no menu to open")
	}
	if f.email == "" {
		for _, kind := range []string{"give-access", "contact"} {
			if pt := typed(kind); pt != nil {
				pt.verbatim = true
				r.note(pt.line, "the %s section is kept as written: it gives no support e-mail for the template to use", kind)
			}
		}
	}
	if f.mode == "" && (typed("give-access") != nil || typed("contact") != nil || typed("disconnect") != nil && f.dmode == "") {
		// the template's text for these depends on how the partner is connected
		// back-office is the neutral wording; a page that says only the
		// support team connects gets support
		f.mode, f.modeAssumed = partner.ModeBackOffice, true
		if prose := strings.Join(r.prose, " "); modeStatementRe.MatchString(prose) || askSupportRe.MatchString(prose) {
			f.mode = partner.ModeSupport
		}
		r.note(0, "connection mode %s assumed (no connect section the template can write)", f.mode)
	}
	if f.dmode == "" && typed("disconnect") != nil {
		f.dmode = partner.DefaultDisconnectMode(f.mode)
	}
	kept := f.layout[:0]
	for _, pt := range f.layout {
		if pt.verbatim && pt.fromTop {
			f.preamble = pt.body // the page's top, as written
			continue
		}
		if pt.verbatim && strings.TrimSpace(pt.body) == "" {
			r.fixed(pt.line, "section %q held nothing but unfinished text; removed", pt.title)
			continue
		}
		kept = append(kept, pt)
	}
	f.layout = kept
	if f.mode == "" {
		// no typed section needs one: the mode only feeds the template's text
		f.mode, f.modeAssumed = partner.ModeBackOffice, true
	}
}

// foldUntitled puts a partner section whose heading has no text (a lone
// "##") or more than a title can hold (a paragraph underlined with "-"),
// or that has no text under its heading, into the text before it, as
// written, heading included: a partner file's section needs a title and a
// body. The part before it is then kept as written too.
func (r *reader) foldUntitled(f *facts) {
	kept := make([]part, 0, len(f.layout))
	grown := map[int]*joined{} // the kept parts that took others' text; -1 is the preamble
	grow := func(k int, start, raw string) {
		if grown[k] == nil {
			grown[k] = &joined{b: []byte(start)}
		}
		grown[k].add(raw)
	}
	for _, pt := range f.layout {
		title := strings.TrimSpace(pt.title)
		if pt.kind != "" || title != "" && len(title) <= partner.MaxLabel && !strings.Contains(title, "\n") && strings.TrimSpace(pt.body) != "" {
			kept = append(kept, pt)
			continue
		}
		r.note(pt.line, "a section with no heading text, a heading longer than a title, or no text under it is kept as written, with the text before it")
		if len(kept) == 0 {
			grow(-1, f.preamble, pt.raw)
			continue
		}
		prev := &kept[len(kept)-1]
		prev.verbatim = true
		grow(len(kept)-1, prev.body, pt.raw)
		prev.lines = append(append(prev.lines, pt.line), pt.lines...)
	}
	for k, j := range grown {
		if k < 0 {
			f.preamble = j.String()
		} else {
			kept[k].body = j.String()
		}
	}
	f.layout = kept
}

// joined is text that others are added to, each after a blank line, as
// strings.TrimSpace(text + "\n\n" + more) would make it, in time linear in
// the text's length however many are added.
type joined struct{ b []byte }

func (j *joined) add(more string) {
	j.b = append(append(j.b, "\n\n"...), more...)
	j.b = bytes.TrimRightFunc(j.b, unicode.IsSpace)
}

func (j *joined) String() string { return strings.TrimSpace(string(j.b)) }

// connectInPreamble reports whether the page's top holds the connect
// procedure (a list of steps, or who can connect), with no heading for it.
func (r *reader) connectInPreamble(s *section) bool {
	for _, b := range s.blocks {
		if _, ok := b.(*ast.List); ok {
			return true
		}
		if modeStatementRe.MatchString(page.PlainText(r.body, b)) {
			return true
		}
	}
	return false
}

// coverage is the share of the page's lines (non-blank, below the front
// matter, rules left out) that the template writes: the passages it
// replaces, the headings of typed sections and their menu and button steps.
// Text kept as written, and partner steps kept as typed Markdown, are not.
func coverage(pg pageOf, t *typer) float64 {
	p := pg.rep.page
	first := p.At(0).Line
	templated := map[int]bool{}
	for line := range pg.rep.skip {
		templated[line] = true
	}
	for _, pt := range pg.f.layout {
		switch {
		case pt.verbatim:
			templated[pt.line] = false
			for _, l := range pt.lines {
				templated[l] = false
			}
			for _, l := range wholeSteps(p, pt, t) {
				templated[l] = true
			}
		case pt.kind == "connect":
			templated[pt.line] = true
			for _, l := range pg.f.conn.lines {
				templated[l] = true
			}
		case pt.kind == "disconnect":
			templated[pt.line] = true
			for _, l := range pg.f.disc.lines {
				templated[l] = true
			}
		case pt.kind != "":
			templated[pt.line] = true
		default:
			for _, l := range wholeSteps(p, pt, t) {
				templated[l] = true
			}
		}
	}
	total, mine := 0, 0
	for line := first; ; line++ {
		text := p.Line(line)
		if line > lastLine(p) {
			break
		}
		if t := strings.TrimSpace(text); t == "" || t == "---" {
			continue
		}
		total++
		if templated[line] {
			mine++
		}
	}
	if total == 0 {
		return 1
	}
	return float64(mine) / float64(total)
}

// wholeSteps lists the page lines of a part kept as written that typing
// makes a platform step whole: the template writes them.
func wholeSteps(p *page.Page, pt part, t *typer) []int {
	if t == nil {
		return nil
	}
	var out []int
	lines := strings.Split(pt.body, "\n")
	typed := strings.Split(t.within(pt.kind).markdown(pt.body), "\n")
	if len(lines) != len(typed) {
		return nil
	}
	next := 0 // page lines are matched in order
	for i, line := range typed {
		m := markerRe.FindStringSubmatch(line)
		if m == nil || !wholeRef.MatchString(m[2]) {
			continue
		}
		for j := next; j < len(pt.lines); j++ {
			if render.PlainSpacing(strings.TrimSpace(p.Line(pt.lines[j]))) == strings.TrimSpace(lines[i]) {
				out = append(out, pt.lines[j])
				next = j + 1
				break
			}
		}
	}
	return out
}

// wholeRef is a step that is one platform step and nothing else.
var wholeRef = regexp.MustCompile(`^<Platform step="[a-z-]+" />$`)

// lastLine is the number of the page's last line.
func lastLine(p *page.Page) int {
	return bytes.Count(p.Src, []byte("\n")) + 1
}

// collapseBlank turns runs of blank lines into one.
func collapseBlank(s string) string {
	for strings.Contains(s, "\n\n\n") {
		s = strings.ReplaceAll(s, "\n\n\n", "\n\n")
	}
	return s
}

// solutionRe finds the template's product placeholder, elided or not.
var solutionRe = regexp.MustCompile(`\b(l|d)?SOLUTION\b`)

// named puts the product's name where the page kept the template's
// placeholder (SOLUTION, lSOLUTION): text kept as written is fixed too.
func (r *reader) named(s string) string {
	if r.name == "" || !strings.Contains(s, "SOLUTION") {
		return s
	}
	return solutionRe.ReplaceAllStringFunc(s, func(m string) string {
		if len(m) > len("SOLUTION") {
			return m[:1] + "'" + r.name
		}
		return r.name
	})
}

// overrides lists the page's standard sections the template no longer
// writes, from its final layout.
func overrides(pg pageOf, t *typer) []Override {
	var out []Override
	for _, pt := range pg.f.layout {
		if pt.kind != "" && (pt.verbatim || pt.keepTitle) {
			o := Override{Kind: pt.kind, Title: pt.title, Line: pt.line, Heading: !pt.verbatim}
			if pt.verbatim {
				o.Named = render.CountRefs(t.within(pt.kind).markdown(pt.body))
			}
			out = append(out, o)
		}
	}
	return out
}

// verbatimNotes lists a page's passages kept as written.
func verbatimNotes(pg pageOf) []Note {
	var out []Note
	if pg.f.preamble != "" {
		out = append(out, Note{Line: pg.rep.page.At(0).Line, Text: "the text before the first heading (preamble)"})
	}
	for _, pt := range pg.f.layout {
		if !pt.verbatim {
			continue
		}
		what := fmt.Sprintf("section %q", pt.title)
		if pt.kind != "" {
			what = fmt.Sprintf("the %s section %q", pt.kind, pt.title)
		}
		if n := len(pt.lines); n > 0 {
			what += fmt.Sprintf(" (%d lines)", n+1)
		}
		out = append(out, Note{Line: pt.line, Text: what})
	}
	return out
}
