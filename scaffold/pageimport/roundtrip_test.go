package pageimport

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnerpages/partnerpages/scaffold/lint"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
	"github.com/partnerpages/partnerpages/templates"
)

func testOptions(t testing.TB) Options {
	t.Helper()
	set, err := render.Load(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	return Options{Set: set, Lint: lint.DefaultOptions(), SchemaRef: "../schema/partner.schema.json"}
}

// renderFile loads a partner file and renders its pages with the options' set.
func renderFile(t *testing.T, o Options, file string) (*partner.Partner, []render.Output) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return renderYAML(t, o, file, data)
}

// renderYAML loads partner YAML and renders its pages with the options' set.
func renderYAML(t *testing.T, o Options, file string, data []byte) (*partner.Partner, []render.Output) {
	t.Helper()
	p, errs := partner.Parse(file, data)
	if len(errs) == 0 {
		errs = partner.Resolve(p, o.Set.Languages())
	}
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	out, err := connectPages(o.Set, p)
	if err != nil {
		t.Fatal(err)
	}
	return p, out
}

// TestGeneratedPagesRoundTrip imports the pages the template set renders for
// every test partner and shipped partner, and regenerates them from the
// imported partner file: the pages must come back byte for byte, since they
// are in the house style the import reads.
func TestGeneratedPagesRoundTrip(t *testing.T) {
	t.Parallel()
	o := testOptions(t)
	for _, dir := range []string{"../render/testdata/partners", "../../partners"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
		for _, file := range files {
			if strings.Contains(file, "hostile") || strings.Contains(file, "injected") {
				continue // hostile text is about escaping, not the house style
			}
			t.Run(filepath.Base(file), func(t *testing.T) {
				p, out := renderFile(t, o, file)
				var pages []Page
				for _, pg := range out {
					pages = append(pages, Page{Path: filepath.Join("apps", p.Slug.Value, pg.Lang, pg.Name), Data: pg.Content})
				}
				results, failed := Import(pages, o)
				for _, f := range failed {
					t.Fatalf("%s: %v", f.Path, f.Err)
				}
				if len(results) != 1 {
					t.Fatalf("got %d partners, want 1", len(results))
				}
				res := results[0]
				if !res.OK() {
					var b bytes.Buffer
					res.Write(&b, true)
					t.Fatalf("import not clean:\n%s\n%s", b.String(), res.YAML)
				}
				for i, pg := range out {
					if got := res.Regenerated[i].Content; !bytes.Equal(got, pg.Content) {
						t.Errorf("%s/%s differs after import and regeneration\n--- partner file:\n%s\n--- got:\n%s\n--- want:\n%s", pg.Lang, pg.Name, res.YAML, got, pg.Content)
					}
				}
			})
		}
	}
}

// TestImportReadsBothSpacings imports a French page with the site's
// no-break spaces and the same page with ordinary spaces: both give the same
// partner file, which holds no no-break space and regenerates the typeset page.
func TestImportReadsBothSpacings(t *testing.T) {
	t.Parallel()
	o := testOptions(t)
	const file = "partners/notia.yaml"
	_, out := renderYAML(t, o, file, []byte(`name: Notia
languages: [fr]
support: {email: aide@notia.example}
connection:
  mode: back-office
  menu: [Réglages, Connexions]
  button: Connecter
  extra_steps: ["Notez le numéro affiché : il vous servira ensuite. Prêt ?"]
disconnect: {button: Déconnecter}
`))
	data := out[0].Content
	if !bytes.Contains(data, []byte("affiché\u00a0: il vous servira ensuite. Prêt\u00a0?")) {
		t.Fatalf("the partner's French step is not typeset:\n%s", data)
	}
	plain := bytes.ReplaceAll(data, []byte("\u00a0"), []byte(" "))
	var yamls []string
	for _, src := range [][]byte{data, plain} {
		results, failed := Import([]Page{{Path: "apps/notia/fr/connect-hubrise.md", Data: src}}, o)
		if len(failed) > 0 || len(results) != 1 {
			t.Fatalf("import failed: %v", failed)
		}
		res := results[0]
		if bytes.ContainsRune(res.YAML, render.NBSP) {
			t.Errorf("the partner file holds a no-break space:\n%s", res.YAML)
		}
		if !bytes.Equal(res.Regenerated[0].Content, data) {
			t.Errorf("regenerated page differs from the typeset one:\n%s", res.Regenerated[0].Content)
		}
		yamls = append(yamls, string(res.YAML))
	}
	if yamls[0] != yamls[1] {
		t.Errorf("the two spacings give different partner files:\n%s\n---\n%s", yamls[0], yamls[1])
	}
}

// TestImportMergesIntoExisting re-imports the French page of a partner
// whose file has two languages: the file's kind and publisher stay, and its
// English values are kept, so the English page comes back unchanged.
func TestImportMergesIntoExisting(t *testing.T) {
	t.Parallel()
	o := testOptions(t)
	ex, out := renderFile(t, o, "../render/testdata/partners/printly.yaml")
	var fr, en []byte
	for _, pg := range out {
		if pg.Lang == "fr" {
			fr = pg.Content
		} else {
			en = pg.Content
		}
	}
	// the French page gets a new extra step by hand
	fr = bytes.Replace(fr, []byte("1. Le cadre affiche maintenant **Lié**."), []byte("1. Le cadre affiche maintenant **Lié**.\n1. Imprimez un ticket de test."), 1)
	o.Existing = map[string]*partner.Partner{"printly": ex}
	results, failed := Import([]Page{{Path: "apps/printly/fr/connect-hubrise.md", Data: fr}}, o)
	if len(failed) > 0 || len(results) != 1 {
		t.Fatalf("import failed: %v", failed)
	}
	res := results[0]
	if !res.Merged || !bytes.Contains(res.YAML, []byte("kind: other")) || !bytes.Contains(res.YAML, []byte("publisher: Inkworks")) || !bytes.Contains(res.YAML, []byte("languages: [en, fr]")) {
		t.Fatalf("kind, publisher or languages not kept:\n%s", res.YAML)
	}
	for _, pg := range res.Regenerated {
		switch pg.Lang {
		case "en":
			if !bytes.Equal(pg.Content, en) {
				t.Errorf("the English page changed:\n%s", pg.Content)
			}
		case "fr":
			if !bytes.Contains(pg.Content, []byte("Imprimez un ticket de test.")) {
				t.Errorf("the French edit is not in the partner file:\n%s", res.YAML)
			}
		}
	}
}

// connectPages renders p's connect pages, what import reads (the app
// folder's files are appimport's).
func connectPages(set *render.Set, p *partner.Partner) ([]render.Output, error) {
	outs, err := set.Render(p)
	var out []render.Output
	for _, o := range outs {
		if o.Connect {
			out = append(out, o)
		}
	}
	return out, err
}
