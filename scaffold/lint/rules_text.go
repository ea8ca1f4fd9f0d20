package lint

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"go.yaml.in/yaml/v3"
)

// templatePlaceholderRes are the connect template's placeholders.
var templatePlaceholderRes = []struct {
	re  *regexp.Regexp
	msg string
}{
	{regexp.MustCompile(`\bSOLUTION\b|\bl?SOLUTION`), "%q is the template's placeholder; write the product name"},
}

// unfinishedRes mark text still to write, on any page.
var unfinishedRes = []struct {
	re  *regexp.Regexp
	msg string
}{
	{regexp.MustCompile(`\bTODO\b|\bTBD\b|\bXXX\b`), "%q marks unfinished text; finish or remove it"},
	{regexp.MustCompile(`\{\{|\}\}`), "%q is template syntax left in the page; render the template or remove it"},
}

// bracketRe finds literal [text] left in a page: a placeholder such as
// [EPOS], or a link whose target was never written.
var bracketRe = regexp.MustCompile(`\[[^\[\]\n]{1,80}\]`)

// ellipsisRe finds "..." standing for text still to write: after a space,
// at the end of a sentence or before another word ("il faut ...").
var ellipsisRe = regexp.MustCompile(`(^|\s)(\.\.\.|…)(\s|$)`)

// unfinished reports text still to write, in prose and steps alike: TODO,
// template syntax, and "..." standing for words.
func (c *checker) unfinished() {
	for i := range c.p.Blocks {
		b := &c.p.Blocks[i]
		for _, pr := range unfinishedRes {
			for _, m := range pr.re.FindAllStringIndex(b.Text, -1) {
				if b.Escaped(m[0]) {
					continue // written as \{\{ on purpose: the text shows literally
				}
				c.add(c.p.PosIn(b, m[0]), RulePlaceholder, fmt.Sprintf(pr.msg, b.Text[m[0]:m[1]]))
			}
		}
		if m := ellipsisRe.FindStringSubmatchIndex(b.Text); m != nil && !c.p.InCode(b, m[4]) {
			msg := `"..." stands for text still to write; write it out`
			if _, inList := b.Node.Parent().(*ast.ListItem); inList {
				msg = `"..." stands for text still to write; give the real menu path, label or e-mail`
			}
			c.add(c.p.PosIn(b, m[4]), RulePlaceholder, msg)
		}
	}
	for _, key := range []string{"title", "meta.title", "meta.description"} {
		if n := c.p.FM(key); n != nil && n.Kind == yaml.ScalarNode {
			if m := unfinishedRes[0].re.FindString(n.Value); m != "" {
				c.add(c.p.FMPos(n), RulePlaceholder, key+": "+fmt.Sprintf(unfinishedRes[0].msg, m))
			}
		}
	}
}

// placeholders reports the connect template's placeholders left in a page.
func (c *checker) placeholders() {
	for i := range c.p.Blocks {
		b := &c.p.Blocks[i]
		for _, pr := range templatePlaceholderRes {
			for _, m := range pr.re.FindAllStringIndex(b.Text, -1) {
				c.add(c.p.PosIn(b, m[0]), RulePlaceholder, fmt.Sprintf(pr.msg, b.Text[m[0]:m[1]]))
			}
		}
		for _, m := range bracketRe.FindAllStringIndex(b.Text, -1) {
			if b.Escaped(m[0]) || c.p.InCode(b, m[0]) {
				continue // written as \[…\] on purpose, or code
			}
			c.add(c.p.PosIn(b, m[0]), RulePlaceholder, fmt.Sprintf("%q shows literally on the page: replace the placeholder with real text, or finish the link as [text](/docs/…)", b.Text[m[0]:m[1]]))
		}
	}
	for _, key := range []string{"title", "meta.title", "meta.description"} {
		n := c.p.FM(key)
		if n == nil || n.Kind != yaml.ScalarNode {
			continue
		}
		// front matter values are plain data: only the template's words count there
		for _, pr := range templatePlaceholderRes {
			if m := pr.re.FindString(n.Value); m != "" {
				c.add(c.p.FMPos(n), RulePlaceholder, key+": "+fmt.Sprintf(pr.msg, m))
			}
		}
	}
}

// variantRe matches a template's variant marker line: "-- OR --",
// "-- OU --", "-- CONNECTER - option 1 --".
var variantRe = func() *regexp.Regexp {
	return regexp.MustCompile(`(?im)^[ \t]*--.*--[ \t]*$|^[ \t]*(OR|OU)[ \t]*$|\boption [0-9]+\b`)
}()

func (c *checker) variantMarkers() {
	for i := range c.p.Blocks {
		b := &c.p.Blocks[i]
		for _, m := range variantRe.FindAllStringIndex(b.Text, -1) {
			start := m[0]
			for start < m[1] && (b.Text[start] == ' ' || b.Text[start] == '\t') {
				start++
			}
			c.add(c.p.PosIn(b, start), RuleVariantMarker, fmt.Sprintf("%q is a template variant marker: keep the variant that fits this partner and delete the marker and the other variant", strings.TrimSpace(b.Text[m[0]:m[1]])))
		}
	}
}

// codeSpans reports a backtick that opens no code span: goldmark keeps an
// unclosed one as text, so `help@x.example shows with a stray backtick and
// no code style. A backslash-escaped backtick is meant.
func (c *checker) codeSpans() {
	for i := range c.p.Blocks {
		b := &c.p.Blocks[i]
		for j := 0; j < len(b.Text); j++ {
			if b.Text[j] != '`' || c.p.InCode(b, j) || b.Escaped(j) {
				continue
			}
			end := j
			for end < len(b.Text) && b.Text[end] == '`' {
				end++
			}
			c.add(c.p.PosIn(b, j), RuleCodeSpan, fmt.Sprintf("%q opens a code span that never closes on this paragraph; close it with %q (or write \\` for a literal backtick)", b.Text[j:end], b.Text[j:end]))
			break // one per block: the rest follows from the first
		}
	}
}
