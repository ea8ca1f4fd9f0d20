package pageimport

import (
	"fmt"
	"slices"
	"strings"

	"github.com/partnerpages/partnerpages/scaffold/partner"
	"go.yaml.in/yaml/v3"
)

// pageOf is one imported page of a partner: its facts and report.
type pageOf struct {
	f        *facts
	rep      *PageReport
	existing bool // the partner file was there: kind and publisher come from it
}

func sameStr(a, b string) bool       { return a == b }
func sameList(a, b []string) bool    { return slices.Equal(a, b) }
func listNode(l []string) *yaml.Node { return seq(l, true) }
func stepsNode(l []string) *yaml.Node {
	return seq(l, false)
}

// partnerYAML merges the pages of one partner (one per language, in the
// template set's language order) into a commented partner file.
func partnerYAML(pages []pageOf, schemaRef, tool string) ([]byte, []string, error) {
	langs := make([]string, len(pages))
	by := map[string]*facts{}
	for i, p := range pages {
		langs[i] = p.f.lang
		by[p.f.lang] = p.f
	}
	first := pages[0].f
	var summary []string
	conflict := func(what string, get func(*facts) string) {
		for _, p := range pages[1:] {
			if get(p.f) != get(first) {
				p.rep.Notes = append(p.rep.Notes, Note{Text: fmt.Sprintf("%s is %q here but %q in %s; kept %q", what, get(p.f), get(first), pages[0].rep.Path, get(first))})
			}
		}
	}
	text := func(get func(*facts) string) *yaml.Node {
		l := localized[string]{langs: langs, by: map[string]string{}}
		for _, lang := range langs {
			l.by[lang] = get(by[lang])
		}
		return l.node(str, sameStr)
	}
	list := func(get func(*facts) []string, one func([]string) *yaml.Node) *yaml.Node {
		l := localized[[]string]{langs: langs, by: map[string][]string{}}
		for _, lang := range langs {
			l.by[lang] = get(by[lang])
		}
		return l.node(one, sameList)
	}
	anyOf := func(get func(*facts) []string) bool {
		return slices.ContainsFunc(pages, func(p pageOf) bool { return len(get(p.f)) > 0 })
	}
	allOf := func(get func(*facts) string) bool {
		return !slices.ContainsFunc(pages, func(p pageOf) bool { return get(p.f) == "" })
	}

	doc := newMapping()
	doc.set("name", text(func(f *facts) string { return f.name }), "")
	if partner.Slugify(first.name) != first.slug {
		doc.set("slug", str(first.slug), "")
	}
	if allOf(func(f *facts) string { return f.publisher }) {
		doc.set("publisher", text(func(f *facts) string { return f.publisher }), "")
		summary = append(summary, "publisher: "+first.publisher)
	}
	kindNote := "guessed from the page's wording; one of " + strings.Join(partner.Kinds, " | ")
	if pages[0].existing {
		kindNote = ""
	}
	doc.set("kind", str(first.kind), kindNote)
	doc.set("languages", seq(langs, true), "")
	v1 := v1Shaped(pages)
	var slots []slot
	typed := map[string]bool{}
	if v1 {
		for _, k := range partner.SectionPlaces {
			typed[k] = true
		}
	} else {
		slots = mergeLayouts(pages)
		for _, sl := range slots {
			if sl.kind != "" {
				for _, pt := range sl.by {
					typed[sl.kind] = !pt.verbatim
				}
			}
		}
	}
	if first.email != "" {
		support := newMapping()
		support.set("email", str(first.email), "")
		doc.set("support", support.n, "")
		conflict("the support e-mail", func(f *facts) string { return f.email })
		summary = append(summary, "e-mail: "+first.email)
	}
	summary = append([]string{"name: " + first.name}, summary...)
	if typed["connect"] || typed["give-access"] || typed["contact"] || typed["disconnect"] {
		conflict("the connection mode", func(f *facts) string { return f.mode })
		conn := newMapping()
		conn.set("mode", str(first.mode), "")
		summary = append(summary, "connection: "+first.mode)
		if typed["connect"] {
			if anyOf(func(f *facts) []string { return f.intro }) {
				conn.set("intro", text(func(f *facts) string { return strings.Join(f.intro, "\n\n") }), "kept from the page: text before its steps")
			}
			if first.mode != partner.ModeSupport {
				if anyOf(func(f *facts) []string { return f.conn.beforeMenu }) {
					conn.set("steps_before_menu", list(func(f *facts) []string { return f.conn.beforeMenu }, stepsNode), "kept from the page: its steps before the one that opens the menu")
				}
				conn.set("menu", list(func(f *facts) []string { return f.conn.menu }, listNode), "")
				if anyOf(func(f *facts) []string { return f.conn.before }) {
					conn.set("steps_before_button", list(func(f *facts) []string { return f.conn.before }, stepsNode), "kept from the page: its steps between the menu and the button")
				}
				conn.set("button", text(func(f *facts) string { return f.conn.button }), "")
				if anyOf(func(f *facts) []string { return f.conn.extra }) {
					conn.set("extra_steps", list(func(f *facts) []string { return f.conn.extra }, stepsNode), "kept from the page: its steps after the standard ones")
				}
				summary = append(summary, "menu: "+strings.Join(first.conn.menu, " > "), "button: "+first.conn.button)
			}
		}
		doc.set("connection", conn.n, "")
	}

	if typed["disconnect"] {
		conflict("the disconnect mode", func(f *facts) string { return f.dmode })
		disc := newMapping()
		disc.set("mode", str(first.dmode), "")
		summary = append(summary, "disconnect: "+first.dmode)
		if first.dmode == partner.DisconnectBackOffice {
			if anyOf(func(f *facts) []string { return f.disc.beforeMenu }) {
				disc.set("steps_before_menu", list(func(f *facts) []string { return f.disc.beforeMenu }, stepsNode), "kept from the page: its steps before the one that opens the menu")
			}
			sameMenu := !slices.ContainsFunc(pages, func(p pageOf) bool { return !slices.Equal(p.f.disc.menu, p.f.conn.menu) })
			if !sameMenu || first.mode == partner.ModeSupport || !typed["connect"] { // else the default: the connection's menu
				disc.set("menu", list(func(f *facts) []string { return f.disc.menu }, listNode), "")
				summary = append(summary, "disconnect menu: "+strings.Join(first.disc.menu, " > "))
			}
			if anyOf(func(f *facts) []string { return f.disc.before }) {
				disc.set("steps_before_button", list(func(f *facts) []string { return f.disc.before }, stepsNode), "kept from the page: its steps between the menu and the button")
			}
			disc.set("button", text(func(f *facts) string { return f.disc.button }), "")
			if anyOf(func(f *facts) []string { return f.disc.extra }) {
				disc.set("extra_steps", list(func(f *facts) []string { return f.disc.extra }, stepsNode), "kept from the page: its steps after the button")
			}
			summary = append(summary, "disconnect button: "+first.disc.button)
		}
		doc.set("disconnect", disc.n, "")
	}

	if v1 {
		v1Sections(pages, doc, text, &summary)
	} else {
		if slices.ContainsFunc(pages, func(p pageOf) bool { return p.f.preamble != "" }) {
			pre := newMapping()
			for _, p := range pages {
				if p.f.preamble != "" {
					pre.set(p.f.lang, str(p.f.preamble), "")
				}
			}
			doc.set("preamble", pre.n, "kept from the page: the text before its first heading")
		}
		note := func(s string) { pages[0].rep.Notes = append(pages[0].rep.Notes, Note{Text: s}) }
		doc.set("page", pageNode(langs, slots, note), "the page's sections in order (schema v2)")
		for _, sl := range slots {
			if sl.kind == "" {
				summary = append(summary, fmt.Sprintf("section %q kept as written", sl.by[langsOf(sl)[0]].title))
			} else if !typed[sl.kind] {
				summary = append(summary, fmt.Sprintf("%s section kept as written", sl.kind))
			}
		}
	}

	var from []string
	for _, p := range pages {
		from = append(from, p.rep.Path)
	}
	header := fmt.Sprintf("# yaml-language-server: $schema=%s\n# Partner file (schema %s), written by `partnerpages %s` from:\n#   %s\n# Review it, then run `partnerpages generate %s`.\n",
		schemaRef, schemaVersion(v1), tool, strings.Join(from, "\n#   "), first.slug)
	data, err := encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{doc.n}}, header)
	return data, summary, err
}

// v1Sections writes the extra sections of v1-shaped pages (sections: with after:).
func v1Sections(pages []pageOf, doc mapping, text func(func(*facts) string) *yaml.Node, summary *[]string) {
	first := pages[0].f
	if n := len(first.sections); n > 0 {
		secs := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for i, s := range first.sections {
			m := newMapping()
			m.set("after", str(s.after), "")
			m.set("anchor", str(s.anchor), "")
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
			m.set("title", text(func(f *facts) string { return f.sections[i].title }), "")
			m.set("body", text(func(f *facts) string { return f.sections[i].body }), "")
			secs.Content = append(secs.Content, m.n)
			*summary = append(*summary, fmt.Sprintf("section %q after %s", s.title, s.after))
		}
		for _, p := range pages[1:] {
			for _, s := range p.f.sections[min(n, len(p.f.sections)):] {
				p.rep.Dropped = append(p.rep.Dropped, Note{Line: s.line, Text: fmt.Sprintf("section %q has no counterpart in %s", s.title, pages[0].rep.Path)})
			}
		}
		doc.set("sections", secs, "extra sections, kept from the page as written")
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
