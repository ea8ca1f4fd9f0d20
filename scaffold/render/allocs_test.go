package render_test

import (
	"testing"

	"github.com/partnerpages/partnerpages/internal/synth"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
	"github.com/partnerpages/partnerpages/templates"
)

// maxAllocsPerPage is the ceiling on allocations to render one page of the
// shipped templates. Measured at 400 on 2026-12-01 with text/template, at
// 140 on 2026-12-02 with compiled templates and helpers called without
// reflection, at 98 once French spacing and normalizing worked on lines in
// place; the ceiling is 20% above. A change that renders with many more
// allocations fails here, without any timing.
const maxAllocsPerPage = 118

// TestAllocationsPerRenderedPage guards rendering cost deterministically.
func TestAllocationsPerRenderedPage(t *testing.T) {
	if raceDetector {
		t.Skip("the race detector allocates on its own")
	}
	set, err := render.Load(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	ps := render.SynthPartners(t, set, 8)
	pages := 0
	for _, p := range ps {
		outs, err := set.Render(p)
		if err != nil {
			t.Fatal(err)
		}
		pages += len(outs)
	}
	allocs := testing.AllocsPerRun(20, func() {
		for _, p := range ps {
			if _, err := set.Render(p); err != nil {
				t.Fatal(err)
			}
		}
	})
	per := allocs / float64(pages)
	t.Logf("%.0f allocations per rendered page (%d pages), ceiling %d", per, pages, maxAllocsPerPage)
	if per > maxAllocsPerPage {
		t.Errorf("%.0f allocations per rendered page, more than the ceiling of %d: rendering got more expensive", per, maxAllocsPerPage)
	}
}

// BenchmarkRender renders 64 synthetic partners in both languages.
func BenchmarkRender(b *testing.B) {
	set, err := render.Load(templates.FS)
	if err != nil {
		b.Fatal(err)
	}
	var ps []*partner.Partner
	for i := range 64 {
		p, errs := partner.Decode(synth.FileName(i), synth.Partner(i), set.Languages())
		if len(errs) > 0 {
			b.Fatal(errs)
		}
		ps = append(ps, p)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range ps {
			if _, err := set.Render(p); err != nil {
				b.Fatal(err)
			}
		}
	}
}
