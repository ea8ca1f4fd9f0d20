package pageimport

import (
	"testing"

	"github.com/partnerpages/partnerpages/internal/synth"
	"github.com/partnerpages/partnerpages/internal/testsize"
	"github.com/partnerpages/partnerpages/scaffold/lint"
	"github.com/partnerpages/partnerpages/scaffold/render"
	"github.com/partnerpages/partnerpages/templates"
)

// TestEveryShapeImports: a page of any shape is read through (imported or
// refused with a reason), never stuck. BenchmarkShapes measures how long.
func TestEveryShapeImports(t *testing.T) {
	t.Parallel()
	set, err := render.Load(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	size := testsize.Sized(1<<20, 32<<10)
	for _, name := range synth.ShapeNames() {
		pages := []Page{{Path: "apps/shape/en/connect-hubrise.md", Data: synth.Shape(name, size)}}
		results, failed := Import(pages, Options{Set: set, Lint: lint.DefaultOptions()})
		if len(results)+len(failed) == 0 {
			t.Errorf("%s: neither imported nor refused", name)
		}
	}
}

// BenchmarkShapes imports a 1 MiB page of each shape.
func BenchmarkShapes(b *testing.B) {
	set, err := render.Load(templates.FS)
	if err != nil {
		b.Fatal(err)
	}
	for _, name := range synth.ShapeNames() {
		pages := []Page{{Path: "apps/shape/en/connect-hubrise.md", Data: synth.Shape(name, 1<<20)}}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				Import(pages, Options{Set: set, Lint: lint.DefaultOptions()})
			}
		})
	}
}
