package partner

import (
	"iter"
	"slices"
)

// Pos is a 1-based position in a partner file; the zero Pos means "not present".
type Pos struct {
	Line, Col int
}

// Present reports whether the value was written in the file.
func (p Pos) Present() bool { return p.Line > 0 }

// Scalar is one string value with the place it was written.
type Scalar struct {
	Pos
	Value string
}

// Text is a string that may instead be given per language
// (`button: Connect` or `button: {en: Connect, fr: Connecter}`).
type Text struct {
	Pos
	Value  Scalar            // used when ByLang is nil
	ByLang map[string]Scalar // set when the file gives one value per language
}

// In returns the text for lang.
func (t Text) In(lang string) string {
	if t.ByLang != nil {
		return t.ByLang[lang].Value
	}
	return t.Value.Value
}

// List is a list of strings that may instead be given per language.
type List struct {
	Pos
	Items  []Scalar
	ByLang map[string][]Scalar
}

// In returns the list for lang.
func (l List) In(lang string) []string {
	items := l.Items
	if l.ByLang != nil {
		items = l.ByLang[lang]
	}
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = s.Value
	}
	return out
}

// Connection modes: how a restaurant gets the partner connected.
const (
	ModeBackOffice = "back-office" // the restaurant connects from the partner's back office
	ModeSupport    = "support"     // only the partner's support team can connect
	ModeEither     = "either"      // both: ask support, or connect autonomously
	ModeAppList    = "app-list"    // the restaurant connects it from the HubRise back office's app list
)

// Disconnect modes: where the connection is removed.
const (
	DisconnectBackOffice = "back-office" // from the partner's back office
	DisconnectHubRise    = "hubrise"     // from the platform's back office
	DisconnectSupport    = "support"     // by asking the partner's support team
)

// Kinds of partner; the kind picks the nouns each language uses for the product.
var Kinds = []string{"epos", "ordering", "delivery", "other"}

// ConnectionModes lists the valid connection.mode values.
var ConnectionModes = []string{ModeBackOffice, ModeSupport, ModeEither, ModeAppList}

// DisconnectModes lists the valid disconnect.mode values.
var DisconnectModes = []string{DisconnectBackOffice, DisconnectHubRise, DisconnectSupport}

// SectionPlaces lists where an extra section may go (`after:`).
var SectionPlaces = []string{"connect", "give-access", "contact", "disconnect"}

// Partner is one partner file (schema v1 or v2) after loading; Resolve
// fills its defaults.
type Partner struct {
	File       string // path as shown in messages
	SHA256     string // hex SHA-256 of the file's bytes, as the lock file records them
	Name       Text
	Slug       Scalar
	Publisher  Text
	Kind       Scalar
	Elide      Scalar // French elision before the name: always (d'Hôtel Pay, a mute h), never (de Yumi); default by its first letter
	Languages  []Scalar
	LangPos    Pos // where `languages:` was written
	SupportPos Pos // where `support:` was written
	Email      Scalar
	Connection Connection
	Disconnect Disconnect
	Sections   []Section

	// Schema v2: the page's parts in order, and the text before its first
	// heading. A file without `page` gets the v1 layout (Layout).
	Preamble Text
	Page     []Part
	PagePos  Pos // where `page:` was written

	// Meta is the page's own search-engine text, per language where the
	// team wrote it; where it is absent the template's text stands.
	Meta Meta

	// FileName is the page's file name where the site serves it, per
	// language, when it is not the template's (connexion-hubrise.md).
	FileName Text

	// StepText is a platform step in this page's own words: language →
	// step name (as the template set names it: menu, button, allow…) →
	// Markdown. Every other step keeps the template's wording.
	StepText    map[string]map[string]Scalar
	StepTextPos Pos // where `step_text:` was written

	// StepsAfter are steps of the partner's own that follow a platform
	// step on this page: language → step name (as step_text names it) →
	// Markdown steps, written after that step wherever the template
	// writes it (a step added after "Click Add User" in give-access).
	StepsAfter    map[string]map[string][]Scalar
	StepsAfterPos Pos // where `steps_after:` was written

	// SkipSteps are platform steps this page leaves out: language → step
	// names (as step_text names them). A step of steps_after that follows
	// one stays.
	SkipSteps    map[string][]Scalar
	SkipStepsPos Pos // where `skip_steps:` was written

	// App is the rest of the app folder (overview, customization, Apps
	// page entry); nil when the file has no app: block.
	App *App
}

// Meta is the front matter text of a partner's page that the team writes
// for search engines: meta.title and meta.description.
type Meta struct {
	Pos
	Title       Text
	Description Text
}

// Part is one section of a page (schema v2): a standard section, written by
// the template from the partner's typed facts unless it carries its own
// text, or a partner section written as is.
type Part struct {
	Pos
	Standard  Scalar   // connect | give-access | contact | disconnect; empty for a partner section
	Title     Text     // heading text: a partner section's, or a standard section's own
	Anchor    Scalar   // custom heading id ({#id})
	Intro     Text     // opening paragraph, under the heading (standard sections)
	Steps     List     // the section's steps in full, when they are not the template's (standard sections)
	Body      Text     // the whole text under the heading, as written
	Languages []Scalar // the languages the part appears in (default: all of the partner's)
}

// InLang reports whether the part appears in lang.
func (pt Part) InLang(lang string) bool {
	if len(pt.Languages) == 0 {
		return true
	}
	for _, l := range pt.Languages {
		if l.Value == lang {
			return true
		}
	}
	return false
}

// Layout returns the page's parts: the file's own (schema v2), or the v1
// layout: the four standard sections, each followed by the extra sections
// placed after it.
func (p *Partner) Layout() []Part {
	if p.Page != nil {
		return p.Page
	}
	return slices.Collect(p.Parts())
}

// Parts yields the page's parts in Layout's order.
func (p *Partner) Parts() iter.Seq[Part] {
	return func(yield func(Part) bool) {
		if p.Page != nil {
			for _, pt := range p.Page {
				if !yield(pt) {
					return
				}
			}
			return
		}
		for _, place := range SectionPlaces {
			if !yield(Part{Standard: Scalar{Value: place}}) {
				return
			}
			for _, s := range p.Sections {
				if s.After.Value == place && !yield(Part{Pos: s.Pos, Title: s.Title, Anchor: s.Anchor, Body: s.Body}) {
					return
				}
			}
		}
	}
}

// Uses reports whether the page has the standard section written from the
// template's text (not the page's own body) in any language.
func (p *Partner) Uses(standard string) bool {
	for pt := range p.Parts() {
		if pt.Standard.Value != standard {
			continue
		}
		for _, l := range p.Langs() {
			if pt.TypedIn(l) {
				return true
			}
		}
		if len(p.Languages) == 0 && !pt.Body.Present() {
			return true // languages not resolved yet
		}
	}
	return false
}

// TypedSections lists the standard sections the template writes on the
// page of lang.
func (p *Partner) TypedSections(lang string) map[string]bool {
	out := map[string]bool{}
	for pt := range p.Parts() {
		if pt.TypedIn(lang) {
			out[pt.Standard.Value] = true
		}
	}
	return out
}

// TypedIn reports whether the template writes the standard section pt in
// lang: it is on that language's page, with no body of its own there (a
// standard section may keep its own text in one language only).
func (pt Part) TypedIn(lang string) bool {
	if pt.Standard.Value == "" || !pt.InLang(lang) || !pt.Body.Present() {
		return pt.Standard.Value != "" && pt.InLang(lang)
	}
	if pt.Body.ByLang == nil {
		return false
	}
	_, own := pt.Body.ByLang[lang]
	return !own
}

// Connection says how the partner is connected.
type Connection struct {
	Pos
	Mode  Scalar
	Intro Text // optional Markdown shown at the top of the connect section
	Steps
	App Text // mode app-list: the app's name in HubRise's app list; default: the name
}

// Disconnect says how the partner is disconnected.
type Disconnect struct {
	Pos
	Mode Scalar
	Steps
}

// Steps are a back-office procedure, in connecting and disconnecting alike:
// open the menu, click the button, with the partner's own steps around.
type Steps struct {
	BeforeMenu   List // optional Markdown steps before the one that opens the menu
	Menu         List
	BeforeButton List // optional Markdown steps between opening the menu and clicking the button
	Button       Text
	ExtraSteps   List // optional Markdown steps appended to the standard ones
}

// OwnStep is one list of the partner's own steps in a procedure, with its key.
type OwnStep struct {
	Key  string // steps_before_menu, steps_before_button or extra_steps
	List *List
}

// Own returns the partner's own step lists, in the order the page has them.
func (s *Steps) Own() []OwnStep {
	return []OwnStep{{"steps_before_menu", &s.BeforeMenu}, {"steps_before_button", &s.BeforeButton}, {"extra_steps", &s.ExtraSteps}}
}

// HasOwn reports whether the partner gives steps of its own in lang.
func (s *Steps) HasOwn(lang string) bool {
	for _, o := range s.Own() {
		if len(o.List.In(lang)) > 0 {
			return true
		}
	}
	return false
}

// Section is an extra section placed after one of the standard ones.
type Section struct {
	Pos
	After  Scalar
	Title  Text
	Anchor Scalar
	Body   Text
}

// Langs returns the partner's languages as plain strings.
func (p *Partner) Langs() []string {
	out := make([]string, len(p.Languages))
	for i, l := range p.Languages {
		out[i] = l.Value
	}
	return out
}
