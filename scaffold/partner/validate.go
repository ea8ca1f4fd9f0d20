package partner

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/partnerpages/partnerpages/scaffold/email"
)

// ValidEmail reports whether s is a plain e-mail address (no display name).
func ValidEmail(s string) bool { return email.Valid(s) }

// anchorPattern is what a custom heading id may be.
var anchorPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// reservedAnchors are the ids the standard sections use.
var reservedAnchors = []string{"give-access", "contact"}

// DefaultKind is the kind used when a partner file does not say.
const DefaultKind = "epos"

// DefaultDisconnectMode is the disconnect mode implied by a connection mode:
// a partner connected from its back office is disconnected there too; one
// that only its support can connect is disconnected from the platform's back office.
func DefaultDisconnectMode(connection string) string {
	if connection == ModeSupport || connection == ModeAppList {
		return DisconnectHubRise
	}
	return DisconnectBackOffice
}

// validator checks one partner against the languages of the template set.
type validator struct {
	p     *Partner
	langs []string // the partner's languages, once known
	errs  ErrorList
}

func (v *validator) err(pos Pos, field, format string, args ...any) {
	v.errs = append(v.errs, Error{File: v.p.File, Line: pos.Line, Col: pos.Col, Field: field, Msg: fmt.Sprintf(format, args...)})
}

// Resolve fills the defaults of p (slug, kind, languages, disconnect mode and
// menu) and validates every field. setLangs are the languages the template set
// provides. All problems are returned; p is usable only when none are.
func Resolve(p *Partner, setLangs []string) ErrorList {
	v := &validator{p: p}
	v.languages(setLangs)
	v.plain(&p.Name, "name", true)
	v.slug()
	v.plain(&p.Publisher, "publisher", false)
	v.enum(&p.Kind, "kind", Kinds, DefaultKind)
	if p.Elide.Present() {
		v.enum(&p.Elide, "elide", []string{"always", "never"}, "")
	}
	if !p.HasConnectPage() {
		// an app folder without a connect page: the overview, the
		// customization and the Apps page entry only
		v.app()
		return v.errs
	}
	v.page()
	needEmail := p.Uses("give-access") || p.Uses("contact")
	switch {
	case !p.Email.Present() && needEmail:
		at := p.SupportPos // under support:, or else at the top of the file
		if !at.Present() {
			at = Pos{Line: 1, Col: 1}
		}
		v.err(at, "support.email", "missing; the support team's e-mail address is required (the page's give-access and contact sections use it)")
	case !p.Email.Present():
	case !ValidEmail(strings.TrimSpace(p.Email.Value)):
		v.err(p.Email.Pos, "support.email", "%q is not a valid e-mail address (expected name@domain.tld)", p.Email.Value)
	default:
		p.Email.Value = strings.TrimSpace(p.Email.Value)
	}
	// The connection mode shapes the text of every standard section the
	// template writes; a page made only of its own text needs none.
	if p.Connection.Mode.Present() || p.Uses("connect") || p.Uses("give-access") || p.Uses("contact") ||
		p.Uses("disconnect") && !p.Disconnect.Mode.Present() {
		v.connection()
	}
	if p.Uses("disconnect") {
		v.disconnect()
	}
	v.sections()
	v.code()
	v.optionalLine(&p.Meta.Title, "meta.title")
	v.metaTitleNames()
	v.optionalLine(&p.Meta.Description, "meta.description")
	v.fileName()
	v.stepText()
	v.app()
	return v.errs
}

// fileNamePattern is a page file name the site serves: lower case words
// joined by hyphens, .md.
var fileNamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*\.md$`)

// fileName checks file_name: a plain file name per language.
func (v *validator) fileName() {
	t := &v.p.FileName
	check := func(s Scalar, field string) {
		if !fileNamePattern.MatchString(s.Value) {
			v.err(s.Pos, field, "%q is not a page file name; write lower-case words joined by hyphens, ending in .md (connexion-hubrise.md)", s.Value)
		}
	}
	switch {
	case !t.Present():
	case t.ByLang == nil:
		check(t.Value, "file_name")
	default:
		for _, l := range keys(t.ByLang) {
			if !slices.Contains(v.langs, l) {
				v.err(t.ByLang[l].Pos, "file_name."+l, "value for %q, which is not one of the partner's languages (%s)", l, strings.Join(v.langs, ", "))
				continue
			}
			check(t.ByLang[l], "file_name."+l)
		}
	}
}

// stepText checks step_text, steps_after and skip_steps: languages of the
// partner, and steps that say something. Whether the template set has a
// step of each name is the renderer's to say: it knows the set.
func (v *validator) stepText() {
	for _, l := range v.partnerLangs("step_text", keys(v.p.StepText), v.p.StepTextPos) {
		for _, name := range keys(v.p.StepText[l]) {
			if s := v.p.StepText[l][name]; strings.TrimSpace(s.Value) == "" {
				v.err(s.Pos, "step_text."+l+"."+name, "empty step; remove it to have the template's wording, or write what the reader does")
			}
		}
	}
	for _, l := range v.partnerLangs("steps_after", keys(v.p.StepsAfter), v.p.StepsAfterPos) {
		for _, name := range keys(v.p.StepsAfter[l]) {
			v.markdown(List{Items: v.p.StepsAfter[l][name], Pos: v.p.StepsAfterPos}, "steps_after."+l+"."+name)
		}
	}
	v.partnerLangs("skip_steps", keys(v.p.SkipSteps), v.p.SkipStepsPos)
}

// partnerLangs reports each of langs, the keys of field, that is not a
// language of the partner, and returns the others.
func (v *validator) partnerLangs(field string, langs []string, at Pos) []string {
	var out []string
	for _, l := range langs {
		if !slices.Contains(v.langs, l) {
			v.err(at, field+"."+l, "value for %q, which is not one of the partner's languages (%s)", l, strings.Join(v.langs, ", "))
			continue
		}
		out = append(out, l)
	}
	return out
}

// metaTitleNames checks that the page's own meta.title names the product
// between separators, as the site reads it ("… | Lumo | HubRise").
func (v *validator) metaTitleNames() {
	t := v.p.Meta.Title
	for _, l := range v.langs {
		title, name := t.In(l), v.p.Name.In(l)
		if title == "" || name == "" || strings.Contains(title, " | "+name+" | ") {
			continue
		}
		pos, field := t.Value.Pos, "meta.title"
		if t.ByLang != nil {
			pos, field = t.ByLang[l].Pos, "meta.title."+l
		}
		v.err(pos, field, "%q does not name the product as the site reads it: write it as \"… | %s | HubRise\"", title, name)
		return
	}
}

// optionalLine checks a text that may be given for some languages only
// (the others keep the template's): each value given is one line of
// printable text, in one of the partner's languages.
func (v *validator) optionalLine(t *Text, field string) {
	switch {
	case !t.Present():
	case t.ByLang == nil:
		v.lineUpTo(&t.Value, field, true, 1000, "a page's meta text")
	default:
		for _, l := range keys(t.ByLang) {
			if !slices.Contains(v.langs, l) {
				v.err(t.ByLang[l].Pos, field+"."+l, "value for %q, which is not one of the partner's languages (%s)", l, strings.Join(v.langs, ", "))
				continue
			}
			s := t.ByLang[l]
			v.lineUpTo(&s, field+"."+l, true, 1000, "a page's meta text")
			t.ByLang[l] = s
		}
	}
}

// someLangs checks a one-line text given for all languages, or for some
// (the template's text stands in the others).
func (v *validator) someLangs(t *Text, field string) {
	if t.ByLang == nil {
		v.plain(t, field, false)
		return
	}
	for _, l := range keys(t.ByLang) {
		if !slices.Contains(v.langs, l) {
			v.err(t.ByLang[l].Pos, field+"."+l, "value for %q, which is not one of the partner's languages (%s)", l, strings.Join(v.langs, ", "))
			continue
		}
		s := t.ByLang[l]
		v.line(&s, field+"."+l, true)
		t.ByLang[l] = s
	}
}

// page checks the layout of a schema v2 file: standard sections at most
// once each, partner sections with a title and a body, ids unique, and each
// part's values given for the languages it appears in.
func (v *validator) page() {
	p := v.p
	if p.Preamble.Present() {
		v.optionalText(&p.Preamble, "preamble")
	}
	if p.Page == nil {
		return
	}
	if len(p.Sections) > 0 {
		v.err(p.PagePos, "page", "a file with page: lists its partner sections there; move sections: into page")
	}
	seenStd := map[string]int{}  // language/section → its page entry
	seenID := map[string]int{}   // language/id → its page entry
	typedIn := map[string]bool{} // language/section written by the template
	all := v.langs
	defer func() { v.langs = all }()
	for i := range p.Page {
		pt := &p.Page[i]
		f := fmt.Sprintf("page[%d]", i+1)
		v.langs = all
		if len(pt.Languages) > 0 {
			v.langs = nil
			for j, l := range pt.Languages {
				if !slices.Contains(all, l.Value) {
					v.err(l.Pos, fmt.Sprintf("%s.languages[%d]", f, j+1), "%q is not one of the partner's languages (%s)", l.Value, strings.Join(all, ", "))
					continue
				}
				v.langs = append(v.langs, l.Value)
			}
		}
		std := strings.TrimSpace(pt.Standard.Value)
		pt.Standard.Value = std
		switch {
		case pt.Standard.Present() && !slices.Contains(SectionPlaces, std):
			v.err(pt.Standard.Pos, f+".section", "%q is not a standard section (%s); a section of the partner's own has a title and a body instead", std, strings.Join(SectionPlaces, ", "))
		case pt.Standard.Present():
			// each language's page has each standard section once; two
			// languages may place it differently
			for _, l := range v.langs {
				if n := seenStd[l+"/"+std]; n > 0 {
					v.err(pt.Standard.Pos, f+".section", "the %s section is already page[%d]; a page has each standard section once", std, n)
					break
				}
			}
			for _, l := range v.langs {
				seenStd[l+"/"+std] = i + 1
			}
			for _, l := range v.langs {
				if pt.TypedIn(l) {
					typedIn[l+"/"+std] = true
				}
			}
			v.someLangs(&pt.Title, f+".title") // a standard section's own title, in some languages: the template's in the others
			if pt.Intro.Present() {
				v.optionalText(&pt.Intro, f+".intro")
			}
			v.ownSteps(pt.Steps, f+".steps")
			if pt.Body.Present() {
				v.ownBody(&pt.Body, f+".body")
				for _, l := range v.langs {
					if !pt.TypedIn(l) && pt.InLang(l) && (len(pt.Steps.In(l)) > 0 || pt.Intro.In(l) != "") {
						v.err(pt.Body.Pos, f+".body", "a section with its own body has no intro or steps in the same language (%s); put them in the body", l)
						break
					}
				}
			}
		default:
			if !pt.Title.Present() {
				v.err(pt.Pos, f+".title", "missing; a section of the partner's own needs a heading (or a section: key for a standard one)")
			} else {
				v.plain(&pt.Title, f+".title", true)
			}
			v.body(&pt.Body, pt.Pos, f+".body")
			v.unused(pt.Intro.Pos, f+".intro", "the section is the partner's own (no section: key); write it in the body")
			v.unused(pt.Steps.Pos, f+".steps", "the section is the partner's own (no section: key); write them in the body")
		}
		id := strings.TrimSpace(pt.Anchor.Value)
		pt.Anchor.Value = id
		switch {
		case !pt.Anchor.Present():
		case !anchorPattern.MatchString(id):
			v.err(pt.Anchor.Pos, f+".anchor", "%q is not a valid id: use lower-case letters, digits and '-'", id)
		case slices.ContainsFunc(v.langs, func(l string) bool { return seenID[l+"/"+id] > 0 }):
			for _, l := range v.langs {
				if n := seenID[l+"/"+id]; n > 0 {
					v.err(pt.Anchor.Pos, f+".anchor", "%q is already the id of page[%d]", id, n)
					break
				}
			}
		case slices.Contains(reservedAnchors, id) && id != std:
			v.err(pt.Anchor.Pos, f+".anchor", "%q is the id of the %s section; choose another", id, id)
		}
		if id != "" {
			for _, l := range v.langs {
				seenID[l+"/"+id] = i + 1
			}
		}
	}
	v.langs = all
	// The template's connect text for support connections links to the
	// give-access and contact sections: they must be on the page.
	if p.Connection.Mode.Value == ModeSupport || p.Connection.Mode.Value == ModeEither {
		for _, l := range all {
			if !typedIn[l+"/connect"] {
				continue
			}
			for _, need := range []string{"give-access", "contact"} {
				if seenStd[l+"/"+need] == 0 {
					v.err(p.PagePos, "page", "the connect section links to the %s section (connection.mode %s), but the page has none%s; add `- %s`", need, p.Connection.Mode.Value, inLang(l, all), need)
					return
				}
			}
		}
	}
}

// inLang names the language in a message, when the partner has several.
func inLang(lang string, all []string) string {
	if len(all) < 2 {
		return ""
	}
	return " in " + lang
}

func (v *validator) languages(setLangs []string) {
	p := v.p
	if p.LangPos.Present() && len(p.Languages) == 0 {
		v.err(p.LangPos, "languages", "empty list; leave the field out to use every language of the template set (%s)", strings.Join(setLangs, ", "))
	}
	if len(p.Languages) == 0 {
		for _, l := range setLangs {
			p.Languages = append(p.Languages, Scalar{Value: l})
		}
	}
	seen := map[string]bool{}
	for i, l := range p.Languages {
		f := fmt.Sprintf("languages[%d]", i+1)
		switch {
		case seen[l.Value]:
			v.err(l.Pos, f, "%q is listed twice", l.Value)
		case !slices.Contains(setLangs, l.Value):
			v.err(l.Pos, f, "the template set has no language %q (it has: %s)", l.Value, strings.Join(setLangs, ", "))
		default:
			v.langs = append(v.langs, l.Value)
		}
		seen[l.Value] = true
	}
}

// localized checks that a per-language value has exactly the partner's languages.
func (v *validator) localized(pos Pos, byLang []string, field string) {
	for _, l := range v.langs {
		if !slices.Contains(byLang, l) {
			v.err(pos, field, "no %q value; a per-language value needs one for every language of the partner (%s)", l, strings.Join(v.langs, ", "))
		}
	}
	for _, l := range byLang {
		if !slices.Contains(v.langs, l) {
			v.err(pos, field, "value for %q, which is not one of the partner's languages (%s)", l, strings.Join(v.langs, ", "))
		}
	}
}

// plain checks a one-line text shown to readers (a name, a label).
func (v *validator) plain(t *Text, field string, required bool) {
	if !t.Present() {
		if required {
			v.err(Pos{}, field, "missing; this field is required")
		}
		return
	}
	if t.ByLang == nil {
		v.line(&t.Value, field, required)
		return
	}
	v.localized(t.Pos, keys(t.ByLang), field)
	for l, s := range t.ByLang {
		v.line(&s, field+"."+l, true)
		t.ByLang[l] = s
	}
}

// invisible are the format characters a name or label has no use for: they
// reorder text (bidirectional controls) or hide in it (zero-width), so a
// name that holds one reads as another.
var invisible = map[rune]string{
	'\u200B': "zero-width space", '\u200C': "zero-width non-joiner", '\u200D': "zero-width joiner",
	'\u200E': "left-to-right mark", '\u200F': "right-to-left mark", '\u2060': "word joiner",
	'\u202A': "left-to-right embedding", '\u202B': "right-to-left embedding", '\u202C': "pop directional formatting",
	'\u202D': "left-to-right override", '\u202E': "right-to-left override",
	'\u2066': "left-to-right isolate", '\u2067': "right-to-left isolate", '\u2068': "first strong isolate", '\u2069': "pop directional isolate",
	'\u061C': "Arabic letter mark", '\u00AD': "soft hyphen",
}

// Invisible reports whether r is a character a partner file's name, label
// or title may not hold: a control character (other than tab and line
// ends), a byte order mark, or a character readers cannot see.
func Invisible(r rune) bool {
	_, ok := invisible[r]
	return ok || r == '\uFEFF' || unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r'
}

// MaxLabel is the most bytes a name, a label or a heading may have.
const MaxLabel = 200

// line trims s and checks that it is a non-empty single line of printable
// text, at most MaxLabel bytes (a name, a label, a heading).
func (v *validator) line(s *Scalar, field string, required bool) {
	v.lineUpTo(s, field, required, MaxLabel, "a name or label")
}

// lineUpTo is line with another limit, for the text it names.
func (v *validator) lineUpTo(s *Scalar, field string, required bool, limit int, what string) {
	s.Value = strings.TrimSpace(s.Value)
	if s.Value == "" {
		if required {
			v.err(s.Pos, field, "empty; write the text as readers should see it")
		}
		return
	}
	for _, r := range s.Value {
		if r == '\n' || r == '\r' {
			v.err(s.Pos, field, "must be a single line")
			return
		}
		if unicode.IsControl(r) || r == '\uFEFF' {
			v.err(s.Pos, field, "contains the control character %U; remove it", r)
			return
		}
		if what, ok := invisible[r]; ok {
			v.err(s.Pos, field, "contains an invisible character, %U (%s): readers would see the text otherwise than it is written (a name could pass for another); remove it", r, what)
			return
		}
	}
	if len(s.Value) > limit {
		v.err(s.Pos, field, "is %d bytes long; %s is at most %d", len(s.Value), what, limit)
	}
}

func (v *validator) slug() {
	p := v.p
	if p.Slug.Present() {
		p.Slug.Value = strings.TrimSpace(p.Slug.Value)
		if !SlugPattern.MatchString(p.Slug.Value) {
			v.err(p.Slug.Pos, "slug", "%q is not a valid slug: use lower-case letters, digits and '-', starting with a letter or digit (for example %q)", p.Slug.Value, Slugify(p.Slug.Value))
			return
		}
		v.slugFits(p.Slug.Pos)
		return
	}
	name := p.Name.Value.Value
	if p.Name.ByLang != nil && len(v.langs) > 0 {
		name = p.Name.ByLang[v.langs[0]].Value
	}
	p.Slug.Value = Slugify(name)
	if p.Name.Present() && p.Slug.Value == "" {
		v.err(p.Name.Pos, "slug", "cannot derive a slug from the name %q; add a slug field (lower-case letters, digits and '-')", name)
		return
	}
	v.slugFits(p.Name.Pos)
}

// MaxSlugLen bounds a slug: it names a folder and a partner file, whose
// temporary file adds about 30 characters, within the 255 a file name may have.
const MaxSlugLen = 100

// windowsReserved are the names Windows keeps for devices: no folder may
// have one, with or without an extension.
var windowsReserved = []string{"con", "prn", "aux", "nul",
	"com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
	"lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9"}

// slugFits refuses a slug too long for a file name or reserved on Windows.
func (v *validator) slugFits(at Pos) {
	s := v.p.Slug.Value
	switch {
	case len(s) > MaxSlugLen:
		v.err(at, "slug", "%q has %d characters, more than the %d a slug may have (it names a folder and a file); write a shorter slug field", s, len(s), MaxSlugLen)
	case slices.Contains(windowsReserved, s):
		v.err(at, "slug", "%q is a device name on Windows, where no folder can have it; write a slug field such as %q", s, s+"-app")
	}
}

func (v *validator) enum(s *Scalar, field string, allowed []string, def string) {
	s.Value = strings.TrimSpace(s.Value)
	if !s.Present() && def != "" {
		s.Value = def
		return
	}
	if !slices.Contains(allowed, s.Value) {
		if s.Present() {
			hint := ""
			if best := Closest(strings.ToLower(s.Value), allowed); best != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", best)
			}
			v.err(s.Pos, field, "%q is not one of: %s%s", s.Value, strings.Join(allowed, ", "), hint)
		} else {
			v.err(Pos{}, field, "missing; choose one of: %s", strings.Join(allowed, ", "))
		}
	}
}

// list checks a menu path: every label a non-empty single line.
func (v *validator) list(l List, field string) (empty bool) {
	check := func(items []Scalar, f string) bool {
		for i := range items {
			v.line(&items[i], fmt.Sprintf("%s[%d]", f, i+1), true)
		}
		return len(items) == 0
	}
	if l.ByLang == nil {
		return check(l.Items, field)
	}
	v.localized(l.Pos, keys(l.ByLang), field)
	for lang, items := range l.ByLang {
		if check(items, field+"."+lang) {
			empty = true
		}
	}
	return empty
}

func (v *validator) connection() {
	c := &v.p.Connection
	v.enum(&c.Mode, "connection.mode", ConnectionModes, "")
	if c.Mode.Value == ModeSupport {
		v.unusedSteps(c.Steps, "connection", "connection.mode is support")
	} else if c.Mode.Value == ModeAppList {
		// the steps are the platform's: the app list, the app, Connect
		v.unused(c.Menu.Pos, "connection.menu", "connection.mode is app-list")
		v.unused(c.BeforeButton.Pos, "connection.steps_before_button", "connection.mode is app-list")
		v.unused(c.Button.Pos, "connection.button", "connection.mode is app-list")
	} else if slices.Contains(ConnectionModes, c.Mode.Value) && v.p.Uses("connect") {
		// the template writes the back-office steps only in a connect section of its own text
		v.menuAndButton(c.Menu, &c.Button, "connection", "connection.mode is "+c.Mode.Value, c.Pos)
	}
	if c.App.Present() {
		if c.Mode.Value != ModeAppList {
			v.unused(c.App.Pos, "connection.app", "connection.mode is "+c.Mode.Value+" (app is the name in HubRise's app list, for mode app-list)")
		} else {
			v.plain(&c.App, "connection.app", true)
		}
	}
	v.stepsMarkdown(c.Steps, "connection")
	if c.Intro.Present() {
		v.optionalText(&c.Intro, "connection.intro")
	}
}

// menuAndButton requires a back-office path and a button.
func (v *validator) menuAndButton(menu List, button *Text, field, why string, at Pos) {
	if !menu.Present() {
		v.err(at, field+".menu", "missing; the back-office menu path is required when %s (for example [Settings, Integrations])", why)
	} else if v.list(menu, field+".menu") {
		v.err(menu.Pos, field+".menu", "empty; give the back-office menu path, one label per item")
	}
	if !button.Present() {
		v.err(at, field+".button", "missing; the label of the button is required when %s", why)
		return
	}
	v.plain(button, field+".button", true)
}

func (v *validator) unused(pos Pos, field, why string) {
	if pos.Present() {
		v.err(pos, field, "not used when %s; remove it, or change the mode", why)
	}
}

// markdown checks a list of Markdown steps.
func (v *validator) markdown(l List, field string) {
	if !l.Present() {
		return
	}
	check := func(items []Scalar, f string) {
		for i, s := range items {
			if strings.TrimSpace(s.Value) == "" {
				v.err(s.Pos, fmt.Sprintf("%s[%d]", f, i+1), "empty step; remove it or write what the reader does")
			}
		}
	}
	if l.ByLang == nil {
		check(l.Items, field)
		return
	}
	v.localized(l.Pos, keys(l.ByLang), field)
	for lang, items := range l.ByLang {
		check(items, field+"."+lang)
	}
}

// ownSteps checks a standard section's own steps: given per language,
// a language left out has the template's steps (or its own body).
func (v *validator) ownSteps(l List, field string) {
	if l.ByLang == nil {
		v.markdown(l, field)
		return
	}
	for _, lang := range keys(l.ByLang) {
		if !slices.Contains(v.langs, lang) {
			v.err(l.Pos, field+"."+lang, "value for %q, which is not one of the partner's languages (%s)", lang, strings.Join(v.langs, ", "))
		}
		for i, s := range l.ByLang[lang] {
			if strings.TrimSpace(s.Value) == "" {
				v.err(s.Pos, fmt.Sprintf("%s.%s[%d]", field, lang, i+1), "empty step; remove it or write what the reader does")
			}
		}
	}
}

func (v *validator) disconnect() {
	p := v.p
	d := &p.Disconnect
	if !d.Mode.Present() && !slices.Contains(ConnectionModes, p.Connection.Mode.Value) {
		return // the default depends on a connection mode that is already reported
	}
	v.enum(&d.Mode, "disconnect.mode", DisconnectModes, DefaultDisconnectMode(p.Connection.Mode.Value))
	if !slices.Contains(DisconnectModes, d.Mode.Value) {
		return
	}
	if d.Mode.Value != DisconnectBackOffice {
		why := "disconnect.mode is " + d.Mode.Value
		v.unusedSteps(d.Steps, "disconnect", why)
		return
	}
	v.stepsMarkdown(d.Steps, "disconnect")
	if !d.Menu.Present() && p.Connection.Menu.Present() {
		d.Menu = p.Connection.Menu // the same back-office page, by default
	}
	at := d.Pos
	if !at.Present() {
		at = p.Connection.Pos
	}
	v.menuAndButton(d.Menu, &d.Button, "disconnect", "disconnect.mode is back-office", at)
}

func (v *validator) sections() {
	seen := map[string]int{}
	for i := range v.p.Sections {
		s := &v.p.Sections[i]
		f := fmt.Sprintf("sections[%d]", i+1)
		v.enum(&s.After, f+".after", SectionPlaces, "")
		v.plain(&s.Title, f+".title", true)
		s.Anchor.Value = strings.TrimSpace(s.Anchor.Value)
		switch {
		case !s.Anchor.Present():
			v.err(s.Pos, f+".anchor", "missing; give the section an id for links, such as %q", Slugify(s.Title.In(firstOr(v.langs))))
		case !anchorPattern.MatchString(s.Anchor.Value):
			v.err(s.Anchor.Pos, f+".anchor", "%q is not a valid id: use lower-case letters, digits and '-'", s.Anchor.Value)
		case slices.Contains(reservedAnchors, s.Anchor.Value):
			v.err(s.Anchor.Pos, f+".anchor", "%q is the id of a standard section; choose another", s.Anchor.Value)
		case seen[s.Anchor.Value] > 0:
			v.err(s.Anchor.Pos, f+".anchor", "%q is already the id of section %d", s.Anchor.Value, seen[s.Anchor.Value])
		}
		seen[s.Anchor.Value] = i + 1
		v.body(&s.Body, s.Pos, f+".body")
	}
}

// optionalText checks optional Markdown: one text, or a text per language
// where a language may be left out (or empty) to have none.
func (v *validator) optionalText(t *Text, field string) {
	if t.ByLang == nil {
		if strings.TrimSpace(t.Value.Value) == "" {
			v.err(t.Pos, field, "empty; write the text, or leave the field out")
		}
		return
	}
	for _, l := range keys(t.ByLang) {
		if !slices.Contains(v.langs, l) {
			v.err(t.ByLang[l].Pos, field+"."+l, "value for %q, which is not one of the partner's languages (%s)", l, strings.Join(v.langs, ", "))
		}
	}
}

// body checks a section's Markdown text: present and not blank in every language.
func (v *validator) body(t *Text, at Pos, field string) {
	if !t.Present() {
		v.err(at, field, "missing; write the section's text (Markdown)")
		return
	}
	if t.ByLang == nil {
		if strings.TrimSpace(t.Value.Value) == "" {
			v.err(t.Pos, field, "empty; write the section's text (Markdown)")
		}
		return
	}
	v.localized(t.Pos, keys(t.ByLang), field)
	for _, l := range keys(t.ByLang) {
		if strings.TrimSpace(t.ByLang[l].Value) == "" {
			v.err(t.ByLang[l].Pos, field+"."+l, "empty; write the section's text (Markdown)")
		}
	}
}

// ownBody checks a standard section's own text: for every language, or for
// some (the template writes the section in the others).
func (v *validator) ownBody(t *Text, field string) {
	if t.ByLang == nil {
		v.body(t, Pos{}, field)
		return
	}
	for _, l := range keys(t.ByLang) {
		switch {
		case !slices.Contains(v.langs, l):
			v.err(t.ByLang[l].Pos, field+"."+l, "value for %q, which is not one of the languages of this section (%s)", l, strings.Join(v.langs, ", "))
		case strings.TrimSpace(t.ByLang[l].Value) == "":
			v.err(t.ByLang[l].Pos, field+"."+l, "empty; write the section's text (Markdown), or leave the language out for the template's")
		}
	}
}

func firstOr(langs []string) string {
	if len(langs) == 0 {
		return ""
	}
	return langs[0]
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// unusedSteps reports each step field under key (connection or disconnect)
// that is written though why says the template does not use it.
func (v *validator) unusedSteps(st Steps, key, why string) {
	v.unused(st.Menu.Pos, key+".menu", why)
	v.unused(st.BeforeMenu.Pos, key+".steps_before_menu", why)
	v.unused(st.BeforeButton.Pos, key+".steps_before_button", why)
	v.unused(st.Button.Pos, key+".button", why)
	v.unused(st.ExtraSteps.Pos, key+".extra_steps", why)
}

// stepsMarkdown checks the partner's own steps under key as Markdown.
func (v *validator) stepsMarkdown(st Steps, key string) {
	for _, o := range st.Own() {
		v.markdown(*o.List, key+"."+o.Key)
	}
}
