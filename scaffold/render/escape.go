package render

import (
	"strings"

	"github.com/partnerpages/partnerpages/scaffold/page"
)

// Plain is partner text that readers see as is (a name, a button label).
// Printing it in a template escapes every character that Markdown or MDX
// would interpret, so partner text can never become markup or code.
type Plain string

// String returns the text escaped for an MDX 2 page.
func (p Plain) String() string { return EscapeText(string(p)) }

// Markdown is partner-written Markdown (an extra step, a section body). It
// keeps its Markdown, but printing it escapes what would break an MDX build.
type Markdown string

// String returns the Markdown with MDX-unsafe characters escaped.
func (m Markdown) String() string { return EscapeMDX(string(m)) }

// Safe is text already rendered for the page (by a helper).
type Safe string

// String returns the text unchanged.
func (s Safe) String() string { return string(s) }

// EscapeText backslash-escapes every character of s that Markdown, GFM or MDX
// could read as syntax. CommonMark allows a backslash before any ASCII
// punctuation, so the reader sees exactly s. A '<' becomes "&lt;": after a
// bare URL, which takes a backslash into the link, "\<" would open a JSX tag.
// A leading "import" or "export", which MDX reads as JavaScript at the
// start of a line, gets its first letter as a character reference.
func EscapeText(s string) string {
	ref, s := esmWord(s)
	if !strings.ContainsAny(s, "\\`*_[]{}<>#|~&") {
		return ref + s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(ref)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '<':
			b.WriteString("&lt;")
			continue
		case '&':
			// only an entity-like & (&amp; &#38;) would be read as markup
			if i+1 < len(s) && (isAlnum(s[i+1]) || s[i+1] == '#') {
				b.WriteByte('\\')
			}
		case '\\', '`', '*', '_', '[', ']', '{', '}', '>', '#', '|', '~':
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// esmWord splits a leading "import" or "export" word off s: its first
// letter as a character reference, which MDX reads as text where the word
// itself would start JavaScript at the start of a line, and the rest.
func esmWord(s string) (ref, rest string) {
	for _, w := range [...]struct{ word, ref string }{{"import", "&#105;"}, {"export", "&#101;"}} {
		if after, ok := strings.CutPrefix(s, w.word); ok && (after == "" || strings.ContainsRune(" \t{*", rune(after[0]))) {
			return w.ref, s[1:]
		}
	}
	return "", s
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// EscapeMDX keeps Markdown but escapes the characters that MDX 2 would read
// as JSX or expressions ('<', '{', '}'), outside code spans and fenced code.
// HTML comments, JSX tags and expressions therefore show as text instead of
// breaking the site's build.
func EscapeMDX(s string) string {
	if !strings.ContainsAny(s, "<{}") {
		return s
	}
	return outsideFences(s, escapeOutsideCode)
}

// outsideFences rebuilds s line by line, passing each line outside fenced
// code through f and keeping fence lines and code as they are.
func outsideFences(s string, f func(b *strings.Builder, line string)) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	fence := ""
	for _, line := range strings.SplitAfter(s, "\n") {
		trimmed := strings.TrimLeft(line, " ")
		if fo := fenceOf(trimmed); fo != "" && (fence == "" || strings.HasPrefix(trimmed, fence)) {
			if fence == "" {
				fence = fo
			} else {
				fence = ""
			}
			b.WriteString(line)
			continue
		}
		if fence != "" {
			b.WriteString(line)
			continue
		}
		f(&b, line)
	}
	return b.String()
}

// fenceOf returns the fence (``` or ~~~, possibly longer) that opens line, or "".
func fenceOf[T string | []byte](line T) string {
	for _, c := range []byte{'`', '~'} {
		n := 0
		for n < len(line) && line[n] == c {
			n++
		}
		if n >= 3 {
			return string(line[:n])
		}
	}
	return ""
}

// escapeOutsideCode escapes '<', '{' and '}' except inside `code spans`, an
// MDX comment ({/* … */}) and a site component opened and closed on the line.
// A backtick run opens a code span only when a run of the same length closes it.
func escapeOutsideCode(b *strings.Builder, line string) {
	for i := 0; i < len(line); {
		if n := keptMDX(line[i:]); n > 0 {
			b.WriteString(line[i : i+n])
			i += n
			continue
		}
		c := line[i]
		if c == '\\' && i+1 < len(line) {
			b.WriteString(line[i : i+2])
			i += 2
			continue
		}
		if c == '`' {
			n := 0
			for i+n < len(line) && line[i+n] == '`' {
				n++
			}
			run := line[i : i+n]
			if end := closingRun(line[i+n:], n); end >= 0 {
				b.WriteString(line[i : i+n+end+n])
				i += n + end + n
				continue
			}
			b.WriteString(run)
			i += n
			continue
		}
		switch c {
		case '<':
			b.WriteString("&lt;") // "\<" after a bare URL would open a JSX tag
			i++
			continue
		case '{', '}':
			b.WriteByte('\\')
		}
		b.WriteByte(c)
		i++
	}
}

// closingRun finds a backtick run of exactly n in s and returns its offset, or -1.
func closingRun(s string, n int) int {
	for i := 0; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == '`' {
			j++
		}
		if j-i == n {
			return i
		}
		i = j
	}
	return -1
}

// keptMDX returns the length of the MDX at the start of s that a page may
// hold as written: an MDX comment, or a site component's opening tag (no
// expression in it) with its closing tag later on the line, through that
// closing tag. It returns 0 for anything else.
func keptMDX(s string) int {
	if strings.HasPrefix(s, "{/*") {
		if end := strings.Index(s, "*/}"); end > 0 && !strings.ContainsAny(s[3:end], "{}") {
			return end + 3
		}
		return 0
	}
	if !strings.HasPrefix(s, "<") {
		return 0
	}
	for _, name := range page.SiteComponents { // kept on one line; any other tag shows as text
		rest, ok := strings.CutPrefix(s[1:], name)
		if !ok || rest == "" || !strings.ContainsRune(" >", rune(rest[0])) {
			continue
		}
		gt := strings.IndexByte(s, '>')
		closing := "</" + name + ">"
		end := strings.Index(s, closing)
		if gt < 0 || end < gt || strings.ContainsAny(s[1:gt], "{}<`") {
			return 0 // no closing tag on the line, or an expression in the tag
		}
		if inner := s[gt+1 : end]; strings.ContainsAny(inner, "<{}") {
			return 0 // what it wraps is escaped like any text: keep only a plain image
		}
		return end + len(closing)
	}
	return 0
}
