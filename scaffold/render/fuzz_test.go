package render

import (
	"bytes"
	"html"
	"strings"
	"testing"
	"unicode"

	"github.com/yuin/goldmark"
)

// FuzzEscapeText checks that escaped partner text, parsed as Markdown, reads
// back as exactly the original text: no character becomes markup.
func FuzzEscapeText(f *testing.F) {
	for _, s := range []string{"Qwenta", "<b>{x}</b>", "*a* _b_ `c`", "[x](y)", "a|b ~~c~~ #1", `\`, "&amp;", "🍕 مطعم", "1. x", "- a", "<!-- c -->", "**Go** {now}"} {
		f.Add(s)
	}
	md := goldmark.New()
	f.Fuzz(func(t *testing.T, s string) {
		if s != strings.TrimSpace(s) || s == "" || strings.ContainsFunc(s, func(r rune) bool {
			return unicode.IsControl(r) || r == '\uFFFD' || unicode.IsSpace(r) && r != ' '
		}) || strings.Contains(s, "  ") {
			return // partner labels are single trimmed lines (validated before rendering)
		}
		var buf bytes.Buffer
		// the text appears mid-sentence in every template
		if err := md.Convert([]byte("Click "+EscapeText(s)+" now."), &buf); err != nil {
			t.Fatal(err)
		}
		got := html.UnescapeString(strings.TrimSuffix(strings.TrimPrefix(buf.String(), "<p>"), "</p>\n"))
		if want := "Click " + s + " now."; got != want {
			t.Fatalf("escaped %q renders as %q", s, got)
		}
	})
}
