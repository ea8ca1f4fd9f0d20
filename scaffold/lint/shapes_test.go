package lint

import (
	"testing"

	"github.com/partnerpages/partnerpages/internal/synth"
	"github.com/partnerpages/partnerpages/internal/testsize"
)

// TestEveryShapeEnds: a page of any shape is linted, with at most
// maxRepeats findings of one message and one more that counts the rest.
// (How long it takes is BenchmarkShapes' to measure: 4 MiB of any shape
// takes seconds.)
func TestEveryShapeEnds(t *testing.T) {
	t.Parallel()
	size := testsize.Sized(1<<20, 64<<10)
	for _, name := range synth.ShapeNames() {
		fs := Check(Parse(name+".md", synth.Shape(name, size)), DefaultOptions())
		per := map[string]int{}
		for _, f := range fs {
			per[f.Rule+f.Message]++
		}
		for msg, n := range per {
			if n > maxRepeats {
				t.Errorf("%s: %d findings of %q", name, n, msg)
			}
		}
	}
}

// BenchmarkShapes lints a 4 MiB page of each shape.
func BenchmarkShapes(b *testing.B) {
	for _, name := range synth.ShapeNames() {
		page := synth.Shape(name, 4<<20)
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				Check(Parse(name+".md", page), DefaultOptions())
			}
		})
	}
}
