package pageimport

import (
	"strings"

	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
)

// typeDoc types the platform's words in every partner text of doc, in
// each of its languages (see typer); the steps are worded with the facts
// of facts, which may know a menu and button doc does not write.
func typeDoc(doc, facts *partner.Partner, set *render.Set, exact bool) {
	langs := doc.Langs()
	typers := map[string]*typer{}
	for _, l := range langs {
		typers[l] = newTyper(set, set.NewView(facts, l), exact)
	}
	md := func(kind string) func(l, s string) string {
		return func(l, s string) string { return typers[l].within(kind).markdown(s) }
	}
	step := func(kind string) func(l, s string) string {
		return func(l, s string) string { return typers[l].within(kind).stepText(s) }
	}
	doc.Preamble = typeText(doc.Preamble, langs, md("connect"))
	doc.Connection.Intro = typeText(doc.Connection.Intro, langs, md("connect"))
	for _, o := range doc.Connection.Own() {
		*o.List = typeList(*o.List, langs, step("connect"))
	}
	for _, o := range doc.Disconnect.Own() {
		*o.List = typeList(*o.List, langs, step("disconnect"))
	}
	for i := range doc.Page {
		pt := &doc.Page[i]
		in := langs
		if len(pt.Languages) > 0 {
			in = nil
			for _, l := range pt.Languages {
				in = append(in, l.Value)
			}
		}
		kind := pt.Standard.Value
		pt.Intro = typeText(pt.Intro, in, md(kind))
		pt.Body = typeText(pt.Body, in, md(kind))
		pt.Steps = typeList(pt.Steps, in, step(kind))
	}
	for i := range doc.Sections {
		doc.Sections[i].Body = typeText(doc.Sections[i].Body, langs, md(""))
	}
	for l, byName := range doc.StepsAfter {
		if typers[l] == nil {
			continue
		}
		for _, items := range byName {
			for i := range items {
				items[i].Value = typers[l].within("").stepText(items[i].Value)
			}
		}
	}
}

// typeText applies f to each language's value of t; a value shared by the
// languages stays shared when f gives each the same.
func typeText(t partner.Text, langs []string, f func(lang, s string) string) partner.Text {
	if t.ByLang != nil {
		for l, v := range t.ByLang {
			v.Value = f(l, v.Value)
			t.ByLang[l] = v
		}
		return t
	}
	if t.Value.Value == "" {
		return t
	}
	by := map[string]string{}
	for _, l := range langs {
		by[l] = f(l, t.Value.Value)
	}
	out := partner.TextOf(langs, by)
	out.Pos = t.Pos
	return out
}

// typeList applies f to each step of each language's list.
func typeList(ls partner.List, langs []string, f func(lang, s string) string) partner.List {
	if ls.ByLang != nil {
		for l, items := range ls.ByLang {
			for i := range items {
				items[i].Value = f(l, items[i].Value)
			}
		}
		return ls
	}
	if len(ls.Items) == 0 {
		return ls
	}
	by := map[string][]string{}
	for _, l := range langs {
		for _, it := range ls.Items {
			by[l] = append(by[l], f(l, it.Value))
		}
	}
	out := partner.ListOf(langs, by)
	out.Pos = ls.Pos
	return out
}

// NamesStep reports whether any partner text of doc names the platform
// step name.
func namesStep(doc *partner.Partner, name string) bool {
	ref := render.StepRef(name)
	found := false
	look := func(_ string, s string) string {
		found = found || strings.Contains(s, ref)
		return s
	}
	langs := doc.Langs()
	for _, t := range []partner.Text{doc.Preamble, doc.Connection.Intro} {
		typeText(t, langs, look)
	}
	for _, o := range append(doc.Connection.Own(), doc.Disconnect.Own()...) {
		typeList(*o.List, langs, look)
	}
	for _, pt := range doc.Page {
		typeText(pt.Intro, langs, look)
		typeText(pt.Body, langs, look)
		typeList(pt.Steps, langs, look)
	}
	for _, sec := range doc.Sections {
		typeText(sec.Body, langs, look)
	}
	for l, byName := range doc.StepsAfter {
		for _, items := range byName {
			for _, it := range items {
				look(l, it.Value)
			}
		}
	}
	return found
}
