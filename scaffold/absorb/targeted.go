package absorb

import (
	"bytes"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/aymanbagabas/go-udiff/lcs"
	"go.yaml.in/yaml/v3"

	"github.com/partnerpages/partnerpages/scaffold/pageimport"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
)

// source is where a unit of a rendered page comes from in the partner file.
type source struct {
	list  []string // a list of the partner's own steps (connection.extra_steps, page.2.steps), or nil
	index int      // the item of that list
	plain bool     // the list's path names its language (steps_after.fr.allow), else it is per language
	typed string   // else a platform step, by name (menu, allow)
	path  []string // else a one-line text: a section's title, the meta title or description
}

// in is the list s names, in lang, in the file ed holds.
func (s source) in(ed *partner.Editor, lang string) (*partner.EditList, error) {
	if s.plain {
		return ed.ListAt(s.list)
	}
	return ed.ListIn(s.list, lang)
}

// targeted absorbs edited pages by changing, in the edited language only,
// the values the edits touched: a step of the partner's own, a platform
// step in the page's own words (step_text), a step added to or removed from
// the partner's own steps, a section title, the meta title or description.
// Every other value of the file stays as written, with its comments and
// layout. When an edit is not one of those, a is nil and partial is the
// partner file with the edits it could place (nil if none): the caller
// reads the rest of the page whole, from there.
func targeted(set *render.Set, p *partner.Partner, src []byte, before []render.Output, edited map[string][]byte) (a *Absorbed, partial *partner.Partner, partialSrc []byte) {
	ed, err := partner.NewEditor(src, p.Langs())
	if err != nil {
		return nil, nil, nil
	}
	t := &targeter{set: set, file: p.File, langs: p.Langs()}
	var notes []string
	placed := false
	for _, lang := range slices.Sorted(maps.Keys(edited)) {
		next, ok, moved := t.language(ed, lang, units(edited[lang]), &notes)
		ed, placed = next, placed || moved
		if !ok {
			partial, partialSrc = t.partial(ed, placed)
			return nil, partial, partialSrc
		}
	}
	ed.Prune("skip_steps", "steps_after")
	yml, err := ed.Bytes()
	if err != nil {
		return nil, nil, nil
	}
	q, outs, err := t.load(yml)
	if err != nil {
		return nil, nil, nil
	}
	for _, o := range outs {
		want, ok := edited[o.Lang]
		if !ok {
			want = outputOf(before, o.Lang)
		}
		if !bytes.Equal(o.Content, want) {
			return nil, nil, nil
		}
	}
	return &Absorbed{YAML: yml, Partner: q, Pages: outs, Overrides: notes}, nil, nil
}

// partial is the partner file ed holds, and its text, when an edit was placed.
func (t *targeter) partial(ed *partner.Editor, placed bool) (*partner.Partner, []byte) {
	if !placed {
		return nil, nil
	}
	yml, err := ed.Bytes()
	if err != nil {
		return nil, nil
	}
	q, _, err := t.load(yml)
	if err != nil {
		return nil, nil
	}
	return q, yml
}

// layOver writes yml, the partner file the whole page was read into, over
// the file's text src as a change of the values that differ: the rest of
// src keeps its comments and layout, a key yml adds that changes no page
// (a default spelled out) is left out, and a value yml writes another way
// that renders the same pages (a menu "A > B" read back as [A, B], an
// e-mail in another case), and a key yml drops that renders the same (a
// default src spells out), stay as src writes them. ok is false when the
// result would not render want (language → page).
func (t *targeter) layOver(src, yml []byte, want map[string][]byte) ([]byte, *partner.Partner, bool) {
	orig, err := partner.NewEditor(src, t.langs)
	if err != nil {
		return nil, nil, false
	}
	ed := orig.Clone()
	merged, err := ed.MergeFrom(yml)
	if err != nil {
		return nil, nil, false
	}
	renders := func(ed *partner.Editor) ([]byte, *partner.Partner, bool) {
		out, err := ed.Bytes()
		if err != nil {
			return nil, nil, false
		}
		q, outs, err := t.load(out)
		if err != nil || len(outs) != len(want) {
			return nil, nil, false
		}
		for _, o := range outs {
			if !bytes.Equal(o.Content, want[o.Lang]) {
				return nil, nil, false
			}
		}
		return out, q, true
	}
	for _, path := range merged.Added {
		c := ed.Clone()
		c.Remove(path)
		if _, _, ok := renders(c); ok {
			ed = c
			continue
		}
		// the key is needed; a default spelled out below it may not be
		// (a section kept as written in one language names its titles)
		for _, below := range ed.KeysBelow(path) {
			c := ed.Clone()
			c.Remove(below)
			if _, _, ok := renders(c); ok {
				ed = c
			}
		}
	}
	for _, path := range slices.Concat(merged.Replaced, merged.Removed) {
		if len(path) == 0 {
			continue
		}
		c := ed.Clone()
		c.Restore(path, orig)
		if _, _, ok := renders(c); ok {
			ed = c
		}
	}
	return renders(ed)
}

type targeter struct {
	set   *render.Set
	file  string
	langs []string
}

// load reads a partner file and renders it.
func (t *targeter) load(yml []byte) (*partner.Partner, []render.Output, error) {
	q, errs := partner.Parse(t.file, yml)
	if len(errs) == 0 {
		errs = partner.Resolve(q, t.set.Languages())
	}
	if len(errs) > 0 {
		return nil, nil, errs
	}
	outs, err := t.set.Render(q)
	return q, connectOnly(t.set, q, outs), err
}

// page renders lang's page of the file ed holds, as units.
func (t *targeter) page(ed *partner.Editor, lang string) (*partner.Partner, []unit, error) {
	yml, err := ed.Bytes()
	if err != nil {
		return nil, nil, err
	}
	q, outs, err := t.load(yml)
	if err != nil {
		return nil, nil, err
	}
	return q, units(outputOf(outs, lang)), nil
}

// distance counts the units that differ between got and want.
func distance(got, want []unit) int {
	n := 0
	for _, d := range lcs.DiffLines(texts(got), texts(want)) {
		n += d.End - d.Start + d.ReplEnd - d.ReplStart
	}
	return n
}

// language edits ed until lang's page is want, one edit at a time, each
// one the candidate that brings the page closest to want. ok is false
// when a hunk has no such candidate; ed is then the file with the edits
// placed so far, and moved says whether there were any.
func (t *targeter) language(ed *partner.Editor, lang string, want []unit, notes *[]string) (_ *partner.Editor, ok, moved bool) {
	for range 64 {
		q, cur, err := t.page(ed, lang)
		if err != nil {
			return ed, false, moved
		}
		hunks := lcs.DiffLines(texts(cur), texts(want))
		if len(hunks) == 0 {
			return ed, true, moved
		}
		srcs := t.sources(q, lang, len(cur))
		best, bestDist, bestNote := (*partner.Editor)(nil), distance(cur, want), ""
		for _, h := range hunks { // the first hunk a candidate takes in
			for _, c := range t.candidates(q, lang, cur, want, h, srcs) {
				next := ed.Clone()
				if c.edit(next) != nil {
					continue
				}
				_, got, err := t.page(next, lang)
				if err != nil {
					continue
				}
				if d := distance(got, want); d < bestDist {
					best, bestDist, bestNote = next, d, c.note
				}
			}
			if best != nil {
				break
			}
		}
		if best == nil {
			return ed, false, moved
		}
		ed, moved = best, true
		if bestNote != "" {
			*notes = append(*notes, lang+": "+bestNote)
		}
	}
	return ed, false, moved
}

// candidate is one way to take a hunk of the edit into the file.
type candidate struct {
	edit func(*partner.Editor) error
	note string // what it overrides, for the report ("" for the partner's own text)
}

// candidates are the edits of the file that may take the first hunk of
// the diff (cur[Start:End] → want[ReplStart:ReplEnd]) into it.
func (t *targeter) candidates(q *partner.Partner, lang string, cur, want []unit, h lcs.Diff, srcs []source) []candidate {
	out := unskipped(q, lang) // first: it wins a tie with a step of the partner's own
	if h.End > h.Start && h.ReplEnd > h.ReplStart {
		out = append(out, replace(lang, q.Email.Value, cur[h.Start], want[h.ReplStart], srcs[h.Start])...)
	}
	if h.ReplEnd > h.ReplStart && want[h.ReplStart].step {
		item := pageimport.NameEmail(stepText(want[h.ReplStart]), q.Email.Value)
		for _, l := range ownLists(q, lang) {
			for i := 0; i <= len(l.items); i++ {
				path, i := l.path, i
				out = append(out, candidate{edit: func(ed *partner.Editor) error {
					el, err := ed.ListIn(path, lang)
					if err != nil || i > el.Len() {
						return fmt.Errorf("no place %d", i)
					}
					el.Insert(i, item)
					return nil
				}})
			}
		}
	}
	out = append(out, aroundPlatformSteps(q, lang, cur, want, h, srcs)...)
	if h.End > h.Start && srcs[h.Start].list != nil {
		s := srcs[h.Start]
		out = append(out, candidate{edit: func(ed *partner.Editor) error {
			el, err := s.in(ed, lang)
			if err != nil || s.index >= el.Len() {
				return fmt.Errorf("no item %d", s.index)
			}
			el.Remove(s.index)
			return nil
		}})
	}
	return out
}

// unskipped are the edits that say again a platform step the page left
// out in lang (skip_steps).
func unskipped(q *partner.Partner, lang string) []candidate {
	var out []candidate
	for i, name := range q.SkipSteps[lang] {
		out = append(out, candidate{edit: func(ed *partner.Editor) error {
			el, err := ed.ListAt([]string{"skip_steps", lang})
			if err != nil || i >= el.Len() {
				return fmt.Errorf("no item %d (%s)", i, name.Value)
			}
			el.Remove(i)
			return nil
		}})
	}
	return out
}

// aroundPlatformSteps are the edits that take the hunk h in as a step of
// the partner's own after a platform step (steps_after), or as a platform
// step the page leaves out (skip_steps).
func aroundPlatformSteps(q *partner.Partner, lang string, cur, want []unit, h lcs.Diff, srcs []source) []candidate {
	var out []candidate
	if h.ReplEnd > h.ReplStart && want[h.ReplStart].step && h.Start > 0 {
		// a step after a platform step, or after one the partner added there
		item := pageimport.NameEmail(stepText(want[h.ReplStart]), q.Email.Value)
		after := source{list: []string{"steps_after", lang, srcs[h.Start-1].typed}, index: -1, plain: true}
		if prev := srcs[h.Start-1]; prev.plain {
			after = prev
		}
		if after.list[2] != "" {
			out = append(out, candidate{edit: func(ed *partner.Editor) error {
				el, err := after.in(ed, lang)
				if err != nil || after.index+1 > el.Len() {
					return fmt.Errorf("no place %d", after.index+1)
				}
				el.Insert(after.index+1, item)
				return nil
			}})
		}
	}
	if h.End == h.Start+1 && h.ReplEnd == h.ReplStart && srcs[h.Start].typed != "" && !saysAgain(want, cur[h.Start]) {
		// a platform step the page leaves out (not one it moves)
		name := srcs[h.Start].typed
		out = append(out, candidate{
			edit: func(ed *partner.Editor) error {
				el, err := ed.ListAt([]string{"skip_steps", lang})
				if err != nil {
					return err
				}
				el.Insert(el.Len(), name)
				return nil
			},
			note: fmt.Sprintf("the platform step %q left out in %s (skip_steps.%s)", name, lang, lang),
		})
	}
	return out
}

// saysAgain reports whether the page want still has the first line of the
// step u somewhere: the step moved, or took a screenshot, and was not left out.
func saysAgain(want []unit, u unit) bool {
	first, _, _ := strings.Cut(u.text, "\n")
	for _, w := range want {
		if line, _, _ := strings.Cut(w.text, "\n"); line == first {
			return true
		}
	}
	return false
}

// replace is the edit that puts want where the page had cur, by cur's source.
func replace(lang, email string, cur, want unit, s source) []candidate {
	switch {
	case s.list != nil && want.step:
		item := pageimport.NameEmail(stepText(want), email)
		return []candidate{{edit: func(ed *partner.Editor) error {
			el, err := s.in(ed, lang)
			if err != nil || s.index >= el.Len() {
				return fmt.Errorf("no item %d", s.index)
			}
			el.Set(s.index, item)
			return nil
		}}}
	case s.typed != "" && want.step:
		// what the edit kept of the platform's wording stays the platform's
		item := pageimport.NameEmail(strings.Replace(stepText(want), stepText(cur), render.StepRef(s.typed), 1), email)
		return []candidate{{
			edit: func(ed *partner.Editor) error { return ed.Set([]string{"step_text", lang, s.typed}, item) },
			note: fmt.Sprintf("the platform step %q in the page's own words (step_text.%s.%s)", s.typed, lang, s.typed),
		}}
	case s.path != nil && !want.step:
		value, ok := lineValue(s.path, want.text)
		if !ok {
			return nil
		}
		return []candidate{{
			edit: func(ed *partner.Editor) error {
				if s.path[0] == "page" {
					ed.EnsurePage() // a schema v1 file: its layout as a page, for the section's title
				}
				return ed.SetIn(s.path, lang, value)
			},
			note: fmt.Sprintf("%s in the page's own words", strings.Join(s.path, ".")),
		}}
	}
	return nil
}

// headingID is a heading's custom id at the end of its line.
var headingID = regexp.MustCompile(`\s*\{#[^}]*\}\s*$`)

// lineValue reads the value a one-line text has on its line of the page.
func lineValue(path []string, line string) (string, bool) {
	if path[0] == "meta" {
		_, v, ok := strings.Cut(line, ":")
		if !ok {
			return "", false
		}
		var s string
		if yaml.Unmarshal([]byte(v), &s) != nil || s == "" {
			return "", false
		}
		return s, true
	}
	title, ok := strings.CutPrefix(line, "## ")
	title = headingID.ReplaceAllString(title, "")
	return title, ok && strings.TrimSpace(title) != ""
}

// ownList is one list of the partner's own steps in a language.
type ownList struct {
	path  []string
	items []string
	list  *partner.List
}

// ownLists are the lists of steps of the partner's own that lang's page
// shows: around the platform's steps of the procedures, and a standard
// section's steps in full.
func ownLists(q *partner.Partner, lang string) []ownList {
	var out []ownList
	for _, proc := range []struct {
		key string
		st  *partner.Steps
	}{{"connection", &q.Connection.Steps}, {"disconnect", &q.Disconnect.Steps}} {
		for _, o := range proc.st.Own() {
			out = append(out, ownList{path: []string{proc.key, o.Key}, items: o.List.In(lang), list: o.List})
		}
	}
	for i := range q.Page {
		if pt := &q.Page[i]; len(pt.Steps.In(lang)) > 0 {
			out = append(out, ownList{path: []string{"page", strconv.Itoa(i), "steps"}, items: pt.Steps.In(lang), list: &pt.Steps})
		}
	}
	return out
}

// sentinel marks a value in a page rendered to find where each unit comes from.
var sentinel = regexp.MustCompile(`zqx(\d+)zqx`)

// sources tells where each of the n units of q's lang page comes from: q
// is rendered with every value that may be edited replaced by a mark.
func (t *targeter) sources(q *partner.Partner, lang string, n int) []source {
	out := make([]source, n)
	var table []source
	mark := func(s source) string {
		table = append(table, s)
		return fmt.Sprintf("zqx%dzqx", len(table)-1)
	}
	for _, l := range ownLists(q, lang) {
		items := make([]string, len(l.items))
		for i := range items {
			items[i] = mark(source{list: l.path, index: i})
		}
		setListIn(l.list, lang, t.langs, items)
	}
	for name, items := range q.StepsAfter[lang] {
		for i := range items {
			items[i] = partner.Scalar{Value: mark(source{list: []string{"steps_after", lang, name}, index: i, plain: true})}
		}
	}
	for _, name := range t.set.Steps(lang, "step") {
		if q.StepText == nil {
			q.StepText = map[string]map[string]partner.Scalar{}
		}
		if q.StepText[lang] == nil {
			q.StepText[lang] = map[string]partner.Scalar{}
		}
		q.StepText[lang][name] = partner.Scalar{Value: mark(source{typed: name})}
	}
	if q.Page == nil {
		q.Page = q.Layout() // a schema v1 file renders the same as its layout
	}
	for i := range q.Page {
		if pt := &q.Page[i]; pt.InLang(lang) && pt.Standard.Value != "" {
			setTextIn(&pt.Title, lang, t.langs, mark(source{path: []string{"page", strconv.Itoa(i), "title"}}))
		}
	}
	setTextIn(&q.Meta.Title, lang, t.langs, mark(source{path: []string{"meta", "title"}}))
	setTextIn(&q.Meta.Description, lang, t.langs, mark(source{path: []string{"meta", "description"}}))
	outs, err := t.set.Render(q)
	if err != nil {
		return out
	}
	marked := units(outputOf(connectOnly(t.set, q, outs), lang))
	if len(marked) != n {
		return out
	}
	for i, u := range marked {
		if m := sentinel.FindStringSubmatch(u.text); m != nil && len(sentinel.FindAllString(u.text, -1)) == 1 {
			k, _ := strconv.Atoi(m[1])
			out[i] = table[k]
		}
	}
	return out
}

// setListIn gives l the items in lang, the other languages keeping theirs.
func setListIn(l *partner.List, lang string, langs []string, items []string) {
	if l.ByLang == nil {
		l.ByLang = map[string][]partner.Scalar{}
		for _, other := range langs {
			l.ByLang[other] = slices.Clone(l.Items)
		}
	}
	ss := make([]partner.Scalar, len(items))
	for i, s := range items {
		ss[i] = partner.Scalar{Value: s}
	}
	l.ByLang[lang] = ss
}

// setTextIn gives t the value in lang, the other languages keeping theirs.
func setTextIn(t *partner.Text, lang string, langs []string, value string) {
	if t.ByLang == nil {
		t.ByLang = map[string]partner.Scalar{}
		if t.Value.Value != "" {
			for _, other := range langs {
				t.ByLang[other] = t.Value
			}
		}
	}
	t.ByLang[lang] = partner.Scalar{Value: value}
}
