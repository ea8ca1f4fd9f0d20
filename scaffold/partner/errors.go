package partner

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// Error is one problem found in a partner file, located by line and column
// so that an editor can jump to it.
type Error struct {
	File  string // path of the partner file as the user named it
	Line  int    // 1-based line; 0 when the problem concerns the whole file
	Col   int    // 1-based column; 0 when unknown
	Field string // dotted field path, e.g. "connection.menu[2]"; empty for file-level problems
	Msg   string // what is wrong and, where possible, what to do
}

// Error formats the problem as file:line:col: field: message.
func (e Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// ErrorList collects every problem of every file so that one run reports them all.
type ErrorList []Error

// Error joins the problems, one per line, in file and line order.
func (l ErrorList) Error() string {
	l.Sort()
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Sort orders the problems by file, line and column. Within a file, a
// problem of the whole file comes first, and a field's problem without a
// line (a field that is missing) after those with one: it often follows
// from them.
func (l ErrorList) Sort() {
	rank := func(e Error) int {
		switch {
		case e.Line == 0 && e.Field == "":
			return 0
		case e.Line == 0:
			return 2
		}
		return 1
	}
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if rank(a) != rank(b) {
			return rank(a) < rank(b)
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// didYouMeanRe reads the suggestion of an unknown-field error.
var didYouMeanRe = regexp.MustCompile(`^unknown field \(did you mean "([^"]+)"\?\)`)

// WithoutRestatements drops a "missing" error for a field that an
// unknown-field error of the same file already points to ("emial: unknown
// field (did you mean "email"?)" says what "email: missing" would).
func (l ErrorList) WithoutRestatements() ErrorList {
	meant := map[string]bool{}
	for _, e := range l {
		if m := didYouMeanRe.FindStringSubmatch(e.Msg); m != nil {
			parent := ""
			if i := strings.LastIndexByte(e.Field, '.'); i >= 0 {
				parent = e.Field[:i]
			}
			meant[e.File+"\x00"+join(parent, m[1])] = true
		}
	}
	out := l[:0:0]
	for _, e := range l {
		if strings.HasPrefix(e.Msg, "missing") && meant[e.File+"\x00"+e.Field] {
			continue
		}
		out = append(out, e)
	}
	return out
}

// Err returns nil when the list is empty, so callers can write `if err := l.Err(); err != nil`.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}
