package pageimport

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/partnerpages/partnerpages/scaffold/partner"
)

// FuzzImport feeds arbitrary pages to the import: it must never panic, and
// whatever partner file it builds must parse back with the partner loader.
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
		results, _ := Import([]Page{{Path: "apps/x/en/connect-hubrise.md", Data: page}}, o)
		for _, res := range results {
			if len(res.YAML) == 0 {
				continue
			}
			if _, errs := partner.Parse(res.File, res.YAML); len(errs) > 0 {
				t.Fatalf("the partner file built does not parse: %v\n%s", errs, res.YAML)
			}
		}
	})
}
