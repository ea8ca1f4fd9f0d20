package generate

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/partnerpages/partnerpages/internal/testsize"
	"github.com/partnerpages/partnerpages/scaffold/pagepath"
	"github.com/partnerpages/partnerpages/scaffold/project"
	"github.com/partnerpages/partnerpages/scaffold/safefile"

	"github.com/partnerpages/partnerpages/internal/synth"
	"github.com/partnerpages/partnerpages/scaffold/output"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
	"github.com/partnerpages/partnerpages/templates"
)

// TestHelperProcess is not a test: the crash and concurrency tests run it
// as a separate process (this test binary again) that generates pages.
func TestHelperProcess(t *testing.T) {
	t.Parallel()
	if os.Getenv("PP_HELPER_PARTNERS") == "" {
		return
	}
	in := project.Inputs{Partners: os.DirFS(os.Getenv("PP_HELPER_PARTNERS")), PartnersDir: "partners", Templates: templates.FS}
	out := os.Getenv("PP_HELPER_OUT")
	_, err := Run(context.Background(), Options{Inputs: in, Out: out,
		Waiting: func() { fmt.Fprintln(os.Stderr, "waiting for the other run") }})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
}

func helper(partners, out string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "PP_HELPER_PARTNERS="+partners, "PP_HELPER_OUT="+out)
	return cmd
}

// writePartners writes n synthetic partners; variant changes every e-mail,
// so that every page of a second generation differs from the first.
func writePartners(t *testing.T, dir string, n int, variant string) {
	t.Helper()
	os.MkdirAll(dir, 0o755)
	for i := range n {
		data := bytes.ReplaceAll(synth.Partner(i), []byte("@partner"), []byte("@"+variant+"partner"))
		if err := os.WriteFile(filepath.Join(dir, synth.FileName(i)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// expected renders the pages the partners of dir should have.
func expected(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	in := project.Inputs{Partners: os.DirFS(dir), PartnersDir: dir, Templates: templates.FS}
	set, _ := in.LoadTemplates()
	ps, errs := in.LoadPartners(set)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	pages, err := renderAll(set, ps)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]byte{}
	for _, p := range pages {
		m[p.Rel] = p.Content
	}
	return m
}

// countPages counts the pages under out.
func countPages(out string) int {
	n := 0
	filepath.WalkDir(out, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(d.Name(), ".md") {
			n++
		}
		return nil
	})
	return n
}

// A kill -9 in the middle of a run leaves every page as it was or complete,
// never partial, and a readable lock; the next run finishes the job. Both
// for a first generation and for an update of every page.
func TestCrashMidRunLeavesNoPartialPage(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("spawns processes")
	}
	root := t.TempDir()
	partners, out := filepath.Join(root, "partners"), filepath.Join(root, "apps")
	n := testsize.Sized(5000, 500) // 5,000: the size the issue names
	writePartners(t, partners, n, "a")
	old := expected(t, partners)
	for phase, variant := range []string{"a", "b"} {
		if variant == "b" {
			writePartners(t, partners, n, "b") // every page changes
		}
		want := expected(t, partners)
		cmd := helper(partners, out)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		before := countPages(out)
		deadline := time.Now().Add(20 * time.Second)
		for {
			// kill once some, but not all, pages of this phase are written
			if phase == 0 && countPages(out) > 200 || phase == 1 && changedPages(out, want, old) > 200 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("the run wrote nothing in time")
			}
			time.Sleep(2 * time.Millisecond)
		}
		cmd.Process.Kill() // SIGKILL: no cleanup runs
		cmd.Wait()
		written := 0
		filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
				return nil
			}
			rel, _ := filepath.Rel(out, path)
			data, _ := os.ReadFile(path)
			switch {
			case bytes.Equal(data, want[filepath.ToSlash(rel)]):
				written++
			case bytes.Equal(data, old[filepath.ToSlash(rel)]) && variant == "b":
			default:
				t.Errorf("%s is neither as it was nor complete (%d bytes)", rel, len(data))
			}
			return nil
		})
		t.Logf("phase %s: killed after %d of %d pages (had %d before)", variant, written, len(want), before)
		if written == len(want) {
			t.Log("the run finished before the kill; the check above still holds")
		}
		if _, err := output.ReadLock(out); err != nil {
			t.Fatalf("lock unreadable after the crash: %v", err)
		}
		// the next run finishes the job
		in := project.Inputs{Partners: os.DirFS(partners), PartnersDir: partners, Templates: templates.FS}
		if _, err := Run(context.Background(), Options{Inputs: in, Out: out}); err != nil {
			t.Fatalf("run after the crash: %v", err)
		}
		res, err := Run(context.Background(), Options{Inputs: in, Out: out, Check: true})
		if err != nil || len(res.Problems(true)) > 0 {
			t.Fatalf("not clean after the next run: %v %s", err, res.Summary())
		}
	}
}

func changedPages(out string, want, old map[string][]byte) int {
	n := 0
	for rel, w := range want {
		if data, err := os.ReadFile(filepath.Join(out, rel)); err == nil && bytes.Equal(data, w) && !bytes.Equal(w, old[rel]) {
			n++
		}
	}
	return n
}

// Two runs on the same output at once: one waits for the other; both end
// well, and the pages and the lock are intact.
func TestConcurrentRuns(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("spawns processes")
	}
	root := t.TempDir()
	partners, out := filepath.Join(root, "partners"), filepath.Join(root, "apps")
	writePartners(t, partners, testsize.Sized(1000, 400), "a")
	var errs [2]bytes.Buffer
	cmds := [2]*exec.Cmd{helper(partners, out), helper(partners, out)}
	for i, c := range cmds {
		c.Stderr = &errs[i]
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Fatalf("run %d failed: %v\n%s", i, err, errs[i].String())
		}
	}
	if !strings.Contains(errs[0].String()+errs[1].String(), "waiting for the other run") {
		t.Log("the runs did not overlap this time") // the outcome below must hold either way
	}
	want := expected(t, partners)
	for rel, w := range want {
		if data, _ := os.ReadFile(filepath.Join(out, rel)); !bytes.Equal(data, w) {
			t.Fatalf("%s is not the expected page", rel)
		}
	}
	lock, err := output.ReadLock(out)
	if err != nil || len(lock.Pages) != len(want) {
		t.Fatalf("lock: %v, %d pages recorded of %d", err, len(lock.Pages), len(want))
	}
}

// mountTmpfs mounts a small tmpfs (root only), or skips the test.
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v: %s); the injected-error test in scaffold/output covers a failing write", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

// A full disk: the run fails naming the page, pages already written are
// complete, the lock is readable, and no temporary file is left.
func TestGenerateOnAFullDisk(t *testing.T) {
	t.Parallel()
	out := mountTmpfs(t, "200k")
	partners := filepath.Join(t.TempDir(), "partners")
	writePartners(t, partners, 300, "a")
	in := project.Inputs{Partners: os.DirFS(partners), PartnersDir: partners, Templates: templates.FS}
	_, err := Run(context.Background(), Options{Inputs: in, Out: out})
	if err == nil || !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), out) {
		t.Fatalf("want a no-space error naming a path in %s, got %v", out, err)
	}
	// the count of pages written, when the lock could not be written either,
	// is the count of pages on disk, and the page write's own error is said
	pages := countPages(out)
	if m := regexp.MustCompile(`(\d+) page\(s\) were written`).FindStringSubmatch(err.Error()); m != nil {
		if m[1] != strconv.Itoa(pages) {
			t.Errorf("the error says %s page(s) were written, the folder holds %d:\n%v", m[1], pages, err)
		}
		if !strings.Contains(err.Error(), "writing failed") && !strings.Contains(err.Error(), "no space left") {
			t.Errorf("the page write's own error is not said:\n%v", err)
		}
	}
	want := expected(t, partners)
	filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(out, path)
		switch {
		case strings.Contains(d.Name(), ".tmp"):
			t.Errorf("temporary file left: %s", rel)
		case strings.HasSuffix(d.Name(), ".md"):
			if data, _ := os.ReadFile(path); !bytes.Equal(data, want[filepath.ToSlash(rel)]) {
				t.Errorf("%s is partial", rel)
			}
		}
		return nil
	})
	if _, err := output.ReadLock(out); err != nil && !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("lock: %v", err)
	}
}

// A read-only output folder: a clear error naming it, nothing else touched.
func TestGenerateIntoReadOnlyOutput(t *testing.T) {
	t.Parallel()
	out := mountTmpfs(t, "1m")
	partners := filepath.Join(t.TempDir(), "partners")
	writePartners(t, partners, 5, "a")
	if b, err := exec.Command("mount", "-o", "remount,ro", out).CombinedOutput(); err != nil {
		t.Skipf("cannot remount read-only: %v %s", err, b)
	}
	in := project.Inputs{Partners: os.DirFS(partners), PartnersDir: partners, Templates: templates.FS}
	_, err := Run(context.Background(), Options{Inputs: in, Out: out})
	if err == nil || !errors.Is(err, syscall.EROFS) || !strings.Contains(err.Error(), out) {
		t.Fatalf("want a read-only error naming %s, got %v", out, err)
	}
}

// Partner "files" that are a folder, a FIFO or a dangling link are errors
// that name them; nothing is written, and nothing blocks.
func TestOddPartnerFiles(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	partners := filepath.Join(root, "partners")
	writePartners(t, partners, 3, "a")
	os.Mkdir(filepath.Join(partners, "folder.yaml"), 0o755)
	os.Symlink(filepath.Join(root, "missing.yaml"), filepath.Join(partners, "dangling.yaml"))
	fifo := syscall.Mkfifo(filepath.Join(partners, "fifo.yaml"), 0o644) == nil
	out := filepath.Join(root, "apps")
	in := project.Inputs{Partners: os.DirFS(partners), PartnersDir: "partners", Templates: templates.FS}
	done := make(chan error)
	go func() {
		_, err := Run(context.Background(), Options{Inputs: in, Out: out})
		done <- err
	}()
	var err error
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("generate blocked on an odd partner file")
	}
	msg := fmt.Sprint(err)
	for _, want := range []string{"partners/folder.yaml: is a folder", "partners/dangling.yaml: cannot read"} {
		if !strings.Contains(msg, want) {
			t.Errorf("no %q in:\n%s", want, msg)
		}
	}
	if fifo && !strings.Contains(msg, "partners/fifo.yaml: is not a regular file") {
		t.Errorf("no FIFO error in:\n%s", msg)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("pages were written despite invalid partner files")
	}
}

// renderAll renders every partner with the template set alone, apart from
// the pipeline: the pages a run should leave.
func renderAll(set *render.Set, ps []*partner.Partner) ([]output.Page, error) {
	var pages []output.Page
	for _, p := range ps {
		outs, err := set.Render(p)
		if err != nil {
			return nil, err
		}
		for _, o := range outs {
			pages = append(pages, output.NewPage(pagepath.Path{Slug: p.Slug.Value, Lang: o.Lang, File: o.Name}, o.Content, ""))
		}
	}
	return pages, nil
}

// TestAFailedWriteAndAFailedLockAreBothSaid: when a page cannot be written
// and then neither can the lock file (a full disk), the error says the
// page's failure first and counts the pages that are on disk.
func TestAFailedWriteAndAFailedLockAreBothSaid(t *testing.T) {
	// safefile.WriteFault is the process's: no other test of this package runs beside it
	partners := filepath.Join(t.TempDir(), "partners")
	writePartners(t, partners, 10, "a")
	out := filepath.Join(t.TempDir(), "apps")
	writes := 0
	safefile.WriteFault = func(string) error {
		if writes++; writes > 3 {
			return syscall.ENOSPC
		}
		return nil
	}
	defer func() { safefile.WriteFault = nil }()
	in := project.Inputs{Partners: os.DirFS(partners), PartnersDir: partners, Templates: templates.FS}
	_, err := Run(context.Background(), Options{Inputs: in, Out: out})
	msg := fmt.Sprint(err)
	// the page's own failure names the page; the lock's names the lock file
	if !regexp.MustCompile(`/[a-z0-9-]+/(en|fr)/connect-hubrise\.md: writing failed`).MatchString(msg) ||
		!strings.Contains(msg, "3 page(s) were written, but the lock file could not be") {
		t.Errorf("want the page's error, then 3 pages written and the lock's failure; got:\n%s", msg)
	}
	if n := countPages(out); n != 3 {
		t.Errorf("%d pages on disk, want 3", n)
	}
}
