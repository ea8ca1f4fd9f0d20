package partner

import (
	"strings"
	"testing"
)

var setLangs = []string{"en", "fr"}

const validBase = `name: Orderix
support:
  email: help@orderix.io
connection:
  mode: back-office
  menu: [Réglages, Intégrations]
  button: Connect
disconnect:
  button: Disconnect
`

func TestParseAndResolveErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		yaml  string
		line  int
		field string
		msg   string // substring of the message
	}{
		{"unknown top-level key", validBase + "colour: red\n", 10, "colour", "unknown field"},
		{"typo gets a suggestion", strings.Replace(validBase, "  button: Connect", "  buton: Connect", 1), 7, "connection.buton", `did you mean "button"`},
		{"missing name", strings.Replace(validBase, "name: Orderix\n", "", 1), 0, "name", "required"},
		{"bad email", strings.Replace(validBase, "help@orderix.io", "help-at-orderix", 1), 3, "support.email", "not a valid e-mail"},
		{"email with display name", strings.Replace(validBase, "help@orderix.io", `"Help <help@orderix.io>"`, 1), 3, "support.email", "not a valid e-mail"},
		{"missing email", strings.Replace(validBase, "support:\n  email: help@orderix.io\n", "", 1), 1, "support.email", "missing"},
		{"missing email under support", strings.Replace(validBase, "  email: help@orderix.io\n", "", 1) + "", 2, "support.email", "missing"},
		{"bad mode", strings.Replace(validBase, "mode: back-office", "mode: office", 1), 5, "connection.mode", "not one of"},
		{"menu required for back-office", strings.Replace(validBase, "  menu: [Réglages, Intégrations]\n", "", 1), 5, "connection.menu", "required"},
		{"empty menu label", strings.Replace(validBase, "[Réglages, Intégrations]", `[Réglages, ""]`, 1), 6, "connection.menu[2]", "empty"},
		{"menu unused in support mode", "name: A\nsupport: {email: a@b.co}\nconnection:\n  mode: support\n  menu: [X]\n", 5, "connection.menu", "not used"},
		{"bad explicit slug", "slug: ../etc\n" + validBase, 1, "slug", "not a valid slug"},
		{"slug cannot be derived", strings.Replace(validBase, "name: Orderix", "name: 東京", 1), 1, "slug", "cannot derive"},
		{"unknown language", "languages: [en, de]\n" + validBase, 1, "languages[2]", `no language "de"`},
		{"duplicate language", "languages: [fr, fr]\n" + validBase, 1, "languages[2]", "twice"},
		{"localized value missing a language", strings.Replace(validBase, "button: Connect", "button: {en: Connect}", 1), 7, "connection.button", `no "fr" value`},
		{"localized value for a foreign language", "languages: [fr]\n" + strings.Replace(validBase, "button: Connect", "button: {fr: Connecter, en: Connect}", 1), 8, "connection.button", `"en", which is not one of`},
		{"not a language code", strings.Replace(validBase, "button: Connect", "button: {French: Connecter}", 1), 7, "connection.button", "not a language code"},
		{"multi-line label", strings.Replace(validBase, "button: Connect", `button: "Con\nnect"`, 1), 7, "connection.button", "single line"},
		{"duplicate key", validBase + "name: Again\n", 10, "name", "repeated"},
		{"anchor refused", strings.Replace(validBase, "name: Orderix", "name: &n Orderix", 1), 1, "name", "anchors"},
		{"alias refused", strings.Replace(validBase, "name: Orderix", "name: &n Orderix", 1) + "publisher: *n\n", 10, "publisher", "aliases"},
		{"list where a value is expected", strings.Replace(validBase, "name: Orderix", "name: [a, b]", 1), 1, "name", "single value"},
		{"not a mapping", "- just\n- a list\n", 1, "", "expected a mapping"},
		{"yaml syntax", "name: [unclosed\n", 1, "", "is not closed: end it with ]"},
		{"empty file", "", 0, "", "empty"},
		{"disconnect button required", strings.Replace(validBase, "disconnect:\n  button: Disconnect\n", "", 1), 5, "disconnect.button", "required"},
		{"disconnect menu unused for hubrise", validBase + "  mode: hubrise\n  menu: [X]\n", 11, "disconnect.menu", "not used"},
		{"section anchor reserved", validBase + "sections:\n  - {after: connect, title: T, anchor: contact, body: B}\n", 11, "sections[1].anchor", "standard section"},
		{"section after unknown place", validBase + "sections:\n  - {after: footer, title: T, anchor: t, body: B}\n", 11, "sections[1].after", "not one of"},
		{"section without body", validBase + "sections:\n  - {after: connect, title: T, anchor: t}\n", 11, "sections[1].body", "missing"},
		{"empty extra step", strings.Replace(validBase, "  button: Connect\n", "  button: Connect\n  extra_steps: [\"  \"]\n", 1), 8, "connection.extra_steps[1]", "empty step"},
		{"empty step before the button", strings.Replace(validBase, "  button: Connect\n", "  button: Connect\n  steps_before_button: [Open it, \"\"]\n", 1), 8, "connection.steps_before_button[2]", "empty step"},
		{"extra steps unused in support mode", "name: A\nsupport: {email: a@b.co}\nconnection:\n  mode: support\n  extra_steps: [X]\n", 5, "connection.extra_steps", "not used"},
		{"disconnect steps unused for hubrise", validBase + "  mode: hubrise\n  extra_steps: [X]\n", 11, "disconnect.extra_steps", "not used"},
		{"steps after a step in another language", validBase + "steps_after: {de: {allow: [X]}}\n", 10, "steps_after.de", "not one of the partner's languages"},
		{"empty step after a step", validBase + "steps_after:\n  fr: {allow: [Check it, \" \"]}\n", 11, "steps_after.fr.allow[2]", "empty step"},
		{"a step left out in another language", validBase + "skip_steps: {de: [allow]}\n", 10, "skip_steps.de", "not one of the partner's languages"},
		{"steps after a step, not per language", validBase + "steps_after: {allow: [X]}\n", 10, "steps_after", "language"},
		{"blank intro", strings.Replace(validBase, "  mode: back-office\n", "  mode: back-office\n  intro: \" \"\n", 1), 6, "connection.intro", "empty"},
		{"control character", strings.Replace(validBase, "name: Orderix", `name: "Order\u0007ix"`, 1), 1, "name", "control character"},
		{"unknown kind", "kind: pos\n" + validBase, 1, "kind", "not one of"},
		// partner Markdown is text, never code in the page
		{"export in an intro", strings.Replace(validBase, "  mode: back-office\n", "  mode: back-office\n  intro: |\n    Read this.\n    export const x = fetch(\"https://a.example\")\n", 1), 8, "connection.intro", "import or export is JavaScript"},
		{"import in a step", strings.Replace(validBase, "  button: Connect\n", "  button: Connect\n  extra_steps: [\"import {a} from 'b'\"]\n", 1), 8, "connection.extra_steps[1]", "import or export"},
		{"javascript link in a step", strings.Replace(validBase, "  button: Connect\n", "  button: Connect\n  extra_steps: [\"See [x](JavaScript:alert(1))\"]\n", 1), 8, "connection.extra_steps[1]", "javascript: or vbscript: URL"},
		{"vbscript image in a section", validBase + "sections:\n  - {after: connect, title: T, anchor: t, body: \"![i](vbscript:x)\"}\n", 11, "sections[1].body", "javascript: or vbscript: URL"},
		{"per-language body", validBase + "sections:\n  - after: connect\n    title: T\n    anchor: t\n    body: {en: ok, fr: \"export default 1\"}\n", 14, "sections[1].body.fr", "import or export"},
		// odd files and slugs
		{"second document", validBase + "---\nname: Other\n", 10, "", "second YAML document"},
		{"content after the end marker", validBase + "...\nname: Other\n", 10, "", "after the document's end"},
		{"languages not a list", "languages: 5\n" + validBase, 1, "languages", "expected a list"},
		{"windows device name", "slug: aux\n" + validBase, 1, "slug", "device name on Windows"},
		{"derived device name", strings.Replace(validBase, "name: Orderix", "name: COM1", 1), 1, "slug", "device name on Windows"},
		{"slug too long", "slug: " + strings.Repeat("a", 300) + "\n" + validBase, 1, "slug", "more than the 100"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := parseResolve(t, tt.yaml)
			for _, e := range errs {
				if e.File == "p.yaml" && e.Line == tt.line && e.Field == tt.field && strings.Contains(e.Msg, tt.msg) {
					return
				}
			}
			t.Fatalf("want p.yaml:%d %s: …%s…; got:\n%v", tt.line, tt.field, tt.msg, errs)
		})
	}
}

// TestCodeInMarkdownSparesText: what reads as text stays allowed.
func TestCodeInMarkdownSparesText(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"Export the menu, then import it again.",
		"Use `export const x = 1` in the console.",
		"```js\nexport const x = 1\n```",
		"Read `javascript:` links with care: `javascript:void(0)`.",
		"An exporter and an importer.",
		"See [the guide](https://a.example/javascript-basics).",
	} {
		if k, why := codeIn(s); k >= 0 {
			t.Errorf("%q refused on line %d: %s", s, k, why)
		}
	}
}

func parseResolve(t *testing.T, src string) ErrorList {
	t.Helper()
	p, errs := Parse("p.yaml", []byte(src))
	if p != nil {
		errs = append(errs, Resolve(p, setLangs)...)
	}
	return errs
}

func TestResolveDefaults(t *testing.T) {
	t.Parallel()
	p, errs := Parse("p.yaml", []byte(validBase))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if errs := Resolve(p, setLangs); len(errs) > 0 {
		t.Fatal(errs)
	}
	if got := p.Slug.Value; got != "orderix" {
		t.Errorf("slug = %q, want orderix", got)
	}
	if got := p.Kind.Value; got != DefaultKind {
		t.Errorf("kind = %q", got)
	}
	if got := strings.Join(p.Langs(), ","); got != "en,fr" {
		t.Errorf("languages = %q, want every language of the set", got)
	}
	if got := p.Disconnect.Mode.Value; got != DisconnectBackOffice {
		t.Errorf("disconnect.mode = %q, want back-office from the connection mode", got)
	}
	if got := strings.Join(p.Disconnect.Menu.In("fr"), " > "); got != "Réglages > Intégrations" {
		t.Errorf("disconnect.menu = %q, want the connection's menu", got)
	}
}

func TestDefaultDisconnectModeForSupport(t *testing.T) {
	t.Parallel()
	p, _ := Parse("p.yaml", []byte("name: WiiPos\nsupport: {email: a@b.co}\nconnection: {mode: support}\n"))
	if errs := Resolve(p, setLangs); len(errs) > 0 {
		t.Fatal(errs)
	}
	if p.Disconnect.Mode.Value != DisconnectHubRise {
		t.Errorf("disconnect.mode = %q, want hubrise", p.Disconnect.Mode.Value)
	}
}

func TestAllErrorsOfAFileAtOnce(t *testing.T) {
	t.Parallel()
	errs := parseResolve(t, "name: A\nslug: Bad Slug\nsupport: {email: nope}\nconnection: {mode: x}\nextra: 1\n")
	if len(errs) != 4 {
		t.Fatalf("want 4 problems (slug, email, mode, extra), got %d:\n%v", len(errs), errs)
	}
}

func TestSlugify(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Café Étoile":     "cafe-etoile",
		"Qwenta":          "qwenta",
		"AKK Softtech":    "akk-softtech",
		"  Kezia II  ":    "kezia-ii",
		"Quick-Up!!":      "quick-up",
		"Œuf & Straße":    "oeuf-strasse",
		"L'Épicerie n°1":  "l-epicerie-n-1",
		"東京":              "",
		"--x--":           "x",
		"MiiPos / WiiPos": "miipos-wiipos",
	} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
		if got := Slugify(in); got != "" && !SlugPattern.MatchString(got) {
			t.Errorf("Slugify(%q) = %q does not match the slug pattern", in, got)
		}
	}
}

func TestErrorFormat(t *testing.T) {
	t.Parallel()
	e := Error{File: "partners/x.yaml", Line: 3, Col: 9, Field: "support.email", Msg: "bad"}
	if got := e.Error(); got != "partners/x.yaml:3:9: support.email: bad" {
		t.Errorf("got %q", got)
	}
	e = Error{File: "partners/x.yaml", Msg: "is a folder"}
	if got := e.Error(); got != "partners/x.yaml: is a folder" {
		t.Errorf("got %q", got)
	}
}
