package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// referenceApps returns ../shared's copy of the site's apps folder, or
// skips the test when it is absent.
func referenceApps(t *testing.T) string {
	t.Helper()
	apps := filepath.Join("..", "..", "..", "shared", "reference", "site", "content", "apps")
	if _, err := os.Stat(apps); err != nil {
		t.Skip("no ../shared/reference/site beside the project")
	}
	return apps
}

// copyPages copies the .md pages and .yaml files (customization) of the
// apps folder src into dst.
func copyPages(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") && !strings.HasSuffix(path, ".yaml") {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dst, rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// readmeAdoption returns the partnerpages commands of README's adoption
// block, each as its arguments.
func readmeAdoption(t *testing.T) [][]string {
	t.Helper()
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)<!-- adoption:[^>]*-->\n```sh\n(.*?)```").FindSubmatch(readme)
	if m == nil {
		t.Fatal("README.md has no adoption block")
	}
	var cmds [][]string
	for _, line := range strings.Split(string(m[1]), "\n") {
		line, _, _ = strings.Cut(line, "#")
		if f := strings.Fields(line); len(f) > 0 && f[0] == "partnerpages" {
			cmds = append(cmds, f[1:])
		}
	}
	if len(cmds) < 3 {
		t.Fatalf("the adoption block has %d partnerpages commands", len(cmds))
	}
	return cmds
}

// TestReadmeAdoptionOnTheReferenceSite runs README's adoption commands, as
// written, on a copy of the reference site: each exits 0; right after the
// import, --check is clean and absorb has nothing to take; no page gets a
// second file for its URL; the pages the template renders the same are
// kept byte for byte.
func TestReadmeAdoptionOnTheReferenceSite(t *testing.T) {
	t.Parallel()
	apps := referenceApps(t)
	dir := t.TempDir()
	copyPages(t, apps, filepath.Join(dir, "content", "apps"))
	for _, lang := range []string{"en", "fr"} { // the Apps pages, whose entries import reads and adopts
		data, err := os.ReadFile(filepath.Join(apps, "..", lang, "apps.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, "content", lang), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "content", lang, "apps.yaml"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	before := mdFiles(t, filepath.Join(dir, "content", "apps"))
	for _, args := range readmeAdoption(t) {
		code, out, errOut := run(t, dir, args...)
		if code != exitOK {
			t.Fatalf("partnerpages %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
		}
		switch {
		case args[0] == "import" && !strings.Contains(out, "adopted "):
			t.Errorf("import adopted no page:\n%s", out)
		case args[0] == "import" && !strings.Contains(out, "adopted 166 Apps page entr(ies)"):
			t.Errorf("import adopted not every Apps page entry:\n%s", out)
		case args[0] == "generate" && (strings.Contains(out+errOut, "hand-edited") || !strings.Contains(out, "0 to be created, 0 to be updated") && !strings.Contains(out, "0 created, 0 updated") ||
			!strings.Contains(out, "Apps page entries: 0")):
			t.Errorf("partnerpages %s after import:\n%s%s", strings.Join(args, " "), out, errOut)
		}
	}
	if code, out, errOut := run(t, dir, "absorb"); code != exitOK || !strings.Contains(out+errOut, "nothing to absorb") {
		t.Errorf("absorb right after adoption: exit %d\n%s%s", code, out, errOut)
	}
	if after := mdFiles(t, filepath.Join(dir, "content", "apps")); strings.Join(after, "\n") != strings.Join(before, "\n") {
		t.Errorf("adoption changed the set of page files: %d before, %d after", len(before), len(after))
	}
}

// mdFiles lists the .md files below dir.
func mdFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
			out = append(out, path)
		}
		return nil
	})
	return out
}

// TestImportAdoptsPagesItRendersTheSame: pages the tool wrote, imported
// into a project that lost its partner files and lock, are adopted as they
// are (byte for byte) and --check is clean.
func TestImportAdoptsPagesItRendersTheSame(t *testing.T) {
	t.Parallel()
	dir := shippedPartners(t)
	run(t, dir, "generate")
	page := filepath.Join(dir, "content/apps/qwenta/fr/connect-hubrise.md")
	want := readFile(t, page)
	os.RemoveAll(filepath.Join(dir, "partners"))
	os.MkdirAll(filepath.Join(dir, "partners"), 0o755)
	os.Remove(filepath.Join(dir, "content/apps/.partnerpages.lock"))
	code, out, errOut := run(t, dir, "import", "content/apps")
	if code != exitOK || !strings.Contains(out, "adopted 4 page(s) into content/apps: 4 as they were, 0 rewritten") {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	if got := readFile(t, page); got != want {
		t.Errorf("the adopted page changed:\n%s", got)
	}
	if code, out, errOut := run(t, dir, "generate", "--check"); code != exitOK {
		t.Errorf("check after import: exit %d\n%s%s", code, out, errOut)
	}
}

// TestGenerateNeverWritesASecondFileForOneURL: a French page kept in
// connexion-hubrise.md, and a partner file that does not name that file:
// generate does not create connect-hubrise.md beside it (not even with
// --force), says which file serves the URL and what to add, and exits 1.
func TestGenerateNeverWritesASecondFileForOneURL(t *testing.T) {
	t.Parallel()
	dir := shippedPartners(t)
	run(t, dir, "generate")
	fr := filepath.Join(dir, "content/apps/qwenta/fr")
	os.Rename(filepath.Join(fr, "connect-hubrise.md"), filepath.Join(fr, "connexion-hubrise.md"))
	for _, args := range [][]string{{"generate"}, {"generate", "--force"}, {"generate", "--check"}} {
		code, out, errOut := run(t, dir, args...)
		if code != exitProblem || !strings.Contains(out+errOut, "content/apps/qwenta/fr/connexion-hubrise.md already serves its URL") || !strings.Contains(out+errOut, "file_name: {fr: connexion-hubrise.md}") {
			t.Errorf("%v: exit %d\n%s%s", args, code, out, errOut)
		}
		if _, err := os.Stat(filepath.Join(fr, "connect-hubrise.md")); err == nil {
			t.Fatalf("%v wrote a second file for the URL", args)
		}
	}
	f, _ := os.OpenFile(filepath.Join(dir, "partners/qwenta.yaml"), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("file_name: {fr: connexion-hubrise.md}\n")
	f.Close()
	if code, out, errOut := run(t, dir, "generate", "--check"); code != exitOK {
		t.Errorf("check with file_name: exit %d\n%s%s", code, out, errOut)
	}
}

// TestInitExportTemplatesInAnExistingProject: init --export-templates in a
// project that has its file exports the set, names it in the file (the
// rest kept), and generate renders with it; a second time it refuses.
func TestInitExportTemplatesInAnExistingProject(t *testing.T) {
	t.Parallel()
	dir := shippedPartners(t)
	run(t, dir, "init")
	before := readFile(t, filepath.Join(dir, "partnerpages.yaml"))
	if code, out, errOut := run(t, dir, "init", "--export-templates"); code != exitOK || !strings.Contains(out, `added "templates: templates"`) {
		t.Fatalf("init --export-templates: exit %d\n%s%s", code, out, errOut)
	}
	if after := readFile(t, filepath.Join(dir, "partnerpages.yaml")); after != before+"templates: templates\n" && !strings.Contains(after, "\ntemplates: templates\n") {
		t.Errorf("the project file:\n%s", after)
	}
	tmpl := filepath.Join(dir, "templates/fr/_steps.tmpl")
	data := readFile(t, tmpl)
	os.WriteFile(tmpl, []byte(strings.Replace(data, "Cliquez sur {{bold .UI.allow}}.", "Cliquez enfin sur {{bold .UI.allow}}.", 1)), 0o644)
	if code, out, errOut := run(t, dir, "generate"); code != exitOK || !strings.Contains(readFile(t, filepath.Join(dir, "content/apps/qwenta/fr/connect-hubrise.md")), "Cliquez enfin sur **Autoriser**.") {
		t.Errorf("generate with the exported set: exit %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut := run(t, dir, "init", "--export-templates"); code == exitOK || !strings.Contains(errOut, "already names the template set") {
		t.Errorf("a second init --export-templates: exit %d\n%s", code, errOut)
	}
}
