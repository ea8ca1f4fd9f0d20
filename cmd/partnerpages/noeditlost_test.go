package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/partnerpages/partnerpages/scaffold/output"
)

const lumoFile = `name: Lumo
languages: [en, fr]
support: {email: care@lumo.example}
connection:
  mode: back-office
  menu: [Settings, Integrations]
  button: {en: Activate, fr: Activer}
disconnect: {button: {en: Deactivate, fr: Désactiver}}
`

func writeFile(t *testing.T, path, body string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// Case 1 of the issue: a page edited by hand and a partner file edited too;
// absorb refuses, generate keeps the page, and absorb must still refuse:
// it would put the page's old button and e-mail back into the partner file.
func TestAbsorbAfterGenerateKeepsThePartnerFilesEdit(t *testing.T) {
	t.Parallel()
	for _, change := range []struct{ name, from, to string }{
		{"the button", "en: Activate,", "en: Switch On,"},
		{"the e-mail of a bilingual partner", "care@lumo.example", "help@lumo.example"},
	} {
		t.Run(change.name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "partners", "lumo.yaml")
			writeFile(t, file, lumoFile)
			run(t, dir, "generate")
			page := filepath.Join(dir, "content/apps/lumo/en/connect-hubrise.md")
			writeFile(t, page, readFile(t, page)+"\nA line of the writer's own.\n")
			edited := strings.Replace(lumoFile, change.from, change.to, 1)
			writeFile(t, file, edited)
			if code, _, errOut := run(t, dir, "absorb"); code != exitProblem || !strings.Contains(errOut, "changed since its pages were generated") {
				t.Fatalf("first absorb: exit %d\n%s", code, errOut)
			}
			if code, _, _ := run(t, dir, "generate"); code != exitProblem {
				t.Fatalf("generate with a hand-edited page: exit %d", code)
			}
			if code, _, errOut := run(t, dir, "absorb"); code != exitProblem || !strings.Contains(errOut, "changed since its pages were generated") {
				t.Errorf("absorb after generate: exit %d\n%s", code, errOut)
			}
			if got := readFile(t, file); got != edited {
				t.Errorf("the partner file's edit is lost:\n%s", got)
			}
			if code, _, _ := run(t, dir, "generate", "--check"); code != exitProblem {
				t.Error("--check is clean although a page is hand-edited")
			}
		})
	}
}

// Two absorb runs (or absorb and generate) never work at once: the second
// waits for the first, so neither takes the other's partner files for ones
// changed since their pages were generated.
func TestAbsorbWaitsForAnotherRun(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "partners", "lumo.yaml"), lumoFile)
	run(t, dir, "generate")
	page := filepath.Join(dir, "content/apps/lumo/en/connect-hubrise.md")
	writeFile(t, page, readFile(t, page)+"\nA line of the writer's own.\n")
	held, err := output.AcquireRunLock(context.Background(), filepath.Join(dir, "content/apps"), nil)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan string, 1)
	go func() {
		_, _, errOut := run(t, dir, "absorb")
		done <- errOut
	}()
	select {
	case errOut := <-done:
		t.Fatalf("absorb ran while another run held the folder:\n%s", errOut)
	case <-time.After(300 * time.Millisecond):
	}
	held.Release()
	if errOut := <-done; !strings.Contains(errOut, "waiting for it to finish") {
		t.Errorf("absorb did not say it waited:\n%s", errOut)
	}
	if !strings.Contains(readFile(t, filepath.Join(dir, "partners", "lumo.yaml")), "A line of the writer's own.") {
		t.Error("the edit was not absorbed after the wait")
	}
}

// The smaller cases: --force names the hand edits it overwrites, and a run
// without --prune does not count as pruned the pages it keeps.
func TestForceAndPruneSayWhatTheyDid(t *testing.T) {
	t.Parallel()
	dir := shippedPartners(t)
	run(t, dir, "generate")
	page := filepath.Join(dir, "content/apps/qwenta/fr/connect-hubrise.md")
	writeFile(t, page, readFile(t, page)+"\nUne ligne à la main.\n")
	if code, _, errOut := run(t, dir, "generate", "--force"); code != exitOK || !strings.Contains(errOut, "overwrote the hand edits of content/apps/qwenta/fr/connect-hubrise.md (--force)") {
		t.Errorf("--force: exit %d\n%s", code, errOut)
	}
	os.Remove(filepath.Join(dir, "partners", "wiipos.yaml"))
	code, out, _ := run(t, dir, "generate")
	if code != exitOK || strings.Contains(out, "1 pruned") || !strings.Contains(out, "1 of partners that are gone (kept; --prune removes them)") {
		t.Errorf("without --prune: exit %d\n%s", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "content/apps/wiipos/fr/connect-hubrise.md")); err != nil {
		t.Error("a page was removed without --prune")
	}
	if code, out, _ := run(t, dir, "generate", "--prune"); code != exitOK || !strings.Contains(out, "1 pruned") {
		t.Errorf("--prune: exit %d\n%s", code, out)
	}
}

// Case 8: import over a partner file that was edited since its pages were
// generated (a renamed button, a comment) refuses, naming what it would drop,
// and writes nothing; --force replaces it.
func TestImportOverAnEditedPartnerFileRefuses(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "partners", "lumo.yaml")
	writeFile(t, file, lumoFile)
	run(t, dir, "generate")
	edited := strings.Replace(lumoFile, "  button: {en: Activate, fr: Activer}", "  # the back office says Switch On since May\n  button: {en: Switch On, fr: Activer}", 1)
	writeFile(t, file, edited)
	code, out, errOut := run(t, dir, "import", "content/apps/lumo/en/connect-hubrise.md", "content/apps/lumo/fr/connect-hubrise.md")
	// the summary counts the two pages as not imported: no file took them
	if want := "2 page(s) read, 0 partner file(s) written, 2 page(s) not imported"; !strings.Contains(out, want) {
		t.Errorf("import's summary lacks %q:\n%s", want, out)
	}
	for _, want := range []string{"partners/lumo.yaml: not written: merging the page into it would drop edits of the file",
		`connection.button.en: "Switch On" would become "Activate"`, `the comment "# the back office says Switch On since May"`} {
		if code != exitProblem || !strings.Contains(errOut, want) {
			t.Errorf("import: exit %d, lacks %q:\n%s", code, want, errOut)
		}
	}
	if readFile(t, file) != edited {
		t.Error("the partner file was changed")
	}
	if code, _, _ := run(t, dir, "import", "--force", "content/apps/lumo/en/connect-hubrise.md", "content/apps/lumo/fr/connect-hubrise.md"); code != exitOK {
		t.Errorf("import --force: exit %d", code)
	}
}

// Case 7: a page that is a symbolic link out of the output folder is not
// read by absorb, and the partner file is left as it is.
func TestAbsorbDoesNotReadThroughALinkOutOfTheOutputFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "partners", "lumo.yaml")
	writeFile(t, file, lumoFile)
	run(t, dir, "generate")
	page := filepath.Join(dir, "content/apps/lumo/en/connect-hubrise.md")
	outside := filepath.Join(t.TempDir(), "elsewhere.md")
	writeFile(t, outside, readFile(t, page)+"\nA line from outside the docs.\n")
	os.Remove(page)
	os.Symlink(outside, page)
	code, _, errOut := run(t, dir, "absorb")
	if code != exitProblem || !strings.Contains(errOut, "content/apps/lumo/en/connect-hubrise.md") {
		t.Errorf("absorb through a link: exit %d\n%s", code, errOut)
	}
	if readFile(t, file) != lumoFile {
		t.Error("the partner file was rewritten from a file outside the output folder")
	}
}
