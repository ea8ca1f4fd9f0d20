package wizard

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/partnerpages/partnerpages/scaffold/project"

	"github.com/partnerpages/partnerpages/scaffold/generate"

	"github.com/partnerpages/partnerpages/scaffold/render"
	"github.com/partnerpages/partnerpages/templates"
)

type docsProject struct {
	dir, partners, out string
}

func newProject(t *testing.T) *docsProject {
	dir := t.TempDir()
	p := &docsProject{dir: dir, partners: filepath.Join(dir, "partners"), out: filepath.Join(dir, "content", "apps")}
	if err := os.MkdirAll(p.partners, 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func (p *docsProject) options(in string, interactive bool) (Options, *bytes.Buffer) {
	var out bytes.Buffer
	return Options{
		Templates:   func() (*render.Set, error) { return render.Load(templates.FS) },
		In:          strings.NewReader(in),
		Out:         &out,
		Interactive: interactive,
		Accessible:  true,
		Plain:       true,
		Width:       80,
		PartnersDir: p.partners,
		OutDir:      p.out,
		LockFile:    filepath.Join(p.out, ".partnerpages.lock"),
		SchemaRef:   "../schema/partner.schema.json",
	}, &out
}

// runAndGenerate runs the wizard, then generates the new partner's pages,
// as the new command does.
func runAndGenerate(ctx context.Context, o Options, a *Answers) (*Result, error) {
	res, err := Run(ctx, o, a)
	if err != nil {
		return res, err
	}
	_, err = generate.Run(context.WithoutCancel(ctx), generate.Options{
		Inputs: project.Inputs{Partners: os.DirFS(o.PartnersDir), PartnersDir: o.PartnersDir, Templates: templates.FS},
		Out:    o.OutDir, Slugs: []string{res.Slug},
	})
	return res, err
}

func (p *docsProject) read(t *testing.T, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(p.dir, rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func (p *docsProject) checkClean(t *testing.T) {
	t.Helper()
	res, err := generate.Run(context.Background(), generate.Options{
		Inputs: project.Inputs{Partners: os.DirFS(p.partners), PartnersDir: p.partners, Templates: templates.FS},
		Out:    p.out, Check: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	if probs := res.Problems(true); len(probs) > 0 {
		t.Errorf("generate --check is not clean: %s", res.Summary())
	}
}

// answers joins the lines a writer types in accessible mode.
func answers(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

func TestFormBackOfficePartner(t *testing.T) {
	t.Parallel()
	p := newProject(t)
	o, out := p.options(answers(
		"Orderix",                 // name
		"",                        // slug: keep the suggestion
		"Orderix Labs",            // publisher
		"2",                       // kind: ordering
		"n",                       // leave out the support sections: no
		"care@orderix.example",    // e-mail
		"1",                       // mode: back-office
		"Settings > Integrations", // menu (en, the first language)
		"Link HubRise",            // connect button
		"",                        // disconnect mode: keep back-office
		"",                        // disconnect menu: keep the connection's
		"Unlink",                  // disconnect button
		"0",                       // languages: keep en and fr
		"Réglages > Intégrations", // French menu
		"Lier HubRise",            // French connect button
		"",                        // French disconnect menu: keep the French connection's
		"Délier",                  // French disconnect button
		"n",                       // the app folder: connect page only
		"1",                       // write
	), true)
	res, err := runAndGenerate(context.Background(), o, &Answers{})
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if res.PartnerFile != filepath.Join(p.partners, "orderix.yaml") {
		t.Errorf("partner file %s", res.PartnerFile)
	}
	yaml := p.read(t, "partners/orderix.yaml")
	if !strings.HasPrefix(yaml, "# yaml-language-server: $schema=../schema/partner.schema.json\n") {
		t.Errorf("partner file lacks the $schema line:\n%s", yaml)
	}
	fr := p.read(t, "content/apps/orderix/fr/connect-hubrise.md")
	for _, want := range []string{"**Réglages** > **Intégrations**", "d'Orderix", "**Lier HubRise**", "**Délier**", "care@orderix.example"} {
		if !strings.Contains(fr, want) {
			t.Errorf("French page lacks %q", want)
		}
	}
	en := p.read(t, "content/apps/orderix/en/connect-hubrise.md")
	for _, want := range []string{"## Connect Orderix", "**Settings** > **Integrations**", "**Link HubRise**", "**Unlink**"} {
		if !strings.Contains(en, want) {
			t.Errorf("English page lacks %q", want)
		}
	}
	if strings.Contains(en, "Réglages") || strings.Contains(fr, "Settings") {
		t.Error("a page carries the other language's labels")
	}
	for _, want := range []string{"Preview of connect-hubrise.md (en)", "Preview of connect-hubrise.md (fr)", filepath.Join(p.out, "orderix/fr/connect-hubrise.md"),
		filepath.Join(p.out, ".partnerpages.lock"), "Write these 4 files?"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the previews, or the confirm naming every file, lack %q:\n%s", want, out)
		}
	}
	p.checkClean(t)
}

func TestFormSupportPartnerSkipsMenuQuestions(t *testing.T) {
	t.Parallel()
	p := newProject(t)
	o, out := p.options(answers(
		"WiiPos", "", "Arcsolu", "", "", "contact@arcsolu.com", // Enter keeps the support sections
		"2", // support: no menu or button questions follow
		"",  // disconnect: default hubrise, no menu questions
		"1", // untick en
		"0",
		"n", // the app folder: connect page only
		"1",
	), true)
	if _, err := runAndGenerate(context.Background(), o, &Answers{}); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if strings.Contains(out.String(), "Back-office menu path") || strings.Contains(out.String(), "Disconnect menu path") {
		t.Errorf("menu questions asked for a support-only partner:\n%s", out)
	}
	yaml := p.read(t, "partners/wiipos.yaml")
	for _, want := range []string{"mode: support", "mode: hubrise", "publisher: Arcsolu", "languages: [fr]"} {
		if !strings.Contains(yaml, want) {
			t.Errorf("partner file lacks %q:\n%s", want, yaml)
		}
	}
	if !strings.Contains(p.read(t, "content/apps/wiipos/fr/connect-hubrise.md"), "WiiPos est édité par Arcsolu. Seule l'équipe de support de WiiPos") {
		t.Error("French page lacks the publisher sentence")
	}
	if _, err := os.Stat(filepath.Join(p.out, "wiipos", "en")); !os.IsNotExist(err) {
		t.Error("an English page was written although en was unticked")
	}
	p.checkClean(t)
}

// An app-list partner is asked for its name in HubRise's app list, not for a
// back-office menu or button, and is disconnected from HubRise by default.
func TestFormAppListPartner(t *testing.T) {
	t.Parallel()
	p := newProject(t)
	o, out := p.options(answers(
		"Appsy", "", "", "", "", "hello@appsy.example",
		"4",            // app-list
		"Appsy Bridge", // its name in the list
		"",             // disconnect: default hubrise
		"",             // both languages
		"0",
		"n", // the app folder: connect page only
		"1",
	), true)
	if _, err := runAndGenerate(context.Background(), o, &Answers{}); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if strings.Contains(out.String(), "Back-office menu path") || !strings.Contains(out.String(), "Name in the HubRise app list") {
		t.Errorf("the questions for an app-list partner:\n%s", out)
	}
	yaml := p.read(t, "partners/appsy.yaml")
	for _, want := range []string{"mode: app-list", "app: Appsy Bridge", "mode: hubrise"} {
		if !strings.Contains(yaml, want) {
			t.Errorf("partner file lacks %q:\n%s", want, yaml)
		}
	}
	if page := p.read(t, "content/apps/appsy/en/connect-hubrise.md"); !strings.Contains(page, "select **Appsy Bridge**, then click **Connect**") {
		t.Errorf("the English page does not connect from the app list:\n%s", page)
	}
	p.checkClean(t)
}

func TestFormPartnerWithoutSupportSections(t *testing.T) {
	t.Parallel()
	p := newProject(t)
	o, out := p.options(answers(
		"Lumo", "", "", "3", // delivery
		"y", // leave out the support sections: no e-mail question
		"1", "Stores > HubRise", "Activate",
		"2", // disconnect from the HubRise back office
		"0",
		"", "", // French labels: keep the English ones
		"n", // the app folder: connect page only
		"1",
	), true)
	if _, err := runAndGenerate(context.Background(), o, &Answers{}); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if strings.Contains(out.String(), "Support e-mail") {
		t.Errorf("the e-mail was asked although the page has no support sections:\n%s", out)
	}
	yaml := p.read(t, "partners/lumo.yaml")
	if !strings.Contains(yaml, "page: [connect, disconnect]") || strings.Contains(yaml, "support:") {
		t.Errorf("partner file:\n%s", yaml)
	}
	page := p.read(t, "content/apps/lumo/en/connect-hubrise.md")
	if strings.Contains(page, "{#give-access}") || strings.Contains(page, "{#contact}") || !strings.Contains(page, "**Activate**") {
		t.Errorf("page:\n%s", page)
	}
	p.checkClean(t)
}

func TestNoSupportRefusesASupportConnection(t *testing.T) {
	t.Parallel()
	a := &Answers{Name: "Lumo", NoSupport: true, Mode: "support"}
	ps := a.Check([]string{"en", "fr"}, func(string) bool { return false })
	found := false
	for _, pr := range ps {
		if pr.Flag == "--no-support" {
			found = true
		}
		if pr.Flag == "--email" {
			t.Errorf("an e-mail was asked for: %v", pr.Err)
		}
	}
	if !found {
		t.Errorf("support mode without support sections was accepted: %v", ps)
	}
}

func TestFormRejectsBadAnswersInline(t *testing.T) {
	t.Parallel()
	p := newProject(t)
	os.WriteFile(filepath.Join(p.partners, "orderix.yaml"), []byte("name: Orderix\nsupport: {email: a@b.co}\nconnection: {mode: support}\n"), 0o644)
	o, out := p.options(answers(
		"",         // empty name: refused
		"Orderix",  // name
		"",         // suggested slug orderix is taken: refused
		"orderix2", // slug
		"", "", "n",
		"not-an-email", "care@orderix.example",
		"1",
		"Réglages >  > X", "Réglages > Intégrations", // empty label refused
		"", "Lier",
		"", "", "Délier", "0",
		"", "", "", "", // French labels: the same
		"n", // the app folder: connect page only
		"1",
	), true)
	if _, err := runAndGenerate(context.Background(), o, &Answers{}); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, want := range []string{"the product name is required", `a partner with slug "orderix" already exists`, `"not-an-email" is not a valid e-mail`, "label 2 of the menu path is empty", "the connect button label is required"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("no inline message %q", want)
		}
	}
	if !strings.Contains(p.read(t, "partners/orderix2.yaml"), "slug: orderix2") {
		t.Error("the chosen slug was not written")
	}
}

func TestFormCancelWritesNothing(t *testing.T) {
	t.Parallel()
	for name, in := range map[string]string{
		"cancel at the confirm":  answers("Orderix", "", "", "", "n", "a@b.co", "2", "", "0", "n", "3"),
		"input ends mid-form":    answers("Orderix", "", ""),
		"edit then input ends":   answers("Orderix", "", "", "", "n", "a@b.co", "2", "", "0", "2"),
		"nothing typed (Ctrl-D)": "",
	} {
		t.Run(name, func(t *testing.T) {
			p := newProject(t)
			o, out := p.options(in, true)
			_, err := runAndGenerate(context.Background(), o, &Answers{})
			if !errors.Is(err, ErrCancelled) {
				t.Fatalf("want ErrCancelled, got %v\n%s", err, out)
			}
			assertNothingWritten(t, p)
		})
	}
}

func TestInterruptMidFormWritesNothing(t *testing.T) {
	t.Parallel()
	p := newProject(t)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	o, _ := p.options("", true)
	o.In = r
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { _, err := runAndGenerate(ctx, o, &Answers{}); done <- err }()
	w.Write([]byte("Orderix\n"))
	time.Sleep(50 * time.Millisecond)
	cancel() // Ctrl-C while the form waits for the slug
	select {
	case err := <-done:
		if !errors.Is(err, ErrCancelled) {
			t.Fatalf("want ErrCancelled, got %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the form did not stop on interrupt")
	}
	assertNothingWritten(t, p)
}

func assertNothingWritten(t *testing.T, p *docsProject) {
	t.Helper()
	entries, _ := os.ReadDir(p.partners)
	if len(entries) > 0 {
		t.Errorf("partner files written: %v", entries)
	}
	if _, err := os.Stat(p.out); !os.IsNotExist(err) {
		t.Error("pages written")
	}
}

func TestYesListsEveryProblemByFlag(t *testing.T) {
	t.Parallel()
	p := newProject(t)
	o, _ := p.options("", false)
	_, err := runAndGenerate(context.Background(), o, &Answers{Name: "Orderix", Email: "nope", Mode: "either", Languages: []string{"de"}})
	var ps ProblemsError
	if !errors.As(err, &ps) {
		t.Fatalf("want ProblemsError, got %v", err)
	}
	msg := err.Error()
	for _, flag := range []string{"--email:", "--menu:", "--button:", "--disconnect-button:", "--lang:"} {
		if !strings.Contains(msg, flag) {
			t.Errorf("no problem for %s in:\n%s", flag, msg)
		}
	}
	assertNothingWritten(t, p)
}

func TestYesWritesAndRefusesToOverwrite(t *testing.T) {
	t.Parallel()
	p := newProject(t)
	a := Answers{Name: "Café Étoile", Email: "bonjour@cafe-etoile.example", Mode: "support", Languages: []string{"fr"}}
	o, _ := p.options("", false)
	res, err := runAndGenerate(context.Background(), o, &a)
	if err != nil {
		t.Fatal(err)
	}
	if res.PartnerFile != filepath.Join(p.partners, "cafe-etoile.yaml") || res.Slug != "cafe-etoile" || !strings.Contains(p.read(t, "content/apps/cafe-etoile/fr/connect-hubrise.md"), "bonjour@cafe-etoile.example") {
		t.Errorf("got %s (slug %s)", res.PartnerFile, res.Slug)
	}
	before := p.read(t, "partners/cafe-etoile.yaml")
	a2 := a
	a2.Email = "autre@cafe-etoile.example"
	_, err = runAndGenerate(context.Background(), o, &a2)
	if err == nil || !strings.Contains(err.Error(), `slug "cafe-etoile" already exists`) {
		t.Fatalf("want a refusal, got %v", err)
	}
	if p.read(t, "partners/cafe-etoile.yaml") != before {
		t.Error("the partner file was overwritten without --force")
	}
	o.Force = true
	if _, err := runAndGenerate(context.Background(), o, &a2); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.read(t, "content/apps/cafe-etoile/fr/connect-hubrise.md"), "autre@cafe-etoile.example") {
		t.Error("--force did not replace the partner and its page")
	}
}

// TestFirstPartnerOfANewProject: with no partners folder yet, --yes creates
// it, with the schema copy the partner file points at.
func TestFirstPartnerOfANewProject(t *testing.T) {
	t.Parallel()
	p := newProject(t)
	os.Remove(p.partners)
	o, _ := p.options("", false)
	o.SchemaRef, o.SchemaCopy = "partner.schema.json", filepath.Join(p.partners, "partner.schema.json")
	res, err := runAndGenerate(context.Background(), o, &Answers{Name: "Café Étoile", Email: "bonjour@cafe-etoile.example", Mode: "support", Languages: []string{"fr"}})
	if err != nil {
		t.Fatal(err)
	}
	if res.PartnerFile != filepath.Join(p.partners, "cafe-etoile.yaml") {
		t.Errorf("wrote %s", res.PartnerFile)
	}
	if _, err := os.Stat(o.SchemaCopy); err != nil {
		t.Errorf("no schema copy beside the partner file: %v", err)
	}
	p.checkClean(t)
}

func TestRefusesWhenExistingPartnersAreInvalid(t *testing.T) {
	t.Parallel()
	p := newProject(t)
	os.WriteFile(filepath.Join(p.partners, "broken.yaml"), []byte("name: [\n"), 0o644)
	o, _ := p.options("", false)
	_, err := runAndGenerate(context.Background(), o, &Answers{Name: "A", Email: "a@b.co", Mode: "support"})
	if err == nil || !strings.Contains(err.Error(), "broken.yaml:1") {
		t.Fatalf("got %v", err)
	}
	if _, err := os.Stat(filepath.Join(p.partners, "a.yaml")); !os.IsNotExist(err) {
		t.Error("wrote a partner file")
	}
}

func TestAnswersYAMLRoundTrips(t *testing.T) {
	t.Parallel()
	a := Answers{Name: "Zoë's: #1 Café", Publisher: "- Dash", Email: "z@z.example", Mode: "either",
		Menu: "Paramètres > « Apps » > #HubRise", Button: "yes", DisconnectMode: "back-office",
		DisconnectMenu: "Other > Place", DisconnectButton: "Off", Languages: []string{"en"}}
	p := newProject(t)
	o, _ := p.options("", false)
	res, err := runAndGenerate(context.Background(), o, &a)
	if err != nil {
		t.Fatal(err)
	}
	page := p.read(t, "content/apps/zoe-s-1-cafe/en/connect-hubrise.md")
	for _, want := range []string{"Zoë's: \\#1 Café", "**Paramètres** > **« Apps »** > **\\#HubRise**", "**yes**", "**Other** > **Place**", "**Off**"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	_ = res
}

// TestProblemsSendTheWriterBackToTheirPartOnly: a refused answer reopens
// the part of the form that sets it, not all eighteen questions.
func TestProblemsSendTheWriterBackToTheirPartOnly(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		flags []string
		want  []string // nil: every part
	}{
		{[]string{"--email"}, []string{"Support"}},
		{[]string{"--menu", "--disconnect-button"}, []string{"Connection", "Disconnection"}},
		{[]string{"--button (fr)"}, []string{"Labels in each language"}},
		{[]string{"--no-support"}, []string{"Connection", "Disconnection", "Support"}},
		{[]string{"--something-else"}, nil},
	} {
		var ps ProblemsError
		for _, f := range c.flags {
			ps = append(ps, Problem{Flag: f, Err: errors.New("x")})
		}
		got := partsOf(ps)
		if c.want == nil {
			if got != nil {
				t.Errorf("%v: parts %v, want all", c.flags, got)
			}
			continue
		}
		if len(got) != len(c.want) {
			t.Errorf("%v: parts %v, want %v", c.flags, got, c.want)
		}
		for _, p := range c.want {
			if !got[p] {
				t.Errorf("%v: parts %v lack %q", c.flags, got, p)
			}
		}
	}
	// every part a problem can name is a part of the form
	names := map[string]bool{}
	for _, o := range partOptions() {
		names[o.Value] = true
	}
	for _, p := range []string{"The partner", "Support", "Connection", "Disconnection", "Languages", "Labels in each language"} {
		if !names[p] {
			t.Errorf("the form has no part %q", p)
		}
	}
}

// TestLeavingOutSupportOffersNoSupportMode: with the support sections left
// out, the form does not offer the modes it would refuse at the end.
func TestLeavingOutSupportOffersNoSupportMode(t *testing.T) {
	t.Parallel()
	for _, o := range append(withoutSupport(modeOptions, true), withoutSupport(disconnectOptions, true)...) {
		if o.Value == "support" || o.Value == "either" {
			t.Errorf("offered %q without support sections", o.Value)
		}
	}
	if len(withoutSupport(modeOptions, false)) != len(modeOptions) {
		t.Error("support modes left out though the sections are kept")
	}
}

// TestPreviewShowsAnAddressWhole: an e-mail address shows once, and is not
// cut at its dots at the widths a terminal has.
func TestPreviewShowsAnAddressWhole(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("../render/testdata/golden/qwenta/fr/connect-hubrise.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []int{60, 72, 80, 100} {
		out, err := Preview(src, w, true)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(out, "mailto:") || strings.Count(out, "support@hubrise.com") != 1 {
			t.Errorf("width %d: the platform's address is not shown once, whole:\n%s", w, out)
		}
	}
}

// TestFormAppFolder answers the app folder's questions too: the category,
// the features and the descriptions become the app: block, and the
// overview and customization are written beside the connect page.
func TestFormAppFolder(t *testing.T) {
	t.Parallel()
	p := newProject(t)
	o, out := p.options(answers(
		"Orderix", "", "", "2", // name, slug, publisher, kind: ordering
		"n", "care@orderix.example", // support sections kept, e-mail
		"2", "", // mode: support; disconnect mode: keep
		"2", "0", // languages: untick fr, keep en
		"y",                                            // the app folder too
		"3", "https://orderix.example", "", "", "", "", // category: online ordering; website; the rest left empty
		"3", "10", "0", // features: push orders, push the menu
		"Orderix takes orders online for restaurants.",                      // Apps page description (en)
		"Orderix is an online ordering site that restaurants set up alone.", // overview description (en)
		"1", // write
	), true)
	res, err := runAndGenerate(context.Background(), o, &Answers{})
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	yml := p.read(t, "partners/orderix.yaml")
	for _, want := range []string{"app:\n", "  category: online-ordering\n", "  website: https://orderix.example\n", "    - push-orders\n", "    - push-catalog\n",
		"  summary: Orderix takes orders online for restaurants.\n"} {
		if !strings.Contains(yml, want) {
			t.Errorf("the partner file lacks %q:\n%s", want, yml)
		}
	}
	ov := p.read(t, "content/apps/orderix/en/overview.md")
	for _, want := range []string{"category: Online Ordering", "- Push orders to HubRise.", "- Push the menu to a HubRise catalog.", "Orderix is an online ordering site"} {
		if !strings.Contains(ov, want) {
			t.Errorf("the overview lacks %q:\n%s", want, ov)
		}
	}
	if c := p.read(t, "content/apps/orderix/en/customization.yaml"); !strings.Contains(c, "name: Orderix\n") {
		t.Errorf("customization.yaml:\n%s", c)
	}
	for _, want := range []string{"Preview of overview.md (en)", "Write these 5 files?"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the form lacks %q:\n%s", want, out)
		}
	}
	_ = res
}

func TestWordCount(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"", "0 words (the brief asks for 30 to 35)"},
		{"Orderix takes  orders\nonline.", "4 words (the brief asks for 30 to 35)"},
	} {
		if got := wordCount(tt.text, summaryWords); got != tt.want {
			t.Errorf("wordCount(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
