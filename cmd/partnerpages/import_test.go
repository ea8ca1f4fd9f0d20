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
	if code, _, errOut = run(t, dir, "import", "content/apps/qwenta"); code != exitProblem || !strings.Contains(errOut, "already exists") {
		t.Fatalf("second import without --force: exit %d\n%s", code, errOut)
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
	os.WriteFile(filepath.Join(dir, "odd.md"), []byte("# Nothing here\n"), 0o644)
	if code, _, errOut = run(t, dir, "import", "odd.md", "missing.md"); code != exitProblem || !strings.Contains(errOut, "odd.md: not imported") || !strings.Contains(errOut, "missing.md") {
		t.Fatalf("unimportable pages: exit %d\n%s", code, errOut)
	}
}
