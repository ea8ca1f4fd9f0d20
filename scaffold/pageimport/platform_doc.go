package pageimport

import (
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
)

// typeDoc types the platform's words in every partner text of doc, in
// each of its languages (see typer).
func typeDoc(doc *partner.Partner, set *render.Set, exact bool) {
	langs := doc.Langs()
	typers := map[string]*typer{}
	for _, l := range langs {
		typers[l] = newTyper(set, set.NewView(doc, l), exact)
	}
	md := func(l string, s string) string { return typers[l].markdown(s) }
	step := func(l string, s string) string { return typers[l].stepText(s) }
	text := func(tx *partner.Text) { *tx = typeText(*tx, langs, md) }
	list := func(ls *partner.List) { *ls = typeList(*ls, langs, step) }
	text(&doc.Preamble)
	text(&doc.Connection.Intro)
	list(&doc.Connection.BeforeMenu)
	list(&doc.Connection.BeforeButton)
	list(&doc.Connection.ExtraSteps)
	list(&doc.Disconnect.BeforeMenu)
	list(&doc.Disconnect.BeforeButton)
	list(&doc.Disconnect.ExtraSteps)
	for i := range doc.Page {
		pt := &doc.Page[i]
		in := langs
		if len(pt.Languages) > 0 {
			in = nil
			for _, l := range pt.Languages {
				in = append(in, l.Value)
			}
		}
		pt.Intro = typeText(pt.Intro, in, md)
		pt.Body = typeText(pt.Body, in, md)
		pt.Steps = typeList(pt.Steps, in, step)
	}
	for i := range doc.Sections {
		text(&doc.Sections[i].Body)
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
