package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
