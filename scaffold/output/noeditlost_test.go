package output

import (
	"maps"
	"os"
	"path/filepath"
	"testing"

	"github.com/partnerpages/partnerpages/scaffold/pagepath"
)

func newLock() *Lock {
	return &Lock{Version: LockVersion, Pages: map[string]Entry{}, Inputs: map[string]Input{}}
}

// A run killed after it replaced some pages and before it wrote the lock
// (kill -9) leaves its journal; the next run knows those pages as the
// tool's, so after a revert of the partner file they are updated, not
// reported as hand edits. A page it noted but did not replace yet is known
// as it was.
func TestJournalOfAKilledRunKnowsItsPages(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	d, lock := NewDir(root), newLock()
	old := []Page{
		testPage("a/en/page.md", []byte("A from version 1\n"), "v1"),
		testPage("b/en/page.md", []byte("B from version 1\n"), "w1"),
	}
	if err := Apply(d, lock, plan(t, d, lock, old), false, nil); err != nil {
		t.Fatal(err)
	}
	lock.SetInput("a.yaml", Input{Slug: "a", SHA256: "v1"})
	lock.SetInput("b.yaml", Input{Slug: "b", SHA256: "w1"})
	if err := lock.Write(root); err != nil {
		t.Fatal(err)
	}
	// the killed run: a's page replaced, b's noted only; no lock written
	lock, _ = ReadLock(root)
	d = NewDir(root)
	next := plan(t, d, lock, []Page{testPage("a/en/page.md", []byte("A from version 2\n"), "v2")})
	if err := Apply(d, lock, next, false, nil); err != nil {
		t.Fatal(err)
	}
	if err := d.journal.Note("b/en/page.md", Hash([]byte("B from version 2\n"))); err != nil {
		t.Fatal(err)
	}
	d.Close()

	after, err := ReadLock(root)
	if err != nil {
		t.Fatal(err)
	}
	if after.Pages["a/en/page.md"].SHA256 != Hash([]byte("A from version 2\n")) {
		t.Error("the page the killed run wrote is not known as the tool's")
	}
	if after.Pages["b/en/page.md"].SHA256 != Hash([]byte("B from version 1\n")) {
		t.Error("a page noted but not written is not known as it is")
	}
	if after.Inputs["a.yaml"].SHA256 != VoidInput || after.Inputs["b.yaml"].SHA256 != VoidInput {
		t.Errorf("the lock still vouches for a partner the killed run touched: %v", after.Inputs)
	}
	// the revert: version 1 again is an update of a's page, not a conflict
	revert := plan(t, NewDir(root), after, old)
	for _, c := range revert {
		if want := map[string]Action{"a/en/page.md": Update, "b/en/page.md": Unchanged}[c.Rel]; c.Action != want {
			t.Errorf("%s: %v, want %v", c.Rel, c.Action, want)
		}
	}
	if err := after.Write(root); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, JournalName)); !os.IsNotExist(err) {
		t.Error("the journal is left after the lock was written")
	}
}

// A page a writer saves after the plan read it and before the run replaces
// it is kept and reported as hand-edited, never overwritten.
func TestAPageSavedDuringTheRunIsKept(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	d, lock := NewDir(root), newLock()
	p := testPage("a/en/page.md", []byte("version 1\n"), "")
	if err := Apply(d, lock, plan(t, d, lock, []Page{p}), false, nil); err != nil {
		t.Fatal(err)
	}
	p.Content = []byte("version 2\n")
	cs := plan(t, d, lock, []Page{p})
	if cs[0].Action != Update {
		t.Fatalf("planned %v", cs[0].Action)
	}
	path := filepath.Join(root, "a", "en", "page.md")
	os.WriteFile(path, []byte("version 1\nand a writer's line\n"), 0o644) // saved meanwhile
	if err := Apply(d, lock, cs, false, nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "version 1\nand a writer's line\n" {
		t.Errorf("the writer's save was overwritten: %q", got)
	}
	if cs[0].Action != Conflict {
		t.Errorf("reported %v, want hand-edited", cs[0].Action)
	}
	if lock.Pages[p.Rel].SHA256 != Hash([]byte("version 1\n")) {
		t.Error("the lock records a page that was not written")
	}
	// a file that appears where a new page goes is kept too
	q := testPage("b/en/page.md", []byte("new\n"), "")
	cs = plan(t, d, lock, []Page{q})
	os.MkdirAll(filepath.Join(root, "b", "en"), 0o755)
	os.WriteFile(filepath.Join(root, "b", "en", "page.md"), []byte("mine\n"), 0o644)
	if err := Apply(d, lock, cs, false, nil); err != nil || cs[0].Action != Conflict {
		t.Errorf("a file that appeared: %v, %v", err, cs[0].Action)
	}
}

// Writing a page of a partner from another version of its file than the
// lock vouches for voids the lock's word for that partner.
func TestTouchVoidsAnotherVersion(t *testing.T) {
	t.Parallel()
	l := newLock()
	l.SetInput("a.yaml", Input{Slug: "a", SHA256: "v1"})
	l.Touch("a", "v1")
	if l.Inputs["a.yaml"].SHA256 != "v1" {
		t.Error("the same version voided")
	}
	l.Touch("a", "v2")
	if l.Inputs["a.yaml"].SHA256 != VoidInput {
		t.Error("another version kept the lock's word")
	}
	l.Touch("nobody", "x") // a partner the lock does not know: nothing to void
}

// testPage is a page rendered from the partner file version input.
func testPage(rel string, content []byte, input string) Page {
	p, ok := pagepath.Parse(rel)
	if !ok {
		panic(rel)
	}
	return NewPage(p, content, input)
}

// TestLockFileRoundTrips: what Write saves, ReadLock reads back as it was.
func TestLockFileRoundTrips(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	l := newLock()
	l.Set("a/en/p.md", Entry{Path: pagepath.Path{Slug: "a", Lang: "en", File: "p.md"}, SHA256: "x"})
	l.Set("b-2/fr/q.md", Entry{Path: pagepath.Path{Slug: "b-2", Lang: "fr", File: "q.md"}, SHA256: "y"})
	l.SetInput("a.yaml", Input{Slug: "a", SHA256: "z"})
	l.SetTemplates("k")
	l.SetInput("a.yaml", Input{Slug: "a", SHA256: "z"})
	if err := l.Write(dir); err != nil {
		t.Fatal(err)
	}
	got, err := ReadLock(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(got.Pages, l.Pages) || !maps.Equal(got.Inputs, l.Inputs) || got.Templates != "k" {
		t.Errorf("read back %+v, wrote %+v", got, l)
	}
}

// FuzzReadLock: any lock file is refused with an error or read into a lock
// that writes back to what reads the same.
func FuzzReadLock(f *testing.F) {
	f.Add([]byte(`{"version": 2, "pages": {"a/en/p.md": "x"}, "inputs": {"a.yaml": {"slug": "a", "sha256": "z"}}, "templates": "k"}`))
	f.Add([]byte(`{"version": 2, "pages": {"../x/y": "x"}}`))
	f.Add([]byte(`{"version": 1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, LockName), data, 0o644)
		l, err := ReadLock(dir)
		if err != nil {
			return
		}
		again := t.TempDir()
		os.WriteFile(filepath.Join(again, LockName), l.Encode(), 0o644)
		m, err := ReadLock(again)
		if err != nil || !maps.Equal(m.Pages, l.Pages) || !maps.Equal(m.Inputs, l.Inputs) || m.Templates != l.Templates {
			t.Fatalf("read %+v, its encoding read back as %+v (%v)", l, m, err)
		}
	})
}
