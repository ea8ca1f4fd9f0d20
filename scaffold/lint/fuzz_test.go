package lint

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzCheck runs every rule over arbitrary pages: no panic, and every
// finding points at a line and column that exist in the file.
func FuzzCheck(f *testing.F) {
	f.Add([]byte(cleanPage))
	f.Add([]byte("---\n: [\n---\n1.\n3. x\n[a](#b) <!-- {x} <"))
	// a meta title with an empty part crashed every rule that reads the name
	f.Add([]byte("---\ntitle: Connect to HubRise\nmeta:\n  title: Connect to HubRise | | HubRise\n---\n\n## Connect X\n"))
	f.Add([]byte("---\nmeta: {title: ' |  | '}\n---\nWrite to <help@foo.example>.\n"))
	for _, dir := range []string{"../render/testdata/golden/*/*/*.md", "../../../shared/reference/*/*.md", "../../../shared/reference/seeds/*"} {
		files, _ := filepath.Glob(dir)
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Split(data, []byte("\n"))
		// every other input as a connect page, so the connect rules run too
		path := "f.md"
		if len(data)%2 == 0 {
			path = "apps/x/fr/connect-hubrise.md"
		}
		for _, fd := range Check(Parse(path, data), DefaultOptions()) {
			if fd.Line < 1 || fd.Line > len(lines) || fd.Col < 1 || fd.Col > len([]rune(string(lines[fd.Line-1])))+1 {
				t.Fatalf("finding outside the file: %v", fd)
			}
		}
	})
}
