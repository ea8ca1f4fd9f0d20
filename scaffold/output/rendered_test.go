package output

import (
	"fmt"
	"testing"
)

// The set of rendered pages tells exactly which of the lock's pages a run
// rendered: not those it did not, and never a page the lock did not know.
func TestRenderedTellsTheLocksPagesARunRendered(t *testing.T) {
	known := map[string]Entry{}
	for i := range 300 {
		known[fmt.Sprintf("p%d/en/connect-hubrise.md", i)] = Entry{Slug: fmt.Sprintf("p%d", i), Lang: "en"}
	}
	s := NewRendered(known)
	for i := 0; i < 300; i += 3 {
		s.Add(fmt.Sprintf("p%d/en/connect-hubrise.md", i))
	}
	s.Add("new/en/connect-hubrise.md")
	for rel := range known {
		var i int
		fmt.Sscanf(rel, "p%d/", &i)
		if got, want := s.Has(rel), i%3 == 0; got != want {
			t.Errorf("%s: rendered %v, want %v", rel, got, want)
		}
	}
	if s.Has("new/en/connect-hubrise.md") {
		t.Error("a page the lock did not know is noted as rendered")
	}
	if NewRendered(nil).Has("p1/en/connect-hubrise.md") {
		t.Error("an empty set has a page")
	}
}
