package output

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// Dir.Stat, which looks pages up from the open output folder, says what
// lstat of the page's whole path says: a page's status, nothing for a
// symbolic link, a folder or a missing page; and so it does once the
// folder is closed.
func TestDirStatIsLstat(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "p", "en"), 0o755)
	os.WriteFile(filepath.Join(root, "p", "en", "page.md"), []byte("x"), 0o644)
	os.Symlink("page.md", filepath.Join(root, "p", "en", "link.md"))
	d := NewDir(root)
	for _, closed := range []bool{false, true} {
		if closed {
			d.Close()
		}
		for _, rel := range []string{"p/en/page.md", "p/en/link.md", "p/en", "p/en/gone.md", "p/fr/page.md"} {
			var want FileStat
			var st syscall.Stat_t
			if syscall.Lstat(filepath.Join(root, filepath.FromSlash(rel)), &st) == nil && st.Mode&syscall.S_IFMT == syscall.S_IFREG {
				want = FileStat{Dev: uint64(st.Dev), Ino: st.Ino, Size: st.Size, Mtime: st.Mtim.Nano(), Ctime: st.Ctim.Nano()}
			}
			if got := d.Stat(rel); got != want {
				t.Errorf("closed %v, %s: %+v, lstat says %+v", closed, rel, got, want)
			}
		}
	}
	if d.Stat("p/en/page.md") == (FileStat{}) {
		t.Error("a page has no status")
	}
}
