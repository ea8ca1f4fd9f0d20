package render

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/templates"
)

const site = "name: HubRise\nsupport_email: support@hubrise.com\nsignup_url: https://example.com/signup\nlinks: {get-started: /docs/get-started}\n"

func TestLoadRefusesUnsafeOrBrokenSets(t *testing.T) {
	t.Parallel()
	for name, tt := range map[string]struct {
		fs   fstest.MapFS
		want string
	}{
		"hidden page name":            {fstest.MapFS{"site.yaml": {Data: []byte(site)}, "en/.evil.md.tmpl": {Data: []byte("x")}}, "not a safe page file name"},
		"bad language dir":            {fstest.MapFS{"site.yaml": {Data: []byte(site)}, "English/p.md.tmpl": {Data: []byte("x")}}, "language code"},
		"no site.yaml":                {fstest.MapFS{"en/p.md.tmpl": {Data: []byte("x")}}, "site.yaml"},
		"unknown site key":            {fstest.MapFS{"site.yaml": {Data: []byte(site + "colour: red\n")}, "en/p.md.tmpl": {Data: []byte("x")}}, "colour"},
		"absolute link":               {fstest.MapFS{"site.yaml": {Data: []byte(strings.Replace(site, "/docs/get-started", "https://www.hubrise.com/docs/get-started", 1))}, "en/p.md.tmpl": {Data: []byte("x")}}, "root-relative"},
		"parse error":                 {fstest.MapFS{"site.yaml": {Data: []byte(site)}, "en/p.md.tmpl": {Data: []byte("{{if}}")}}, "en/p.md.tmpl"},
		"no pages":                    {fstest.MapFS{"site.yaml": {Data: []byte(site)}, "en/_partial.tmpl": {Data: []byte("x")}}, "no language folder"},
		"ui label missing a language": {fstest.MapFS{"site.yaml": {Data: []byte(site + "ui: {add_user: {en: Add User}}\n")}, "en/p.md.tmpl": {Data: []byte("x")}, "fr/p.md.tmpl": {Data: []byte("x")}}, `ui.add_user: no "fr" label`},
		"ui label name":               {fstest.MapFS{"site.yaml": {Data: []byte(site + "ui: {Add-User: {en: Add User}}\n")}, "en/p.md.tmpl": {Data: []byte("x")}}, "ui.Add-User: a label name"},
		"unknown typography":          {fstest.MapFS{"site.yaml": {Data: []byte(site + "typography: {fr: swiss}\n")}, "en/p.md.tmpl": {Data: []byte("x")}}, `typography.fr: unknown rule "swiss"`},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Load(tt.fs)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("want an error containing %q, got %v", tt.want, err)
			}
		})
	}
}

// TestATemplateErrorNamesTheTemplate: a field the View lacks, in a partial
// or a page template, is reported at its file, line and column with the
// field it most likely means; the partner file is named only as context.
func TestATemplateErrorNamesTheTemplate(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ file, old, new, want string }{
		{"en/_contact.tmpl", "{{.Email}}", "{{.Emial}}", "tpl/en/_contact.tmpl:"},
		{"en/_steps.tmpl", "{{code .Email}}", "{{code .Emial}}", "tpl/en/_steps.tmpl:"}, // a step the page calls through typed
		{"en/connect-hubrise.md.tmpl", "{{", "{{.Nmae}}{{", "tpl/en/connect-hubrise.md.tmpl:"},
	} {
		fsys := fstest.MapFS{}
		fs.WalkDir(templates.FS, ".", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				data, _ := fs.ReadFile(templates.FS, p)
				fsys[p] = &fstest.MapFile{Data: data}
			}
			return nil
		})
		src := string(fsys[c.file].Data)
		if !strings.Contains(src, c.old) {
			t.Fatalf("%s lacks %q", c.file, c.old)
		}
		fsys[c.file] = &fstest.MapFile{Data: []byte(strings.Replace(src, c.old, c.new, 1))}
		set, err := Load(fsys)
		if err != nil {
			t.Fatal(err)
		}
		set.Dir = "tpl"
		p := testPartner(t, "name: Lumo\nlanguages: [en]\nsupport: {email: a@lumo.example}\nconnection: {mode: support}\n")
		_, err = set.Render(p)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) || !strings.Contains(err.Error(), "did you mean") || !strings.Contains(err.Error(), "p.yaml") {
			t.Errorf("%s: %v", c.file, err)
		}
	}
}

// testPartner decodes a partner file's YAML, for the languages en and fr.
func testPartner(t *testing.T, src string) *partner.Partner {
	t.Helper()
	p, errs := partner.Decode("p.yaml", []byte(src), []string{"en", "fr"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return p
}

// TestElisionBeforeAMuteH: French elides before a mute h it knows (Hôtel
// Pay), not before an aspirated or unknown one (HubRise, Hop), and a
// partner file's elide: always or never decides for a name the rule gets
// wrong.
func TestElisionBeforeAMuteH(t *testing.T) {
	t.Parallel()
	set, err := Load(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, elide, want, not string }{
		{"Hôtel Pay", "", "d'Hôtel Pay", "de Hôtel Pay"},
		{"Herbier", "", "d'Herbier", "de Herbier"},
		{"Hop Caisse", "", "de Hop Caisse", "d'Hop Caisse"},
		{"Hop Caisse", "always", "d'Hop Caisse", "de Hop Caisse"},
		{"Hôtel Pay", "never", "de Hôtel Pay", "d'Hôtel Pay"},
		{"Orderix", "", "d'Orderix", "de Orderix"},
	} {
		src := "name: " + c.name + "\nlanguages: [fr]\nsupport: {email: a@b.example}\nconnection: {mode: support}\n"
		if c.elide != "" {
			src += "elide: " + c.elide + "\n"
		}
		p := testPartner(t, src)
		outs, err := set.Render(p)
		if err != nil {
			t.Fatal(err)
		}
		page := string(outs[0].Content)
		if !strings.Contains(page, c.want) || strings.Contains(page, c.not) {
			t.Errorf("%s (elide %q): want %q and no %q:\n%s", c.name, c.elide, c.want, c.not, page)
		}
	}
}

// TestStepTextNamesAStepOfTheSet: a step_text or steps_after for a step the
// set lacks fails (generate and validate alike) with its line and the step
// it most likely means; a known one replaces that step's words, or adds
// steps after it, in that language only.
func TestStepTextNamesAStepOfTheSet(t *testing.T) {
	t.Parallel()
	set, err := Load(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	base := "name: Zed\nsupport: {email: a@zed.example}\nconnection: {mode: back-office, menu: [M], button: B}\ndisconnect: {button: D}\n"
	p := testPartner(t, base+"step_text:\n  fr: {alow: Cliquez enfin.}\n")
	if _, err := set.Render(p); err == nil || !strings.Contains(err.Error(), "line 6: step_text.fr.alow") || !strings.Contains(err.Error(), `did you mean "allow"?`) {
		t.Errorf("an unknown step: %v", err)
	}
	for _, c := range []struct{ src, field string }{
		{"step_text:\n  fr: {alow: Cliquez enfin.}\n", "step_text.fr.alow"},
		{"steps_after:\n  fr:\n    alow: [Vérifiez.]\n", "steps_after.fr.alow"},
	} {
		errs := set.CheckRefs(testPartner(t, base+c.src))
		if len(errs) != 1 || errs[0].Field != c.field || errs[0].Line != 6 && errs[0].Line != 7 || !strings.Contains(errs[0].Msg, `did you mean "allow"?`) {
			t.Errorf("validate's check of %s: %v", c.field, errs)
		}
	}
	p = testPartner(t, base+"steps_after:\n  en: {allow: [Check the orders.]}\n")
	if outs, err := set.Render(p); err != nil || !strings.Contains(string(outs[0].Content), "1. Click **Allow**.\n1. Check the orders.\n") {
		t.Errorf("a step after Allow: %v", err)
	}
	// a step left out goes with its line; a step after it stays
	p = testPartner(t, base+"skip_steps: {en: [allow, choose-location]}\nsteps_after:\n  en: {allow: [Check the orders.]}\n")
	left, err := set.Render(p)
	if err != nil {
		t.Fatal(err)
	}
	en := string(left[0].Content)
	if strings.Contains(en, "**Allow**") || strings.Contains(en, "Choose location") || strings.ContainsRune(en, 0) ||
		!strings.Contains(en, "HubRise account.\n1. Check the orders.\n1. You return to Zed") {
		t.Errorf("steps left out in English:\n%s", en)
	}
	if fr := string(left[1].Content); !strings.Contains(fr, "**Autoriser**") {
		t.Errorf("the French page lost a step only English leaves out:\n%s", fr)
	}
	if errs := set.CheckRefs(testPartner(t, base+"skip_steps: {fr: [alow]}\n")); len(errs) != 1 || errs[0].Field != "skip_steps.fr.alow" || errs[0].Line != 5 {
		t.Errorf("an unknown step left out: %v", errs)
	}
	p = testPartner(t, base+"step_text:\n  fr: {allow: Cliquez enfin sur **Autoriser**.}\n")
	outs, err := set.Render(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range outs {
		if got := strings.Contains(string(o.Content), "1. Cliquez enfin sur **Autoriser**.\n"); got != (o.Lang == "fr") {
			t.Errorf("%s page: the step's own words shown %v", o.Lang, got)
		}
	}
}
