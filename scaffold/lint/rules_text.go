package lint

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"gopkg.in/yaml.v3"
)

var placeholderRes = []struct {
	re  *regexp.Regexp
	msg string
}{
	{regexp.MustCompile(`\bSOLUTION\b|\bl?SOLUTION`), "%q is the template's placeholder; write the product name"},
	{regexp.MustCompile(`\bTODO\b|\bTBD\b|\bXXX\b`), "%q marks unfinished text; finish or remove it"},
	{regexp.MustCompile(`\{\{|\}\}`), "%q is template syntax left in the page; render the template or remove it"},
}

// bracketRe finds literal [text] left in a page: a placeholder such as
// [EPOS], or a link whose target was never written.
var bracketRe = regexp.MustCompile(`\[[^\[\]\n]{1,80}\]`)

// ellipsisStepRe finds "..." standing for a step still to write.
var ellipsisStepRe = regexp.MustCompile(`(^|\s)(\.\.\.|…)(\s|$)`)

func (c *checker) placeholders() {
	for i := range c.p.Blocks {
		b := &c.p.Blocks[i]
		for _, pr := range placeholderRes {
			for _, m := range pr.re.FindAllStringIndex(b.Text, -1) {
				if b.Escaped(m[0]) {
					continue // written as \{\{ on purpose: the text shows literally
				}
				c.add(c.p.PosIn(b, m[0]), RulePlaceholder, fmt.Sprintf(pr.msg, b.Text[m[0]:m[1]]))
			}
		}
		for _, m := range bracketRe.FindAllStringIndex(b.Text, -1) {
			if b.Escaped(m[0]) {
				continue // written as \[…\] on purpose
			}
			c.add(c.p.PosIn(b, m[0]), RulePlaceholder, fmt.Sprintf("%q shows literally on the page: replace the placeholder with real text, or finish the link as [text](/docs/…)", b.Text[m[0]:m[1]]))
		}
		if _, inList := b.Node.Parent().(*ast.ListItem); inList {
			if m := ellipsisStepRe.FindStringSubmatchIndex(b.Text); m != nil {
				c.add(c.p.PosIn(b, m[4]), RulePlaceholder, `"..." stands for text still to write; give the real menu path, label or e-mail`)
			}
		}
	}
	for _, key := range []string{"title", "meta.title", "meta.description"} {
		n := c.p.FM(key)
		if n == nil || n.Kind != yaml.ScalarNode {
			continue
		}
		// front matter values are plain data: only the template's words count there
		for _, pr := range placeholderRes[:2] {
			if m := pr.re.FindString(n.Value); m != "" {
				c.add(c.p.fmPos(n), RulePlaceholder, key+": "+fmt.Sprintf(pr.msg, m))
			}
		}
	}
}

// variantRe matches a template's variant marker line: "-- OR --",
// "-- OU --", "-- CONNECTER - option 1 --".
var variantRe = regexp.MustCompile(`(?im)^[ \t]*--.*--[ \t]*$|^[ \t]*(OR|OU)[ \t]*$|\boption [0-9]+\b`)

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
