package render

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/partnerpages/partnerpages/scaffold/appspage"
	"github.com/partnerpages/partnerpages/scaffold/partner"
)

// AppView is what the overview, customization and Apps page templates see
// of a partner's app: block in one language. Every string is Plain or
// Markdown, so printing it escapes it.
type AppView struct {
	Title          Plain // the name on the Apps page and in the docs menu
	Category       Plain // the first category's title in this language
	Logo           Plain
	Website        Plain
	Summary        Plain
	AdditionalInfo Plain
	Availability   Plain
	PriceRange     Plain
	Contact        Plain
	Gallery        []Plain
	Description    Markdown
	FeaturesIntro  Markdown // "" for the template's line
	Features       []FeatureView
	FeaturesAfter  Markdown
	TopNotices     []NoticeView // about the documentation: before the description
	Notices        []NoticeView // after the features
	WhyConnect     Markdown     // the partner's own paragraphs
	Prerequisites  Markdown     // "" for the template's sentence
	MetaTitle      Plain
	MetaDesc       Plain
	Sections       []SectionView
	// Stub is an overview in a language the documentation is not written
	// in: no description of its own, and a notice that sends the reader to
	// the language it is in. The page holds that notice only.
	Stub bool
	// ConnectionLine is the line on how the app connects, when the
	// partner's (else the template writes it from the mode).
	ConnectionLine Markdown
	// Anchors are the sections' custom ids: description, features, why,
	// prerequisites ("" for none).
	Anchors map[string]string
}

// FeatureView is one integration feature: a platform one by Key (the
// template words it, with its qualifiers), or Text in the page's words.
type FeatureView struct {
	Key  string
	With []string // qualifiers
	Text Markdown
}

// Has reports whether the feature has the qualifier: {{if .Has "status"}}.
func (f FeatureView) Has(qualifier string) bool { return slices.Contains(f.With, qualifier) }

// NoticeView is one notice of the overview.
type NoticeView struct {
	Kind string
	Text Markdown // planned: what is planned; note: the note
	Lang string   // one-language: the language of the full documentation
	Href Safe     // one-language: that documentation's address
}

// newAppView is a's view in lang; nil when the partner has no app: block.
func (s *Set) newAppView(p *partner.Partner, lang string) (*AppView, error) {
	a := p.App
	if a == nil || !slices.Contains(p.AppLangs(), lang) {
		return nil, nil
	}
	v := &AppView{
		Title:          Plain(cmp.Or(a.Title.In(lang), p.Name.In(lang))),
		Logo:           Plain(a.Logo.Value),
		Website:        Plain(a.Website.In(lang)),
		Summary:        Plain(a.Summary.In(lang)),
		AdditionalInfo: Plain(a.AdditionalInfo.In(lang)),
		Availability:   Plain(a.Availability.In(lang)),
		PriceRange:     Plain(a.PriceRange.In(lang)),
		Contact:        Plain(a.Contact.In(lang)),
		Gallery:        plains(values(a.Gallery)),
		Description:    Markdown(a.Description.In(lang)),
		FeaturesIntro:  Markdown(a.FeaturesIntro.In(lang)),
		FeaturesAfter:  Markdown(a.FeaturesAfter.In(lang)),
		WhyConnect:     Markdown(a.WhyConnect.In(lang)),
		Prerequisites:  Markdown(a.Prerequisites.In(lang)),
		MetaTitle:      Plain(a.Meta.Title.In(lang)),
		MetaDesc:       Plain(a.Meta.Description.In(lang)),
		ConnectionLine: Markdown(a.ConnectionLine.In(lang)),
		Anchors:        map[string]string{"description": "", "features": "", "why": "", "prerequisites": ""},
	}
	for section, id := range a.Anchors {
		v.Anchors[section] = id.Value
	}
	if len(a.Categories) > 0 {
		c, ok := s.Site.Category(a.Categories[0].Value)
		if !ok {
			return nil, fmt.Errorf("line %d: app.category: %q is not a category of the Apps page; site.yaml lists: %s", a.Categories[0].Line, a.Categories[0].Value, s.Site.CategoryIDs())
		}
		v.Category = Plain(c.Title[lang])
	}
	for _, c := range a.Categories[min(1, len(a.Categories)):] {
		if _, ok := s.Site.Category(c.Value); !ok {
			return nil, fmt.Errorf("line %d: app.category: %q is not a category of the Apps page; site.yaml lists: %s", c.Line, c.Value, s.Site.CategoryIDs())
		}
	}
	for _, f := range a.Features {
		if !f.InLang(lang) {
			continue
		}
		fv := FeatureView{Key: f.Key, With: f.With, Text: Markdown(f.Text.In(lang))}
		if f.Key == "" && fv.Text == "" {
			continue // a feature written in other languages only
		}
		v.Features = append(v.Features, fv)
	}
	for _, n := range a.Notices {
		if !n.InLang(lang) {
			continue
		}
		nv := NoticeView{Kind: n.Kind.Value, Text: Markdown(n.Text.In(lang)), Lang: n.Lang.Value}
		if n.Kind.Value == "one-language" {
			if n.Lang.Value == lang {
				continue // the documentation is in this page's language
			}
			nv.Href = Safe(appspage.DocumentationOf(n.Lang.Value, p.Slug.Value))
		}
		if (n.Kind.Value == "planned" || n.Kind.Value == "note") && nv.Text == "" {
			continue
		}
		if n.TopNotice() {
			v.TopNotices = append(v.TopNotices, nv)
		} else {
			v.Notices = append(v.Notices, nv)
		}
	}
	v.Stub = v.Description == "" && slices.ContainsFunc(v.TopNotices, func(n NoticeView) bool { return n.Kind == "one-language" })
	for _, sec := range a.Sections {
		if t := sec.Title.In(lang); t != "" {
			v.Sections = append(v.Sections, SectionView{Title: Plain(t), Anchor: sec.Anchor.Value, Body: Markdown(sec.Body.In(lang))})
		}
	}
	return v, nil
}

func values(ss []partner.Scalar) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Value
	}
	return out
}

// Category is one category of the site's Apps page.
type Category struct {
	ID    string            `yaml:"id"`
	Title map[string]string `yaml:",inline"` // language → title
}

// Category returns the category id names.
func (s Site) Category(id string) (Category, bool) {
	i := slices.IndexFunc(s.Categories, func(c Category) bool { return c.ID == id })
	if i < 0 {
		return Category{}, false
	}
	return s.Categories[i], true
}

// CategoryIDs lists the categories' ids, for messages.
func (s Site) CategoryIDs() string {
	var ids []string
	for _, c := range s.Categories {
		ids = append(ids, c.ID)
	}
	if len(ids) == 0 {
		return "none (add categories: to site.yaml)"
	}
	return fmt.Sprint(ids)
}

// NoticesData is what the notices partial sees: the page's view and the
// notices it writes, one ruled block.
type NoticesData struct {
	View
	Notices []NoticeView
}

// WithNotices returns the view with the notices the partial writes.
func (v View) WithNotices(ns []NoticeView) NoticesData { return NoticesData{View: v, Notices: ns} }

// Listings are p's entries on lang's Apps page: none when p has no app:
// block or no page in lang.
func (s *Set) Listings(p *partner.Partner, lang string) ([]appspage.Entry, error) {
	if p.App == nil || !slices.Contains(p.AppLangs(), lang) {
		return nil, nil
	}
	var out []appspage.Entry
	for _, l := range p.App.Entries(p.Name) {
		c, ok := s.Site.Category(l.Category.Value)
		if !ok {
			return nil, fmt.Errorf("%s:%d: app.category: %q is not a category of the Apps page; site.yaml lists: %s", p.File, l.Category.Line, l.Category.Value, s.Site.CategoryIDs())
		}
		out = append(out, appspage.Entry{
			Category: c.Title[lang], Website: l.Website.In(lang), Documentation: appspage.DocumentationOf(lang, p.Slug.Value),
			Logo: l.Logo.Value, Title: cmp.Or(l.Title.In(lang), p.Name.In(lang)), Description: l.Summary.In(lang), AdditionalInfo: l.AdditionalInfo.In(lang),
		})
	}
	return out, nil
}
