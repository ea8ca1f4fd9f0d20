package output

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/partnerpages/partnerpages/scaffold/pagepath"
	"github.com/partnerpages/partnerpages/scaffold/safefile"
)

func pages(n int, content string) []Page {
	var ps []Page
	for i := range n {
		ps = append(ps, NewPage(pagepath.Path{Slug: fmt.Sprintf("p%02d", i), Lang: "en", File: "page.md"}, []byte(content+"\n"), ""))
	}
	return ps
}

func plan(t *testing.T, d *Dir, lock *Lock, ps []Page) []Change {
	t.Helper()
	rendered := map[string]bool{}
	var cs []Change
	for _, p := range ps {
		c, err := PlanPage(d, lock.Pages[p.Rel].SHA256, p, false, false)
		if err != nil {
			t.Fatal(err)
		}
		cs = append(cs, c)
		rendered[p.Rel] = true
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
			safefile.WriteFault = func(path string) error {
				if writes++; writes == 5 {
					return syscall.ENOSPC
				}
				return nil
			}
			defer func() { safefile.WriteFault = nil }()
			err := Apply(d, lock, plan(t, d, lock, pages(10, "new")), false, nil)
			if err == nil || !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), filepath.Join(root, "p04", "en", "page.md")) {
				t.Fatalf("want ENOSPC naming p04's page, got %v", err)
			}
			for i := range 10 {
				rel := pagepath.Path{Slug: fmt.Sprintf("p%02d", i), Lang: "en", File: "page.md"}.Rel()
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
	if placed, _ := d.Replace("s/en/page.md", []byte("new"), Hash([]byte("do not touch"))); placed {
		t.Error("replaced a page through a link") // the link is never read as the page
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

// IsTemp knows the names of the temporary files the tool makes.
func TestIsTempKnowsTheToolsTemporaryFiles(t *testing.T) {
	for _, name := range []string{filepath.Base(safefile.TempName(LockName)), ".acme.yaml.tmp-12-2"} {
		if !safefile.IsTemp(name) {
			t.Errorf("%s is not known as temporary", name)
		}
	}
	for _, name := range []string{LockName, RunLockName, JournalName, "acme.yaml", "tmp-1", ".tmp-1"} {
		if safefile.IsTemp(name) {
			t.Errorf("%s is taken for a temporary file", name)
		}
	}
}

// A page over the size any page has is refused before it is read whole
// (absorb read a 50 MB page into 2 GB before refusing it).
func TestReadRefusesAnOversizedPage(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "s", "en"), 0o755)
	f, _ := os.Create(filepath.Join(root, "s", "en", "page.md"))
	f.Truncate(safefile.MaxPageSize + 1)
	f.Close()
	if _, _, err := NewDir(root).Read("s/en/page.md"); err == nil || !strings.Contains(err.Error(), "too large") {
		t.Errorf("read an oversized page: %v", err)
	}
}
