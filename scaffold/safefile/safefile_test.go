package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestReadRefusesWhatIsNotASmallRegularFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "page.md")
	os.WriteFile(file, []byte("hello\n"), 0o644)
	link := filepath.Join(dir, "link.md")
	os.Symlink(file, link)
	cases := []struct {
		name     string
		path     string
		max      int64
		follow   bool
		wantErr  string // Why's words; "" for a read that works
		wantData string
	}{
		{"a small file", file, 100, true, "", "hello\n"},
		{"exactly the limit", file, 6, true, "", "hello\n"},
		{"over the limit", file, 5, true, "is too large to be a page or a partner file", ""},
		{"a folder", dir, 100, true, "is a folder", ""},
		{"a link, followed", link, 100, true, "", "hello\n"},
		{"a link, not followed", link, 100, false, "is a symbolic link; refusing to follow it", ""},
		{"missing", filepath.Join(dir, "none"), 100, true, "cannot read: no such file or directory", ""},
	}
	for _, c := range cases {
		data, err := read(c.path, c.max, c.follow)
		switch {
		case c.wantErr == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.wantErr == "" && string(data) != c.wantData:
			t.Errorf("%s: read %q", c.name, data)
		case c.wantErr != "" && (err == nil || Why(err) != c.wantErr):
			t.Errorf("%s: got %v, want %q", c.name, err, c.wantErr)
		}
	}
}

func TestReadDoesNotBlockOnAFIFO(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	done := make(chan error, 1)
	go func() { _, err := Read(fifo, 100); done <- err }()
	select {
	case err := <-done:
		if err == nil || Why(err) != "is not a regular file (a FIFO, a device or a socket); nothing was read from it" {
			t.Errorf("FIFO: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("reading a FIFO blocked")
	}
}

func TestWritesAreAtomicAndLeaveNoTemporaryFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "a.yaml")
	if err := CreateNew(path, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := CreateNew(path, []byte("two")); !errors.Is(err, fs.ErrExist) {
		t.Errorf("CreateNew over a file: %v", err)
	}
	if err := WriteAtomic(path, []byte("three")); err != nil {
		t.Fatal(err)
	}
	placed, err := WriteIf(path, []byte("four"), 0, func() bool { return false })
	if err != nil || placed {
		t.Errorf("WriteIf told no: placed %v, %v", placed, err)
	}
	if got, _ := os.ReadFile(path); string(got) != "three" {
		t.Errorf("file holds %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestReplaceFileWritesThroughALinkKeepingPermissions(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	target := filepath.Join(dir, "real.yaml")
	os.WriteFile(target, []byte("old"), 0o600)
	link := filepath.Join(dir, "link.yaml")
	os.Symlink(target, link)
	if err := ReplaceFile(dir, link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Lstat(link)
	got, _ := os.ReadFile(target)
	info, _ := os.Stat(target)
	if st.Mode()&fs.ModeSymlink == 0 || string(got) != "new" || info.Mode().Perm() != 0o600 {
		t.Errorf("link kept %v, target %q, mode %v", st.Mode()&fs.ModeSymlink != 0, got, info.Mode().Perm())
	}
}

func TestTempNamesAreRecognisedAndStaleOnlyWhenTheirProcessIsGone(t *testing.T) {
	t.Parallel()
	name := filepath.Base(TempName("/x/page.md"))
	if !IsTemp(name) || IsTemp("page.md") {
		t.Errorf("IsTemp(%q) false, or a page taken for a temporary file", name)
	}
	if StaleTemp(name) {
		t.Errorf("this process's own temporary file %q taken as stale", name)
	}
	if runtime.GOOS != "windows" && !StaleTemp(".page.md.tmp-999999999-1") {
		t.Errorf("a temporary file of no running process is not stale")
	}
}

func TestWriteAtomicInReadOnlyFolderKeepsThePage(t *testing.T) {
	t.Parallel()
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

func TestReplaceFileRefusesALinkOutOfItsFolder(t *testing.T) {
	t.Parallel()
	dir, outside := t.TempDir(), t.TempDir()
	target := filepath.Join(outside, "profile")
	os.WriteFile(target, []byte("keep"), 0o644)
	link := filepath.Join(dir, "acme.yaml")
	os.Symlink(target, link)
	err := ReplaceFile(dir, link, []byte("name: x\n"))
	if err == nil || !strings.Contains(err.Error(), "outside") {
		t.Errorf("wrote through a link out of the folder: %v", err)
	}
	if got, _ := os.ReadFile(target); string(got) != "keep" {
		t.Errorf("the file outside now holds %q", got)
	}
}

func TestDirFSStaysInsideAndNeverBlocks(t *testing.T) {
	t.Parallel()
	dir, outside := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.yaml"), []byte("a"), 0o644)
	os.WriteFile(filepath.Join(dir, "big.yaml"), make([]byte, 100), 0o644)
	os.WriteFile(filepath.Join(outside, "secret"), []byte("s"), 0o644)
	os.Symlink(filepath.Join(outside, "secret"), filepath.Join(dir, "out.yaml"))
	os.Symlink("a.yaml", filepath.Join(dir, "in.yaml"))
	fifo := runtime.GOOS != "windows" && syscall.Mkfifo(filepath.Join(dir, "fifo.yaml"), 0o644) == nil
	fsys := DirFS(dir, 10)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if data, err := fs.ReadFile(fsys, "in.yaml"); err != nil || string(data) != "a" {
			t.Errorf("a link inside: %q %v", data, err)
		}
		if _, err := fs.ReadFile(fsys, "out.yaml"); err == nil || !strings.Contains(err.Error(), "outside its folder") {
			t.Errorf("a link out: %v", err)
		}
		if _, err := fs.ReadFile(fsys, "big.yaml"); !errors.Is(err, ErrTooLarge) {
			t.Errorf("over the limit: %v", err)
		}
		if _, err := fs.ReadFile(fsys, "../x"); err == nil {
			t.Error("read above the folder")
		}
		if fifo {
			if _, err := fs.ReadFile(fsys, "fifo.yaml"); err == nil || Why(err) != "is not a regular file (a FIFO, a device or a socket); nothing was read from it" {
				t.Errorf("FIFO: %v", err)
			}
		}
		entries, err := fs.ReadDir(fsys, ".")
		if err != nil || len(entries) < 4 || entries[0].Name() != "a.yaml" {
			t.Errorf("listing: %v %v", entries, err)
		}
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("blocked")
	}
}
