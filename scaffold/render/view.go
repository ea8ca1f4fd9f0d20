package render

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/partnerpages/partnerpages/scaffold/partner"
)

// View is what a page template sees: one partner in one language. Partner
// strings are Plain or Markdown, so printing them escapes them.
type View struct {
	Lang      string
	Slug      string
	Name      Plain
	Publisher Plain // empty when the file names none
	Kind      string
	Noun      Plain  // what the kind is called in this language ("logiciel de caisse")
	Elide     string // how French elides before the name: "" (by its first letter), always or never
	Email     Plain
	Mode      string   // connection mode
	Intro     Markdown // "" when the file has none
	StepsView
	Disconnect DisconnectView
	Sections   []SectionView
	Preamble   Markdown              // text before the first heading (schema v2), "" when none
	MetaTitle  Plain                 // the page's own meta.title, "" for the template's
	MetaDesc   Plain                 // the page's own meta.description, "" for the template's
	StepText   map[string]Markdown   // platform steps in the page's own words, by step name (partner step_text)
	StepsAfter map[string][]Markdown // the partner's steps after a platform step, by step name (partner steps_after)
	Skip       map[string]bool       // platform steps the page leaves out, by step name (partner skip_steps)
	Parts      []PartView            // the page's sections in order, in this language
	Part       PartView              // the section a partial is writing (set by With)
	Has        map[string]bool       // the standard sections the page has, by name
	Site       SiteView
	UI         map[string]Plain // the platform's UI labels in this language, by name (site.yaml ui)
	App        *AppView         // the app folder's facts (app:); nil when the file has none
	HasConnect bool             // the partner has a connect page (not an app folder without one)

	// What the templates ask of the partner, worked out once.
	ViaSupport    bool                     // the partner's support team can connect it
	ViaBackOffice bool                     // the reader can connect it from the partner's back office
	ViaAppList    bool                     // the reader connects it from HubRise's app list
	AppName       Plain                    // its name in that list
	Maker         Plain                    // the publisher if named, else the product
	MakerElide    string                   // Elide when Maker is the product
	SectionsAfter map[string][]SectionView // extra sections by the standard section they follow

	err error // a reference of partner text to a platform step, label or link that the set lacks
}

// DisconnectView is the disconnect part of a View.
type DisconnectView struct {
	Mode string
	StepsView
}

// StepsView is a back-office procedure of a View: the partner's own steps
// around the menu and the button.
type StepsView struct {
	BeforeMenu   []Markdown
	Menu         []Plain
	BeforeButton []Markdown
	Button       Plain
	ExtraSteps   []Markdown
}

// newStepsView is st in lang.
func newStepsView(st partner.Steps, lang string) StepsView {
	return StepsView{
		BeforeMenu:   markdowns(st.BeforeMenu.In(lang)),
		Menu:         plains(st.Menu.In(lang)),
		BeforeButton: markdowns(st.BeforeButton.In(lang)),
		Button:       Plain(st.Button.In(lang)),
		ExtraSteps:   markdowns(st.ExtraSteps.In(lang)),
	}
}

// own returns the partner's own step lists.
func (v *StepsView) own() [][]Markdown {
	return [][]Markdown{v.BeforeMenu, v.BeforeButton, v.ExtraSteps}
}

// SectionView is one extra section of a View.
type SectionView struct {
	After  string
	Title  Plain
	Anchor string
	Body   Markdown
}

// PartView is one section of the page in one language: a standard section
// (Kind connect, give-access, contact or disconnect), with whatever of its
// own the partner file gives it, or a partner section (Kind "").
type PartView struct {
	Kind   string
	Title  Plain      // heading text; "" for a standard section: the template's
	Anchor string     // custom heading id; "" for the template's
	Intro  Markdown   // opening paragraph
	Steps  []Markdown // the section's steps in full, instead of the template's
	Body   Markdown   // the whole text under the heading, instead of the template's
}

// With returns the view with Part set, for the partial that writes it.
func (v View) With(p PartView) View {
	v.Part = p
	return v
}

// SiteView is the platform facts a template may print.
type SiteView struct {
	Name          Plain
	LangNames     map[string]Plain // languages by code, named in the page's language
	SupportEmail  Plain
	SignupURL     Safe
	BackOfficeURL Safe // "" when site.yaml names none
}

// After returns the extra sections placed after the named standard section.
func (v View) After(place string) []SectionView { return v.SectionsAfter[place] }

func markdowns(ss []string) []Markdown {
	if len(ss) == 0 {
		return nil
	}
	out := make([]Markdown, len(ss))
	for i, s := range ss {
		out[i] = Markdown(s)
	}
	return out
}

func plains(ss []string) []Plain {
	out := make([]Plain, len(ss))
	for i, s := range ss {
		out[i] = Plain(s)
	}
	return out
}

// NewView builds the View of partner p in lang.
func (s *Set) NewView(p *partner.Partner, lang string) View {
	v := View{
		Lang:       lang,
		Slug:       p.Slug.Value,
		Name:       Plain(p.Name.In(lang)),
		Publisher:  Plain(p.Publisher.In(lang)),
		Kind:       p.Kind.Value,
		Elide:      p.Elide.Value,
		Noun:       Plain(s.Site.Nouns[p.Kind.Value][lang]),
		Email:      Plain(p.Email.Value),
		Mode:       p.Connection.Mode.Value,
		Intro:      Markdown(p.Connection.Intro.In(lang)),
		StepsView:  newStepsView(p.Connection.Steps, lang),
		Disconnect: DisconnectView{Mode: p.Disconnect.Mode.Value, StepsView: newStepsView(p.Disconnect.Steps, lang)},
		Site:       SiteView{Name: Plain(s.Site.Name), SupportEmail: Plain(s.Site.SupportEmail), SignupURL: Safe(s.Site.SignupURL), BackOfficeURL: Safe(s.Site.BackOfficeURL)},
	}
	v.Preamble = Markdown(p.Preamble.In(lang))
	v.MetaTitle, v.MetaDesc = Plain(p.Meta.Title.In(lang)), Plain(p.Meta.Description.In(lang))
	for name, text := range p.StepText[lang] {
		if v.StepText == nil {
			v.StepText = map[string]Markdown{}
		}
		v.StepText[name] = Markdown(text.Value)
	}
	for _, name := range p.SkipSteps[lang] {
		if v.Skip == nil {
			v.Skip = map[string]bool{}
		}
		v.Skip[name.Value] = true
	}
	for name, items := range p.StepsAfter[lang] {
		if v.StepsAfter == nil {
			v.StepsAfter = map[string][]Markdown{}
		}
		for _, it := range items {
			v.StepsAfter[name] = append(v.StepsAfter[name], Markdown(it.Value))
		}
	}
	for pt := range p.Parts() {
		if !pt.InLang(lang) {
			continue
		}
		if pt.Standard.Value != "" {
			if v.Has == nil {
				v.Has = map[string]bool{}
			}
			v.Has[pt.Standard.Value] = true
		}
		v.Parts = append(v.Parts, PartView{
			Kind:   pt.Standard.Value,
			Title:  Plain(pt.Title.In(lang)),
			Anchor: pt.Anchor.Value,
			Intro:  Markdown(pt.Intro.In(lang)),
			Steps:  markdowns(pt.Steps.In(lang)),
			Body:   Markdown(pt.Body.In(lang)),
		})
	}
	for _, sec := range p.Sections {
		v.Sections = append(v.Sections, SectionView{
			After:  sec.After.Value,
			Title:  Plain(sec.Title.In(lang)),
			Anchor: sec.Anchor.Value,
			Body:   Markdown(sec.Body.In(lang)),
		})
	}
	if labels := s.ui[lang]; labels != nil {
		v.UI = labels
	}
	v.ViaSupport = v.Mode == partner.ModeSupport || v.Mode == partner.ModeEither
	v.ViaBackOffice = v.Mode == partner.ModeBackOffice || v.Mode == partner.ModeEither
	v.ViaAppList = v.Mode == partner.ModeAppList
	v.AppName = Plain(cmp.Or(p.Connection.App.In(lang), p.Name.In(lang)))
	v.Maker, v.MakerElide = v.Name, v.Elide
	if v.Publisher != "" {
		v.Maker, v.MakerElide = v.Publisher, ""
	}
	for code, names := range s.Site.LangNames {
		if v.Site.LangNames == nil {
			v.Site.LangNames = map[string]Plain{}
		}
		v.Site.LangNames[code] = Plain(names[lang])
	}
	v.HasConnect = p.HasConnectPage() && slices.Contains(p.Langs(), lang)
	var appErr error
	v.App, appErr = s.newAppView(p, lang)
	v.err = cmp.Or(s.knownSteps(p, lang), appErr, s.expandView(&v))
	if len(v.Sections) > 0 {
		v.SectionsAfter = map[string][]SectionView{}
		for _, sec := range v.Sections {
			v.SectionsAfter[sec.After] = append(v.SectionsAfter[sec.After], sec)
		}
	}
	return v
}

// knownSteps says which step_text or steps_after of p in lang names no
// step of the template set, with its line and the step it most likely means.
func (s *Set) knownSteps(p *partner.Partner, lang string) error {
	for _, e := range s.checkStepNames(p) {
		if parts := strings.SplitN(e.Field, ".", 3); len(parts) == 3 && parts[1] == lang {
			return fmt.Errorf("line %d: %s: %s", e.Line, e.Field, e.Msg)
		}
	}
	return nil
}
