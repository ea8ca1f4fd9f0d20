package output

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

func pages(n int, content string) []Page {
	var ps []Page
	for i := range n {
		ps = append(ps, Page{Rel: RelPath(fmt.Sprintf("p%02d", i), "en", "page.md"), Slug: fmt.Sprintf("p%02d", i), Lang: "en", Content: []byte(content + "\n")})
	}
	return ps
}

func plan(t *testing.T, d *Dir, lock *Lock, ps []Page) []Change {
	t.Helper()
	rendered := NewRendered(lock.Pages)
	var cs []Change
	for _, p := range ps {
		c, err := PlanPage(d, lock.Pages[p.Rel].SHA256, p, false, false)
		if err != nil {
			t.Fatal(err)
		}
		cs = append(cs, c)
		rendered.Add(p.Rel)
	}
	gone, err := PlanGone(d, lock, maps.Clone(lock.Pages), rendered, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	return append(cs, gone...)
}

// A write that fails (a full disk, an I/O error) stops the run with an error
// naming the page; pages written before it are complete and recorded,
// the failed one keeps its old content, and no temporary file is left.
func TestApplyStopsCleanlyOnWriteError(t *testing.T) {
	for _, existing := range []bool{false, true} {
		t.Run(fmt.Sprintf("existing=%v", existing), func(t *testing.T) {
			root := t.TempDir()
			d, lock := NewDir(root), &Lock{Version: LockVersion, Pages: map[string]Entry{}, Inputs: map[string]Input{}}
			if existing {
				if err := Apply(d, lock, plan(t, d, lock, pages(10, "old")), false, nil); err != nil {
					t.Fatal(err)
				}
			}
			writes := 0
			writeFault = func(path string) error {
				if writes++; writes == 5 {
					return syscall.ENOSPC
				}
				return nil
			}
			defer func() { writeFault = nil }()
			err := Apply(d, lock, plan(t, d, lock, pages(10, "new")), false, nil)
			if err == nil || !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), filepath.Join(root, "p04", "en", "page.md")) {
				t.Fatalf("want ENOSPC naming p04's page, got %v", err)
			}
			for i := range 10 {
				rel := RelPath(fmt.Sprintf("p%02d", i), "en", "page.md")
				data, _ := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
				want := "new\n"
				if i >= 4 {
					want = map[bool]string{true: "old\n", false: ""}[existing]
				}
				if string(data) != want {
					t.Errorf("%s = %q, want %q", rel, data, want)
				}
				if e, ok := lock.Pages[rel]; i < 4 && (!ok || e.SHA256 != Hash([]byte("new\n"))) {
					t.Errorf("%s written but not recorded in the lock", rel)
				}
			}
			leftovers, _ := filepath.Glob(filepath.Join(root, "*", "*", ".*tmp*"))
			if len(leftovers) > 0 {
				t.Errorf("temporary files left: %v", leftovers)
			}
		})
	}
}

// A FIFO where a page (or partner file) should be must not block the run.
func TestReadRefusesFIFO(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "s", "en"), 0o755)
	fifo := filepath.Join(root, "s", "en", "page.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan error)
	go func() { _, _, err := NewDir(root).Read("s/en/page.md"); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("got %v", err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("reading a FIFO blocked")
	}
	if _, err := DiskFS(filepath.Join(root, "s", "en")).ReadFileLimit("page.md", 1<<20); err == nil {
		t.Error("DiskFS read a FIFO")
	}
}

// A symbolic link where a page should be is never followed.
func TestReadRefusesSymlinkedPage(t *testing.T) {
	root, elsewhere := t.TempDir(), t.TempDir()
	secret := filepath.Join(elsewhere, "secret")
	os.WriteFile(secret, []byte("do not touch"), 0o644)
	os.MkdirAll(filepath.Join(root, "s", "en"), 0o755)
	os.Symlink(secret, filepath.Join(root, "s", "en", "page.md"))
	d := NewDir(root)
	if _, _, err := d.Read("s/en/page.md"); err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("read through a link: %v", err)
	}
	if err := d.Write("s/en/page.md", []byte("new")); err != nil {
		t.Fatal(err) // the link itself is replaced, not followed
	}
	if data, _ := os.ReadFile(secret); string(data) != "do not touch" {
		t.Error("wrote through the symbolic link")
	}
}

// A second run on the same output folder waits for the first.
func TestRunLockMakesASecondRunWait(t *testing.T) {
	dir := t.TempDir()
	held, err := AcquireRunLock(context.Background(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	waited := make(chan struct{})
	got := make(chan error)
	go func() {
		rel, err := AcquireRunLock(context.Background(), dir, func() { close(waited) })
		if err == nil {
			rel.Release()
		}
		got <- err
	}()
	select {
	case <-waited:
	case <-time.After(3 * time.Second):
		t.Fatal("the second run did not wait for the lock")
	}
	select {
	case <-got:
		t.Fatal("the second run got the lock while the first held it")
	case <-time.After(100 * time.Millisecond):
	}
	held.Release()
	if err := <-got; err != nil {
		t.Fatal(err)
	}
	// and a waiting run can be interrupted
	held, _ = AcquireRunLock(context.Background(), dir, nil)
	defer held.Release()
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if _, err := AcquireRunLock(ctx, dir, nil); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("want the wait to end with the context, got %v", err)
	}
}

// The run lock tells a run whether the last one ended well (released it),
// so that only after a killed run is the output folder listed for its
// temporary files.
func TestRunLockTellsWhetherTheLastRunEndedWell(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no run lock on this platform")
	}
	dir := t.TempDir()
	acquire := func() *RunLock {
		t.Helper()
		l, err := AcquireRunLock(context.Background(), dir, nil)
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	steps := []struct {
		name string
		end  func(*RunLock)
		want bool // what the next run is told
	}{
		{"a run released the lock", (*RunLock).Release, true},
		{"a run was killed", func(l *RunLock) { l.f.Close() }, false}, // the file closed, never released
		{"a run after a killed one released it", (*RunLock).Release, true},
	}
	if l := acquire(); l.LastEndedWell() {
		t.Error("no run before, yet the last one ended well")
	} else {
		l.Release()
	}
	l := acquire()
	for _, s := range steps {
		s.end(l)
		l = acquire()
		if got := l.LastEndedWell(); got != s.want {
			t.Errorf("%s, then the next one is told it ended well: %v, want %v", s.name, got, s.want)
		}
	}
	l.Release()
	// a run lock file as an older partnerpages left it (empty)
	os.WriteFile(filepath.Join(dir, RunLockName), nil, 0o644)
	if l := acquire(); l.LastEndedWell() {
		t.Error("an empty run lock file says the last run ended well")
	}
}

// IsTemp knows the names of the temporary files the tool makes.
func TestIsTempKnowsTheToolsTemporaryFiles(t *testing.T) {
	for _, name := range []string{clockMarkName(), "." + LockName + ".tmp-" + tmpPrefix + "1", ".acme.yaml.tmp-" + tmpPrefix + "2"} {
		if !IsTemp(name) {
			t.Errorf("%s is not known as temporary", name)
		}
	}
	for _, name := range []string{LockName, RunLockName, JournalName, "acme.yaml", "tmp-1", ".tmp-1"} {
		if IsTemp(name) {
			t.Errorf("%s is taken for a temporary file", name)
		}
	}
}
