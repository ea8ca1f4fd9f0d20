package main

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/partnerpages/partnerpages/scaffold"
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
	var w syncBuffer
	stop := showProgress(&w, &scaffold.Progress{}, "generating", time.Hour)
	stop()
	if w.String() != "" {
		t.Fatalf("a run shorter than the delay printed %q", w.String())
	}
}

func TestProgressRedrawsAndErases(t *testing.T) {
	var w syncBuffer
	p := &scaffold.Progress{}
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
	dir := shippedPartners(t)
	_, out, errOut := run(t, dir, "generate")
	if strings.Contains(out+errOut, "\r") || strings.Contains(out+errOut, "partners (") {
		t.Fatalf("progress shown without a terminal:\n%q\n%q", out, errOut)
	}
}
