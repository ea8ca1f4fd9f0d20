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

// ReplaceFile edits a file as an editor would: through a link, keeping
// its permissions.
func TestReplaceFileKeepsModeAndLink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "shared", "lumo.yaml")
	os.MkdirAll(filepath.Dir(real), 0o755)
	os.WriteFile(real, []byte("old\n"), 0o600)
	link := filepath.Join(dir, "lumo.yaml")
	os.Symlink(real, link)
	if err := ReplaceFile(link, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	st, _ := os.Stat(real)
	if got, _ := os.ReadFile(real); string(got) != "new\n" || st.Mode().Perm() != 0o600 {
		t.Errorf("target %q, mode %v; want the new content, 0600", got, st.Mode().Perm())
	}
}
