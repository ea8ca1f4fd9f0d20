package render

import (
	"bytes"
	"os"
	"testing"

	"github.com/partnerpages/partnerpages/internal/synth"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/templates"
)

// TestShippedTemplatesRunCompiled: every page of the shipped templates,
// for the fixtures, the shipped partners and synthetic partners of every
// mode, comes out of the compiled templates without text/template and
// byte for byte as text/template writes it.
func TestShippedTemplatesRunCompiled(t *testing.T) {
	set, err := Load(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	var ps []*partner.Partner
	for _, dir := range []string{"testdata/partners", "../../partners"} {
		got, errs := partner.LoadDir(os.DirFS(dir), dir, set.Languages())
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		ps = append(ps, got...)
	}
	ps = append(ps, synthPartners(t, set, 64)...)
	pages := 0
	for _, p := range ps {
		for _, lang := range p.Langs() {
			var data any = set.NewView(p, lang)
			for _, pg := range set.pages[lang] {
				if pg.fast == nil {
					t.Fatalf("%s does not compile", pg.File)
				}
				var want, got bytes.Buffer
				if err := pg.tmpl.Execute(&want, data); err != nil {
					t.Fatal(err)
				}
				if err := pg.fast.Execute(&got, data); err != nil {
					t.Fatalf("%s, %s: %v", p.File, pg.File, err)
				}
				if !bytes.Equal(got.Bytes(), want.Bytes()) {
					t.Fatalf("%s, %s: the compiled template wrote\n%s\ntext/template\n%s", p.File, pg.File, got.Bytes(), want.Bytes())
				}
				pages++
			}
		}
	}
	if pages < 100 {
		t.Errorf("compared %d pages, want at least 100", pages)
	}
	if _, err := set.Render(ps[0]); err != nil {
		t.Fatal(err)
	}
	if n := set.Fallbacks(); n != 0 {
		t.Errorf("text/template ran %d renderings itself", n)
	}
}

// synthPartners decodes the first n synthetic partners (they vary mode,
// kind and sections).
func synthPartners(t testing.TB, set *Set, n int) []*partner.Partner {
	t.Helper()
	var ps []*partner.Partner
	for i := range n {
		p, errs := partner.Decode(synth.FileName(i), synth.Partner(i), set.Languages())
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		ps = append(ps, p)
	}
	return ps
}

// SynthPartners is synthPartners, for the tests outside the package.
var SynthPartners = synthPartners
