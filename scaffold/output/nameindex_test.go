package output

import (
	"fmt"
	"testing"
	"time"
)

// A name index finds every name it holds and no other, also when probing
// runs past the table's last slot: in a table of four slots holding three
// names, that happens for most hash seeds, and each round has a new seed.
func TestNameIndexWrapsAroundItsTable(t *testing.T) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		names := []string{"a/en/p.md", "b/en/p.md", "c/fr/p.md"}
		name := func(i int) string { return names[i] }
		wrapped := 0
		for round := range 500 {
			x := newNameIndex(1)
			if len(x.slots) != 4 {
				t.Errorf("a table for one record has %d slots, want 4", len(x.slots))
				return
			}
			for i, k := range names {
				slot, _, ok := x.lookup(k, name)
				if ok {
					t.Errorf("round %d: %s found before it was placed", round, k)
					return
				}
				x.place(slot, i)
			}
			if x.slots[len(x.slots)-1] != 0 {
				wrapped++ // the last slot is taken: a probe from it wraps
			}
			for i, k := range names {
				if _, j, ok := x.lookup(k, name); !ok || j != i {
					t.Errorf("round %d: %s gives record %d (%v), want %d", round, k, j, ok, i)
					return
				}
			}
			if _, _, ok := x.lookup(fmt.Sprint("d/en/p.md", round), name); ok {
				t.Errorf("round %d: a name never placed is found", round)
				return
			}
		}
		if wrapped == 0 {
			t.Error("no round took the last slot: the test did not probe past it")
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("a lookup never ended: probing does not wrap around the table")
	}
}
