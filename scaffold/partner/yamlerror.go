package partner

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

var yamlLine = regexp.MustCompile(`line (\d+)`)

// SyntaxError turns a YAML parser error into an Error located at the line
// and column it concerns, said in a writer's words where the cause is a
// common one (a tab, an indentation, a colon in a value, an unclosed quote
// or bracket, a file that is not text), for any YAML file the tool reads.
func SyntaxError(file string, data []byte, err error) Error {
	if e, ok := notText(file, data); ok {
		return e
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = strings.TrimSpace(strings.Replace(msg, m[0]+":", "", 1))
	}
	lines := strings.Split(string(data), "\n")
	e := Error{File: file, Line: line, Col: 1, Msg: "invalid YAML: " + msg}
	if line < 1 || line > len(lines) {
		e.Col = 0
		return e
	}
	text := lines[line-1]
	switch {
	case strings.Contains(msg, "cannot start any token") && tabAt(lines) > 0:
		e.Line = tabAt(lines)
		e.Col = strings.IndexByte(lines[e.Line-1], '\t') + 1
		e.Msg = fmt.Sprintf("line %d is indented with a tab; YAML indents with spaces", e.Line)
	case strings.Contains(msg, "mapping values are not allowed"):
		e.Col, e.Msg = colonProblem(lines, line)
	case strings.Contains(msg, "could not find expected ':'"):
		e.Col = indentOf(text) + 1
		e.Msg = fmt.Sprintf("line %d has no \"key: value\"; write the key, a colon and a space before the value (or remove the line)", line)
	case strings.Contains(msg, "unexpected end of stream"):
		e.Line, e.Col = openQuote(lines)
		e.Msg = "a quoted value is not closed: add the closing quote"
	case strings.Contains(msg, "did not find expected ',' or"), strings.Contains(msg, "expected node content") && strings.ContainsAny(text, "[{"):
		closer := "]"
		if strings.LastIndex(text, "{") > strings.LastIndex(text, "[") {
			closer = "}"
		}
		e.Col = strings.LastIndexAny(text, "[{") + 1
		e.Msg = fmt.Sprintf("the list or mapping opened on line %d is not closed: end it with %s on the same line", line, closer)
	case strings.Contains(msg, "did not find expected key"):
		if line < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[line]), "- ") {
			line++ // the parser names the line before the stray list item
			e.Line, text = line, lines[line-1]
		}
		e.Col = indentOf(text) + 1
		e.Msg = fmt.Sprintf("line %d: a key was expected; a list item (\"- \") or a line indented differently from the keys around it does not belong here", line)
	}
	return e
}

// notText reports a file that is not UTF-8 text, at the first byte that is
// not: a NUL or other control character, or an invalid UTF-8 sequence.
func notText(file string, data []byte) (Error, bool) {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		bad := ""
		switch {
		case r == utf8.RuneError && size <= 1:
			bad = fmt.Sprintf("byte 0x%02x is not UTF-8 text; save the file as UTF-8", data[i])
		case r < 0x20 && r != '\n' && r != '\r' && r != '\t', r == 0x7f:
			bad = fmt.Sprintf("control character U+%04X; the file is not a text file (is it a partner YAML file?)", r)
		}
		if bad != "" {
			line := bytes.Count(data[:i], []byte("\n")) + 1
			start := bytes.LastIndexByte(data[:i], '\n') + 1
			return Error{File: file, Line: line, Col: utf8.RuneCount(data[start:i]) + 1, Msg: bad}, true
		}
		i += size
	}
	return Error{}, false
}

// colonProblem explains "mapping values are not allowed" on line: a key
// indented deeper than the one before it, or a value holding ": ".
func colonProblem(lines []string, line int) (int, string) {
	text := lines[line-1]
	prev := line - 1
	for prev > 0 && strings.TrimSpace(lines[prev-1]) == "" {
		prev--
	}
	if prev > 0 && indentOf(text) > indentOf(lines[prev-1]) && !strings.HasSuffix(strings.TrimSpace(lines[prev-1]), ":") {
		return indentOf(text) + 1, fmt.Sprintf("line %d is indented more than line %d, which has a value already; indent it as far as the keys beside it", line, prev)
	}
	if _, value, ok := strings.Cut(text, ": "); ok && strings.Contains(value, ": ") {
		return strings.Index(text, ": ") + 3, fmt.Sprintf("the value on line %d holds \": \"; put it in quotes (\"%s\")", line, strings.TrimSpace(value))
	}
	return indentOf(text) + 1, fmt.Sprintf("line %d: a colon here starts a mapping YAML does not expect; check its indentation, or quote a value that holds \": \"", line)
}

// tabAt returns the first line (1-based) indented with a tab, or 0.
func tabAt(lines []string) int {
	for i, l := range lines {
		lead := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		if strings.Contains(lead, "\t") {
			return i + 1
		}
	}
	return 0
}

// openQuote finds the line and column of a quote that opens a value and is
// not closed on its line.
func openQuote(lines []string) (int, int) {
	for i, l := range lines {
		_, value, ok := strings.Cut(l, ": ")
		if !ok {
			continue
		}
		v := strings.TrimSpace(value)
		if len(v) > 0 && (v[0] == '"' || v[0] == '\'') && (len(v) == 1 || v[len(v)-1] != v[0]) {
			return i + 1, strings.Index(l, ": ") + 3
		}
	}
	return len(lines), 1
}

func indentOf(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }
