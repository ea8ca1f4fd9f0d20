// Package annotation writes GitHub Actions workflow commands
// (::error file=…,line=…::message), which a pull request shows on its lines.
package annotation

import (
	"fmt"
	"io"
	"strings"
)

// Annotation is one workflow command. Line and Col are 1-based; 0 leaves
// them out (a finding about a whole file).
type Annotation struct {
	Level   string // error, warning or notice
	File    string
	Line    int
	Col     int
	Title   string
	Message string
}

// Write prints a as one workflow command line.
func Write(w io.Writer, a Annotation) error {
	props := []string{"file=" + property(a.File)}
	if a.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", a.Line))
	}
	if a.Col > 0 {
		props = append(props, fmt.Sprintf("col=%d", a.Col))
	}
	if a.Title != "" {
		props = append(props, "title="+property(a.Title))
	}
	_, err := fmt.Fprintf(w, "::%s %s::%s\n", a.Level, strings.Join(props, ","), data(a.Message))
	return err
}

// data escapes a workflow command's message.
func data(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// property escapes a workflow command's property value.
func property(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
