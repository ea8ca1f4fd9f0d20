package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
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
	root := t.TempDir()
	d, lock := NewDir(root), newLock()
	old := []Page{
		{Rel: "a/en/page.md", Slug: "a", Lang: "en", Content: []byte("A from version 1\n"), Input: "v1"},
		{Rel: "b/en/page.md", Slug: "b", Lang: "en", Content: []byte("B from version 1\n"), Input: "w1"},
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
	next := plan(t, d, lock, []Page{{Rel: "a/en/page.md", Slug: "a", Lang: "en", Content: []byte("A from version 2\n"), Input: "v2"}})
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
	root := t.TempDir()
	d, lock := NewDir(root), newLock()
	p := Page{Rel: "a/en/page.md", Slug: "a", Lang: "en", Content: []byte("version 1\n")}
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
	q := Page{Rel: "b/en/page.md", Slug: "b", Lang: "en", Content: []byte("new\n")}
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

// TestReadLockAgain: a lock file read again after the run lock is taken is
// decoded anew when another run changed it, when it was written in place
// (its size and modification time kept), or when a journal is left, and
// only then; with a clock mark or without one.
func TestReadLockAgain(t *testing.T) {
	for _, marked := range []bool{false, true} {
		t.Run(fmt.Sprintf("marked=%v", marked), func(t *testing.T) {
			dir := t.TempDir()
			l := &Lock{Version: LockVersion, Pages: map[string]Entry{"a/en/p.md": {Slug: "a", Lang: "en", SHA256: "x"}}, Inputs: map[string]Input{}}
			if err := l.Write(dir); err != nil {
				t.Fatal(err)
			}
			time.Sleep(20 * time.Millisecond) // the clock ticks past the write
			var mark FileStat
			if marked {
				mark = ClockMark(dir)
			}
			first, err := ReadLock(dir)
			if err != nil {
				t.Fatal(err)
			}
			if again, _ := ReadLockAgain(dir, first, mark); again != first {
				t.Error("an unchanged lock file was decoded again")
			}

			path := filepath.Join(dir, LockName)
			st, _ := os.Stat(path)
			data, _ := os.ReadFile(path)
			edited := bytes.Replace(data, []byte(`"x"`), []byte(`"w"`), 1)
			os.WriteFile(path, edited, 0o644) // in place, the same size
			os.Chtimes(path, st.ModTime(), st.ModTime())
			again, _ := ReadLockAgain(dir, first, mark)
			if again == first || again.Pages["a/en/p.md"].SHA256 != "w" {
				t.Errorf("a lock file written in place was not read again: %v", again.Pages)
			}

			other := &Lock{Version: LockVersion, Pages: map[string]Entry{}, Inputs: map[string]Input{}}
			other.Set("b/en/p.md", Entry{Slug: "b", Lang: "en", SHA256: "y"})
			if err := other.Write(dir); err != nil {
				t.Fatal(err)
			}
			again, _ = ReadLockAgain(dir, first, mark)
			if again == first || again.Pages["b/en/p.md"].SHA256 != "y" {
				t.Errorf("a lock file another run wrote was not read: %v", again.Pages)
			}
			os.WriteFile(filepath.Join(dir, JournalName), []byte("c/en/p.md\tz\n"), 0o644)
			if third, _ := ReadLockAgain(dir, again, mark); third == again {
				t.Error("a journal left by a killed run was not merged")
			}
		})
	}
}

// TestLockEncodingIsJSONs: the lock file's hand-written encoder writes what
// encoding/json's MarshalIndent writes, byte for byte, for locks with odd
// paths and names, empty and full.
func TestLockEncodingIsJSONs(t *testing.T) {
	odd := []string{"a", "é/<x>&\"q\"", "tab\there", "\u2028", "b\\c", "z"}
	for n := range len(odd) + 1 {
		l := &Lock{Version: LockVersion, Pages: map[string]Entry{}, Inputs: map[string]Input{}}
		for i, s := range odd[:n] {
			l.Pages[s+"/en/p.md"] = Entry{Slug: s, Lang: "en", SHA256: fmt.Sprintf("%064x", i)}
			if i%2 == 0 {
				l.Inputs[s+".yaml"] = Input{Slug: s, SHA256: odd[len(odd)-1-i]}
			}
		}
		if n%2 == 1 {
			l.Templates = "t" + odd[n-1]
		}
		f := lockFile{Version: l.Version, Pages: map[string]string{}, Inputs: l.Inputs, Templates: l.Templates}
		for rel, e := range l.Pages {
			f.Pages[rel] = e.SHA256
		}
		want, err := json.MarshalIndent(f, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		got := l.Encode()
		if string(got) != string(want)+"\n" {
			t.Errorf("%d entries:\ngot  %s\nwant %s", n, got, want)
		}
		if cap(got) != len(got) { // sized once: a large lock is not held twice over
			t.Errorf("%d entries: %d bytes in a buffer of %d", n, len(got), cap(got))
		}
	}
}
