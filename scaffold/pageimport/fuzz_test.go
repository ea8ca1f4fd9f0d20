package pageimport

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/partnerpages/partnerpages/scaffold/partner"
)

// FuzzImport feeds arbitrary pages to the import: it must never panic or
// refuse a page it can read, and the partner file it builds must validate
// (import is total).
func FuzzImport(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/apps/*/*/*.md")
	ref, _ := filepath.Glob("../../../shared/reference/pages/*.md")
	for _, s := range append(seeds, ref...) {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("## Connect X\n\n1. **A**\n1. Click **B**. redirected\n\n## Contact {#contact}\n\na@b.co\n"))
	f.Add([]byte("## Contact X Support {#contact}\n\nWrite to <help@foo.example> or see <https://x.example>.\n"))
	f.Add([]byte("---\nmeta:\n  title: Connect to HubRise | | HubRise\n---\n\n## Connect X\n"))
	o := testOptions(f)

	f.Fuzz(func(t *testing.T, page []byte) {
		if !utf8.Valid(page) {
			return // not a page a writer could have written
		}
		results, failed := Import([]Page{{Path: "apps/x/en/connect-hubrise.md", Data: page}}, o)
		if len(failed) > 0 || len(results) != 1 {
			t.Fatalf("refused: %v", failed[0].Err)
		}
		res := results[0]
		p, errs := partner.Parse(res.File, res.YAML)
		if len(errs) == 0 {
			errs = partner.Resolve(p, o.Set.Languages())
		}
		if len(errs) > 0 {
			t.Fatalf("the partner file built does not validate: %v\n%s", errs, res.YAML)
		}
	})
}
