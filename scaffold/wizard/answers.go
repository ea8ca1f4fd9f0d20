// Package wizard is the engine of `partnerpages new`: the answers a writer
// gives about a new partner, their validation, the partner file they become,
// and the interactive form (huh) that collects them.
package wizard

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
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
	if a.DisconnectMode != "" && !slices.Contains(partner.DisconnectModes, a.DisconnectMode) {
		add("--disconnect", fmt.Errorf("%q is not one of: %s", a.DisconnectMode, strings.Join(partner.DisconnectModes, ", ")))
	} else if a.Mode != "" && a.DisconnectUsesMenu() {
		add("--disconnect-menu", CheckMenu(a.DisconnectMenuOrDefault()))
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
	return ps
}

// YAML renders the answers as a commented partner file. schemaRef is the
// path of the JSON Schema as seen from the partner file, for editors.
func (a *Answers) YAML(schemaRef string) []byte {
	var b strings.Builder
	q := func(s string) string { return string(render.YAMLValue(strings.TrimSpace(s))) }
	fmt.Fprintf(&b, "# yaml-language-server: $schema=%s\n", schemaRef)
	fmt.Fprintf(&b, "# Partner file (schema v2), written by `partnerpages new`.\n")
	fmt.Fprintf(&b, "# After editing it, run `partnerpages generate %s` to update the pages.\n", a.SlugOrDefault())
	fmt.Fprintf(&b, "name: %s\n", q(a.Name))
	if a.Slug != "" && a.Slug != partner.Slugify(a.Name) {
		fmt.Fprintf(&b, "slug: %s  # the name alone would give %s\n", q(a.Slug), partner.Slugify(a.Name))
	}
	if strings.TrimSpace(a.Publisher) != "" {
		fmt.Fprintf(&b, "publisher: %s  # the company behind the product\n", q(a.Publisher))
	}
	kind := a.Kind
	if kind == "" {
		kind = partner.DefaultKind
	}
	fmt.Fprintf(&b, "kind: %s  # %s\n", kind, strings.Join(partner.Kinds, " | "))
	if len(a.Languages) > 0 {
		fmt.Fprintf(&b, "languages: [%s]\n", strings.Join(a.Languages, ", "))
	}
	if strings.TrimSpace(a.Email) != "" {
		fmt.Fprintf(&b, "support:\n  email: %s\n", q(a.Email))
	}
	fmt.Fprintf(&b, "connection:\n  mode: %s  # %s\n", a.Mode, strings.Join(partner.ConnectionModes, " | "))
	langs := a.labelLangs()
	get := func(f func(Labels) string) map[string]string {
		m := map[string]string{}
		for _, l := range langs {
			m[l] = f(a.LabelsIn(l))
		}
		return m
	}
	if a.UsesMenu() {
		writeMenu(&b, "  menu:  # the back-office path, one label per item", langs, get(func(l Labels) string { return l.Menu }))
		writeLabel(&b, "  button:", langs, get(func(l Labels) string { return l.Button }))
	}
	dmode := a.DisconnectModeOrDefault()
	fmt.Fprintf(&b, "disconnect:\n  mode: %s  # %s\n", dmode, strings.Join(partner.DisconnectModes, " | "))
	if dmode == partner.DisconnectBackOffice {
		dmenu, cmenu := get(func(l Labels) string { return FormatMenu(ParseMenu(l.DisconnectMenu)) }), get(func(l Labels) string { return FormatMenu(ParseMenu(l.Menu)) })
		if a.UsesMenu() && maps.Equal(dmenu, cmenu) {
			b.WriteString("  # menu: the same back-office path as the connection\n")
		} else {
			writeMenu(&b, "  menu:", langs, dmenu)
		}
		writeLabel(&b, "  button:", langs, get(func(l Labels) string { return l.DisconnectButton }))
	}
	if a.NoSupport {
		b.WriteString("# the page's sections in order: no give-access or contact section\n")
		b.WriteString("page: [connect, disconnect]\n")
	}
	return []byte(b.String())
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

// writeLabel writes key with one value, or one per language where they differ.
func writeLabel(b *strings.Builder, key string, langs []string, byLang map[string]string) {
	q := func(s string) string { return string(render.YAMLValue(strings.TrimSpace(s))) }
	if same(langs, byLang) {
		fmt.Fprintf(b, "%s %s\n", key, q(byLang[langs[0]]))
		return
	}
	fmt.Fprintf(b, "%s\n", key)
	for _, l := range langs {
		fmt.Fprintf(b, "    %s: %s\n", l, q(byLang[l]))
	}
}

// writeMenu writes a menu path as a list, or one list per language where they differ.
func writeMenu(b *strings.Builder, key string, langs []string, byLang map[string]string) {
	q := func(s string) string { return string(render.YAMLValue(strings.TrimSpace(s))) }
	fmt.Fprintf(b, "%s\n", key)
	if same(langs, byLang) {
		for _, l := range ParseMenu(byLang[langs[0]]) {
			fmt.Fprintf(b, "    - %s\n", q(l))
		}
		return
	}
	for _, lang := range langs {
		fmt.Fprintf(b, "    %s:\n", lang)
		for _, l := range ParseMenu(byLang[lang]) {
			fmt.Fprintf(b, "      - %s\n", q(l))
		}
	}
}

func same(langs []string, byLang map[string]string) bool {
	for _, l := range langs {
		if FormatMenu(ParseMenu(byLang[l])) != FormatMenu(ParseMenu(byLang[langs[0]])) {
			return false
		}
	}
	return true
}
