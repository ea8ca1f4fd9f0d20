package partner

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
var ConnectionModes = []string{ModeBackOffice, ModeSupport, ModeEither}

// DisconnectModes lists the valid disconnect.mode values.
var DisconnectModes = []string{DisconnectBackOffice, DisconnectHubRise, DisconnectSupport}

// SectionPlaces lists where an extra section may go (`after:`).
var SectionPlaces = []string{"connect", "give-access", "contact", "disconnect"}

// Partner is one partner file (schema v1) after loading; Resolve fills its defaults.
type Partner struct {
	File       string // path as shown in messages
	Name       Text
	Slug       Scalar
	Publisher  Text
	Kind       Scalar
	Languages  []Scalar
	LangPos    Pos // where `languages:` was written
	Email      Scalar
	Connection Connection
	Disconnect Disconnect
	Sections   []Section
}

// Connection says how the partner is connected.
type Connection struct {
	Pos
	Mode         Scalar
	Intro        Text // optional Markdown shown at the top of the connect section
	Menu         List
	BeforeButton List // optional Markdown steps between opening the menu and clicking the button
	Button       Text
	ExtraSteps   List
}

// Disconnect says how the partner is disconnected.
type Disconnect struct {
	Pos
	Mode         Scalar
	Menu         List
	BeforeButton List // optional Markdown steps between opening the menu and clicking the button
	Button       Text
	ExtraSteps   List // optional Markdown steps appended to the standard ones
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
