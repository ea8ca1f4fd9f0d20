package compiled_test

import (
	"testing"
	"text/template"

	"github.com/partnerpages/partnerpages/scaffold/render/compiled"
)

// FuzzCompiledMatchesTextTemplate: for any template text/template parses,
// a compiled run that does not fall back prints exactly what text/template
// prints, and only where text/template succeeds.
func FuzzCompiledMatchesTextTemplate(f *testing.F) {
	for _, c := range cases {
		f.Add(c.text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if _, err := template.New("page").Funcs(compiled.FuncMap(funcs)).Parse(text); err != nil {
			return
		}
		want, wantErr, got, did := run(t, text, data())
		if did != fast {
			return
		}
		if wantErr != nil {
			t.Fatalf("compiled printed %q where text/template fails: %v", got, wantErr)
		}
		if got != want {
			t.Fatalf("compiled printed\n%q\ntext/template\n%q", got, want)
		}
	})
}
