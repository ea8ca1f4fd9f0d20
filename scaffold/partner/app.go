package partner

import (
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/partnerpages/partnerpages/scaffold/yamltext"
)

// App is the rest of a partner's app folder, written from the `app:` block:
// its entry on the site's Apps page, its overview page and its
// customization file. A partner file without `app:` gets its connect page
// only.
type App struct {
	Pos
	Title          Text     // its name on the Apps page and in the docs menu, when not the partner's name (Deliveroo Bridge)
	Categories     []Scalar // the Apps page categories it is listed in, by their English title
	Logo           Scalar   // the Apps page logo's file name
	Website        Text
	Summary        Text // the Apps page description: 30 to 35 words
	AdditionalInfo Text // the Apps page's line under it ("Integration in progress.")
	Availability   Text // countries, as readers see them
	PriceRange     Text
	Contact        Text // the partner's sales contact: e-mail, phone or page
	Gallery        []Scalar
	Description    Text      // the overview's Description section: the partner's own text (Markdown)
	FeaturesIntro  Text      // the line before the features, when not the template's
	Features       []Feature // the integration features, in order
	FeaturesAfter  Text      // Markdown after the features list (a diagram), before the notices
	// ConnectionLine is the overview's line on how the app connects, when
	// not the template's from the connection mode (a connect section kept
	// as written, or no connect page).
	ConnectionLine Text
	// Anchors are the custom ids of the overview's sections, by section:
	// description, features, why, prerequisites.
	Anchors       map[string]Scalar
	Notices       []Notice
	WhyConnect    Text // the partner's own paragraphs of Why Connect?, before the platform's
	Prerequisites Text // when not the template's sentence
	Meta          Meta // the overview's own meta title and description
	Sections      []Section
	// Listings are the app's entries on the Apps page when they are not
	// the one its title, category, website, logo and summary make (an app
	// listed under several names: Just Eat, Menulog…); an empty list, for
	// an app the Apps page does not list.
	Listings      []Listing
	CategoriesPos Pos
	GalleryPos    Pos
	// Languages are the languages of the app folder when they are not the
	// partner's (an overview in English and French, a connect page in
	// English only).
	Languages []Scalar
}

// AppLangs are the languages of p's app folder: app.languages, else the
// partner's; none without an app: block.
func (p *Partner) AppLangs() []string {
	switch {
	case p.App == nil:
		return nil
	case len(p.App.Languages) > 0:
		out := make([]string, len(p.App.Languages))
		for i, l := range p.App.Languages {
			out[i] = l.Value
		}
		return out
	}
	return p.Langs()
}

// HasConnectPage reports whether the partner has a connect page: every
// partner but one whose file holds an app: block and nothing of a connect
// page (no connection, support, page or sections).
func (p *Partner) HasConnectPage() bool {
	return p.App == nil || p.Connection.Pos.Present() || p.Disconnect.Pos.Present() || p.SupportPos.Present() ||
		p.PagePos.Present() || p.Sections != nil || p.Preamble.Present()
}

// Feature is one integration feature: one of the platform's (Key, with
// qualifiers), worded by the template set, or one in the page's own words.
type Feature struct {
	Pos
	Key       string   // pull-orders, push-catalog…; "" for the page's own words
	With      []string // qualifiers: status, loyalty
	Text      Text     // the page's own words
	Languages []Scalar // the overview languages a platform feature is listed in (default: all)
}

// InLang reports whether the feature is listed on the overview in lang.
func (f Feature) InLang(lang string) bool {
	return len(f.Languages) == 0 || slices.ContainsFunc(f.Languages, func(s Scalar) bool { return s.Value == lang })
}

// String is the feature as a partner file writes a platform feature:
// "pull-orders +status".
func (f Feature) String() string {
	s := f.Key
	for _, w := range f.With {
		s += " +" + w
	}
	return s
}

// Notice is one IMPORTANT NOTE of the overview, by kind.
type Notice struct {
	Pos
	Kind      Scalar
	Text      Text     // planned: what is planned; note: the whole note
	Lang      Scalar   // one-language: the language the full documentation is written in
	Place     Scalar   // note: top (before the description) or features (default)
	Languages []Scalar // the overview languages it appears in (default: all)
}

// InLang reports whether the notice appears on the overview in lang.
func (n Notice) InLang(lang string) bool {
	return len(n.Languages) == 0 || slices.ContainsFunc(n.Languages, func(s Scalar) bool { return s.Value == lang })
}

// Listing is one entry of the app on the Apps page; an empty field is the
// app's own (its title, first category, website, logo, summary).
type Listing struct {
	Pos
	Title          Text
	Category       Scalar
	Website        Text
	Logo           Scalar
	Summary        Text
	AdditionalInfo Text
}

// Entries are the app's entries on the Apps page, each field filled: its
// Listings, or the one entry its own fields make. name is the partner's.
func (a *App) Entries(name Text) []Listing {
	main := Listing{Title: a.Title, Website: a.Website, Logo: a.Logo, Summary: a.Summary, AdditionalInfo: a.AdditionalInfo}
	if !has(main.Title) {
		main.Title = name
	}
	if len(a.Categories) > 0 {
		main.Category = a.Categories[0]
	}
	if a.Listings != nil && len(a.Listings) == 0 {
		return nil // listings: [] — not on the Apps page
	}
	if len(a.Listings) == 0 {
		var out []Listing
		for i, c := range a.Categories {
			l := main
			l.Category = c
			if i == 0 {
				l.Category = main.Category
			}
			out = append(out, l)
		}
		return out
	}
	out := make([]Listing, len(a.Listings))
	for i, l := range a.Listings {
		if !has(l.Title) {
			l.Title = main.Title
		}
		if l.Category.Value == "" {
			l.Category = main.Category
		}
		if !has(l.Website) {
			l.Website = main.Website
		}
		if l.Logo.Value == "" {
			l.Logo = main.Logo
		}
		if !has(l.Summary) {
			l.Summary = main.Summary
		}
		if !has(l.AdditionalInfo) {
			l.AdditionalInfo = main.AdditionalInfo
		}
		out[i] = l
	}
	return out
}

// PlatformFeatures are the integration features the template set words,
// each with the qualifiers it takes.
var PlatformFeatures = map[string][]string{
	"pull-orders":        {"status"},
	"push-orders":        {"status"},
	"pull-customers":     {"loyalty"},
	"push-customers":     {"loyalty"},
	"pull-catalog":       nil,
	"push-catalog":       nil,
	"sync-inventory":     nil,
	"sync-delivery-time": nil,
}

// FeatureKeys lists PlatformFeatures' keys in the order a page lists them.
var FeatureKeys = []string{"pull-orders", "push-orders", "pull-customers", "push-customers", "pull-catalog", "push-catalog", "sync-inventory", "sync-delivery-time"}

// Notice kinds: what an overview's IMPORTANT NOTE says.
var NoticeKinds = []string{
	"in-progress",  // the integration is being built; documentation once it is done
	"in-review",    // the integration is being reviewed
	"doc-soon",     // the full documentation will come soon
	"doc-writing",  // the full documentation is being written
	"one-language", // the full documentation is in one language (lang)
	"planned",      // a feature planned (text: what)
	"note",         // anything else (text)
}

// TopNotice reports whether a notice of this kind goes at the top of the
// overview (about the documentation) rather than after the features.
func (n Notice) TopNotice() bool {
	switch n.Kind.Value {
	case "in-progress", "in-review", "doc-soon", "doc-writing", "one-language":
		return true
	case "note":
		return n.Place.Value == "top"
	}
	return false
}

// ParseFeature reads "pull-orders +status" into a feature.
func ParseFeature(s Scalar) Feature {
	f := Feature{Pos: s.Pos}
	for i, w := range strings.Fields(s.Value) {
		if i == 0 {
			f.Key = w
			continue
		}
		f.With = append(f.With, strings.TrimPrefix(w, "+"))
	}
	return f
}

func (d *decoder) app(n *yaml.Node) *App {
	a := &App{Pos: posOf(n)}
	text := func(t *Text, field string) func(_, v *yaml.Node) {
		return func(_, v *yaml.Node) { *t = d.text(v, "app."+field) }
	}
	d.mapping(n, "app", fields{
		"title":           text(&a.Title, "title"),
		"website":         text(&a.Website, "website"),
		"summary":         text(&a.Summary, "summary"),
		"additional_info": text(&a.AdditionalInfo, "additional_info"),
		"availability":    text(&a.Availability, "availability"),
		"price_range":     text(&a.PriceRange, "price_range"),
		"contact":         text(&a.Contact, "contact"),
		"description":     text(&a.Description, "description"),
		"features_intro":  text(&a.FeaturesIntro, "features_intro"),
		"features_after":  text(&a.FeaturesAfter, "features_after"),
		"connection_line": text(&a.ConnectionLine, "connection_line"),
		"anchors": func(_, v *yaml.Node) {
			a.Anchors = map[string]Scalar{}
			fs := fields{}
			for _, k := range []string{"description", "features", "why", "prerequisites"} {
				fs[k] = func(_, v *yaml.Node) { a.Anchors[k] = d.scalar(v, "app.anchors."+k) }
			}
			d.mapping(v, "app.anchors", fs)
		},
		"why_connect":   text(&a.WhyConnect, "why_connect"),
		"prerequisites": text(&a.Prerequisites, "prerequisites"),
		"logo":          func(_, v *yaml.Node) { a.Logo = d.scalar(v, "app.logo") },
		"languages":     func(_, v *yaml.Node) { a.Languages = d.list(v, "app.languages") },
		"category": func(k, v *yaml.Node) {
			a.CategoriesPos = posOf(k)
			if v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
				a.Categories = []Scalar{d.scalar(v, "app.category")}
				return
			}
			a.Categories = d.list(v, "app.category")
		},
		"gallery": func(k, v *yaml.Node) {
			a.GalleryPos = posOf(k)
			a.Gallery = d.list(v, "app.gallery")
		},
		"features": func(_, v *yaml.Node) { a.Features = d.features(v) },
		"listings": func(_, v *yaml.Node) {
			if a.Listings = d.listings(v); a.Listings == nil {
				a.Listings = []Listing{}
			}
		},
		"notices": func(_, v *yaml.Node) { a.Notices = d.notices(v) },
		"meta": func(_, v *yaml.Node) {
			a.Meta.Pos = posOf(v)
			d.mapping(v, "app.meta", fields{
				"title":       func(_, v *yaml.Node) { a.Meta.Title = d.text(v, "app.meta.title") },
				"description": func(_, v *yaml.Node) { a.Meta.Description = d.text(v, "app.meta.description") },
			})
		},
		"sections": func(_, v *yaml.Node) {
			if v.Kind != yaml.SequenceNode {
				d.errAt(v, "app.sections", "expected a list of sections (title and body), found %s", describe(v))
				return
			}
			for i, item := range v.Content {
				f := fmt.Sprintf("app.sections[%d]", i+1)
				s := Section{Pos: posOf(item)}
				d.mapping(item, f, fields{
					"title":  func(_, v *yaml.Node) { s.Title = d.text(v, f+".title") },
					"anchor": func(_, v *yaml.Node) { s.Anchor = d.scalar(v, f+".anchor") },
					"body":   func(_, v *yaml.Node) { s.Body = d.text(v, f+".body") },
				})
				a.Sections = append(a.Sections, s)
			}
		},
	})
	return a
}

// features decodes app.features: "pull-orders +status", or a feature in
// the page's own words, {en: …, fr: …}.
func (d *decoder) features(n *yaml.Node) []Feature {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.errAt(n, "app.features", "expected a list of features (pull-orders +status, or {en: …, fr: …} in the page's own words), found %s", describe(n))
		return nil
	}
	out := []Feature{}
	for i, item := range n.Content {
		f := fmt.Sprintf("app.features[%d]", i+1)
		if !d.plain(item, f) {
			continue
		}
		if item.Kind == yaml.MappingNode && yamltext.Value(item, "feature") != nil {
			var ft Feature // {feature: pull-orders +status, languages: [en]}
			d.mapping(item, f, fields{
				"feature":   func(_, v *yaml.Node) { ft = ParseFeature(d.scalar(v, f+".feature")) },
				"languages": func(_, v *yaml.Node) { ft.Languages = d.list(v, f+".languages") },
			})
			ft.Languages = slices.Clip(ft.Languages)
			if ft.Languages == nil {
				ft.Languages = []Scalar{}
			}
			out = append(out, ft)
			continue
		}
		if item.Kind == yaml.MappingNode {
			out = append(out, Feature{Pos: posOf(item), Text: d.text(item, f)})
			continue
		}
		ft := ParseFeature(d.scalar(item, f))
		if ft.Key == "" {
			d.errAt(item, f, "empty; write a platform feature (pull-orders +status) or the feature in the page's words ({en: …, fr: …})")
			continue
		}
		out = append(out, ft)
	}
	return out
}

func (d *decoder) listings(n *yaml.Node) []Listing {
	if n.Kind != yaml.SequenceNode {
		d.errAt(n, "app.listings", "expected a list of Apps page entries, found %s", describe(n))
		return nil
	}
	var out []Listing
	for i, item := range n.Content {
		f := fmt.Sprintf("app.listings[%d]", i+1)
		l := Listing{Pos: posOf(item)}
		d.mapping(item, f, fields{
			"title":           func(_, v *yaml.Node) { l.Title = d.text(v, f+".title") },
			"category":        func(_, v *yaml.Node) { l.Category = d.scalar(v, f+".category") },
			"website":         func(_, v *yaml.Node) { l.Website = d.text(v, f+".website") },
			"logo":            func(_, v *yaml.Node) { l.Logo = d.scalar(v, f+".logo") },
			"summary":         func(_, v *yaml.Node) { l.Summary = d.text(v, f+".summary") },
			"additional_info": func(_, v *yaml.Node) { l.AdditionalInfo = d.text(v, f+".additional_info") },
		})
		out = append(out, l)
	}
	return out
}

func (d *decoder) notices(n *yaml.Node) []Notice {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.errAt(n, "app.notices", "expected a list of notices ({kind: doc-soon}), found %s", describe(n))
		return nil
	}
	var out []Notice
	for i, item := range n.Content {
		f := fmt.Sprintf("app.notices[%d]", i+1)
		nt := Notice{Pos: posOf(item)}
		if item.Kind == yaml.ScalarNode && item.Tag != "!!null" {
			nt.Kind = d.scalar(item, f) // `- doc-soon`
			out = append(out, nt)
			continue
		}
		d.mapping(item, f, fields{
			"kind":      func(_, v *yaml.Node) { nt.Kind = d.scalar(v, f+".kind") },
			"text":      func(_, v *yaml.Node) { nt.Text = d.text(v, f+".text") },
			"lang":      func(_, v *yaml.Node) { nt.Lang = d.scalar(v, f+".lang") },
			"place":     func(_, v *yaml.Node) { nt.Place = d.scalar(v, f+".place") },
			"languages": func(_, v *yaml.Node) { nt.Languages = d.list(v, f+".languages") },
		})
		out = append(out, nt)
	}
	return out
}

// app writes the app: block in the loader's order.
func (e *encoder) app(a *App, langs []string) *yaml.Node {
	m := e.mapping("app")
	if len(a.Languages) > 0 {
		m.set("languages", seq(a.Languages, true))
		langs = nil
		for _, l := range a.Languages {
			langs = append(langs, l.Value)
		}
	}
	opt := func(key string, t Text) {
		if has(t) {
			m.set(key, text(t, langs))
		}
	}
	opt("title", a.Title)
	if len(a.Categories) == 1 {
		m.set("category", str(a.Categories[0].Value))
	} else if a.CategoriesPos.Present() || len(a.Categories) > 0 {
		m.set("category", seq(a.Categories, true))
	}
	if a.Logo.Present() || a.Logo.Value != "" {
		m.set("logo", str(a.Logo.Value))
	}
	opt("website", a.Website)
	opt("summary", a.Summary)
	opt("additional_info", a.AdditionalInfo)
	opt("availability", a.Availability)
	opt("price_range", a.PriceRange)
	opt("contact", a.Contact)
	if a.GalleryPos.Present() || len(a.Gallery) > 0 {
		m.set("gallery", seq(a.Gallery, false))
	}
	opt("description", a.Description)
	opt("features_intro", a.FeaturesIntro)
	if a.Features != nil {
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, f := range a.Features {
			switch {
			case f.Key == "": // always per language: a plain text would read as a feature's key
				t := f.Text
				if t.ByLang == nil {
					t = Text{ByLang: map[string]Scalar{}}
					for _, l := range langs {
						t.ByLang[l] = f.Text.Value
					}
				}
				n.Content = append(n.Content, text(t, langs))
			case f.Languages != nil:
				fm := e.mapping("")
				fm.set("feature", str(f.String()))
				fm.set("languages", seq(f.Languages, true))
				fm.n.Style = yaml.FlowStyle
				n.Content = append(n.Content, fm.n)
			default:
				n.Content = append(n.Content, str(f.String()))
			}
		}
		m.set("features", n)
	}
	opt("features_after", a.FeaturesAfter)
	opt("connection_line", a.ConnectionLine)
	if len(a.Anchors) > 0 {
		am := e.mapping("app.anchors")
		for _, k := range []string{"description", "features", "why", "prerequisites"} {
			if v, ok := a.Anchors[k]; ok {
				am.set(k, str(v.Value))
			}
		}
		am.n.Style = yaml.FlowStyle
		m.set("anchors", am.n)
	}
	if a.Notices != nil {
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for i, nt := range a.Notices {
			if !has(nt.Text) && nt.Lang.Value == "" && nt.Place.Value == "" && len(nt.Languages) == 0 {
				n.Content = append(n.Content, str(nt.Kind.Value))
				continue
			}
			nm := e.mapping(fmt.Sprintf("app.notices[%d]", i+1))
			nm.set("kind", str(nt.Kind.Value))
			if nt.Lang.Value != "" {
				nm.set("lang", str(nt.Lang.Value))
			}
			if nt.Place.Value != "" {
				nm.set("place", str(nt.Place.Value))
			}
			if len(nt.Languages) > 0 {
				nm.set("languages", seq(nt.Languages, true))
			}
			if has(nt.Text) {
				nm.set("text", text(nt.Text, langs))
			}
			n.Content = append(n.Content, nm.n)
		}
		m.set("notices", n)
	}
	if a.Listings != nil {
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for i, l := range a.Listings {
			lm := e.mapping(fmt.Sprintf("app.listings[%d]", i+1))
			if has(l.Title) {
				lm.set("title", text(l.Title, langs))
			}
			if l.Category.Value != "" {
				lm.set("category", str(l.Category.Value))
			}
			for _, f := range []struct {
				key string
				t   Text
			}{{"website", l.Website}, {"summary", l.Summary}, {"additional_info", l.AdditionalInfo}} {
				if has(f.t) {
					lm.set(f.key, text(f.t, langs))
				}
			}
			if l.Logo.Value != "" {
				lm.set("logo", str(l.Logo.Value))
			}
			n.Content = append(n.Content, lm.n)
		}
		m.set("listings", n)
	}
	opt("why_connect", a.WhyConnect)
	opt("prerequisites", a.Prerequisites)
	if has(a.Meta.Title) || has(a.Meta.Description) {
		meta := e.mapping("app.meta")
		if has(a.Meta.Title) {
			meta.set("title", text(a.Meta.Title, langs))
		}
		if has(a.Meta.Description) {
			meta.set("description", text(a.Meta.Description, langs))
		}
		m.set("meta", meta.n)
	}
	if a.Sections != nil {
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for i, s := range a.Sections {
			sm := e.mapping(fmt.Sprintf("app.sections[%d]", i+1))
			sm.set("title", text(s.Title, langs))
			if s.Anchor.Value != "" {
				sm.set("anchor", str(s.Anchor.Value))
			}
			sm.set("body", text(s.Body, langs))
			n.Content = append(n.Content, sm.n)
		}
		m.set("sections", n)
	}
	return m.n
}

// app checks the app: block.
func (v *validator) app() {
	a := v.p.App
	if a == nil {
		return
	}
	for _, l := range a.Languages {
		if !ValidLang(l.Value) {
			v.err(l.Pos, "app.languages", "%q is not a language code (en, fr…)", l.Value)
		}
	}
	all := v.langs
	v.langs = v.p.AppLangs() // the app folder's values are in its languages
	defer func() { v.langs = all }()
	v.someLangs(&a.Title, "app.title") // a language without one has the partner's name
	for _, t := range []struct {
		t     *Text
		field string
	}{{&a.Website, "app.website"}, {&a.Summary, "app.summary"}, {&a.AdditionalInfo, "app.additional_info"},
		{&a.Availability, "app.availability"}, {&a.PriceRange, "app.price_range"}, {&a.Contact, "app.contact"},
		{&a.Meta.Title, "app.meta.title"}, {&a.Meta.Description, "app.meta.description"}, {&a.ConnectionLine, "app.connection_line"}} {
		v.optionalLine(t.t, t.field)
	}
	if len(a.Categories) == 0 {
		v.err(a.Pos, "app.category", "missing; the Apps page lists every app under a category (Point of Sales, Online Ordering…)")
	}
	for i, f := range a.Features {
		field := fmt.Sprintf("app.features[%d]", i+1)
		if f.Key == "" {
			if f.Text.ByLang != nil && len(f.Text.ByLang) == 0 {
				v.err(f.Pos, field, "empty; a feature in the page's words gives its text per language ({en: …, fr: …})")
				continue
			}
			v.optionalText(&f.Text, field)
			continue
		}
		with, ok := PlatformFeatures[f.Key]
		if !ok {
			hint := ""
			if best := Closest(f.Key, FeatureKeys); best != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", best)
			}
			v.err(f.Pos, field, "%q is not a platform feature%s; the features are %s, or {en: …, fr: …} in the page's own words", f.Key, hint, strings.Join(FeatureKeys, ", "))
			continue
		}
		for _, w := range f.With {
			if !slices.Contains(with, w) {
				v.err(f.Pos, field, "%s does not take +%s (it takes: %s)", f.Key, w, orNone(with))
			}
		}
	}
	for i, n := range a.Notices {
		field := fmt.Sprintf("app.notices[%d]", i+1)
		if !slices.Contains(NoticeKinds, n.Kind.Value) {
			v.err(n.Kind.Pos, field+".kind", "%q is not a kind of notice; the kinds are %s", n.Kind.Value, strings.Join(NoticeKinds, ", "))
			continue
		}
		switch n.Kind.Value {
		case "planned", "note":
			if !n.Text.Present() {
				v.err(n.Pos, field+".text", "missing; a %s notice says what in the page's words", n.Kind.Value)
			}
		case "one-language":
			if !ValidLang(n.Lang.Value) {
				v.err(n.Pos, field+".lang", "missing; the language the full documentation is written in (en, fr…)")
			}
		}
		if n.Place.Value != "" && (n.Kind.Value != "note" || n.Place.Value != "top" && n.Place.Value != "features") {
			v.err(n.Place.Pos, field+".place", "only a note has a place: top or features")
		}
	}
	for i, s := range a.Sections {
		field := fmt.Sprintf("app.sections[%d]", i+1)
		v.plain(&s.Title, field+".title", true) // a heading alone, with no text under it, is the page's to have
		a.Sections[i] = s
	}
}

func orNone(ss []string) string {
	if len(ss) == 0 {
		return "none"
	}
	return "+" + strings.Join(ss, ", +")
}

// SetApp makes the file's app: block a: a value that stays keeps its
// comments and style, a new one is written by the encoder; the rest of the
// file stays as it is.
func (e *Editor) SetApp(a *App) {
	enc := encoder{}
	n := enc.app(a, e.langs)
	if old := yamltext.Value(e.doc.Content[0], "app"); old != nil {
		n = mergeNode(old, n, []string{"app"}, &Merged{}) // the block keeps its comments and styles where values stay
	}
	yamltext.SetKey(e.doc.Content[0], "app", n)
}
