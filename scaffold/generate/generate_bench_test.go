package generate

import (
	"context"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/partnerpages/partnerpages/scaffold/project"

	"github.com/partnerpages/partnerpages/internal/synth"
	"github.com/partnerpages/partnerpages/templates"
)

func synthInputs(n int) project.Inputs {
	fsys := fstest.MapFS{}
	for i := range n {
		fsys[synth.FileName(i)] = &fstest.MapFile{Data: synth.Partner(i)}
	}
	return project.Inputs{Partners: fsys, PartnersDir: "partners", Templates: templates.FS}
}

// BenchmarkGenerateCold writes 1,000 partners × 2 languages into an empty folder.
func BenchmarkGenerateCold(b *testing.B) {
	in := synthInputs(1000)
	for b.Loop() {
		b.StopTimer()
		out := filepath.Join(b.TempDir(), "apps")
		b.StartTimer()
		if _, err := Run(context.Background(), Options{Inputs: in, Out: out}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGenerateNoOp regenerates 1,000 partners whose pages are up to date.
func BenchmarkGenerateNoOp(b *testing.B) {
	in := synthInputs(1000)
	out := filepath.Join(b.TempDir(), "apps")
	if _, err := Run(context.Background(), Options{Inputs: in, Out: out}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Run(context.Background(), Options{Inputs: in, Out: out}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadAndRender is the in-memory part: parse, validate and render
// 1,000 partners × 2 languages.
func BenchmarkLoadAndRender(b *testing.B) {
	in := synthInputs(1000)
	for b.Loop() {
		set, err := in.LoadTemplates()
		if err != nil {
			b.Fatal(err)
		}
		ps, errs := in.LoadPartners(set)
		if len(errs) > 0 {
			b.Fatal(errs)
		}
		if _, err := renderAll(set, ps); err != nil {
			b.Fatal(err)
		}
	}
}
