package generate

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/partnerpages/partnerpages/internal/testsize"
	"github.com/partnerpages/partnerpages/scaffold/project"

	"github.com/partnerpages/partnerpages/scaffold/output"
	"github.com/partnerpages/partnerpages/templates"
)

// differing counts the pages under out whose content is not want's.
func differing(t *testing.T, out string, want map[string][]byte) map[string]bool {
	t.Helper()
	diff := map[string]bool{}
	filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return nil
		}
		rel, _ := filepath.Rel(out, path)
		rel = filepath.ToSlash(rel)
		if data, _ := os.ReadFile(path); !bytes.Equal(data, want[rel]) {
			diff[rel] = true
		}
		return nil
	})
	return diff
}

// n is how many partners the interrupted-run tests have: enough for a run
// to be cut part-way.
var n = testsize.Sized(1500, 450)

// generatedVersionA writes n partners and generates their pages; it returns
// the folders, the inputs and the pages as they are.
func generatedVersionA(t *testing.T, n int) (partners, out string, in project.Inputs, pages map[string][]byte) {
	t.Helper()
	root := t.TempDir()
	partners, out = filepath.Join(root, "partners"), filepath.Join(root, "apps")
	writePartners(t, partners, n, "a")
	in = project.Inputs{Partners: os.DirFS(partners), PartnersDir: partners, Templates: templates.FS}
	if _, err := Run(context.Background(), Options{Inputs: in, Out: out}); err != nil {
		t.Fatal(err)
	}
	return partners, out, in, expected(t, partners)
}

// Case 2 of the issue, with Ctrl-C: a run interrupted part-way through an
// update of every page, then a revert of every partner file. Whatever the
// run had written, --check reports exactly the pages that differ from the
// reverted files (stale, none hand-edited), and generate mends them all.
func TestAnInterruptedRunThenARevertLeavesNoStalePageUnseen(t *testing.T) {
	t.Parallel()
	partners, out, in, original := generatedVersionA(t, n)
	writePartners(t, partners, n, "b") // every page changes
	ctx, cancel := context.WithCancel(context.Background())
	progress := &Progress{}
	go func() {
		for progress.Done() < int64(n/3) {
			time.Sleep(200 * time.Microsecond)
		}
		cancel() // Ctrl-C
	}()
	_, err := Run(ctx, Options{Inputs: in, Out: out, Progress: progress})
	cancel()
	writePartners(t, partners, n, "a") // git checkout partners/
	stale := differing(t, out, original)
	t.Logf("interrupted (%v) with %d pages of the new version on disk", err, len(stale))

	res, err := Run(context.Background(), Options{Inputs: in, Out: out, Check: true})
	if err != nil {
		t.Fatal(err)
	}
	reported := map[string]bool{}
	for _, c := range res.Changes {
		switch c.Action {
		case output.Update:
			reported[c.Rel] = true
		case output.Conflict, output.Create:
			t.Errorf("%s: %v after a revert", c.Rel, c.Action)
		}
	}
	for rel := range stale {
		if !reported[rel] {
			t.Errorf("%s differs from its partner file, and --check calls it unchanged", rel)
		}
	}
	if len(reported) != len(stale) {
		t.Errorf("--check reports %d stale pages, %d differ", len(reported), len(stale))
	}
	if _, err := Run(context.Background(), Options{Inputs: in, Out: out}); err != nil {
		t.Fatal(err)
	}
	if left := differing(t, out, original); len(left) > 0 {
		t.Errorf("%d pages still differ after generate", len(left))
	}
}

// Case 3: kill -9 in the middle of an update, then a revert: the pages the
// killed run wrote are the tool's (its journal says so), so the next run
// updates them back and reports no hand edit.
func TestAKilledRunThenARevertReportsNoHandEdit(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("spawns a process")
	}
	partners, out, in, original := generatedVersionA(t, n)
	writePartners(t, partners, n, "b")
	cmd := helper(partners, out)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(20 * time.Second); len(differing(t, out, original)) < 100; {
		if time.Now().After(deadline) {
			t.Fatal("the run wrote nothing in time")
		}
		time.Sleep(time.Millisecond)
	}
	cmd.Process.Kill() // SIGKILL: no lock written
	cmd.Wait()
	// what a kill can leave besides: temporary files of the dead process
	dead := fmt.Sprint(cmd.Process.Pid)
	os.WriteFile(filepath.Join(out, "..partnerpages.lock.tmp-"+dead+"-7"), []byte("{"), 0o644)
	os.WriteFile(filepath.Join(partners, ".partner-00001.yaml.tmp-"+dead+"-3"), []byte("name:"), 0o644)
	writePartners(t, partners, n, "a") // the revert
	t.Logf("killed with %d pages of the new version on disk", len(differing(t, out, original)))
	res, err := Run(context.Background(), Options{Inputs: in, Out: out})
	if err != nil {
		t.Fatal(err)
	}
	if k := res.Count(output.Conflict); k > 0 {
		t.Errorf("%d pages the tool wrote are reported hand-edited", k)
	}
	if left := differing(t, out, original); len(left) > 0 {
		t.Errorf("%d pages still differ from the reverted partner files", len(left))
	}
	if _, err := os.Stat(filepath.Join(out, output.JournalName)); !os.IsNotExist(err) {
		t.Error("the journal is left after a run that wrote the lock")
	}
	for _, d := range []string{out, partners} {
		filepath.WalkDir(d, func(path string, e fs.DirEntry, err error) error {
			if err == nil && strings.Contains(e.Name(), ".tmp-"+dead+"-") {
				t.Errorf("a temporary file of the killed run is left: %s", path)
			}
			return nil
		})
	}
}
