package partner

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse checks that no input makes the loader panic, and that every
// problem it reports names the file.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("../render/testdata/partners/*.yaml")
	shipped, _ := filepath.Glob("../../partners/*.yaml")
	for _, s := range append(seeds, shipped...) {
		data, err := os.ReadFile(s)
		if err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(validBase))
	f.Add([]byte("name: &a [*a, *a]\n"))
	f.Add([]byte("connection: {menu: {en: [a], fr: b}}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, errs := Parse("f.yaml", data)
		if p != nil {
			errs = append(errs, Resolve(p, []string{"en", "fr"})...)
		}
		for _, e := range errs {
			if e.File != "f.yaml" || e.Msg == "" {
				t.Fatalf("problem without file or message: %#v", e)
			}
		}
		if p != nil && len(errs) == 0 && !SlugPattern.MatchString(p.Slug.Value) {
			t.Fatalf("valid partner with unsafe slug %q", p.Slug.Value)
		}
	})
}
