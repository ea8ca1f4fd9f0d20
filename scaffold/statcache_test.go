package scaffold

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"github.com/partnerpages/partnerpages/internal/synth"
	"github.com/partnerpages/partnerpages/scaffold/output"
	"github.com/partnerpages/partnerpages/templates"
)

// cachedRun is a folder of partners and its output folder, generated with
// a stat cache.
type cachedRun struct {
	partners, out string
	in            Inputs
}

func newCachedRun(t *testing.T, n int) *cachedRun {
	t.Helper()
	root := t.TempDir()
	c := &cachedRun{partners: filepath.Join(root, "partners"), out: filepath.Join(root, "apps")}
	writePartners(t, c.partners, n, "a")
	c.in = Inputs{Partners: output.DiskFS(c.partners), PartnersDir: c.partners, Templates: templates.FS}
	c.generate(t, false)
	return c
}

func (c *cachedRun) generate(t *testing.T, check bool) *GenerateResult {
	t.Helper()
	time.Sleep(20 * time.Millisecond) // the file system's clock ticks past the last run's writes
	res, err := Generate(context.Background(), GenerateOptions{Inputs: c.in, Out: c.out, Check: check, StatCache: statCacheFor(c.out), ListAll: true})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// A run after runs that saw the pages reads none of them: their status
// says they are as the tool wrote them.
func TestAStatCacheSparesReadingUnchangedPages(t *testing.T) {
	c := newCachedRun(t, 30)
	c.generate(t, false) // reads what the first run wrote in its last clock tick
	before := output.PagesRead()
	res := c.generate(t, false)
	if read := output.PagesRead() - before; read != 0 {
		t.Errorf("a run on unchanged pages read %d of them", read)
	}
	if res.Count(output.Unchanged) != 60 {
		t.Errorf("%s, want 60 unchanged", res.Summary())
	}
}

// A run records the pages it wrote (read back after its last write, as
// they were written), so that the next run reads only those its clock
// could not tell from a later write: a few of the last ones, not all.
func TestARunRecordsThePagesItWrote(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 600 pages")
	}
	c := newCachedRun(t, 300) // the first run writes every page
	before := output.PagesRead()
	res := c.generate(t, false)
	if read := output.PagesRead() - before; read > 300 {
		t.Errorf("the run after the first read %d of its 600 pages: the first did not record those it wrote", read)
	}
	if res.Count(output.Unchanged) != 600 {
		t.Errorf("%s, want 600 unchanged", res.Summary())
	}
}

// A run after a change of the templates that leaves every page as it was
// renders and compares them all, and the stat cache still knows them: the
// run after it reads none.
func TestAStatCacheOutlivesATemplateChange(t *testing.T) {
	c := newCachedRun(t, 10)
	c.generate(t, false)
	changed := fstest.MapFS{}
	fs.WalkDir(templates.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := fs.ReadFile(templates.FS, path)
			if path == "en/_contact.tmpl" {
				data = append([]byte("{{/* a note for the next writer */}}"), data...)
			}
			changed[path] = &fstest.MapFile{Data: data}
		}
		return nil
	})
	c.in.Templates = changed
	if res := c.generate(t, false); res.Count(output.Unchanged) != 20 {
		t.Fatalf("after a template change that changes no page: %s", res.Summary())
	}
	before := output.PagesRead()
	c.generate(t, false)
	if read := output.PagesRead() - before; read != 0 {
		t.Errorf("the run after a template change read %d pages", read)
	}
}

// sameSizeEdit changes one byte of the file at path in place and puts its
// modification time back: only its change time tells it was written.
func sameSizeEdit(t *testing.T, path string) {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	i := bytes.IndexByte(data, 'a')
	data[i] = 'b'
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
}

// No edit hides behind the stat cache: a page or a partner file written
// with its size kept and its modification time put back is read again, so
// --check reports the page as hand-edited, or the partner's pages as
// stale, and a run that writes keeps the hand edit.
func TestAStatCacheNeverHidesAnEdit(t *testing.T) {
	t.Run("page", func(t *testing.T) {
		c := newCachedRun(t, 10)
		c.generate(t, false)
		page := filepath.Join(c.out, "partner-00003", "en", "connect-hubrise.md")
		sameSizeEdit(t, page)
		edited, _ := os.ReadFile(page)
		for _, check := range []bool{true, false} {
			res := c.generate(t, check)
			if res.Count(output.Conflict) != 1 || res.Count(output.Unchanged) != 19 {
				t.Errorf("check %v: %s, want the edited page kept as hand-edited", check, res.Summary())
			}
		}
		if now, _ := os.ReadFile(page); !bytes.Equal(now, edited) {
			t.Error("the hand edit was overwritten")
		}
	})
	t.Run("partner file", func(t *testing.T) {
		c := newCachedRun(t, 10)
		c.generate(t, false)
		var times []time.Time
		for i := range 5 {
			st, _ := os.Stat(filepath.Join(c.partners, synth.FileName(i)))
			times = append(times, st.ModTime())
		}
		writePartners(t, c.partners, 5, "b") // the same size: "@apartner" becomes "@bpartner"
		for i, mt := range times {
			os.Chtimes(filepath.Join(c.partners, synth.FileName(i)), mt, mt)
		}
		res := c.generate(t, true)
		if res.Count(output.Update) != 10 || res.Count(output.Conflict) != 0 {
			t.Errorf("--check after 5 partner files changed: %s, want their 10 pages stale", res.Summary())
		}
		if got := differing(t, c.out, expected(t, c.partners)); len(got) != 10 {
			t.Errorf("%d pages differ from the partner files, want 10", len(got))
		}
		c.generate(t, false)
		if got := differing(t, c.out, expected(t, c.partners)); len(got) != 0 {
			t.Errorf("%d pages still differ after generate", len(got))
		}
	})
}

// A run that writes nothing (--check) leaves no stat cache behind.
func TestACheckRunWritesNoStatCache(t *testing.T) {
	root := t.TempDir()
	partners, out := filepath.Join(root, "partners"), filepath.Join(root, "apps")
	writePartners(t, partners, 3, "a")
	in := Inputs{Partners: output.DiskFS(partners), PartnersDir: partners, Templates: templates.FS}
	if _, err := Generate(context.Background(), GenerateOptions{Inputs: in, Out: out, Check: true, StatCache: statCacheFor(out)}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(statCacheFor(out)); !os.IsNotExist(err) {
		t.Errorf("--check wrote %s (%v)", statCacheFor(out), err)
	}
}
