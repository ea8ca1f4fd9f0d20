package schema

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/partnerpages/partnerpages/scaffold/partner"
)

func compile(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(PartnerJSON))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("partner.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("partner.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// asJSON turns YAML into the values a JSON Schema validator expects.
func asJSON(t *testing.T, src []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestShippedPartnersMatchTheSchema(t *testing.T) {
	t.Parallel()
	s := compile(t)
	files, _ := filepath.Glob("../partners/*.yaml")
	fixtures, _ := filepath.Glob("../scaffold/render/testdata/partners/*.yaml")
	files = append(files, fixtures...)
	if len(files) < 6 {
		t.Fatalf("found only %d partner files", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(asJSON(t, src)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// TestSchemaAcceptsV2 checks the schema v2 forms the loader accepts: a page
// of its own text needs no e-mail, menu or button.
func TestSchemaAcceptsV2(t *testing.T) {
	t.Parallel()
	s := compile(t)
	for name, src := range map[string]string{
		"only text":        "name: A\npreamble: {fr: Bientôt.}\npage: []\n",
		"verbatim connect": "name: A\nconnection: {mode: back-office}\npage: [{section: connect, title: Go, anchor: connect, body: B}, {title: T, body: B, languages: [en]}]\n",
		"typed and steps":  "name: A\nsupport: {email: a@b.co}\nconnection: {mode: back-office, menu: [M], button: B, intro: {en: '', fr: X}}\npage: [{section: connect, steps: [S]}, give-access, contact]\n",
		"menu as one line": "name: A\nsupport: {email: a@b.co}\nconnection: {mode: back-office, menu: Settings > Integrations, button: B}\ndisconnect: {button: U, menu: {en: Settings, fr: Réglages > Intégrations}}\n",
	} {
		if err := s.Validate(asJSON(t, []byte(src))); err != nil {
			t.Errorf("%s: rejected: %v", name, err)
		}
	}
}

func TestSchemaRejectsWhatTheLoaderRejects(t *testing.T) {
	t.Parallel()
	s := compile(t)
	for name, src := range map[string]string{
		"unknown key":             "name: A\nsupport: {email: a@b.co}\nconnection: {mode: support}\ncolour: red\n",
		"bad mode":                "name: A\nsupport: {email: a@b.co}\nconnection: {mode: office}\n",
		"menu missing":            "name: A\nsupport: {email: a@b.co}\nconnection: {mode: back-office, button: Go}\n",
		"menu in support mode":    "name: A\nsupport: {email: a@b.co}\nconnection: {mode: support, menu: [X]}\n",
		"bad slug":                "name: A\nslug: A B\nsupport: {email: a@b.co}\nconnection: {mode: support}\n",
		"bad email":               "name: A\nsupport: {email: nope}\nconnection: {mode: support}\n",
		"reserved anchor":         "name: A\nsupport: {email: a@b.co}\nconnection: {mode: support}\nsections: [{after: connect, title: T, anchor: contact, body: B}]\n",
		"missing name":            "support: {email: a@b.co}\nconnection: {mode: support}\n",
		"v1 without support":      "name: A\nconnection: {mode: support}\n",
		"v2 unknown part key":     "name: A\npage: [{section: connect, colour: red}]\n",
		"v2 not a section":        "name: A\npage: [terms]\n",
		"v2 own section, no body": "name: A\npage: [{title: T}]\n",
		"v2 body and steps":       "name: A\npage: [{section: connect, body: B, steps: [S]}]\n",
		"v2 page and sections":    "name: A\npage: [connect]\nsections: [{after: connect, title: T, anchor: t, body: B}]\n",
	} {
		if err := s.Validate(asJSON(t, []byte(src))); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// TestMenuAsOneLineLoads: the wizard's "A > B" form loads as the list it names.
func TestMenuAsOneLineLoads(t *testing.T) {
	t.Parallel()
	src := "name: A\nlanguages: [en, fr]\nsupport: {email: a@b.co}\nconnection:\n  mode: back-office\n  menu: Settings > Integrations >HubRise\n  button: B\ndisconnect: {button: U, menu: {en: Settings, fr: Réglages > Intégrations}}\n"
	p, errs := partner.Parse("a.yaml", []byte(src))
	if len(errs) == 0 {
		errs = partner.Resolve(p, []string{"en", "fr"})
	}
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if got := p.Connection.Menu.In("en"); len(got) != 3 || got[0] != "Settings" || got[2] != "HubRise" {
		t.Errorf("connection.menu = %q", got)
	}
	if got := p.Disconnect.Menu.In("fr"); len(got) != 2 || got[1] != "Intégrations" {
		t.Errorf("disconnect.menu fr = %q", got)
	}
	if err := compile(t).Validate(asJSON(t, []byte(src))); err != nil {
		t.Errorf("the schema rejects it: %v", err)
	}
}
