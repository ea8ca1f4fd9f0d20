package partner

import (
	"fmt"
	"slices"

	"go.yaml.in/yaml/v3"
)

// partner writes the file's fields in the loader's order.
func (e *encoder) partner(p *Partner) *yaml.Node {
	langs := p.Langs()
	doc := e.mapping("")
	doc.set("name", text(p.Name, langs))
	if p.Slug.Present() || p.Slug.Value != "" {
		doc.set("slug", str(p.Slug.Value))
	}
	if has(p.Publisher) {
		doc.set("publisher", text(p.Publisher, langs))
	}
	if p.Kind.Present() || p.Kind.Value != "" {
		doc.set("kind", str(p.Kind.Value))
	}
	if p.Elide.Present() || p.Elide.Value != "" {
		doc.set("elide", str(p.Elide.Value))
	}
	if p.LangPos.Present() || len(p.Languages) > 0 {
		doc.set("languages", seq(p.Languages, true))
	}
	if p.Email.Present() || p.Email.Value != "" {
		support := e.mapping("support")
		support.set("email", str(p.Email.Value))
		doc.set("support", support.n)
	}
	c := p.Connection
	if c.Pos.Present() || c.Mode.Value != "" {
		conn := e.mapping("connection")
		e.procedure(conn, langs, c.Mode, c.Steps, c.Intro)
		if has(c.App) {
			conn.set("app", text(c.App, langs))
		}
		doc.set("connection", conn.n)
	}
	d := p.Disconnect
	if d.Pos.Present() || d.Mode.Value != "" {
		disc := e.mapping("disconnect")
		e.procedure(disc, langs, d.Mode, d.Steps, Text{})
		doc.set("disconnect", disc.n)
	}
	if p.Sections != nil {
		doc.set("sections", e.sections(p.Sections, langs))
	}
	if has(p.Preamble) {
		doc.set("preamble", text(p.Preamble, langs))
	}
	if p.Page != nil || p.PagePos.Present() {
		doc.set("page", e.page(p.Page, langs))
	}
	if has(p.Meta.Title) || has(p.Meta.Description) {
		meta := e.mapping("meta")
		if has(p.Meta.Title) {
			meta.set("title", text(p.Meta.Title, langs))
		}
		if has(p.Meta.Description) {
			meta.set("description", text(p.Meta.Description, langs))
		}
		doc.set("meta", meta.n)
	}
	if has(p.FileName) {
		doc.set("file_name", text(p.FileName, langs))
	}
	if len(p.StepText) > 0 {
		st := e.mapping("step_text")
		for _, l := range keys(p.StepText) {
			steps := e.mapping("step_text." + l)
			for _, name := range keys(p.StepText[l]) {
				steps.set(name, str(p.StepText[l][name].Value))
			}
			st.set(l, steps.n)
		}
		doc.set("step_text", st.n)
	}
	if len(p.StepsAfter) > 0 {
		sa := e.mapping("steps_after")
		for _, l := range keys(p.StepsAfter) {
			steps := e.mapping("steps_after." + l)
			for _, name := range keys(p.StepsAfter[l]) {
				steps.set(name, seq(p.StepsAfter[l][name], false))
			}
			sa.set(l, steps.n)
		}
		doc.set("steps_after", sa.n)
	}
	if len(p.SkipSteps) > 0 {
		sk := e.mapping("skip_steps")
		for _, l := range keys(p.SkipSteps) {
			sk.set(l, seq(p.SkipSteps[l], true))
		}
		doc.set("skip_steps", sk.n)
	}
	if p.App != nil {
		doc.set("app", e.app(p.App, langs))
	}
	return doc.n
}

// procedure writes the fields connection and disconnect share.
func (e *encoder) procedure(m mapping, langs []string, mode Scalar, st Steps, intro Text) {
	if mode.Present() || mode.Value != "" {
		m.set("mode", str(mode.Value))
	}
	if has(intro) {
		m.set("intro", text(intro, langs))
	}
	if hasList(st.BeforeMenu) {
		m.set("steps_before_menu", list(st.BeforeMenu, langs, false))
	}
	if hasList(st.Menu) {
		m.set("menu", list(st.Menu, langs, true))
	}
	if hasList(st.BeforeButton) {
		m.set("steps_before_button", list(st.BeforeButton, langs, false))
	}
	if has(st.Button) {
		m.set("button", text(st.Button, langs))
	}
	if hasList(st.ExtraSteps) {
		m.set("extra_steps", list(st.ExtraSteps, langs, false))
	}
}

// sections writes schema v1's extra sections.
func (e *encoder) sections(secs []Section, langs []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for i, s := range secs {
		m := e.mapping(fmt.Sprintf("sections[%d]", i+1))
		m.set("after", str(s.After.Value))
		if s.Anchor.Present() || s.Anchor.Value != "" {
			m.set("anchor", str(s.Anchor.Value))
		}
		m.set("title", text(s.Title, langs))
		m.set("body", text(s.Body, langs))
		n.Content = append(n.Content, m.n)
	}
	return n
}

// page writes schema v2's list of parts; a standard section with nothing
// of its own is its bare name.
func (e *encoder) page(parts []Part, langs []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for i, pt := range parts {
		in := langs
		if len(pt.Languages) > 0 {
			in = nil
			for _, l := range pt.Languages {
				in = append(in, l.Value)
			}
		}
		own := has(pt.Title) || pt.Anchor.Value != "" || has(pt.Intro) || hasList(pt.Steps) || has(pt.Body) || len(pt.Languages) > 0
		if pt.Standard.Value != "" && !own {
			n.Content = append(n.Content, str(pt.Standard.Value))
			continue
		}
		m := e.mapping(fmt.Sprintf("page[%d]", i+1))
		if pt.Standard.Value != "" {
			m.set("section", str(pt.Standard.Value))
		}
		own = pt.Standard.Value == "" // a partner section has its title and body, even empty
		if own || has(pt.Title) {
			m.set("title", text(pt.Title, in))
		}
		if pt.Anchor.Present() || pt.Anchor.Value != "" {
			m.set("anchor", str(pt.Anchor.Value))
		}
		if len(pt.Languages) > 0 {
			m.set("languages", seq(pt.Languages, true))
		}
		if has(pt.Intro) {
			m.set("intro", text(pt.Intro, in))
		}
		if hasList(pt.Steps) {
			m.set("steps", list(pt.Steps, in, false))
		}
		if own || has(pt.Body) {
			m.set("body", text(pt.Body, in))
		}
		n.Content = append(n.Content, m.n)
	}
	if len(n.Content) > 0 && !slices.ContainsFunc(n.Content, func(c *yaml.Node) bool { return c.Kind != yaml.ScalarNode }) {
		n.Style = yaml.FlowStyle // only standard sections: one line, [connect, disconnect]
	}
	return n
}
