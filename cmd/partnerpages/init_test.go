package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProjectFileWorkflow runs a docs team's first week: init with exported
// templates, a customised template, then every command from a subfolder with
// no flags.
func TestProjectFileWorkflow(t *testing.T) {
	t.Parallel()
	repo := t.TempDir()
	if code, out, errOut := run(t, repo, "init", "--export-templates", "--out", "site/content/apps", "--lang", "fr"); code != exitOK {
		t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}
	for _, f := range []string{"partnerpages.yaml", "partners", "templates/site.yaml", "templates/fr/_connect.tmpl"} {
		if _, err := os.Stat(filepath.Join(repo, f)); err != nil {
			t.Fatalf("init did not write %s: %v", f, err)
		}
	}
	// a second init keeps the file
	if code, _, errOut := run(t, repo, "init"); code != exitProblem || !strings.Contains(errOut, "already exists") {
		t.Errorf("second init: exit %d %s", code, errOut)
	}
	// customise the French connect partial
	tmpl := filepath.Join(repo, "templates", "fr", "_connect.tmpl")
	data, _ := os.ReadFile(tmpl)
	os.WriteFile(tmpl, []byte(strings.Replace(string(data), "{{else}}Connecter {{.Name}}{{end}}", "{{else}}Brancher {{.Name}}{{end}}", 1)), 0o644)

	sub := filepath.Join(repo, "site", "notes")
	os.MkdirAll(sub, 0o755)
	code, out, errOut := run(t, sub, "new", "--yes", "--name", "Orderix", "--email", "care@orderix.example", "--mode", "support")
	if code != exitOK {
		t.Fatalf("new from a subfolder: exit %d\n%s%s", code, out, errOut)
	}
	page := filepath.Join(repo, "site", "content", "apps", "orderix", "fr", "connect-hubrise.md")
	got, err := os.ReadFile(page)
	if err != nil {
		t.Fatalf("new did not write the page where the project file says: %v\n%s", err, out)
	}
	if !strings.Contains(string(got), "## Brancher Orderix") {
		t.Errorf("the page does not use the customised template:\n%s", got)
	}
	if _, err := os.Stat(filepath.Join(repo, "site", "content", "apps", "orderix", "en")); err == nil {
		t.Error("the project's languages are [fr], but an English page was written")
	}
	if _, err := os.Stat(filepath.Join(repo, "partners", "orderix.yaml")); err != nil {
		t.Errorf("the partner file is not in the project's partners folder: %v", err)
	}
	for _, args := range [][]string{{"validate"}, {"generate", "--check"}, {"lint"}, {"generate"}} {
		if code, out, errOut := run(t, sub, args...); code != exitOK {
			t.Errorf("%v from a subfolder: exit %d\n%s%s", args, code, out, errOut)
		}
	}
	if code, out, errOut := run(t, sub, "import", "--dry-run", "../content/apps/orderix"); code != exitOK || !strings.Contains(out, "name: Orderix") {
		t.Errorf("import from a subfolder: exit %d\n%s%s", code, out, errOut)
	}
	// a flag overrides the file
	if code, out, _ := run(t, sub, "generate", "--check", "--out", "elsewhere"); code != exitProblem || !strings.Contains(out, "missing: elsewhere/orderix/fr/connect-hubrise.md") {
		t.Errorf("--out did not override the project file: exit %d\n%s", code, out)
	}
}

func TestProjectFileErrorsNameFileLineAndField(t *testing.T) {
	t.Parallel()
	repo := shippedPartners(t)
	os.WriteFile(filepath.Join(repo, "partnerpages.yaml"), []byte("partners: partners\nouput: pages\n"), 0o644)
	code, _, errOut := run(t, repo, "generate")
	if code != exitProblem || !strings.Contains(errOut, `partnerpages.yaml:2:1: ouput: unknown field (did you mean "out"?)`) {
		t.Errorf("exit %d\n%s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(repo, "content")); err == nil {
		t.Error("generate wrote pages although the project file is invalid")
	}
	os.WriteFile(filepath.Join(repo, "partnerpages.yaml"), []byte("languages: [de]\n"), 0o644)
	if code, _, errOut := run(t, repo, "generate"); code != exitProblem || !strings.Contains(errOut, `language "de" has no folder of page templates`) {
		t.Errorf("unknown language: exit %d\n%s", code, errOut)
	}
	// version and init do not need a valid project file
	if code, _, _ := run(t, repo, "version"); code != exitOK {
		t.Errorf("version with a broken project file: exit %d", code)
	}
}

func TestWithoutProjectFileEverythingIsAsBefore(t *testing.T) {
	t.Parallel()
	repo := shippedPartners(t)
	if code, out, _ := run(t, repo, "generate"); code != exitOK || !strings.Contains(out, "4 pages: 4 created") {
		t.Errorf("exit %d\n%s", code, out)
	}
	if _, err := os.Stat(filepath.Join(repo, "content", "apps", "qwenta", "fr", "connect-hubrise.md")); err != nil {
		t.Error(err)
	}
}

func TestProjectFileConfiguresLint(t *testing.T) {
	t.Parallel()
	repo := t.TempDir()
	os.MkdirAll(filepath.Join(repo, "pages", "old"), 0o755)
	bad := "---\ntitle: Connect to HubRise\npath_override: connect-hubrise\nposition: 2\nlayout: documentation\nmeta:\n  title: Connect to HubRise | Acme | HubRise\n  description: Acme.\n---\n\n## Connect SOLUTION\n"
	os.WriteFile(filepath.Join(repo, "pages", "a.md"), []byte(bad), 0o644)
	os.WriteFile(filepath.Join(repo, "pages", "old", "b.md"), []byte(bad), 0o644)
	os.WriteFile(filepath.Join(repo, "partnerpages.yaml"), []byte("lint:\n  rules:\n    placeholder: warning\n  skip: [pages/old]\n"), 0o644)
	code, out, _ := run(t, repo, "lint", "pages")
	if code != exitOK || !strings.Contains(out, "pages/a.md:11:12: placeholder: warning:") || strings.Contains(out, "old/b.md") {
		t.Errorf("configured lint: exit %d\n%s", code, out)
	}
	if code, _, _ := run(t, repo, "lint", "--strict", "pages"); code != exitProblem {
		t.Errorf("--strict with a warning: exit %d", code)
	}
	os.WriteFile(filepath.Join(repo, "partnerpages.yaml"), []byte("lint:\n  rules:\n    placeholders: off\n"), 0o644)
	if code, _, errOut := run(t, repo, "lint", "pages"); code != exitProblem || !strings.Contains(errOut, `partnerpages.yaml:3:5: lint.rules.placeholders: unknown rule id (did you mean "placeholder"?)`) {
		t.Errorf("unknown rule id: exit %d\n%s", code, errOut)
	}
}

// TestInitKeepsTheToolsFilesOutOfGit: init adds the run lock and the
// journal to .gitignore, once, after what the file already holds.
func TestInitKeepsTheToolsFilesOutOfGit(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, ".gitignore"), []byte("node_modules/"), 0o644)
	if code, out, errOut := run(t, dir, "init"); code != exitOK || !strings.Contains(out, "added to .gitignore: content/apps/.partnerpages.run, content/apps/.partnerpages.journal") {
		t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}
	run(t, dir, "init", "--force")
	got, _ := os.ReadFile(filepath.Join(dir, ".gitignore"))
	want := "node_modules/\n# partnerpages: a run's lock and a killed run's journal\ncontent/apps/.partnerpages.run\ncontent/apps/.partnerpages.journal\n"
	if string(got) != want {
		t.Errorf(".gitignore holds\n%s\nwant\n%s", got, want)
	}
}
