package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDirRefusesPathsOutsideTheFolder(t *testing.T) {
	d := NewDir(t.TempDir())
	for _, rel := range []string{"../x.md", "a/../../x.md", "/etc/passwd", "a//b.md", "a/./b.md", `a\..\b.md`, ""} {
		if _, err := d.Path(rel); err == nil {
			t.Errorf("Path(%q) was accepted", rel)
		}
	}
	if _, err := d.Path("slug/en/connect-hubrise.md"); err != nil {
		t.Error(err)
	}
}

func TestWriteAtomicLeavesNoTempFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "page.md")
	if err := WriteAtomic(path, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := WriteAtomic(path, []byte("two")); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("want only page.md, got %v", entries)
	}
	if data, _ := os.ReadFile(path); string(data) != "two" {
		t.Errorf("got %q", data)
	}
}

func TestWriteAtomicInReadOnlyFolderKeepsThePage(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores folder permissions")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "page.md")
	os.WriteFile(path, []byte("old"), 0o644)
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	err := WriteAtomic(path, []byte("new"))
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("want an error naming %s, got %v", path, err)
	}
	if data, _ := os.ReadFile(path); string(data) != "old" {
		t.Error("the page was damaged")
	}
}
