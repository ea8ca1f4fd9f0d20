package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"
)

// TestAbsorbTheScreenshotCase: a writer adds a screenshot under the
// Authorise step of a generated French page; absorb takes it into the
// partner file, the page stays byte for byte as edited, and generate --check
// passes. A partner file changed since generation is refused.
func TestAbsorbTheScreenshotCase(t *testing.T) {
	t.Parallel()
	dir := shippedPartners(t)
	run(t, dir, "generate")
	page, edited := editQwentaFr(t, dir, "1. Cliquez sur **Autoriser**.\n", "1. Cliquez sur **Autoriser**.\n   ![L'écran d'autorisation](./images/004-autoriser.png)\n")
	partnerFile := filepath.Join(dir, "partners/qwenta.yaml")
	before, _ := os.ReadFile(partnerFile)

	if code, out, errOut := run(t, dir, "absorb", "--dry-run"); code != exitOK || !strings.Contains(out, "+++ b/partners/qwenta.yaml") || !strings.Contains(out, "would absorb") {
		t.Fatalf("dry run: exit %d\n%s%s", code, out, errOut)
	}
	if now, _ := os.ReadFile(partnerFile); string(now) != string(before) {
		t.Fatal("--dry-run wrote the partner file")
	}
	code, out, errOut := run(t, dir, "absorb", "content/apps/qwenta/fr/connect-hubrise.md")
	if code != exitOK || !strings.Contains(out, "override: fr:") || !strings.Contains(out, "absorbed [qwenta/fr/connect-hubrise.md]") {
		t.Fatalf("absorb: exit %d\n%s%s", code, out, errOut)
	}
	if now, _ := os.ReadFile(page); string(now) != edited {
		t.Fatalf("the page is not byte for byte the edited one:\n%s", now)
	}
	if yaml, _ := os.ReadFile(partnerFile); !strings.Contains(string(yaml), "004-autoriser.png") || !strings.Contains(string(yaml), "kind: epos") {
		t.Fatalf("partner file:\n%s", yaml)
	}
	if code, out, _ := run(t, dir, "generate", "--check"); code != exitOK {
		t.Fatalf("generate --check after absorb: exit %d\n%s", code, out)
	}
	if code, _, errOut := run(t, dir, "absorb", "elsewhere/x.md"); code != exitUsage || !strings.Contains(errOut, "not a page of content/apps") {
		t.Fatalf("a page outside the output folder: exit %d\n%s", code, errOut)
	}
	if code, out, _ := run(t, dir, "absorb"); code != exitOK || !strings.Contains(out, "nothing to absorb") {
		t.Fatalf("second absorb: exit %d\n%s", code, out)
	}

	// an edit, and a partner file changed since the page was generated
	os.WriteFile(page, []byte(edited+"\nUne remarque.\n"), 0o644)
	yaml, _ := os.ReadFile(partnerFile)
	changed := strings.Replace(string(yaml), "name: Qwenta", "name: Qwenta\npublisher: Qwenta SA", 1)
	os.WriteFile(partnerFile, []byte(changed), 0o644)
	code, _, errOut = run(t, dir, "absorb")
	if code != exitProblem || !strings.Contains(errOut, "changed since its pages were generated") {
		t.Fatalf("changed partner file: exit %d\n%s", code, errOut)
	}
	if now, _ := os.ReadFile(partnerFile); string(now) != changed {
		t.Fatal("absorb wrote a partner file it refused")
	}
}

// TestAbsorbAnEditedPlatformStepIsThatStepsOverride: a writer rewords the
// French step that opens the menu; absorb keeps that step's words for that
// language only (step_text), says so, and leaves the menu, the other steps
// and the rest of the file as they were.
func TestAbsorbAnEditedPlatformStepIsThatStepsOverride(t *testing.T) {
	t.Parallel()
	dir := shippedPartners(t)
	run(t, dir, "generate")
	before := readFile(t, filepath.Join(dir, "partners/qwenta.yaml"))
	page := filepath.Join(dir, "content/apps/qwenta/fr/connect-hubrise.md")
	data, _ := os.ReadFile(page)
	lines := strings.Split(string(data), "\n")
	at := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "1. ") && strings.Contains(l, "ouvrez **") })
	if at < 0 {
		t.Fatal("the page has no step that opens a menu")
	}
	const own = "Demandez à votre gérant d'afficher la page des réglages."
	lines[at] = "1. " + own
	os.WriteFile(page, []byte(strings.Join(lines, "\n")), 0o644)
	code, out, errOut := run(t, dir, "absorb")
	if code != exitOK {
		t.Fatalf("absorb: exit %d\n%s%s", code, out, errOut)
	}
	if want := `override: fr: the platform step "menu" in the page's own words (step_text.fr.menu)`; !strings.Contains(out, want) {
		t.Errorf("no %q line:\n%s", want, out)
	}
	after := readFile(t, filepath.Join(dir, "partners/qwenta.yaml"))
	if want := before + "step_text:\n  fr:\n    menu: " + own + "\n"; after != want {
		t.Errorf("the partner file is not the one before plus the step's words:\n%s", udiff.Unified("want", "got", want, after))
	}
}

// An edit that leaves two blank lines where a step was, and a trailing
// space, is absorbed: the page is tidied as generate writes pages, and
// absorb says so; generate --check is clean afterwards.
func TestAbsorbTidiesWhitespaceAnEditLeft(t *testing.T) {
	t.Parallel()
	dir := shippedPartners(t)
	run(t, dir, "generate")
	page, _ := editQwentaFr(t, dir, "\n\n## ", "\n\nUne phrase ajoutée. \n\n\n## ")
	code, out, errOut := run(t, dir, "absorb")
	if code != exitOK || !strings.Contains(out, "tidied: the fr page's runs of blank lines and trailing spaces") {
		t.Fatalf("absorb: exit %d\n%s%s", code, out, errOut)
	}
	if got := readFile(t, page); !strings.Contains(got, "Une phrase ajoutée.\n\n## ") {
		t.Errorf("the page does not hold the edit, tidied:\n%s", got)
	}
	if code, out, errOut := run(t, dir, "generate", "--check"); code != exitOK {
		t.Errorf("generate --check after absorb: exit %d\n%s%s", code, out, errOut)
	}
}

// An edit to the page's meta description (the team's search-engine text)
// is absorbed into meta.description of that language only; the other
// language keeps the template's, and a later generate keeps the edit.
func TestAbsorbTakesAnEditedMetaDescription(t *testing.T) {
	t.Parallel()
	dir := shippedPartners(t)
	run(t, dir, "generate")
	page := filepath.Join(dir, "content/apps/qwenta/fr/connect-hubrise.md")
	data, _ := os.ReadFile(page)
	lines := strings.Split(string(data), "\n")
	at := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "  description: ") })
	if at < 0 {
		t.Fatal("the page has no meta.description")
	}
	lines[at] = "  description: Qwenta et HubRise, reliés en cinq minutes depuis le back-office."
	os.WriteFile(page, []byte(strings.Join(lines, "\n")), 0o644)
	code, out, errOut := run(t, dir, "absorb")
	if code != exitOK {
		t.Fatalf("absorb: exit %d\n%s%s", code, out, errOut)
	}
	file := readFile(t, filepath.Join(dir, "partners/qwenta.yaml"))
	if !strings.Contains(file, "meta:\n  description: Qwenta et HubRise, reliés en cinq minutes depuis le back-office.\n") {
		t.Errorf("the partner file lacks the description:\n%s", file)
	}
	if code, out, errOut := run(t, dir, "generate", "--check"); code != exitOK {
		t.Errorf("generate --check: exit %d\n%s%s", code, out, errOut)
	}
	if got := readFile(t, page); got != strings.Join(lines, "\n") {
		t.Errorf("the page is not the edited one:\n%s", got)
	}
}

// editQwentaFr replaces the first old in the generated French Qwenta page
// by new, as a writer's hand edit, and returns the page's path and text.
func editQwentaFr(t *testing.T, dir, old, new string) (page, edited string) {
	t.Helper()
	page = filepath.Join(dir, "content/apps/qwenta/fr/connect-hubrise.md")
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	edited = strings.Replace(string(data), old, new, 1)
	if edited == string(data) {
		t.Fatalf("the page has no %q to edit", old)
	}
	if err := os.WriteFile(page, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	return page, edited
}

// TestAbsorbKeepsTheFileAndLaterChangesReachEveryPage is issue 36's case:
// a bilingual partner whose support e-mail has capitals and whose file has
// comments and flow style; a step added at the very end of the French
// disconnect procedure, after the line that says the app is disconnected,
// is absorbed as a step of that language (no section is kept as written);
// the file keeps its comments, flow style and the e-mail's spelling,
// spells out no default; later changes of the e-mail and of the disconnect
// button reach both pages.
func TestAbsorbKeepsTheFileAndLaterChangesReachEveryPage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const src = `# Octopus Caisse: connected from its back office.
name: Octopus Caisse
languages: [en, fr]
support:
  email: Support@Octopus-Caisse.FR   # as the publisher writes it

connection:
  mode: back-office
  menu: {en: [Settings, Connectors], fr: [Réglages, Connecteurs]}
  button: {en: Connect HubRise, fr: Connecter HubRise}
disconnect:
  button: {en: Disconnect, fr: Déconnecter}
`
	file := filepath.Join(dir, "partners", "octopus-caisse.yaml")
	os.MkdirAll(filepath.Dir(file), 0o755)
	os.WriteFile(file, []byte(src), 0o644)
	run(t, dir, "generate")
	fr := filepath.Join(dir, "content/apps/octopus-caisse/fr/connect-hubrise.md")
	const last = "1. Octopus Caisse cesse d'échanger des données avec HubRise.\n"
	page := readFile(t, fr)
	if !strings.Contains(page, last) {
		t.Fatalf("no last disconnect step to add after:\n%s", page)
	}
	os.WriteFile(fr, []byte(strings.Replace(page, last, last+"1. Fermez la caisse pour finir.\n", 1)), 0o644)
	if code, out, errOut := run(t, dir, "absorb"); code != exitOK {
		t.Fatalf("absorb: exit %d\n%s%s", code, out, errOut)
	}
	got := readFile(t, file)
	if !strings.HasPrefix(got, src) {
		t.Errorf("the partner file does not keep its text (comments, flow style, the e-mail's spelling):\n%s", udiff.Unified("before", "after", src, got))
	}
	for _, spelled := range []string{"kind:", "\n  mode: back-office\n  menu", "page:", "body:"} {
		if strings.Contains(got[len(src):], spelled) {
			t.Errorf("absorb spelled out %q:\n%s", spelled, got)
		}
	}
	if !strings.Contains(got[len(src):], "steps_after:") || !strings.Contains(got[len(src):], "disconnected:") || !strings.Contains(got[len(src):], "Fermez la caisse pour finir.") {
		t.Errorf("the added step is not a step after the line that says the app is disconnected:\n%s", got)
	}
	got = strings.Replace(got, "Support@Octopus-Caisse.FR", "aide@octopus-caisse.example", 1)
	got = strings.Replace(got, "fr: Déconnecter}", "fr: Retirer HubRise}", 1)
	os.WriteFile(file, []byte(got), 0o644)
	if code, out, errOut := run(t, dir, "generate"); code != exitOK || !strings.Contains(out, "2 updated") {
		t.Fatalf("generate after the e-mail change: exit %d\n%s%s", code, out, errOut)
	}
	for _, lang := range []string{"en", "fr"} {
		page := readFile(t, filepath.Join(dir, "content/apps/octopus-caisse", lang, "connect-hubrise.md"))
		if strings.Count(page, "aide@octopus-caisse.example") != 2 || strings.Contains(page, "Octopus-Caisse.FR") {
			t.Errorf("the %s page does not take the new e-mail in both its sections:\n%s", lang, page)
		}
		if lang == "fr" && (!strings.Contains(page, "**Retirer HubRise**") || !strings.Contains(page, "1. Fermez la caisse pour finir.\n")) {
			t.Errorf("the French page does not take the new disconnect button, or lost the absorbed step:\n%s", page)
		}
	}
}
