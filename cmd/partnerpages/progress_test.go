package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/partnerpages/partnerpages/scaffold/generate"
)

// syncBuffer is a bytes.Buffer safe for the progress goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestProgressQuietForQuickRuns(t *testing.T) {
	t.Parallel()
	var w syncBuffer
	stop := showProgress(&w, &generate.Progress{}, "generating", time.Hour)
	stop()
	if w.String() != "" {
		t.Fatalf("a run shorter than the delay printed %q", w.String())
	}
}

func TestProgressRedrawsAndErases(t *testing.T) {
	t.Parallel()
	var w syncBuffer
	p := &generate.Progress{}
	stop := showProgress(&w, p, "generating", 0)
	time.Sleep(150 * time.Millisecond)
	stop()
	out := w.String()
	if !strings.Contains(out, "\r\033[Kgenerating: ") || !strings.HasSuffix(out, "\r\033[K") {
		t.Fatalf("want a status line erased at the end, got %q", out)
	}
}

// TestGenerateNoProgressWithoutTerminal: output that is not a terminal gets
// no status line, only the summary.
func TestGenerateNoProgressWithoutTerminal(t *testing.T) {
	t.Parallel()
	dir := shippedPartners(t)
	_, out, errOut := run(t, dir, "generate")
	if strings.Contains(out+errOut, "\r") || strings.Contains(out+errOut, "partners (") {
		t.Fatalf("progress shown without a terminal:\n%q\n%q", out, errOut)
	}
}

// TestTerminalGetsColourAndProgress: with the streams pretending to be
// terminals, lint colours its findings and generate draws its progress
// line (and erases it); as buffers they get neither.
func TestTerminalGetsColourAndProgress(t *testing.T) {
	dir := shippedPartners(t)
	os.WriteFile(filepath.Join(dir, "bad.md"), []byte("---\ntitle: X\n---\n\nTODO: finish.\n"), 0o644)

	ios, out, _ := Test("")
	ios.SetTTY(false, true, true)
	t.Setenv("NO_COLOR", "")
	if code := runWith(t, dir, ios, "lint", "bad.md"); code != exitProblem || !strings.Contains(out.String(), "\x1b[") {
		t.Errorf("lint on a terminal: exit %d, no colour in %q", code, out)
	}
	plain, pout, _ := Test("")
	runWith(t, dir, plain, "lint", "bad.md")
	if strings.Contains(pout.String(), "\x1b[") {
		t.Errorf("lint into a buffer is coloured: %q", pout)
	}

	defer func(d time.Duration) { progressDelay = d }(progressDelay)
	progressDelay = 0
	ios, _, errOut := Test("")
	ios.SetTTY(false, false, true)
	if code := runWith(t, dir, ios, "generate"); code != exitOK {
		t.Fatalf("generate: exit %d\n%s", code, errOut)
	}
	if e := errOut.String(); !strings.Contains(e, "generating: ") || !strings.HasSuffix(e, "\r\x1b[K") {
		t.Errorf("no progress line drawn and erased on a terminal: %q", e)
	}
}
