package partner

import (
	"fmt"
	"iter"
	"regexp"
	"strings"
)

// MarkdownValue is one value of the partner's own Markdown.
type MarkdownValue struct {
	Field string // as messages name it: connection.intro, page[2].steps.fr[1]
	Lang  string // "" when one value serves every language
	Value Scalar
}

// MarkdownValues yields every value of partner-written Markdown in p: the
// preamble, the connection's intro, the procedures' own steps, the page
// parts' intros, bodies and steps, and schema v1's section bodies.
func (p *Partner) MarkdownValues() iter.Seq[MarkdownValue] {
	return func(yield func(MarkdownValue) bool) {
		text := func(t Text, field string) bool {
			if t.ByLang == nil {
				return !t.Value.Present() && t.Value.Value == "" || yield(MarkdownValue{field, "", t.Value})
			}
			for _, l := range keys(t.ByLang) {
				if !yield(MarkdownValue{field + "." + l, l, t.ByLang[l]}) {
					return false
				}
			}
			return true
		}
		list := func(ls List, field string) bool {
			for i, it := range ls.Items {
				if !yield(MarkdownValue{fmt.Sprintf("%s[%d]", field, i+1), "", it}) {
					return false
				}
			}
			for _, l := range keys(ls.ByLang) {
				for i, it := range ls.ByLang[l] {
					if !yield(MarkdownValue{fmt.Sprintf("%s.%s[%d]", field, l, i+1), l, it}) {
						return false
					}
				}
			}
			return true
		}
		ok := text(p.Preamble, "preamble") && text(p.Connection.Intro, "connection.intro")
		for _, o := range p.Connection.Own() {
			ok = ok && list(*o.List, "connection."+o.Key)
		}
		for _, o := range p.Disconnect.Own() {
			ok = ok && list(*o.List, "disconnect."+o.Key)
		}
		for i, pt := range p.Page {
			f := fmt.Sprintf("page[%d]", i+1)
			ok = ok && text(pt.Intro, f+".intro") && text(pt.Body, f+".body") && list(pt.Steps, f+".steps")
		}
		for i, sec := range p.Sections {
			ok = ok && text(sec.Body, fmt.Sprintf("sections[%d].body", i+1))
		}
		for _, l := range keys(p.StepText) {
			for _, name := range keys(p.StepText[l]) {
				ok = ok && yield(MarkdownValue{"step_text." + l + "." + name, l, p.StepText[l][name]})
			}
		}
		for _, l := range keys(p.StepsAfter) {
			for _, name := range keys(p.StepsAfter[l]) {
				for i, it := range p.StepsAfter[l][name] {
					ok = ok && yield(MarkdownValue{fmt.Sprintf("steps_after.%s.%s[%d]", l, name, i+1), l, it})
				}
			}
		}
	}
}

// LineAt returns where line k (from 0) of the value is written: a value of
// several lines is a block, whose first line is under its key.
func (s Scalar) LineAt(k int) Pos {
	if !strings.Contains(s.Value, "\n") || !s.Present() {
		return s.Pos
	}
	return Pos{Line: s.Line + 1 + k}
}

var (
	// esmLineRe is a line MDX reads as JavaScript: an import or export
	// statement at the start of a line.
	esmLineRe = regexp.MustCompile(`^\s*(import|export)(\s|\{|\*|$)`)
	// scriptURLRe is a URL that runs code when followed.
	scriptURLRe = regexp.MustCompile(`(?i)\b(javascript|vbscript)\s*:`)
)

// codeIn reports the first line of Markdown s that would be code in an
// MDX page rather than text (outside code spans and fenced code): an
// import or export statement, or a javascript: or vbscript: URL. It
// returns the line (from 0) and the reason, or -1.
func codeIn(s string) (int, string) {
	fence := ""
	for k, line := range strings.Split(s, "\n") {
		trimmed := strings.TrimLeft(line, " \t>-*+0123456789.)")
		if f := fenceOpening(strings.TrimLeft(line, " ")); f != "" && (fence == "" || strings.HasPrefix(strings.TrimLeft(line, " "), fence)) {
			if fence == "" {
				fence = f
			} else {
				fence = ""
			}
			continue
		}
		if fence != "" {
			continue
		}
		if esmLineRe.MatchString(line) || esmLineRe.MatchString(trimmed) && trimmed != line {
			return k, "a line that starts with import or export is JavaScript to the site's MDX compiler, not text; reword it (\"Export the menu\" is fine) or put it in `code`"
		}
		if scriptURLRe.MatchString(withoutCodeSpans(line)) {
			return k, "a javascript: or vbscript: URL runs code when the reader follows it; link to a web page instead"
		}
	}
	return -1, ""
}

// fenceOpening returns the fence (``` or ~~~, or longer) that opens line, or "".
func fenceOpening(line string) string {
	for _, c := range []string{"```", "~~~"} {
		if strings.HasPrefix(line, c) {
			return line[:len(line)-len(strings.TrimLeft(line, c[:1]))]
		}
	}
	return ""
}

// withoutCodeSpans blanks the `code spans` of line.
func withoutCodeSpans(line string) string {
	var b strings.Builder
	for i := 0; i < len(line); {
		if line[i] != '`' {
			b.WriteByte(line[i])
			i++
			continue
		}
		n := len(line[i:]) - len(strings.TrimLeft(line[i:], "`"))
		if end := strings.Index(line[i+n:], line[i:i+n]); end >= 0 {
			i += n + end + n
			b.WriteString(" ")
			continue
		}
		b.WriteString(line[i : i+n])
		i += n
	}
	return b.String()
}

// code refuses partner Markdown that would be code in the page.
func (v *validator) code() {
	for mv := range v.p.MarkdownValues() {
		if k, why := codeIn(mv.Value.Value); k >= 0 {
			v.err(mv.Value.LineAt(k), mv.Field, "%s", why)
		}
	}
}
