package lint

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/partnerpages/partnerpages/scaffold/french"
)

// elisionRe finds a word French elides before a vowel (de, le, la, que, ne,
// se, lorsque, puisque, jusque) followed by a word.
var elisionRe = func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}'’])((` + strings.Join(french.ElidingWords(), "|") + `)\s+)(\p{L})`)
}()

// elision reports, on French pages, "de Expedy" for "d'Expedy", "le
// application" for "l'application", "que Orderix" for "qu'Orderix" and
// likewise ne, se, lorsque, puisque, jusque, in text, headings and front
// matter values, for any word (the partner's name, its publisher, common
// nouns). Before h and y, and in code, nothing is reported: h aspiré and
// brand names such as Yumi keep the full form.
func (c *checker) elision() {
	if !c.french() {
		return
	}
	for i := range c.p.Blocks {
		b := &c.p.Blocks[i]
		for _, m := range elisionMatches(b.Text) {
			if c.p.InCode(b, m[2]) {
				continue
			}
			c.add(c.p.PosIn(b, m[2]), RuleElision, elisionMessage(b.Text[m[2]:m[3]], b.Text[m[6]:]))
		}
	}
	for _, key := range []string{"title", "meta.title", "meta.description"} {
		n := c.p.FM(key)
		if n == nil || n.Kind != yaml.ScalarNode {
			continue
		}
		for _, m := range elisionMatches(n.Value) {
			c.add(c.p.FMPos(n), RuleElision, key+": "+elisionMessage(n.Value[m[2]:m[3]], n.Value[m[6]:]))
		}
	}
}

// elisionMatches returns the submatch indexes of every elisionRe match in s
// that is followed by a vowel. Matches may share text: in "de le aide" the
// "le" that follows "de" is a match of its own.
func elisionMatches(s string) [][]int {
	var out [][]int
	for at := 0; at < len(s); {
		m := elisionRe.FindStringSubmatchIndex(s[at:])
		if m == nil {
			break
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += at
			}
		}
		if french.Elides(s[m[6]:]) {
			out = append(out, m)
		}
		at = m[6] // the next word may start a match of its own
	}
	return out
}

// french reports whether the page is in French.
func (c *checker) french() bool {
	if lang := c.p.Lang(); lang != "" {
		return lang == "fr"
	}
	return strings.HasPrefix(c.p.FMString("path_override"), "connexion") || strings.EqualFold(c.p.FMString("title"), "Connexion à HubRise")
}

// elisionMessage says what to write instead: "de Expedy" → "d'Expedy".
func elisionMessage(article, rest string) string {
	word := rest
	if i := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' }); i >= 0 {
		word = rest[:i]
	}
	art := strings.TrimSpace(article)
	elided := french.ElidedForm(art)
	return fmt.Sprintf("%q: French elides before a vowel; write %q", art+" "+word, elided+word)
}

// FixElisions returns src with the elision findings of fs (rule elision,
// found in src) fixed where they stand: "de Expedy" becomes "d'Expedy".
// Nothing else on the line changes; findings of other rules are ignored.
func FixElisions(src []byte, fs []Finding) []byte {
	lines := strings.SplitAfter(string(src), "\n")
	// right to left, so that a fix never moves the column of the next one
	fs = slices.Clone(fs)
	slices.SortFunc(fs, func(a, b Finding) int {
		if a.Line != b.Line {
			return b.Line - a.Line
		}
		return b.Col - a.Col
	})
	for _, f := range fs {
		if f.Rule != RuleElision || f.Line < 1 || f.Line > len(lines) {
			continue
		}
		line := lines[f.Line-1]
		if strings.HasPrefix(f.Message, "title: ") || strings.HasPrefix(f.Message, "meta.") {
			lines[f.Line-1] = fixFrontMatterLine(line)
			continue
		}
		// the column counts characters, 1-based
		off := 0
		for i := 1; i < f.Col && off < len(line); i++ {
			_, size := utf8.DecodeRuneInString(line[off:])
			off += size
		}
		if m := elisionAtRe.FindStringSubmatchIndex(line[off:]); m != nil {
			lines[f.Line-1] = line[:off] + french.ElidedForm(line[off:off+m[3]]) + line[off+m[1]:]
		}
	}
	return []byte(strings.Join(lines, ""))
}

// elisionAtRe matches the word of an elision finding and its spaces.
var elisionAtRe = func() *regexp.Regexp {
	return regexp.MustCompile(`^(?i:(` + strings.Join(french.ElidingWords(), "|") + `))\s+`)
}()

// fixFrontMatterLine fixes every elision in a front matter value.
func fixFrontMatterLine(line string) string {
	key, value, ok := strings.Cut(line, ": ")
	if !ok {
		return line
	}
	fixed := value
	ms := elisionMatches(value)
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		fixed = fixed[:m[2]] + french.ElidedForm(value[m[4]:m[5]]) + fixed[m[3]:]
	}
	return key + ": " + fixed
}
