package pageimport

import (
	"cmp"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
)

// pageOf is one imported page of a partner: its facts and report.
type pageOf struct {
	f        *facts
	rep      *PageReport
	existing bool // the partner file was there: kind and publisher come from it
}

// partnerYAML merges the pages of one partner (one per language, in the
// template set's language order) into a commented partner file.
func partnerYAML(pages []pageOf, o Options) ([]byte, []string, error) {
	tool := "import"
	if o.Exact {
		tool = "absorb"
	}
	langs := make([]string, len(pages))
	by := map[string]*facts{}
	for i, p := range pages {
		langs[i] = p.f.lang
		by[p.f.lang] = p.f
	}
	first := pages[0].f
	var summary []string
	// A fact one language gives serves the languages silent on it; where
	// two give different values, the first language's is kept.
	conflict := func(what string, get func(*facts) string) string {
		from := slices.IndexFunc(pages, func(p pageOf) bool { return get(p.f) != "" })
		if from < 0 {
			return ""
		}
		v := get(pages[from].f)
		for _, p := range pages {
			switch got := get(p.f); {
			case got == "":
				p.rep.noteOnce(Note{Text: fmt.Sprintf("%s is %q, as %s gives it: this page gives none", what, v, pages[from].rep.Path)})
			case got != v:
				p.rep.noteOnce(Note{Text: fmt.Sprintf("%s is %q here but %q in %s; kept %q", what, got, v, pages[from].rep.Path, v)})
			}
		}
		return v
	}
	text := func(get func(*facts) string) partner.Text {
		m := map[string]string{}
		for _, lang := range langs {
			m[lang] = get(by[lang])
		}
		return partner.TextOf(langs, m)
	}
	list := func(get func(*facts) []string) partner.List {
		m := map[string][]string{}
		for _, lang := range langs {
			m[lang] = get(by[lang])
		}
		return partner.ListOf(langs, m)
	}
	// what the summary names: the first language's, else another's
	someText := func(get func(*facts) string) string {
		for _, p := range pages {
			if v := get(p.f); v != "" {
				return v
			}
		}
		return ""
	}
	someList := func(get func(*facts) []string) []string {
		for _, p := range pages {
			if v := get(p.f); len(v) > 0 {
				return v
			}
		}
		return nil
	}
	// a menu or button one language's page does not say (it has no such
	// section) is the other language's: its page does not print it
	label := func(get func(*facts) string) partner.Text {
		return text(func(f *facts) string { return cmp.Or(get(f), someText(get)) })
	}
	path := func(get func(*facts) []string) partner.List {
		return list(func(f *facts) []string {
			if v := get(f); len(v) > 0 {
				return v
			}
			return someList(get)
		})
	}
	anyOf := func(get func(*facts) []string) bool {
		return slices.ContainsFunc(pages, func(p pageOf) bool { return len(get(p.f)) > 0 })
	}
	allOf := func(get func(*facts) string) bool {
		return !slices.ContainsFunc(pages, func(p pageOf) bool { return get(p.f) == "" })
	}
	one := func(s string) partner.Scalar { return partner.Scalar{Value: s} }

	doc := &partner.Partner{Name: text(func(f *facts) string { return f.name })}
	notes := partner.Comments{Head: map[string]string{}}
	if partner.Slugify(first.name) != first.slug {
		doc.Slug = one(first.slug)
	}
	if allOf(func(f *facts) string { return f.publisher }) {
		doc.Publisher = text(func(f *facts) string { return f.publisher })
		summary = append(summary, "publisher: "+first.publisher)
	}
	if !pages[0].existing {
		notes.Head["kind"] = "guessed from the page's wording; one of " + strings.Join(partner.Kinds, " | ")
	}
	doc.Kind = one(first.kind)
	doc.Languages = partner.Scalars(langs)
	v1 := v1Shaped(pages)
	var slots []slot
	typed := map[string]bool{}
	if v1 {
		for _, k := range partner.SectionPlaces {
			typed[k] = true
		}
	} else {
		slots = mergeLayouts(pages)
		if topKeptAsWritten(pages) {
			slots = mergeLayouts(pages)
		}
		for _, sl := range slots {
			if sl.kind != "" {
				for _, pt := range sl.by {
					typed[sl.kind] = typed[sl.kind] || !pt.verbatim // a language may place it elsewhere
				}
			}
		}
	}
	if mail := conflict("the support e-mail", func(f *facts) string { return f.email }); mail != "" {
		doc.Email = one(mail)
		summary = append(summary, "e-mail: "+mail)
	}
	summary = append([]string{"name: " + first.name}, summary...)
	// a mode the page only assumed gives way to one another page says
	mode := conflict("the connection mode", func(f *facts) string {
		if f.file != nil && f.file.mode != "" && f.keptAsWritten("connect") {
			return f.file.mode // the page's own text: the file's mode stands
		}
		if f.modeAssumed {
			return ""
		}
		return f.mode
	})
	if mode == "" {
		mode = first.mode
	}
	// absorb keeps the mode of the file it merges into, though no section
	// of the pages it reads says it any more
	fileMode := ""
	if first.file != nil {
		fileMode = first.file.mode
	}
	if anyTyped := typed["connect"] || typed["give-access"] || typed["contact"] || typed["disconnect"]; anyTyped || fileMode != "" {
		if !anyTyped {
			mode = fileMode
		}
		c := &doc.Connection
		c.Mode = one(mode)
		summary = append(summary, "connection: "+mode)
		if typed["connect"] {
			if anyOf(func(f *facts) []string { return f.intro }) {
				c.Intro = text(func(f *facts) string { return strings.Join(f.intro, "\n\n") })
				notes.Head["connection.intro"] = "kept from the page: text before its steps"
			}
			if mode == partner.ModeAppList {
				appListFacts(c, pages, anyOf, list, label, &notes)
				summary = append(summary, "app in HubRise's app list: "+cmp.Or(someText(func(f *facts) string { return f.conn.app }), first.name))
			}
			if mode != partner.ModeSupport && mode != partner.ModeAppList {
				if anyOf(func(f *facts) []string { return f.conn.beforeMenu }) {
					c.BeforeMenu = list(func(f *facts) []string { return f.conn.beforeMenu })
					notes.Head["connection.steps_before_menu"] = "kept from the page: its steps before the one that opens the menu"
				}
				c.Menu = path(connMenu)
				if anyOf(func(f *facts) []string { return f.conn.before }) {
					c.BeforeButton = list(func(f *facts) []string { return f.conn.before })
					notes.Head["connection.steps_before_button"] = "kept from the page: its steps between the menu and the button"
				}
				c.Button = label(connButton)
				if anyOf(func(f *facts) []string { return f.conn.extra }) {
					c.ExtraSteps = list(func(f *facts) []string { return f.conn.extra })
					notes.Head["connection.extra_steps"] = "kept from the page: its steps after the standard ones"
				}
				summary = append(summary, "menu: "+strings.Join(someList(connMenu), " > "), "button: "+someText(connButton))
			}
		}
	}

	if typed["disconnect"] {
		dmode := conflict("the disconnect mode", func(f *facts) string { return f.dmode })
		d := &doc.Disconnect
		d.Mode = one(dmode)
		summary = append(summary, "disconnect: "+dmode)
		if dmode == partner.DisconnectBackOffice {
			if anyOf(func(f *facts) []string { return f.disc.beforeMenu }) {
				d.BeforeMenu = list(func(f *facts) []string { return f.disc.beforeMenu })
				notes.Head["disconnect.steps_before_menu"] = "kept from the page: its steps before the one that opens the menu"
			}
			sameMenu := !slices.ContainsFunc(pages, func(p pageOf) bool { return !slices.Equal(discMenu(p.f), connMenu(p.f)) })
			if !sameMenu || mode == partner.ModeSupport || mode == partner.ModeAppList || !typed["connect"] { // else the default: the connection's menu
				d.Menu = path(discMenu)
				summary = append(summary, "disconnect menu: "+strings.Join(someList(discMenu), " > "))
			}
			if anyOf(func(f *facts) []string { return f.disc.before }) {
				d.BeforeButton = list(func(f *facts) []string { return f.disc.before })
				notes.Head["disconnect.steps_before_button"] = "kept from the page: its steps between the menu and the button"
			}
			d.Button = label(discButton)
			if anyOf(func(f *facts) []string { return f.disc.extra }) {
				d.ExtraSteps = list(func(f *facts) []string { return f.disc.extra })
				notes.Head["disconnect.extra_steps"] = "kept from the page: its steps after the button"
			}
			for _, lang := range langs {
				if after := by[lang].disc.after; len(after) > 0 {
					stepsAfter(doc, lang, "disconnected", after)
					notes.Head["steps_after"] = "kept from the page: its steps after a platform step"
				}
			}
			summary = append(summary, "disconnect button: "+someText(discButton))
		}
	}
	for _, lang := range langs { // the file's, absorb merging into it
		ff := by[lang].file
		if ff == nil {
			continue
		}
		for _, name := range slices.Sorted(maps.Keys(ff.stepsAfter)) {
			if doc.StepsAfter[lang][name] == nil { // what the page says first
				stepsAfter(doc, lang, name, ff.stepsAfter[name])
			}
		}
		for _, name := range ff.skipSteps {
			if doc.SkipSteps == nil {
				doc.SkipSteps = map[string][]partner.Scalar{}
			}
			doc.SkipSteps[lang] = append(doc.SkipSteps[lang], partner.Scalar{Value: name})
		}
		for name, s := range ff.stepText {
			if doc.StepText == nil {
				doc.StepText = map[string]map[string]partner.Scalar{}
			}
			if doc.StepText[lang] == nil {
				doc.StepText[lang] = map[string]partner.Scalar{}
			}
			doc.StepText[lang][name] = partner.Scalar{Value: s}
		}
	}

	if v1 {
		v1Sections(pages, doc, &notes, text, &summary)
	} else {
		if slices.ContainsFunc(pages, func(p pageOf) bool { return p.f.preamble != "" }) {
			doc.Preamble = partner.Text{ByLang: map[string]partner.Scalar{}} // per language: each page's own
			for _, p := range pages {
				if p.f.preamble != "" {
					doc.Preamble.ByLang[p.f.lang] = one(p.f.preamble)
				}
			}
			notes.Head["preamble"] = "kept from the page: the text before its first heading"
		}
		note := func(s string) { pages[0].rep.noteOnce(Note{Text: s}) }
		doc.Page = pageParts(langs, slots, &notes, note)
		notes.Head["page"] = "the page's sections in order (schema v2)"
		for _, sl := range slots {
			if sl.kind == "" {
				summary = append(summary, fmt.Sprintf("section %q kept as written", sl.by[langsOf(sl)[0]].title))
			} else if !typed[sl.kind] {
				summary = append(summary, fmt.Sprintf("%s section kept as written", sl.kind))
			}
		}
	}

	doc.Meta = metaOf(pages, langs, &notes)
	doc.FileName = fileNames(pages, o.Set, &notes)
	platformSteps(doc, mode, path, label, o)
	noteRefs(doc, &notes)
	var from []string
	for _, p := range pages {
		from = append(from, p.rep.Path)
	}
	notes.Header = fmt.Sprintf("# yaml-language-server: $schema=%s\n# Partner file (schema %s), written by `partnerpages %s` from:\n#   %s\n# Review it, then run `partnerpages generate %s`.\n",
		o.SchemaRef, schemaVersion(v1), tool, strings.Join(from, "\n#   "), first.slug)
	data, err := partner.Encode(doc, notes)
	return data, summary, err
}

// platformSteps types the platform's steps in the partner text of doc. A
// section kept as written may name the back office's menu and button steps:
// then the partner file gives their menu and button, though the template
// does not write the section.
func platformSteps(doc *partner.Partner, mode string, path func(func(*facts) []string) partner.List, label func(func(*facts) string) partner.Text, o Options) {
	known := *doc
	backOffice := mode == partner.ModeBackOffice || mode == partner.ModeEither
	if backOffice && len(doc.Connection.Menu.Items) == 0 && doc.Connection.Menu.ByLang == nil {
		known.Connection.Menu = path(connMenu)
		known.Connection.Button = label(connButton)
	}
	discBackOffice := doc.Disconnect.Mode.Value == "" || doc.Disconnect.Mode.Value == partner.DisconnectBackOffice
	if discBackOffice && len(doc.Disconnect.Menu.Items) == 0 && doc.Disconnect.Menu.ByLang == nil {
		known.Disconnect.Menu = path(discMenu)
		known.Disconnect.Button = label(discButton)
	}
	typeDoc(doc, &known, o.Set, o.Exact)
	if backOffice && (namesStep(doc, "menu") || namesStep(doc, "button")) {
		doc.Connection.Mode = partner.Scalar{Value: mode}
		doc.Connection.Menu, doc.Connection.Button = known.Connection.Menu, known.Connection.Button
	}
	if discBackOffice && (namesStep(doc, "disconnect-menu") || namesStep(doc, "disconnect-button")) {
		doc.Disconnect.Mode = partner.Scalar{Value: partner.DisconnectBackOffice}
		doc.Disconnect.Menu, doc.Disconnect.Button = known.Disconnect.Menu, known.Disconnect.Button
	}
}

// appListFacts writes the facts of a connection from the platform's app
// list: the partner's steps before and after the platform's, and the app's
// name in the list where it is not the product's.
// stepsAfter gives doc, in lang, the steps of the partner's own after the
// platform step name.
func stepsAfter(doc *partner.Partner, lang, name string, steps []string) {
	if doc.StepsAfter == nil {
		doc.StepsAfter = map[string]map[string][]partner.Scalar{}
	}
	if doc.StepsAfter[lang] == nil {
		doc.StepsAfter[lang] = map[string][]partner.Scalar{}
	}
	for _, s := range steps {
		doc.StepsAfter[lang][name] = append(doc.StepsAfter[lang][name], partner.Scalar{Value: s})
	}
}

func appListFacts(c *partner.Connection, pages []pageOf, anyOf func(func(*facts) []string) bool, list func(func(*facts) []string) partner.List, label func(func(*facts) string) partner.Text, notes *partner.Comments) {
	if anyOf(func(f *facts) []string { return f.conn.beforeMenu }) {
		c.BeforeMenu = list(func(f *facts) []string { return f.conn.beforeMenu })
		notes.Head["connection.steps_before_menu"] = "kept from the page: its steps before the platform's"
	}
	if anyOf(func(f *facts) []string { return f.conn.extra }) {
		c.ExtraSteps = list(func(f *facts) []string { return f.conn.extra })
		notes.Head["connection.extra_steps"] = "kept from the page: its steps after the platform's"
	}
	if slices.ContainsFunc(pages, func(p pageOf) bool { return p.f.conn.app != "" && p.f.conn.app != p.f.name }) {
		c.App = label(func(f *facts) string { return cmp.Or(f.conn.app, f.name) })
		notes.Head["connection.app"] = "the app's name in HubRise's app list"
	}
}

// metaOf is the partner file's meta: each page's own title and
// description where the template writes another, in that page's language.
func metaOf(pages []pageOf, langs []string, notes *partner.Comments) partner.Meta {
	var m partner.Meta
	for i, t := range []*partner.Text{&m.Title, &m.Description} {
		by := map[string]string{}
		for _, p := range pages {
			if mt := p.f.meta[i]; mt.keep {
				by[p.f.lang] = mt.text
			}
		}
		switch {
		case len(by) == 0:
			continue
		case len(by) == len(langs):
			*t = partner.TextOf(langs, by)
		default:
			t.ByLang = map[string]partner.Scalar{}
			for l, v := range by {
				t.ByLang[l] = partner.Scalar{Value: v}
			}
		}
		notes.Head["meta"] = "kept from the page: its own search-engine text, where the template writes another"
	}
	return m
}

// topKeptAsWritten makes a connect procedure read from a page's top (it
// has no heading) that is now kept as written the page's preamble again.
func topKeptAsWritten(pages []pageOf) bool {
	changed := false
	for _, p := range pages {
		f := p.f
		for i, pt := range f.layout {
			if pt.fromTop && pt.verbatim {
				f.preamble = pt.body
				f.layout = slices.Delete(f.layout, i, i+1)
				changed = true
				break
			}
		}
	}
	return changed
}

// v1Sections adds the extra sections of v1-shaped pages (sections: with after:).
func v1Sections(pages []pageOf, doc *partner.Partner, notes *partner.Comments, text func(func(*facts) string) partner.Text, summary *[]string) {
	first := pages[0].f
	if n := len(first.sections); n > 0 {
		doc.Sections = []partner.Section{}
		for i, s := range first.sections {
			ok := true
			for _, p := range pages[1:] {
				if len(p.f.sections) <= i {
					ok = false
					p.rep.Dropped = append(p.rep.Dropped, Note{Text: fmt.Sprintf("%s has section %q, this page has no section to pair it with", pages[0].rep.Path, s.title)})
				}
			}
			if !ok {
				continue
			}
			doc.Sections = append(doc.Sections, partner.Section{
				After: partner.Scalar{Value: s.after}, Anchor: partner.Scalar{Value: s.anchor},
				Title: text(func(f *facts) string { return f.sections[i].title }),
				Body:  text(func(f *facts) string { return f.sections[i].body }),
			})
			*summary = append(*summary, fmt.Sprintf("section %q after %s", s.title, s.after))
		}
		for _, p := range pages[1:] {
			for _, s := range p.f.sections[min(n, len(p.f.sections)):] {
				p.rep.Dropped = append(p.rep.Dropped, Note{Line: s.line, Text: fmt.Sprintf("section %q has no counterpart in %s", s.title, pages[0].rep.Path)})
			}
		}
		notes.Head["sections"] = "extra sections, kept from the page as written"
	}
}

// langsOf lists the languages a slot has, sorted.
func langsOf(s slot) []string {
	out := make([]string, 0, len(s.by))
	for l := range s.by {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

func schemaVersion(v1 bool) string {
	if v1 {
		return "v1"
	}
	return "v2"
}

// stepsOf are the menu and button of a language's section kind: as its
// page says them, unless the section is kept as written and the partner
// file absorb merges into has them (a page edited out of the template's
// shape misreads them).
func stepsOf(f *facts, kind string) steps {
	page, file := f.conn, func(ff *fileFacts) steps { return ff.conn }
	if kind == "disconnect" {
		page, file = f.disc, func(ff *fileFacts) steps { return ff.disc }
	}
	if f.file != nil && f.keptAsWritten(kind) {
		return file(f.file)
	}
	return page
}

func connMenu(f *facts) []string { return stepsOf(f, "connect").menu }
func connButton(f *facts) string { return stepsOf(f, "connect").button }
func discMenu(f *facts) []string { return stepsOf(f, "disconnect").menu }
func discButton(f *facts) string { return stepsOf(f, "disconnect").button }

// keptAsWritten reports whether the page's standard section kind is kept as written.
func (f *facts) keptAsWritten(kind string) bool {
	for _, pt := range f.layout {
		if pt.kind == kind {
			return pt.verbatim
		}
	}
	return false
}

// noteRefs says, on a standard section kept as written, that the platform
// steps, labels and links it names still follow the template set.
func noteRefs(doc *partner.Partner, notes *partner.Comments) {
	for i, pt := range doc.Page {
		key := fmt.Sprintf("page[%d].body", i+1)
		if _, ok := notes.Head[key]; ok && pt.Standard.Value != "" && namesRefs(pt.Body) {
			note := strings.TrimSuffix(notes.Head[key], ", and a template change will not reach it")
			notes.Head[key] = note + "; the platform's steps, labels and links it names (<Platform …/>, platform:…) follow the template set"
		}
	}
}

// namesRefs reports whether a text names any of the platform's words, in
// any language.
func namesRefs(t partner.Text) bool {
	if render.HasRefs(t.Value.Value) {
		return true
	}
	for _, v := range t.ByLang {
		if render.HasRefs(v.Value) {
			return true
		}
	}
	return false
}

// fileNames is the partner file's file_name: the file each page is in on
// the site, where it is not the template's (connexion-hubrise.md), so that
// generate writes the page where the site serves it and never a second
// file for its URL. A page read from elsewhere than <slug>/<lang>/ says
// nothing of the site's file.
func fileNames(pages []pageOf, set *render.Set, notes *partner.Comments) partner.Text {
	var t partner.Text
	for _, p := range pages {
		lang := p.f.lang
		name := filepath.Base(p.rep.Path)
		if filepath.Base(filepath.Dir(p.rep.Path)) != lang || set.ConnectFile(lang) == "" || set.ConnectFile(lang) == name || !strings.HasSuffix(name, ".md") {
			continue
		}
		if t.ByLang == nil {
			t.ByLang = map[string]partner.Scalar{}
		}
		t.ByLang[lang] = partner.Scalar{Value: name}
		notes.Head["file_name"] = "the page's file on the site, where it is not the template's"
	}
	return t
}
