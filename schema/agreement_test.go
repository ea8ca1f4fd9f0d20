package schema

import (
	"testing"

	"github.com/partnerpages/partnerpages/scaffold/partner"
)

// agreement is one partner file, with what the loader and the schema make
// of it. A rule JSON Schema cannot say (it compares values across the file)
// is named in cannot: the loader refuses the file, the schema lets it
// through, and the test holds both to it, so an editor's squiggles and
// `partnerpages validate` never disagree silently.
type agreement struct {
	name   string
	src    string
	valid  bool   // the loader accepts it
	cannot string // why the schema cannot refuse what the loader refuses
}

var agreements = []agreement{
	{name: "v1 support partner", valid: true, src: "name: A\nsupport: {email: a@b.co}\nconnection: {mode: support}\n"},
	{name: "v1 back office", valid: true, src: "name: A\nsupport: {email: a@b.co}\nconnection: {mode: back-office, menu: [S, I], button: Go}\ndisconnect: {button: Off}\n"},
	{name: "per-language labels", valid: true, src: "name: {en: A, fr: Â}\nsupport: {email: a@b.co}\nconnection: {mode: back-office, menu: {en: [S], fr: Réglages > Apps}, button: {en: Go, fr: Va}}\ndisconnect: {mode: back-office, button: Off}\n"},
	{name: "v2 own text only", valid: true, src: "name: A\npreamble: {fr: Bientôt.}\npage: []\n"},
	{name: "v2 support with its sections", valid: true, src: "name: A\nsupport: {email: a@b.co}\nconnection: {mode: support}\npage: [connect, give-access, contact, {title: Notes, body: B}]\n"},
	{name: "v2 verbatim support connect", valid: true, src: "name: A\nconnection: {mode: support}\npage: [{section: connect, title: Go, body: Ask them.}]\n"},
	{name: "v2 without support sections", valid: true, src: "name: A\nconnection: {mode: back-office, menu: [M], button: B}\ndisconnect: {mode: hubrise}\npage: [connect, disconnect]\n"},

	{name: "unknown key", src: "name: A\nsupport: {email: a@b.co}\nconnection: {mode: support}\ncolour: red\n"},
	{name: "bad mode", src: "name: A\nsupport: {email: a@b.co}\nconnection: {mode: office}\n"},
	{name: "menu missing", src: "name: A\nsupport: {email: a@b.co}\nconnection: {mode: back-office, button: Go}\n"},
	{name: "no disconnect button", src: "name: A\nsupport: {email: a@b.co}\nconnection: {mode: either, menu: [M], button: Go}\n"},
	{name: "no disconnect menu", src: "name: A\nsupport: {email: a@b.co}\nconnection: {mode: support}\ndisconnect: {mode: back-office, button: Off}\n"},
	{name: "a disconnect button in hubrise mode", src: "name: A\nsupport: {email: a@b.co}\nconnection: {mode: support}\ndisconnect: {mode: hubrise, button: Off}\n"},
	{name: "bad slug", src: "name: A\nslug: A B\nsupport: {email: a@b.co}\nconnection: {mode: support}\n"},
	{name: "bad e-mail", src: "name: A\nsupport: {email: nope}\nconnection: {mode: support}\n"},
	{name: "missing name", src: "support: {email: a@b.co}\nconnection: {mode: support}\n"},
	{name: "v1 without support", src: "name: A\nconnection: {mode: support}\n"},
	{name: "v2 not a section", src: "name: A\npage: [terms]\n"},
	{name: "v2 page and sections", src: "name: A\npage: [connect]\nsections: [{after: connect, title: T, anchor: t, body: B}]\n"},
	{name: "a two-line name", src: "name: \"A\\nB\"\nsupport: {email: a@b.co}\nconnection: {mode: support}\n"},
	{name: "a two-line button", src: "name: A\nsupport: {email: a@b.co}\nconnection: {mode: back-office, menu: [M], button: {en: \"Go\\non\"}}\n"},
	{name: "a standard section twice", src: "name: A\nconnection: {mode: back-office, menu: [M], button: B}\ndisconnect: {mode: hubrise}\npage: [connect, disconnect, connect]\n"},
	{name: "support mode without a contact section", src: "name: A\nsupport: {email: a@b.co}\nconnection: {mode: support}\npage: [connect, give-access]\n"},
	{name: "either mode without give-access", src: "name: A\nsupport: {email: a@b.co}\nconnection: {mode: either, menu: [M], button: B}\npage: [{section: connect, steps: [S]}, contact]\n"},

	{name: "connected from the HubRise app list", valid: true, src: "name: A\nconnection: {mode: app-list, app: A Bridge, extra_steps: [Open A.]}\npage: [connect, disconnect]\n"},
	{name: "a step after the line that says the app is disconnected", valid: true, src: "name: A\nconnection: {mode: back-office, menu: [M], button: B}\ndisconnect: {button: D}\nsteps_after: {en: {disconnected: [Close the till.]}}\npage: [connect, disconnect]\n"},
	{name: "a platform step left out in one language", valid: true, src: "name: A\nconnection: {mode: back-office, menu: [M], button: B}\nskip_steps: {fr: [choose-location]}\npage: [connect]\n"},
	{name: "a step left out, not per language", src: "name: A\nconnection: {mode: back-office, menu: [M], button: B}\nskip_steps: [allow]\npage: [connect]\n"},
	{name: "steps after a step, not per language", src: "name: A\nconnection: {mode: back-office, menu: [M], button: B}\nsteps_after: {disconnected: [X]}\npage: [connect]\n"},
	{name: "an empty step after a step", src: "name: A\nconnection: {mode: back-office, menu: [M], button: B}\nsteps_after: {en: {allow: [\" \"]}}\npage: [connect]\n"},
	{name: "an app-list connection with a menu", src: "name: A\nconnection: {mode: app-list, menu: [M]}\npage: [connect]\n"},
	{name: "an app name for a back-office connection", src: "name: A\nconnection: {mode: back-office, menu: [M], button: B, app: A Bridge}\npage: [connect]\n"},
	{name: "the page's own meta description, in one language", valid: true, src: "name: A\nconnection: {mode: back-office, menu: [M], button: B}\nmeta: {description: {fr: Relier A à HubRise.}}\npage: [connect]\n"},
	{name: "a meta title and description for every language", valid: true, src: "name: A\nconnection: {mode: back-office, menu: [M], button: B}\nmeta: {title: A and HubRise | A | HubRise, description: Link A.}\npage: [connect]\n"},
	{name: "a two-line meta description", src: "name: A\nconnection: {mode: back-office, menu: [M], button: B}\nmeta: {description: \"one\\ntwo\"}\npage: [connect]\n"},
	{name: "a meta title that does not name the product", src: "name: A\nconnection: {mode: back-office, menu: [M], button: B}\nmeta: {title: Link it}\npage: [connect]\n",
		cannot: "JSON Schema cannot compare a value with the name"},
	{name: "an unknown meta field", src: "name: A\nconnection: {mode: back-office, menu: [M], button: B}\nmeta: {keywords: x}\npage: [connect]\n"},
	{name: "an empty meta description", src: "name: A\nconnection: {mode: back-office, menu: [M], button: B}\nmeta: {description: \"\"}\npage: [connect]\n"},
	{name: "a standard section placed where each language's page has it", valid: true, src: "name: A\nconnection: {mode: back-office, menu: [M], button: B}\npage: [{section: connect, languages: [fr]}, {title: T, body: B}, {section: connect, languages: [en]}]\n"},
	{name: "a standard section twice in one language", src: "name: A\nconnection: {mode: back-office, menu: [M], button: B}\npage: [{section: connect, languages: [fr]}, {title: T, body: B}, connect]\n",
		cannot: "items that differ in any key are unique to JSON Schema"},
	{name: "a standard section twice, once with its own title", src: "name: A\nconnection: {mode: back-office, menu: [M], button: B}\ndisconnect: {mode: hubrise}\npage: [connect, {section: connect, title: Again}]\n",
		cannot: "items that differ in any key are unique to JSON Schema"},
	{name: "two sections with one heading id", src: "name: A\npage: [{title: T, anchor: t, body: B}, {title: U, anchor: t, body: C}]\n",
		cannot: "JSON Schema cannot compare a value with another item's"},
	{name: "a part in a language the partner lacks", src: "name: A\nlanguages: [en]\npage: [{title: T, body: B, languages: [fr]}]\n",
		cannot: "JSON Schema cannot compare a value with the file's languages"},
}

// TestLoaderAndSchemaAgree holds the loader and the schema to one table, in
// both directions.
func TestLoaderAndSchemaAgree(t *testing.T) {
	t.Parallel()
	s := compile(t)
	for _, c := range agreements {
		p, errs := partner.Parse("a.yaml", []byte(c.src))
		if len(errs) == 0 {
			errs = partner.Resolve(p, []string{"en", "fr"})
		}
		if loaderOK := len(errs) == 0; loaderOK != c.valid {
			t.Errorf("%s: the loader says valid=%v, the table %v: %v", c.name, loaderOK, c.valid, errs)
		}
		schemaErr := s.Validate(asJSON(t, []byte(c.src)))
		switch {
		case c.cannot != "" && schemaErr != nil:
			t.Errorf("%s: the schema now refuses it; remove the note %q", c.name, c.cannot)
		case c.cannot == "" && (schemaErr == nil) != c.valid:
			t.Errorf("%s: the loader says valid=%v, the schema %v (%v)", c.name, c.valid, schemaErr == nil, schemaErr)
		}
	}
}
