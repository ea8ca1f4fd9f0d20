package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestNoCommandHangsOnAFIFOOrADevice: a FIFO, or a link to /dev/zero, as a
// partner file, a page or the project file is refused by every command, at
// once, with the file named; none blocks or reads without end.
func TestNoCommandHangsOnAFIFOOrADevice(t *testing.T) {
	t.Parallel()
	dir := shippedPartners(t)
	run(t, dir, "generate")
	for _, odd := range []string{"partners/fifo.yaml", "content/apps/qwenta/fr/fifo.md"} {
		if err := syscall.Mkfifo(filepath.Join(dir, odd), 0o644); err != nil {
			t.Skip("no FIFOs here:", err)
		}
	}
	os.Symlink("/dev/zero", filepath.Join(dir, "partners", "zero.yaml"))
	os.Symlink("/dev/zero", filepath.Join(dir, "content/apps/qwenta/fr/zero.md"))
	for _, args := range [][]string{
		{"validate"}, {"validate", "partners/fifo.yaml"}, {"generate"}, {"generate", "--check"}, {"absorb"},
		{"new", "--yes", "--name", "Zed", "--email", "z@z.example", "--mode", "support"},
		{"import", "content/apps/qwenta/fr/fifo.md", "content/apps/qwenta/fr/zero.md"},
		{"lint"}, {"lint", "--fix", "content/apps"}, {"lint", "partners/fifo.yaml", "partners/zero.yaml"},
	} {
		done := make(chan string, 1)
		go func() {
			code, out, errOut := run(t, dir, args...)
			done <- strings.Join([]string{string(rune('0' + code)), out, errOut}, "\n")
		}()
		select {
		case res := <-done:
			if res[0] != '1' || !strings.Contains(res, "fifo") || !strings.Contains(res, "not a regular file") {
				t.Errorf("%v: want exit 1 naming the FIFO as not a regular file, got:\n%s", args, res)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%v hangs on a FIFO or /dev/zero", args)
		}
	}
	// the project file too
	os.Remove(filepath.Join(dir, "partners", "fifo.yaml"))
	os.Remove(filepath.Join(dir, "partners", "zero.yaml"))
	syscall.Mkfifo(filepath.Join(dir, "partnerpages.yaml"), 0o644)
	done := make(chan int, 1)
	go func() { code, _, _ := run(t, dir, "validate"); done <- code }()
	select {
	case code := <-done:
		if code != exitProblem {
			t.Errorf("a FIFO as project file: exit %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("validate hangs on a FIFO project file")
	}
}
