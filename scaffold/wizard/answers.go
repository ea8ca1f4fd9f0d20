// Package wizard is the engine of `partnerpages new`: the answers a writer
// gives about a new partner, their validation, the partner file they become,
// and the interactive form (huh) that collects them.
package wizard

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/partnerpages/partnerpages/scaffold/partner"
)

// Answers are the values of a new partner, as typed (menu paths as "A > B > C").
type Answers struct {
	Name             string
	Slug             string // empty: derived from Name
	Publisher        string
	Kind             string
	Email            string
	NoSupport        bool   // the page has no give-access or contact section (schema v2), and so no e-mail
	Mode             string // connection mode
	App              string // mode app-list: the name in HubRise's app list; empty: the name
	Menu             string
	Button           string
	DisconnectMode   string // empty: the default for Mode
	DisconnectMenu   string // empty: Menu
	DisconnectButton string
	Languages        []string // empty: every language of the template set
	// ByLang holds a language's own labels where they differ from the ones
	// above (a French back office reads "Réglages", not "Settings"); a
	// language it does not name, or an empty field, takes the ones above.
	ByLang map[string]*Labels
	// AppFolder asks for the rest of the app folder too: Folder's answers.
	AppFolder bool
	Folder    AppAnswers
}

// Labels are the back-office labels of one language, as typed.
type Labels struct {
	Menu, Button, DisconnectMenu, DisconnectButton string
}

// LabelsIn returns the labels of lang: its own where given, else the
// default ones (the disconnect menu defaulting to the language's connect menu).
func (a *Answers) LabelsIn(lang string) Labels {
	l := Labels{Menu: a.Menu, Button: a.Button, DisconnectMenu: a.DisconnectMenuOrDefault(), DisconnectButton: a.DisconnectButton}
	own := a.ByLang[lang]
	if own == nil {
		return l
	}
	pick := func(v, def string) string {
		if strings.TrimSpace(v) != "" {
			return v
		}
		return def
	}
	l.Menu, l.Button = pick(own.Menu, l.Menu), pick(own.Button, l.Button)
	if a.DisconnectFollowsMenu() {
		l.DisconnectMenu = l.Menu // the disconnect path follows the connect path, in each language
	}
	l.DisconnectMenu, l.DisconnectButton = pick(own.DisconnectMenu, l.DisconnectMenu), pick(own.DisconnectButton, l.DisconnectButton)
	return l
}

// MenuSeparator separates the labels of a menu path as the writer types it.
const MenuSeparator = ">"

// ParseMenu splits "Settings > Integrations" into its labels.
func ParseMenu(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := strings.Split(s, MenuSeparator)
	for i, p := range parts {
		parts[i] = strings.TrimSpace(p)
	}
	return parts
}

// FormatMenu joins labels as a writer types them.
func FormatMenu(labels []string) string {
	return strings.Join(labels, " "+MenuSeparator+" ")
}

// SlugOrDefault is the slug the partner will have.
func (a *Answers) SlugOrDefault() string {
	if strings.TrimSpace(a.Slug) != "" {
		return strings.TrimSpace(a.Slug)
	}
	return partner.Slugify(a.Name)
}

// DisconnectModeOrDefault is the disconnect mode the partner will have.
func (a *Answers) DisconnectModeOrDefault() string {
	if a.DisconnectMode != "" {
		return a.DisconnectMode
	}
	return partner.DefaultDisconnectMode(a.Mode)
}

// DisconnectMenuOrDefault is the disconnect menu path the partner will have.
func (a *Answers) DisconnectMenuOrDefault() string {
	if strings.TrimSpace(a.DisconnectMenu) != "" {
		return a.DisconnectMenu
	}
	return a.Menu
}

// DisconnectFollowsMenu reports whether the disconnect menu path is the
// connection's (given the same, or not given).
func (a *Answers) DisconnectFollowsMenu() bool {
	return FormatMenu(ParseMenu(a.DisconnectMenuOrDefault())) == FormatMenu(ParseMenu(a.Menu))
}

// UsesMenu reports whether the connection mode needs a back-office path.
func (a *Answers) UsesMenu() bool {
	return a.Mode == partner.ModeBackOffice || a.Mode == partner.ModeEither
}

// DisconnectUsesMenu reports whether the disconnect mode needs a back-office path.
func (a *Answers) DisconnectUsesMenu() bool {
	return a.DisconnectModeOrDefault() == partner.DisconnectBackOffice
}

// Field checks, shared by the form (inline) and the --yes path.

// CheckAppName checks the optional name in HubRise's app list.
func CheckAppName(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return CheckLabel("name in the app list")(s)
}

// CheckName validates a product name.
func CheckName(s string) error {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return fmt.Errorf("the product name is required")
	case strings.ContainsAny(s, "\r\n"):
		return fmt.Errorf("the name must fit on one line")
	}
	return nil
}

// CheckSlug validates a slug; taken reports whether a partner already has it.
func CheckSlug(s string, taken func(string) bool) error {
	s = strings.TrimSpace(s)
	if !partner.SlugPattern.MatchString(s) {
		return fmt.Errorf("%q is not a valid slug: lower-case letters, digits and '-', starting with a letter or digit", s)
	}
	if taken != nil && taken(s) {
		return fmt.Errorf("a partner with slug %q already exists; choose another slug (or use --force to replace it)", s)
	}
	return nil
}

// CheckEmail validates the support e-mail.
func CheckEmail(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return fmt.Errorf("the support e-mail is required")
	}
	if !partner.ValidEmail(s) {
		return fmt.Errorf("%q is not a valid e-mail address (name@domain.tld)", s)
	}
	return nil
}

// CheckMenu validates a menu path typed as "A > B > C".
func CheckMenu(s string) error {
	labels := ParseMenu(s)
	if len(labels) == 0 {
		return fmt.Errorf("the back-office menu path is required: type the labels separated by '>', such as Settings > Integrations")
	}
	for i, l := range labels {
		if l == "" {
			return fmt.Errorf("label %d of the menu path is empty: remove the extra '>'", i+1)
		}
	}
	return nil
}

// CheckLabel validates a button label.
func CheckLabel(what string) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("the %s label is required, as it reads on the button", what)
		}
		if strings.ContainsAny(s, "\r\n") {
			return fmt.Errorf("the %s label must fit on one line", what)
		}
		return nil
	}
}

// Problem is one missing or invalid answer, named by its flag.
type Problem struct {
	Flag string
	Err  error
}

// Check validates every answer and returns every problem, named by the
// flag that sets it (for --yes).
func (a *Answers) Check(setLangs []string, taken func(string) bool) []Problem {
	var ps []Problem
	add := func(flag string, err error) {
		if err != nil {
			ps = append(ps, Problem{flag, err})
		}
	}
	add("--name", CheckName(a.Name))
	if strings.TrimSpace(a.Name) != "" {
		if err := CheckSlug(a.SlugOrDefault(), taken); err != nil && a.Slug == "" && a.SlugOrDefault() == "" {
			add("--slug", fmt.Errorf("no slug can be derived from %q; give one", a.Name))
		} else {
			add("--slug", err)
		}
	}
	if a.Kind != "" && !slices.Contains(partner.Kinds, a.Kind) {
		add("--kind", fmt.Errorf("%q is not one of: %s", a.Kind, strings.Join(partner.Kinds, ", ")))
	}
	if a.NoSupport {
		if a.Mode == partner.ModeSupport || a.Mode == partner.ModeEither {
			add("--no-support", fmt.Errorf("a page without support sections cannot have connection mode %s: readers would have no one to ask", a.Mode))
		}
		if a.DisconnectMode == partner.DisconnectSupport {
			add("--no-support", fmt.Errorf("a page without support sections cannot be disconnected through support"))
		}
		if strings.TrimSpace(a.Email) != "" {
			add("--email", CheckEmail(a.Email))
		}
	} else {
		add("--email", CheckEmail(a.Email))
	}
	switch {
	case a.Mode == "":
		add("--mode", fmt.Errorf("the connection mode is required: %s", strings.Join(partner.ConnectionModes, ", ")))
	case !slices.Contains(partner.ConnectionModes, a.Mode):
		add("--mode", fmt.Errorf("%q is not one of: %s", a.Mode, strings.Join(partner.ConnectionModes, ", ")))
	case a.UsesMenu():
		add("--menu", CheckMenu(a.Menu))
		add("--button", CheckLabel("connect button")(a.Button))
	}
	if strings.TrimSpace(a.App) != "" && a.Mode != partner.ModeAppList {
		add("--app", fmt.Errorf("the name in HubRise's app list is for --mode app-list"))
	} else {
		add("--app", CheckAppName(a.App))
	}
	if a.DisconnectMode != "" && !slices.Contains(partner.DisconnectModes, a.DisconnectMode) {
		add("--disconnect", fmt.Errorf("%q is not one of: %s", a.DisconnectMode, strings.Join(partner.DisconnectModes, ", ")))
	} else if a.Mode != "" && a.DisconnectUsesMenu() {
		if strings.TrimSpace(a.DisconnectMenu) != "" || !a.UsesMenu() {
			// left empty, it is --menu's path, which is checked (and said) once
			add("--disconnect-menu", CheckMenu(a.DisconnectMenuOrDefault()))
		}
		add("--disconnect-button", CheckLabel("disconnect button")(a.DisconnectButton))
	}
	for _, lang := range slices.Sorted(maps.Keys(a.ByLang)) {
		l, flag := a.LabelsIn(lang), " ("+lang+")"
		if a.Mode != "" && a.UsesMenu() {
			add("--menu"+flag, CheckMenu(l.Menu))
			add("--button"+flag, CheckLabel("connect button")(l.Button))
		}
		if a.Mode != "" && a.DisconnectUsesMenu() {
			add("--disconnect-menu"+flag, CheckMenu(l.DisconnectMenu))
			add("--disconnect-button"+flag, CheckLabel("disconnect button")(l.DisconnectButton))
		}
	}
	for _, l := range a.Languages {
		if !slices.Contains(setLangs, l) {
			add("--lang", fmt.Errorf("the template set has no language %q (it has: %s)", l, strings.Join(setLangs, ", ")))
		}
	}
	if a.AppFolder {
		ps = append(ps, a.checkFolder()...)
	}
	return ps
}

// YAML renders the answers as a commented partner file, through the one
// encoder of the format. schemaRef is the path of the JSON Schema as seen
// from the partner file, for editors.
func (a *Answers) YAML(schemaRef string) []byte {
	p, notes := a.partnerFile(schemaRef)
	data, err := partner.Encode(p, notes)
	if err != nil {
		panic(err) // strings only: yaml cannot fail to encode them
	}
	return data
}

// partnerFile is the partner file the answers make, with its comments.
func (a *Answers) partnerFile(schemaRef string) (*partner.Partner, partner.Comments) {
	one := func(s string) partner.Scalar { return partner.Scalar{Value: strings.TrimSpace(s)} }
	notes := partner.Comments{Head: map[string]string{}, Line: map[string]string{}}
	notes.Header = fmt.Sprintf("# yaml-language-server: $schema=%s\n"+
		"# Partner file (schema v2), written by `partnerpages new`.\n"+
		"# After editing it, run `partnerpages generate %s` to update the pages.\n", schemaRef, a.SlugOrDefault())
	p := &partner.Partner{Name: partner.Text{Value: one(a.Name)}}
	if a.Slug != "" && a.Slug != partner.Slugify(a.Name) {
		p.Slug = one(a.Slug)
		notes.Line["slug"] = "the name alone would give " + partner.Slugify(a.Name)
	}
	if strings.TrimSpace(a.Publisher) != "" {
		p.Publisher = partner.Text{Value: one(a.Publisher)}
		notes.Line["publisher"] = "the company behind the product"
	}
	p.Kind = one(a.Kind)
	if a.Kind == "" {
		p.Kind = one(partner.DefaultKind)
	}
	notes.Line["kind"] = strings.Join(partner.Kinds, " | ")
	p.Languages = partner.Scalars(a.Languages)
	p.Email = one(a.Email)
	p.Connection.Mode = one(a.Mode)
	notes.Line["connection.mode"] = strings.Join(partner.ConnectionModes, " | ")
	langs := a.labelLangs()
	text := func(f func(Labels) string) partner.Text {
		m := map[string]string{}
		for _, l := range langs {
			m[l] = strings.TrimSpace(f(a.LabelsIn(l)))
		}
		return partner.TextOf(langs, m)
	}
	menu := func(f func(Labels) string) partner.List {
		m := map[string][]string{}
		for _, l := range langs {
			m[l] = ParseMenu(f(a.LabelsIn(l)))
		}
		return partner.ListOf(langs, m)
	}
	if a.Mode == partner.ModeAppList && strings.TrimSpace(a.App) != "" {
		p.Connection.App = partner.Text{Value: one(strings.TrimSpace(a.App))}
		notes.Line["connection.app"] = "the name in HubRise's app list"
	}
	if a.UsesMenu() {
		p.Connection.Menu = menu(func(l Labels) string { return l.Menu })
		notes.Line["connection.menu"] = "the back-office path, one label per item"
		p.Connection.Button = text(func(l Labels) string { return l.Button })
	}
	d := &p.Disconnect
	d.Mode = one(a.DisconnectModeOrDefault())
	notes.Line["disconnect.mode"] = strings.Join(partner.DisconnectModes, " | ")
	if d.Mode.Value == partner.DisconnectBackOffice {
		d.Menu = menu(func(l Labels) string { return l.DisconnectMenu })
		if a.UsesMenu() && reflect.DeepEqual(d.Menu, p.Connection.Menu) {
			d.Menu = partner.List{}
			notes.Head["disconnect.button"] = "menu: the same back-office path as the connection"
		}
		d.Button = text(func(l Labels) string { return l.DisconnectButton })
	}
	if a.NoSupport {
		p.Page = []partner.Part{{Standard: one("connect")}, {Standard: one("disconnect")}}
		notes.Head["page"] = "the page's sections in order: no give-access or contact section"
	}
	if p.App = a.appBlock(); p.App != nil {
		notes.Head["app"] = "the rest of the app folder: overview.md, customization.yaml and the Apps page entry"
	}
	return p, notes
}

// labelLangs are the languages whose labels the partner file names: the
// partner's languages when one of them has labels of its own.
func (a *Answers) labelLangs() []string {
	for _, l := range a.Languages {
		if a.ByLang[l] != nil && a.LabelsIn(l) != a.LabelsIn("") {
			return a.Languages
		}
	}
	return []string{""}
}
