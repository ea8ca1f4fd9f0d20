package page

import (
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

// lists returns the lists of p, in order.
func lists(p *Page) []ast.Node {
	var out []ast.Node
	ast.Walk(p.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := n.(*ast.List); ok && entering {
			out = append(out, n)
		}
		return ast.WalkContinue, nil
	})
	return out
}

// The page model reads each step of a list: where it is, its marker's
// number, what it says, its labels, images and links; a blank step is
// empty.
func TestSteps(t *testing.T) {
	t.Parallel()
	type want struct {
		line, markerLine, markerCol, number int
		numbered, empty                     bool
		text                                string
		labels, images, links               []string
	}
	tests := []struct {
		name string
		src  string
		want []want
	}{
		{"numbered steps with a screenshot and a link", "1. Open **Settings** > **Apps**.\n   ![The screen](./images/001.png)\n2. See [the FAQ](/apps/x/faqs/y).\n",
			[]want{
				{line: 1, markerLine: 1, markerCol: 1, number: 1, numbered: true, text: "Open Settings > Apps.", labels: []string{"Settings", "Apps"}, images: []string{"./images/001.png"}},
				{line: 3, markerLine: 3, markerCol: 1, number: 2, numbered: true, text: "See the FAQ.", links: []string{"/apps/x/faqs/y"}},
			}},
		{"all numbered 1, a blank one between", "1. First.\n1.\n1. Third.\n",
			[]want{
				{line: 1, markerLine: 1, markerCol: 1, number: 1, numbered: true, text: "First."},
				{markerLine: 2, markerCol: 1, number: 1, numbered: true, empty: true},
				{line: 3, markerLine: 3, markerCol: 1, number: 1, numbered: true, text: "Third."},
			}},
		{"a bullet list, indented", "Intro.\n\n  - **Allow**\n  - Done 3) here\n",
			[]want{
				{line: 3, markerLine: 3, markerCol: 3, text: "Allow", labels: []string{"Allow"}},
				{line: 4, markerLine: 4, markerCol: 3, text: "Done 3) here"},
			}},
		{"numbers with a parenthesis", "7) Seven.\n8) Eight.\n",
			[]want{
				{line: 1, markerLine: 1, markerCol: 1, number: 7, numbered: true, text: "Seven."},
				{line: 2, markerLine: 2, markerCol: 1, number: 8, numbered: true, text: "Eight."},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Parse("p.md", []byte(tt.src))
			ls := lists(p)
			if len(ls) != 1 {
				t.Fatalf("%d lists", len(ls))
			}
			steps := p.Steps(ls[0])
			if len(steps) != len(tt.want) {
				t.Fatalf("%d steps, want %d", len(steps), len(tt.want))
			}
			for i, w := range tt.want {
				s := steps[i]
				var labels []string
				for _, l := range s.Labels {
					labels = append(labels, l.Text)
				}
				got := want{line: s.Line, markerLine: s.Marker.Line, markerCol: s.Marker.Col, number: s.Number, numbered: s.Numbered,
					empty: s.Empty, text: s.Text, labels: labels, images: s.Images, links: s.Links}
				if got.line != w.line || got.markerLine != w.markerLine || got.markerCol != w.markerCol || got.number != w.number ||
					got.numbered != w.numbered || got.empty != w.empty || got.text != w.text ||
					!slices.Equal(got.labels, w.labels) || !slices.Equal(got.images, w.images) || !slices.Equal(got.links, w.links) {
					t.Errorf("step %d:\ngot  %+v\nwant %+v", i+1, got, w)
				}
				if s.Item == nil || !strings.Contains(tt.src, strings.TrimSpace(strings.SplitN(s.Markdown, "\n", 2)[0])) {
					t.Errorf("step %d: Markdown %q is not the page's", i+1, s.Markdown)
				}
			}
		})
	}
}
