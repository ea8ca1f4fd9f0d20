package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportCommand: generate pages, import them into an empty partners
// folder, regenerate with --check (nothing drifts), and the write rules:
// --dry-run writes nothing, an existing partner file needs --force.
func TestImportCommand(t *testing.T) {
	t.Parallel()
	dir := shippedPartners(t)
	if code, out, errOut := run(t, dir, "generate"); code != exitOK {
		t.Fatalf("generate: exit %d\n%s%s", code, out, errOut)
	}
	os.RemoveAll(filepath.Join(dir, "partners"))
	code, out, errOut := run(t, dir, "import", "--dry-run", "content/apps")
	if code != exitOK || !strings.Contains(out, "--- qwenta.yaml") || !strings.Contains(out, "nothing written") {
		t.Fatalf("dry run: exit %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "partners")); !os.IsNotExist(err) {
		t.Fatalf("--dry-run wrote the partners folder")
	}
	if code, out, errOut = run(t, dir, "import", "content/apps"); code != exitOK || !strings.Contains(out, "2 partner file(s) written") {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut = run(t, dir, "generate", "--check"); code != exitOK {
		t.Fatalf("generate --check after import: exit %d\n%s%s", code, out, errOut)
	}
	// importing over the partner file merges into it: its kind is kept
	qwenta := filepath.Join(dir, "partners", "qwenta.yaml")
	data, _ := os.ReadFile(qwenta)
	os.WriteFile(qwenta, []byte(strings.Replace(string(data), "kind: epos", "kind: ordering", 1)), 0o644)
	if code, out, errOut = run(t, dir, "import", "content/apps/qwenta"); code != exitOK || !strings.Contains(out, "merged into") {
		t.Fatalf("second import: exit %d\n%s%s", code, out, errOut)
	}
	if data, _ := os.ReadFile(qwenta); !strings.Contains(string(data), "kind: ordering") {
		t.Fatalf("the merge did not keep the file's kind:\n%s", data)
	}
	if code, _, errOut = run(t, dir, "import", "--force", "content/apps/qwenta"); code != exitOK {
		t.Fatalf("import --force: exit %d\n%s", code, errOut)
	}
	if code, _, errOut = run(t, dir, "import", "--email", "nope", "content/apps"); code != exitUsage || !strings.Contains(errOut, "SLUG=ADDRESS") {
		t.Fatalf("bad --email: exit %d\n%s", code, errOut)
	}
	if code, _, _ = run(t, dir, "import"); code != exitUsage {
		t.Fatalf("import without arguments: exit %d", code)
	}
	// a page the template cannot say still imports; a file that cannot be read does not
	os.WriteFile(filepath.Join(dir, "odd-en.md"), []byte("# Nothing here\n\nJust **some** words.\n"), 0o644)
	if code, out, errOut = run(t, dir, "import", "--dry-run", "odd-en.md", "missing.md"); code != exitProblem || !strings.Contains(out, "--- odd.yaml") || !strings.Contains(errOut, "missing.md: not imported") {
		t.Fatalf("odd and missing pages: exit %d\n%s%s", code, out, errOut)
	}
}
