package absorb

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/partnerpages/partnerpages/scaffold/lint"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
	"github.com/partnerpages/partnerpages/templates"
)

// TestScreenshotUnderAllowStaysTyped is the walk-through of issue 20: a
// screenshot added under the French "Cliquez sur **Autoriser**." step of a
// bilingual back-office partner is absorbed; the partner file keeps its
// menu and button in both languages, and a rename of the Allow label in
// site.yaml reaches the French page (the screenshot still under its step)
// and the English one.
func TestScreenshotUnderAllowStaysTyped(t *testing.T) {
	t.Parallel()
	set := testSet(t)
	src := []byte(`name: Orbit
kind: epos
support: {email: help@orbit.example}
connection:
  mode: back-office
  menu: {en: [Settings, Integrations], fr: [Réglages, Intégrations]}
  button: {en: Connect HubRise, fr: Connecter HubRise}
disconnect:
  button: {en: Disconnect, fr: Déconnecter}
`)
	p, outs := orbitPages(t, set, src)
	const step, shot = "1. Cliquez sur **Autoriser**.\n", "   ![Écran d'autorisation](./images/autoriser.png)\n"
	fr := string(outs[1].Content)
	if outs[1].Lang != "fr" || !strings.Contains(fr, step) {
		t.Fatalf("no French Allow step to edit:\n%s", fr)
	}
	edited := strings.Replace(fr, step, step+shot, 1)
	a, err := Partner(set, lint.DefaultOptions(), p, src, "partner.schema.json", map[string][]byte{"fr": []byte(edited)})
	if err != nil {
		t.Fatal(err)
	}
	q := a.Partner
	for _, lang := range []string{"en", "fr"} {
		if got, want := q.Connection.Menu.In(lang), p.Connection.Menu.In(lang); strings.Join(got, ">") != strings.Join(want, ">") {
			t.Errorf("connection.menu (%s) is %v, was %v", lang, got, want)
		}
		if got, want := q.Connection.Button.In(lang), p.Connection.Button.In(lang); got != want {
			t.Errorf("connection.button (%s) is %q, was %q", lang, got, want)
		}
	}
	// rename Allow in site.yaml and render the absorbed file
	m := fstest.MapFS{}
	err = fs.WalkDir(templates.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(templates.FS, path)
		if path == render.SiteFile {
			data = []byte(strings.Replace(string(data), "allow: {en: Allow, fr: Autoriser}", "allow: {en: Grant, fr: Accorder}", 1))
		}
		m[path] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	renamed, err := render.Load(m)
	if err != nil {
		t.Fatal(err)
	}
	again, err := connectPages(renamed, q)
	if err != nil {
		t.Fatal(err)
	}
	en, frAgain := string(again[0].Content), string(again[1].Content)
	if !strings.Contains(frAgain, "1. Cliquez sur **Accorder**.\n"+shot) || strings.Contains(frAgain, "Autoriser") {
		t.Errorf("the rename did not reach the French page, or the screenshot left its step:\n%s\n--- partner file:\n%s", frAgain, a.YAML)
	}
	if !strings.Contains(en, "1. Click **Grant**.\n") || strings.Contains(en, "**Allow**") {
		t.Errorf("the rename did not reach the English page:\n%s", en)
	}
}

// TestWholePageReadingKeepsValuesAsWritten: an edit absorb cannot place at
// a step (a new paragraph in the French disconnect section) reads the page
// whole; the values that mean the same keep the file's spelling: a menu
// written "A > B" (read back as a list) and an e-mail in capitals; and the
// section kept as written spells out no default (its titles).
func TestWholePageReadingKeepsValuesAsWritten(t *testing.T) {
	t.Parallel()
	set := testSet(t)
	src := []byte(`name: Orbit
languages: [en, fr]
support: {email: Help@Orbit.Example}   # as the publisher writes it
connection:
  mode: back-office
  menu: {en: Settings > Integrations, fr: Réglages > Intégrations}
  button: {en: Connect HubRise, fr: Connecter HubRise}
disconnect:
  button: {en: Disconnect, fr: Déconnecter}
`)
	a, edited := absorbFrench(t, set, src, "Pour suspendre", "Les commandes en cours restent dans HubRise.\n\n")
	if !a.Whole {
		t.Fatalf("the edit was placed at a step; the test needs one read whole:\n%s", a.YAML)
	}
	got := string(a.YAML)
	for _, line := range strings.SplitAfter(string(src), "\n")[:7] {
		if !strings.Contains(got, line) {
			t.Errorf("the file lost the line %q:\n%s", line, got)
		}
	}
	if strings.Contains(got, "title:") {
		t.Errorf("the section's default titles are spelled out (a template change of the heading would no longer reach it):\n%s", got)
	}
	for _, o := range a.Pages {
		if o.Lang == "fr" && string(o.Content) != edited {
			t.Errorf("the French page does not come back as edited")
		}
	}
}

// absorbFrench writes text before anchor on the French page of the
// partner file src and absorbs that page; it returns what absorb made of
// it and the edited page.
func absorbFrench(t *testing.T, set *render.Set, src []byte, anchor, text string) (*Absorbed, string) {
	t.Helper()
	p, outs := orbitPages(t, set, src)
	i := slices.IndexFunc(outs, func(o render.Output) bool { return o.Lang == "fr" })
	if i < 0 || !strings.Contains(string(outs[i].Content), anchor) {
		t.Fatalf("no French page with %q to edit", anchor)
	}
	edited := strings.Replace(string(outs[i].Content), anchor, text+anchor, 1)
	a, err := Partner(set, lint.DefaultOptions(), p, src, "partner.schema.json", map[string][]byte{"fr": []byte(edited)})
	if err != nil {
		t.Fatal(err)
	}
	return a, edited
}

// orbitPages reads the partner file src and renders its connect pages.
func orbitPages(t *testing.T, set *render.Set, src []byte) (*partner.Partner, []render.Output) {
	t.Helper()
	p, errs := partner.Parse("partners/orbit.yaml", src)
	if len(errs) == 0 {
		errs = partner.Resolve(p, set.Languages())
	}
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	outs, err := connectPages(set, p)
	if err != nil {
		t.Fatal(err)
	}
	return p, outs
}

// TestWholePageReadingKeepsADefaultSpelledOut: a file that writes the
// default disconnect mode keeps it when an edit of that section is read
// whole (the import leaves the mode out, as the section no longer needs it).
func TestWholePageReadingKeepsADefaultSpelledOut(t *testing.T) {
	t.Parallel()
	set := testSet(t)
	src := []byte("name: Orbit\nlanguages: [fr]\nsupport: {email: help@orbit.example}\nconnection: {mode: support}\ndisconnect:\n  mode: hubrise   # as the default, said\n")
	a, _ := absorbFrench(t, set, src, "Vous pouvez déconnecter", "Appelez-nous avant.\n\n")
	if !a.Whole {
		t.Fatalf("the edit was placed at a step; the test needs one read whole:\n%s", a.YAML)
	}
	if !strings.Contains(string(a.YAML), "disconnect:\n  mode: hubrise   # as the default, said\n") {
		t.Errorf("the file lost its disconnect mode:\n%s", a.YAML)
	}
}

// TestDeletedPlatformStepIsLeftOutInThatLanguage: deleting the location
// step from the French page leaves it out in French only (skip_steps); the
// section stays typed, so a later button change reaches it, and a step
// written back in the platform's words is the platform's again.
func TestDeletedPlatformStepIsLeftOutInThatLanguage(t *testing.T) {
	t.Parallel()
	set := testSet(t)
	src := []byte("name: Orbit\nlanguages: [en, fr]\nsupport: {email: help@orbit.example}\nconnection:\n  mode: back-office\n  menu: [Réglages]\n  button: {en: Connect, fr: Connecter}\ndisconnect: {button: {en: Disconnect, fr: Déconnecter}}\n")
	p, outs := orbitPages(t, set, src)
	fr := string(outs[1].Content)
	start := strings.Index(fr, "1. Si votre compte a plusieurs points de vente")
	if start < 0 {
		t.Fatalf("no location step:\n%s", fr)
	}
	end := start + strings.Index(fr[start:], "\n") + 1
	edited := fr[:start] + fr[end:]
	a, err := Partner(set, lint.DefaultOptions(), p, src, "partner.schema.json", map[string][]byte{"fr": []byte(edited)})
	if err != nil {
		t.Fatal(err)
	}
	want := string(src) + "skip_steps:\n  fr: [choose-location]\n"
	if a.Whole || string(a.YAML) != want {
		t.Fatalf("absorbed (whole: %v) as:\n%s\nwant:\n%s", a.Whole, a.YAML, want)
	}
	q, _ := orbitPages(t, set, []byte(strings.Replace(want, "fr: Connecter}", "fr: Lier}", 1)))
	again, err := connectPages(set, q)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(again[1].Content); !strings.Contains(got, "**Lier**") || strings.Contains(got, "plusieurs points de vente") {
		t.Errorf("the French page after a button change:\n%s", got)
	}
	if got := string(again[0].Content); !strings.Contains(got, "Choose location") {
		t.Errorf("the English page lost its location step:\n%s", got)
	}
	// the writer puts the step back as the platform writes it
	skipped, _ := orbitPages(t, set, []byte(want))
	back, err := Partner(set, lint.DefaultOptions(), skipped, []byte(want), "partner.schema.json", map[string][]byte{"fr": []byte(fr)})
	if err != nil {
		t.Fatal(err)
	}
	if back.Whole || string(back.YAML) != string(src) {
		t.Errorf("the step written back is not the platform's again:\n%s", back.YAML)
	}
}

// TestStepAfterAPlatformStepIsPlacedThere: a step added after "Cliquez sur
// **Ajouter l'utilisateur**." in French is that step's steps_after in
// French; give-access stays typed, and the English page is as it was.
func TestStepAfterAPlatformStepIsPlacedThere(t *testing.T) {
	t.Parallel()
	set := testSet(t)
	src := []byte("name: Orbit\nlanguages: [en, fr]\nsupport: {email: help@orbit.example}\nconnection: {mode: support}\n")
	a, _ := absorbFrench(t, set, src, "1. Dans la liste des rôles", "1. Attendez que l'utilisateur apparaisse.\n")
	want := string(src) + "steps_after:\n  fr:\n    access-add-user: [Attendez que l'utilisateur apparaisse.]\n"
	if a.Whole || string(a.YAML) != want {
		t.Errorf("absorbed (whole: %v) as:\n%s\nwant:\n%s", a.Whole, a.YAML, want)
	}
}

// testSet loads the embedded template set.
func testSet(t *testing.T) *render.Set {
	t.Helper()
	set, err := render.Load(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	return set
}
