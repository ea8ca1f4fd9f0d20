package pageimport

import (
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/partnerpages/partnerpages/scaffold/page"
)

// fixAutolinks writes the page's autolinks (<https://x.example>,
// <help@x.example>) as ordinary links: MDX reads "<" as the start of a
// component, so the site has no autolinks, and a partner file's text would
// print the address with its brackets, not as a link. It returns the page
// and the lines it changed.
func fixAutolinks(path string, src []byte) ([]byte, []int) {
	pg := page.Parse(path, src)
	var labels []string
	_ = ast.Walk(pg.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.AutoLink); ok && entering {
			labels = append(labels, string(l.Label(pg.Body)))
		}
		return ast.WalkContinue, nil
	})
	if len(labels) == 0 {
		return src, nil
	}
	lines := strings.SplitAfter(string(src), "\n")
	var changed []int
	for i, line := range lines {
		if pg.InCodeBlock(i + 1) {
			continue
		}
		fixed := line
		for _, l := range labels {
			fixed = replaceOutsideCode(fixed, "<"+l+">", linkFor(l))
		}
		if fixed != line {
			lines[i] = fixed
			changed = append(changed, i+1)
		}
	}
	return []byte(strings.Join(lines, "")), changed
}

// linkFor is the Markdown link an autolink's label stands for.
func linkFor(label string) string {
	if !strings.Contains(label, "://") && strings.Contains(label, "@") && !strings.HasPrefix(label, "mailto:") {
		return "[" + label + "](mailto:" + label + ")"
	}
	return "[" + strings.TrimPrefix(label, "mailto:") + "](" + label + ")"
}

// replaceOutsideCode replaces old with new in line where it stands outside
// a code span (after an even number of backticks).
func replaceOutsideCode(line, old, new string) string {
	var b strings.Builder
	for {
		i := strings.Index(line, old)
		if i < 0 {
			b.WriteString(line)
			return b.String()
		}
		b.WriteString(line[:i])
		if strings.Count(line[:i], "`")%2 == 0 {
			b.WriteString(new)
		} else {
			b.WriteString(old)
		}
		line = line[i+len(old):]
	}
}
