// Package pageimport reads existing connection pages, hand-written or
// generated, and writes the partner files that regenerate them: the facts
// the template set needs (name, e-mail, modes, menu paths, buttons), and
// every partner-specific step, image and section as written, so that
// nothing the page said is lost. What the template writes itself is
// reported as replaced; what has no place in a partner file, as dropped.
package pageimport

import (
	"context"
	"regexp"
	"strings"

	"github.com/partnerpages/partnerpages/scaffold/page"
	"github.com/partnerpages/partnerpages/scaffold/pagepath"

	"fmt"
	"slices"
	"sort"

	"github.com/partnerpages/partnerpages/scaffold/lint"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
)

// Page is one page to import.
type Page struct {
	Path string        // as messages show it
	At   pagepath.Path // its slug, language and file, when the caller knows them (else told from Path)
	Data []byte
	// Titles are headings the partner file gives standard sections of
	// this page, by heading text (absorb: a title placed before the rest
	// of the page is read whole).
	Titles map[string]string
}

// Options configure an import.
type Options struct {
	Set       *render.Set       // the template set that will regenerate the pages
	Lint      lint.Options      // platform facts, for lint and for telling partner e-mails apart
	SchemaRef string            // $schema path written at the top of each partner file
	Emails    map[string]string // support e-mails by slug, for pages that give none (or a wrong one)
	// Existing are the partner files already there, by slug: importing over
	// one merges into it. What a page cannot tell (kind, publisher, slug) is
	// taken from the file, and its other languages keep their values.
	Existing map[string]*partner.Partner
	// Exact asks for partner files that regenerate the pages byte for byte
	// (absorb): a section whose regenerated text differs at all is kept as
	// written.
	Exact bool
	// Ctx, when set, stops the import between two pages once it is done
	// (Ctrl-C): what was read until then comes back, and no result.
	Ctx context.Context
}

// interrupted reports whether the import was asked to stop.
func (o Options) interrupted() bool { return o.Ctx != nil && o.Ctx.Err() != nil }

// Result is one partner built from its pages.
type Result struct {
	Slug    string
	File    string // partner file name, <slug>.yaml
	YAML    []byte
	Partner *partner.Partner // nil when the file does not validate
	Pages   []*PageReport

	Summary       []string          // the facts recovered
	Problems      partner.ErrorList // validation errors of the partner file
	Regenerated   []render.Output   // the pages the partner file gives
	Missing       []string          // facts of the originals missing from Regenerated
	RegenFindings []lint.Finding    // lint findings on Regenerated (none expected)
	Merged        bool              // merged into an existing partner file
	Folder        string            // the app folder read into the file's app: block, if any
}

// Import reads pages, groups them by partner (one page per language) and
// builds each partner's file, validated and regenerated in memory. Pages
// that cannot be imported at all come back in failed.
func Import(pages []Page, o Options) (results []*Result, failed []*PageReport) {
	setLangs := o.Set.Languages()
	groups := map[string][]pageOf{}
	for _, pg := range pages {
		if o.interrupted() {
			return nil, failed
		}
		f, rep, err := readPage(pg, o.Lint.PlatformEmails, o.Emails)
		if err != nil {
			rep.Err = err
			failed = append(failed, rep)
			continue
		}
		if !slices.Contains(setLangs, f.lang) {
			rep.Err = fmt.Errorf("language %q is not in the template set (%v)", f.lang, setLangs)
			failed = append(failed, rep)
			continue
		}
		dup := slices.IndexFunc(groups[f.slug], func(p pageOf) bool { return p.f.lang == f.lang })
		if dup >= 0 {
			rep.Err = fmt.Errorf("%s is also a %s page of %s; import one page per language", groups[f.slug][dup].rep.Path, f.lang, f.slug)
			failed = append(failed, rep)
			continue
		}
		groups[f.slug] = append(groups[f.slug], pageOf{f: f, rep: rep})
	}
	slugs := make([]string, 0, len(groups))
	for s := range groups {
		slugs = append(slugs, s)
	}
	sort.Strings(slugs)
	for _, slug := range slugs {
		if o.interrupted() {
			return nil, failed
		}
		g := mergeExisting(groups[slug], o.Existing[slug], o)
		sort.Slice(g, func(i, j int) bool {
			return slices.Index(setLangs, g[i].f.lang) < slices.Index(setLangs, g[j].f.lang)
		})
		results = append(results, build(slug, g, o))
	}
	return results, failed
}

// build writes, validates and regenerates one partner's file, and checks
// that the regenerated pages keep the originals' facts and lint clean.
func build(slug string, g []pageOf, o Options) *Result {
	res := &Result{Slug: slug, File: slug + ".yaml", Merged: g[0].existing}
	for _, p := range g {
		res.Pages = append(res.Pages, p.rep)
	}
	// Write the partner file, regenerate its pages and compare them with the
	// originals: a standard section whose heading the template does not
	// write keeps its own, and a section whose facts the regenerated page
	// lost is kept as written instead. A few rounds settle it.
	var p *partner.Partner
	var out []render.Output
	for round := 0; ; round++ {
		data, summary, err := partnerYAML(g, o)
		if err != nil {
			res.Problems = partner.ErrorList{{File: res.File, Msg: err.Error()}}
			return res
		}
		res.YAML, res.Summary = data, summary
		var errs partner.ErrorList
		p, errs = partner.Parse(res.File, data)
		if len(errs) == 0 {
			errs = partner.Resolve(p, o.Set.Languages())
		}
		if len(errs) > 0 {
			if round < 12 && demote(g, errs) {
				continue
			}
			res.Problems = errs
			return res
		}
		out, err = o.Set.Render(p)
		if err != nil {
			res.Problems = partner.ErrorList{{File: res.File, Msg: err.Error()}}
			return res
		}
		changed := false
		for _, pg := range g {
			if reg := outputIn(out, pg.f.lang); reg != nil {
				changed = adjust(pg, page.Parse(reg.Name, reg.Content), o) || changed
			}
		}
		if !changed || round >= 8 {
			break
		}
	}
	res.Partner = p
	res.Regenerated = out
	for _, pg := range g {
		reg := outputIn(out, pg.f.lang)
		if reg == nil {
			continue
		}
		regPage := page.Parse(slug+"/"+reg.Lang+"/"+reg.Name, reg.Content)
		res.RegenFindings = append(res.RegenFindings, lint.Check(regPage, o.Lint)...)
		before := PartnerFacts(pg.rep.page, o.Set, o.Lint.PlatformEmails)
		after := PartnerFacts(regPage, o.Set, o.Lint.PlatformEmails)
		pg.rep.Facts = len(before)
		for _, m := range lostFacts(before, after) {
			res.Missing = append(res.Missing, fmt.Sprintf("%s (line %d) of %s", m, m.Line, pg.rep.Path))
		}
		ty := newTyper(o.Set, o.Set.NewView(p, pg.f.lang), o.Exact)
		pg.rep.Coverage = coverage(pg, ty)
		pg.rep.Verbatim = verbatimNotes(pg)
		pg.rep.Overrides = overrides(pg, ty)
		for _, pt := range pg.f.layout {
			if pt.kind != "" && !pt.verbatim {
				pg.rep.Typed++
			}
		}
	}
	for _, pg := range g {
		pg.rep.Kept = kept(pg.f)
	}
	return res
}

// kept lists the partner-specific text placed in the partner file.
func kept(f *facts) []string {
	var out []string
	count := func(n int, what string) {
		if n > 0 {
			out = append(out, fmt.Sprintf("%d %s", n, what))
		}
	}
	count(len(f.intro), "paragraph(s) as connection.intro")
	count(len(f.conn.before), "step(s) as connection.steps_before_button")
	count(len(f.conn.extra), "step(s) as connection.extra_steps")
	count(len(f.disc.before), "step(s) as disconnect.steps_before_button")
	count(len(f.disc.extra), "step(s) as disconnect.extra_steps")
	count(len(f.disc.after), "step(s) as steps_after (after the line that says the app is disconnected)")
	count(len(f.sections), "section(s) as sections")
	return out
}

// outputIn returns the regenerated connect page of lang.
func outputIn(out []render.Output, lang string) *render.Output {
	for i := range out {
		if out[i].Lang == lang && out[i].Connect {
			return &out[i]
		}
	}
	return nil
}

// adjust compares a regenerated page with its original and changes the
// parts that need it: a typed standard section whose heading differs keeps
// its own heading, and a typed section whose facts were lost is kept as
// written. It reports whether anything changed.
func adjust(pg pageOf, regen *page.Page, o Options) bool {
	changed := false
	var heads []page.Heading
	for _, h := range regen.Headings {
		if h.Level <= 2 {
			heads = append(heads, h)
		}
	}
	_, sections := regen.Sections()
	if len(heads) == len(pg.f.layout) {
		for i := range pg.f.layout {
			pt := &pg.f.layout[i]
			if !pt.verbatim && !pt.keepTitle && pt.title != "" && render.PlainSpacing(heads[i].Text) != pt.title {
				pt.keepTitle = true
				changed = true
			}
			// The template's text must not say twice what the page says once
			// (a menu taken from a step that also clicks it, a platform step
			// with an image of the page's): then it is kept as written.
			if pt.verbatim || pt.kind != "connect" && pt.kind != "disconnect" || pt.fromTop {
				continue
			}
			if l := repeatedLabel(render.PlainSpacing(sections[i]), pt.body); l != "" {
				pt.verbatim = true
				pg.rep.Notes = append(pg.rep.Notes, Note{Line: pt.line, Text: fmt.Sprintf("the %s section is kept as written: the template's text would say **%s** more often than the page does", pt.kind, l)})
				changed = true
			}
		}
	}
	// once the headings settled (a heading kept this round is not on the
	// page rendered this round):
	if o.Exact && !changed {
		// a procedure read from the top of a page has no heading, which the
		// template's section would add
		for i := range pg.f.layout {
			if pt := &pg.f.layout[i]; pt.fromTop && !pt.verbatim {
				pt.verbatim = true
				changed = true
			}
		}
		// the page was read with plain spaces (French typography is the
		// template's): compare it so
		_, mine := page.Parse(regen.Path, []byte(render.PlainSpacing(string(regen.Src)))).Sections()
		_, theirs := pg.rep.page.Sections()
		if len(mine) == len(theirs) && len(mine) == len(pg.f.layout) {
			for i := range pg.f.layout {
				pt := &pg.f.layout[i]
				if mine[i] == theirs[i] {
					continue
				}
				switch {
				case !pt.verbatim:
					pt.verbatim = true
				case !pt.keepTitle:
					pt.keepTitle = true
				default:
					continue
				}
				pg.rep.Notes = append(pg.rep.Notes, Note{Line: pt.line, Text: fmt.Sprintf("the %s section %q is kept as written, as the page has it: a template change no longer reaches it", kindName(pt.kind), pt.title)})
				changed = true
			}
		}
	}
	// the page's own search-engine text, where the template writes another
	for i, k := range metaKeys {
		if m := &pg.f.meta[i]; !m.keep && m.text != "" && render.PlainSpacing(regen.FMString(k)) != m.text {
			m.keep = true
			changed = true
		}
	}
	lost := lostFacts(PartnerFacts(pg.rep.page, o.Set, o.Lint.PlatformEmails), PartnerFacts(regen, o.Set, o.Lint.PlatformEmails))
	for _, f := range lost {
		for i := range pg.f.layout {
			pt := &pg.f.layout[i]
			if !pt.verbatim && (pt.line == f.Line || slices.Contains(pt.lines, f.Line)) {
				pt.verbatim = true
				pg.rep.Notes = append(pg.rep.Notes, Note{Line: pt.line, Text: fmt.Sprintf("the %s section is kept as written: the template's text lost its %s", pt.kind, f)})
				changed = true
			}
		}
	}
	return changed
}

// mergeExisting adds to the pages of one partner what its existing partner
// file knows and the pages cannot tell: its kind and publisher, and its
// other languages (read from the pages the file renders, so their values
// stay as they are).
func mergeExisting(g []pageOf, ex *partner.Partner, o Options) []pageOf {
	if ex == nil {
		return g
	}
	outs, err := o.Set.Render(ex)
	if err == nil {
		for _, out := range outs {
			at := pagepath.Path{Slug: ex.Slug.Value, Lang: out.Lang, File: out.Name}
			f, rep, err := readPage(Page{Path: at.Rel(), At: at, Data: out.Content}, o.Lint.PlatformEmails, o.Emails)
			if err != nil {
				continue
			}
			if i := slices.IndexFunc(g, func(p pageOf) bool { return p.f.lang == out.Lang }); i >= 0 {
				// an edited page: the sections it left as they were keep theirs
				keepOwnSteps(g[i].f, ex, func(pt *part) bool { return unedited(pt, f) })
				continue
			}
			rep.Path = ex.File + " (" + out.Lang + ")"
			keepOwnSteps(f, ex, func(*part) bool { return true })
			g = append(g, pageOf{f: f, rep: rep})
		}
	}
	for i := range g {
		g[i].existing = true
		f := g[i].f
		f.kind = ex.Kind.Value
		if strings.EqualFold(f.email, ex.Email.Value) {
			f.email = ex.Email.Value // the file's spelling: pages are read in lower case
		}
		// the file's menus, buttons and mode, which a section this page keeps
		// as written cannot say
		f.file = &fileFacts{
			conn: steps{menu: ex.Connection.Menu.In(f.lang), button: ex.Connection.Button.In(f.lang)},
			disc: steps{menu: ex.Disconnect.Menu.In(f.lang), button: ex.Disconnect.Button.In(f.lang)},
			mode: ex.Connection.Mode.Value,
		}
		// the platform steps in the page's own words or left out, and the
		// partner's steps after a platform step, which a page read whole
		// cannot tell from the template's (a section that lost one is kept as written
		// when the pages are compared)
		for _, s := range ex.SkipSteps[f.lang] {
			f.file.skipSteps = append(f.file.skipSteps, s.Value)
		}
		for name, s := range ex.StepText[f.lang] {
			if f.file.stepText == nil {
				f.file.stepText = map[string]string{}
			}
			f.file.stepText[name] = s.Value
		}
		for name, items := range ex.StepsAfter[f.lang] {
			if f.file.stepsAfter == nil {
				f.file.stepsAfter = map[string][]string{}
			}
			for _, it := range items {
				f.file.stepsAfter[name] = append(f.file.stepsAfter[name], it.Value)
			}
		}
		// a menu or button this page does not say keeps the file's value in
		// this language
		if len(f.conn.menu) == 0 && f.conn.button == "" {
			f.conn.menu, f.conn.button = ex.Connection.Menu.In(f.lang), ex.Connection.Button.In(f.lang)
		}
		if len(f.disc.menu) == 0 && f.disc.button == "" {
			f.disc.menu, f.disc.button = ex.Disconnect.Menu.In(f.lang), ex.Disconnect.Button.In(f.lang)
		}
		if pub := ex.Publisher.In(f.lang); pub != "" {
			f.publisher = pub
		}
	}
	return g
}

// boldRe finds bold labels in Markdown.
var boldRe = regexp.MustCompile(`\*\*([^*\n]+)\*\*`)

// repeatedLabel returns a bold label the page says and the regenerated text
// says more often, or "": the template would repeat a step. Labels the page
// does not have (a menu path written out, the platform's standard steps) are
// the template's own words.
func repeatedLabel(regen, orig string) string {
	count := func(md string) map[string]int {
		m := map[string]int{}
		for _, x := range boldRe.FindAllStringSubmatch(md, -1) {
			m[x[1]]++
		}
		return m
	}
	was, now := count(orig), count(regen)
	for _, x := range boldRe.FindAllStringSubmatch(regen, -1) { // in page order: the same label each run
		if l := x[1]; now[l] > was[l] && was[l] > 0 {
			return l
		}
	}
	return ""
}

// kindName is the kind as a note names it.
func kindName(kind string) string {
	if kind == "" {
		return "partner"
	}
	return kind
}

// keepOwnSteps gives the standard sections of f that keep picks (on a page
// rendered from ex, all; on an edited one, those left as they were) the
// intro and steps ex gives them there: the page does not say which of its
// steps are the file's own.
func keepOwnSteps(f *facts, ex *partner.Partner, keep func(*part) bool) {
	for i := range f.layout {
		pt := &f.layout[i]
		if pt.kind == "" || !keep(pt) {
			continue
		}
		for _, xp := range ex.Layout() {
			if xp.Standard.Value != pt.kind || !xp.InLang(f.lang) || !xp.TypedIn(f.lang) {
				continue
			}
			if steps, intro := xp.Steps.In(f.lang), xp.Intro.In(f.lang); len(steps) > 0 || intro != "" {
				pt.own = &ownSteps{intro: intro, steps: steps}
			}
			// the file types it, and the page says it as the file renders
			// it: typed (with the file's step_text and steps_after, which
			// the reader cannot tell; the pages compared after check it)
			pt.verbatim = false
			break
		}
	}
}

// unedited reports whether the standard section pt of an edited page is
// the same on the page rendered from the partner file, read as orig.
func unedited(pt *part, orig *facts) bool {
	for i := range orig.layout {
		if q := &orig.layout[i]; q.kind == pt.kind {
			return render.PlainSpacing(q.raw) == render.PlainSpacing(pt.raw)
		}
	}
	return false
}
