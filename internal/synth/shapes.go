package synth

import (
	"fmt"
	"sort"
	"strings"
)

// shapes are the texts a page may be made of that cost a Markdown parser,
// or a rule over its result, more than their length if it is not careful:
// deep nesting, runs of brackets and delimiters, thousands of headings,
// items or findings.
var shapes = map[string]func(i int) string{
	"brackets":     func(i int) string { return "[" },
	"links":        func(int) string { return "[a](" },
	"images":       func(int) string { return "![" },
	"emphasis":     func(int) string { return "*a **a " },
	"underscores":  func(int) string { return "a_" },
	"backticks":    func(i int) string { return strings.Repeat("`", i%50+1) + " " },
	"angles":       func(int) string { return "<" },
	"tags":         func(int) string { return "<a>" },
	"braces":       func(int) string { return "{" },
	"closing":      func(int) string { return "}" },
	"quotes":       func(int) string { return "> " },
	"bullets":      func(int) string { return "- " },
	"numbers":      func(int) string { return "1. " },
	"list lines":   func(int) string { return "- x\n" },
	"staircase":    func(i int) string { return strings.Repeat("  ", i%40) + "- x\n" },
	"steps":        func(int) string { return "1. **Click** [x](#y)\n" },
	"headings":     func(int) string { return "## A {#a}\n" },
	"french prose": func(int) string { return "Lorem ipsum : dolor ? sit ! " },
	"fences":       func(i int) string { return []string{"```\n", "x\n"}[i%2] },
}

// ShapeNames lists the shapes Shape makes, sorted.
func ShapeNames() []string {
	names := make([]string, 0, len(shapes))
	for n := range shapes {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Shape returns a page of about size bytes whose body repeats one shape.
func Shape(name string, size int) []byte {
	unit, ok := shapes[name]
	if !ok {
		panic(fmt.Sprintf("synth: no shape %q", name))
	}
	var b strings.Builder
	b.WriteString("---\ntitle: Connect to HubRise\n---\n\n")
	for i := 0; b.Len() < size; i++ {
		b.WriteString(unit(i))
	}
	b.WriteString("\n")
	return []byte(b.String())
}
