package render

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NBSP is the no-break space (U+00A0) French typography puts before the high
// punctuation marks and inside guillemets.
const NBSP = '\u00a0'

// Typography names a language's spacing rules in site.yaml's typography map.
const (
	TypographyFrench = "french" // a no-break space before : ; ! ? and inside « »
)

// typographies are the rules site.yaml may name, by name.
var typographies = map[string]func([]byte) []byte{
	TypographyFrench: FrenchSpacing,
}

func checkTypography(t map[string]string) error {
	for lang, name := range t {
		if _, ok := typographies[name]; !ok {
			return fmt.Errorf("%s: typography.%s: unknown rule %q (known: %s)", SiteFile, lang, name, TypographyFrench)
		}
	}
	return nil
}

// FrenchSpacing returns a Markdown page with French typography: the
// ordinary space before ':', ';', '!' and '?' and inside « » becomes a
// no-break space, as the docs site writes its French pages. It changes prose
// only: never code (fenced or inline), link destinations, autolinks, bare
// URLs, e-mail addresses or front matter keys, and it adds no space where
// the text has none (an English label such as "Yes!" stays as it is).
func FrenchSpacing(page []byte) []byte {
	out := make([]byte, 0, len(page)+64)
	frontMatter, fence := false, ""
	for i, rest := 0, page; len(rest) > 0; i++ {
		line := rest
		if n := bytes.IndexByte(rest, '\n'); n >= 0 {
			line = rest[:n+1]
		}
		rest = rest[len(line):]
		body := bytes.TrimSuffix(line, []byte("\n"))
		eol := line[len(body):]
		trimmed := bytes.TrimLeft(body, " ")
		switch {
		case i == 0 && string(body) == "---":
			frontMatter = true
		case frontMatter && string(body) == "---":
			frontMatter = false
		case frontMatter:
			// key: value — only the value is text
			if k := bytes.Index(body, []byte(": ")); k >= 0 {
				out = appendFrench(append(out, body[:k+2]...), string(body[k+2:]))
				line = eol
			}
		case fence != "":
			if bytes.HasPrefix(trimmed, []byte(fence)) && len(bytes.Trim(trimmed, fence[:1]+" \t")) == 0 {
				fence = ""
			}
		case fenceOf(trimmed) != "":
			fence = fenceOf(trimmed)
		default:
			marker := blockMarker(body)
			out = appendFrench(append(out, body[:marker]...), string(body[marker:]))
			line = eol
		}
		out = append(out, line...)
	}
	return out
}

// blockMarkerRe matches what opens a block at the start of a line: an
// indent, then a heading's hashes, a quote's >, a list item's marker, each
// with the space after it.
var blockMarkerRe = regexp.MustCompile(`^ {0,12}(?:(?:#{1,6}|>|[-*+]|\d{1,9}[.)]) )+`)

// blockMarker returns the length of the block markers that open line: the
// space after them belongs to the marker, so French spacing never puts a
// no-break space there (it would turn "## !Titre" into a paragraph).
func blockMarker(line []byte) int { return len(blockMarkerRe.Find(line)) }

// appendFrench appends a line of prose with French spacing to b, skipping
// code spans, link destinations, autolinks, URLs and e-mail addresses.
func appendFrench(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		if n := verbatimAt(s, i); n > 0 {
			b = append(b, s[i:i+n]...)
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == ' ' && highPunctuationAt(s, i+1):
			b = utf8.AppendRune(b, NBSP)
		case r == ' ' && strings.HasPrefix(s[i+1:], "»"):
			b = utf8.AppendRune(b, NBSP)
		case r == '«' && strings.HasPrefix(s[i+size:], " "):
			b = utf8.AppendRune(append(b, "«"...), NBSP)
			size++
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return b
}

// highPunctuationAt reports whether s[i] is : ; ! or ? ending a word group:
// followed by the end of the line, a space or closing markup, not by a
// letter or digit (10:30), a link or image ("![") or a path ("://").
func highPunctuationAt(s string, i int) bool {
	if i >= len(s) || !strings.ContainsRune(":;!?", rune(s[i])) {
		return false
	}
	if i+1 == len(s) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(s[i+1:])
	return !unicode.IsLetter(next) && !unicode.IsDigit(next) && !strings.ContainsRune("[/(:;!?", next)
}

// verbatimAt returns the length of the code span, link destination,
// autolink, URL or e-mail address that starts at s[i], or 0.
func verbatimAt(s string, i int) int {
	switch c := s[i]; {
	case c == '\\' && i+1 < len(s):
		return 2
	case c == '`':
		run := 1
		for i+run < len(s) && s[i+run] == '`' {
			run++
		}
		fence := s[i : i+run]
		if end := strings.Index(s[i+run:], fence); end >= 0 {
			return run + end + run
		}
		return run
	case c == ']' && i+1 < len(s) && s[i+1] == '(':
		depth := 0
		for j := i + 1; j < len(s); j++ {
			switch s[j] {
			case '(':
				depth++
			case ')':
				depth--
				if depth == 0 {
					return j - i + 1
				}
			}
		}
		return len(s) - i
	case c == '<':
		if end := strings.IndexByte(s[i:], '>'); end > 0 && !strings.Contains(s[i:i+end], " ") {
			return end + 1
		}
	}
	// a URL or an e-mail address that starts here
	if i == 0 || !isWordByte(s[i-1]) {
		if m := urlOrEmail.FindString(s[i:]); m != "" {
			return len(m)
		}
	}
	return 0
}

// urlOrEmail matches a bare URL (scheme or www.) or an e-mail address.
var urlOrEmail = regexp.MustCompile(`^(?:[a-zA-Z][a-zA-Z0-9+.-]*://[^\s<>()\[\]]*|www\.[^\s<>()\[\]]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)`)

func isWordByte(c byte) bool {
	return c == '_' || c == '.' || c == '+' || c == '-' || isAlnum(c)
}

// PlainSpacing undoes FrenchSpacing: the no-break spaces it puts before
// : ; ! ? and inside « » become ordinary spaces again. Import reads pages
// through it, so a page in either form gives the same partner file.
func PlainSpacing(s string) string {
	if !strings.ContainsRune(s, NBSP) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == NBSP && (highPunctuationAt(s, i+size) || strings.HasPrefix(s[i+size:], "»") || strings.HasSuffix(s[:i], "«")) {
			b.WriteByte(' ')
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
