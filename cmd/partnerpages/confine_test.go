package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestNothingIsWrittenOutsideTheProject: a symbolic link from the project
// to a file outside it is never written through, by any command.
func TestNothingIsWrittenOutsideTheProject(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		link  string // made a link to the outside file, after setup
		setup []string
		args  []string
	}{
		{"run lock", "content/apps/.partnerpages.run", []string{"generate"}, []string{"generate"}},
		{"lock file", "content/apps/.partnerpages.lock", []string{"generate"}, []string{"generate", "--force"}},
		{"journal", "content/apps/.partnerpages.journal", []string{"generate"}, []string{"generate", "--force", "qwenta"}},
		{"partner file, import --force", "partners/wiipos.yaml", []string{"generate"}, []string{"import", "--force", "content/apps/wiipos/fr/connect-hubrise.md"}},
		{"partner file, new --force", "partners/zed.yaml", nil, []string{"new", "--yes", "--force", "--name", "Zed", "--email", "z@z.example", "--mode", "support"}},
		{"page, lint --fix", "content/apps/qwenta/fr/connect-hubrise.md", []string{"generate"}, []string{"lint", "--fix", "content/apps"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := shippedPartners(t)
			for _, a := range c.setup {
				run(t, dir, a)
			}
			outside := filepath.Join(t.TempDir(), "profile")
			const keep = "# a file of the user's, outside the project\n{{ TODO\n"
			os.WriteFile(outside, []byte(keep), 0o644)
			os.Remove(filepath.Join(dir, c.link))
			if err := os.Symlink(outside, filepath.Join(dir, c.link)); err != nil {
				t.Fatal(err)
			}
			code, out, errOut := run(t, dir, c.args...)
			if got, _ := os.ReadFile(outside); string(got) != keep {
				t.Errorf("%v wrote through the link: the outside file holds %q (exit %d)\n%s%s", c.args, got, code, out, errOut)
			}
			if code == exitOK {
				t.Errorf("%v: exit 0 though it could not write %s\n%s%s", c.args, c.link, out, errOut)
			}
		})
	}
}

// TestOddTemplateAndSiteFilesAreRefusedAtOnce: a FIFO or a link to
// /dev/zero as a template file, site.yaml or a page of the --site tree.
func TestOddTemplateAndSiteFilesAreRefusedAtOnce(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ odd, fifoOrZero string }{
		{"tpl/en/_contact.tmpl", "fifo"}, {"tpl/en/_contact.tmpl", "zero"},
		{"tpl/site.yaml", "fifo"}, {"site/docs/en/page.md", "fifo"}, {"site/docs/en/page.md", "zero"},
	} {
		dir := shippedPartners(t)
		run(t, dir, "templates", "export", "tpl")
		os.MkdirAll(filepath.Join(dir, "site/docs/en"), 0o755)
		os.WriteFile(filepath.Join(dir, "site/docs/en/get-started.md"), []byte("# Get Started\n"), 0o644)
		odd := filepath.Join(dir, c.odd)
		os.Remove(odd)
		if c.fifoOrZero == "fifo" {
			if err := syscall.Mkfifo(odd, 0o644); err != nil {
				t.Skip("no FIFOs here:", err)
			}
		} else {
			os.Symlink("/dev/zero", odd)
		}
		for _, args := range [][]string{
			{"generate", "--templates", "tpl"}, {"lint", "--site", "site", "--templates", "tpl", "partners"},
			{"preview", "--templates", "tpl", "--site", "site", "--html", "static"},
		} {
			done := make(chan int, 1)
			go func() { code, _, _ := run(t, dir, args...); done <- code }()
			select {
			case code := <-done:
				if code != exitProblem && strings.HasPrefix(c.odd, "tpl") {
					t.Errorf("%s as a %s: %v exit %d", c.odd, c.fifoOrZero, args, code)
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("%s as a %s: %v hangs", c.odd, c.fifoOrZero, args)
			}
		}
	}
}

// TestEveryCommandStopsWhenInterrupted: with Ctrl-C pressed, each command
// stops (exit 130) and leaves nothing half-written.
func TestEveryCommandStopsWhenInterrupted(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"generate"}, {"lint", "pages"}, {"import", "pages"}, {"absorb"},
	} {
		dir := shippedPartners(t)
		os.MkdirAll(filepath.Join(dir, "pages"), 0o755)
		data, _ := os.ReadFile(filepath.Join("..", "..", "scaffold", "render", "testdata", "golden", "orderix", "en", "connect-hubrise.md"))
		os.WriteFile(filepath.Join(dir, "pages", "orderix-en.md"), data, 0o644)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		ios, _, errOut := Test("")
		code := RunIn(ctx, dir, args, ios)
		if code != exitInterrupted {
			t.Errorf("%v after Ctrl-C: exit %d\n%s", args, code, errOut)
		}
		if _, err := os.Stat(filepath.Join(dir, "partners", "orderix.yaml")); err == nil {
			t.Errorf("%v after Ctrl-C wrote a partner file", args)
		}
	}
}
