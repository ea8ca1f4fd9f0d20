package lint

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// The site's style guide (contributing/style-guide.md) in rules a machine
// can check: English headings in title case, the meta title's form, the
// meta description's form and length, and the form of a notice.

// minorWords are the words an English title keeps in lower case, as the
// style guide lists them.
var minorWords = map[string]bool{
	"a": true, "an": true, "and": true, "but": true, "for": true, "nor": true, "of": true, "or": true, "so": true,
	"the": true, "to": true, "yet": true,
}

// titleWordRe is a word of a heading, with what joins it (hyphens, apostrophes).
var titleWordRe = regexp.MustCompile(`[\p{L}\d][\p{L}\d'’-]*`)

// headingCase reports English headings that capitalise one of the words
// the style guide keeps in lower case inside a title ("Switch To Location
// Level Invoicing"): not the first word, nor one after a colon or a dash,
// nor the last (a particle: "Log In").
func (c *checker) headingCase() {
	if c.p.Lang() != "en" {
		return
	}
	for _, h := range c.p.Headings {
		if h.Level < 2 || h.Level > 3 {
			continue
		}
		text := stripCode(h.Text)
		words := titleWordRe.FindAllStringIndex(text, -1)
		for i, loc := range words {
			w := text[loc[0]:loc[1]]
			before := strings.TrimSpace(text[:loc[0]])
			starts := i == 0 || strings.HasSuffix(before, ":") || strings.HasSuffix(before, "-") || strings.HasSuffix(before, "–")
			if starts || i == len(words)-1 || !minorWords[strings.ToLower(w)] || w == strings.ToLower(w) || w == strings.ToUpper(w) && len(w) > 1 {
				continue
			}
			c.addSeverity(h.Pos, RuleStyle, SeverityWarning, fmt.Sprintf("heading %q: write %q in lower case inside a title (the style guide's title case)", h.Text, strings.ToLower(w)))
			break // one finding per heading
		}
	}
}

// stripCode blanks code spans and links' addresses of a heading.
func stripCode(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		if r == '`' {
			in = !in
		}
		if in {
			b.WriteRune(' ')
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// metaStyle checks the front matter's meta text against the style guide:
// a meta title of three parts "Page | Section | HubRise", at most 60
// characters, with no full stop; a meta description that ends with a full
// stop and is at most 160 characters (search engines cut the rest).
func (c *checker) metaStyle() {
	if n := c.p.FM("meta.title"); n != nil && n.Value != "" {
		t := n.Value
		parts := strings.Split(t, " | ")
		switch {
		case len(parts) < 2 || len(parts) > 3 || strings.TrimSpace(parts[len(parts)-1]) != c.o.PlatformName:
			c.addSeverity(c.p.FMPos(n), RuleStyle, SeverityWarning, fmt.Sprintf("meta.title %q: write it as \"Page title | Section | %s\" (or \"Page title | %s\")", t, c.o.PlatformName, c.o.PlatformName))
		case strings.HasSuffix(t, "."):
			c.addSeverity(c.p.FMPos(n), RuleStyle, SeverityWarning, fmt.Sprintf("meta.title %q ends with a full stop", t))
		case utf8.RuneCountInString(t) > 60:
			c.addSeverity(c.p.FMPos(n), RuleStyle, SeverityWarning, fmt.Sprintf("meta.title is %d characters; keep it to 60 by shortening the page title", utf8.RuneCountInString(t)))
		}
	}
	if n := c.p.FM("meta.description"); n != nil && n.Value != "" {
		d := strings.TrimSpace(n.Value)
		switch {
		case !strings.HasSuffix(d, ".") && !strings.HasSuffix(d, "!") && !strings.HasSuffix(d, "?"):
			c.addSeverity(c.p.FMPos(n), RuleStyle, SeverityWarning, "meta.description: end it with a full stop (a sentence)")
		case utf8.RuneCountInString(d) > 160:
			c.addSeverity(c.p.FMPos(n), RuleStyle, SeverityWarning, fmt.Sprintf("meta.description is %d characters; search engines cut it after 160", utf8.RuneCountInString(d)))
		}
	}
}

// noticeRe finds a notice's bold marker: IMPORTANT NOTE, REMARQUE
// IMPORTANTE, Related FAQ, in any case and with the colon anywhere.
var noticeRe = regexp.MustCompile(`(?i)\*\*\s*(important note|note importante|remarque importante|related faq|faq associée)\s*(:?)\s*\*\*\s*(:?)`)

// noticeForm reports a notice not written as the style guide shows it:
// the marker in capitals (Related FAQ as written), its colon inside the
// bold, and the paragraph between two horizontal rules.
func (c *checker) noticeForm() {
	lines := strings.Split(string(c.p.Body), "\n")
	off := 0
	for li, line := range lines {
		at := off
		off += len(line) + 1
		m := noticeRe.FindStringSubmatchIndex(line)
		if m == nil || m[0] != 0 {
			continue // a notice starts its paragraph
		}
		marker := line[m[2]:m[3]]
		want := map[string]string{"important note": "IMPORTANT NOTE", "note importante": "REMARQUE IMPORTANTE", "remarque importante": "REMARQUE IMPORTANTE", "related faq": "Related FAQ", "faq associée": "FAQ associée"}[strings.ToLower(marker)]
		pos := c.p.At(at)
		switch {
		case marker != want:
			c.addSeverity(pos, RuleStyle, SeverityWarning, fmt.Sprintf("notice: write its marker **%s:**", want))
		case m[4] == m[5] && !strings.HasPrefix(want, "Related") && !strings.HasPrefix(want, "FAQ"):
			c.addSeverity(pos, RuleStyle, SeverityWarning, fmt.Sprintf("notice: the colon goes inside the bold: **%s:**", want))
		case !ruleAround(lines, li):
			c.addSeverity(pos, RuleStyle, SeverityWarning, "notice: put it between two horizontal rules (---), as the style guide shows")
		}
	}
}

// ruleAround reports whether the paragraph at line li has a horizontal
// rule (---) before and after it, blank lines aside.
func ruleAround(lines []string, li int) bool {
	before, after := li-1, li+1
	for before >= 0 && strings.TrimSpace(lines[before]) == "" {
		before--
	}
	for after < len(lines) && strings.TrimSpace(lines[after]) != "" {
		after++ // the rest of the paragraph
	}
	for after < len(lines) && strings.TrimSpace(lines[after]) == "" {
		after++
	}
	isRule := func(i int) bool { return i >= 0 && i < len(lines) && strings.TrimSpace(lines[i]) == "---" }
	return isRule(before) && isRule(after)
}

// uiLabels reports the platform's UI labels (site.yaml ui) that a
// paragraph names without bold, as the style guide writes UI references:
// those a reader cannot take for a plain word (in capitals, or of several
// words), matched with their case, outside headings and code.
func (c *checker) uiLabels() {
	var labels []string
	for _, l := range c.o.UI[c.p.Lang()] {
		if strings.Contains(l, " ") || l == strings.ToUpper(l) && utf8.RuneCountInString(l) > 3 {
			labels = append(labels, l)
		}
	}
	if len(labels) == 0 {
		return
	}
	slices.Sort(labels)
	for i := range c.p.Blocks {
		b := &c.p.Blocks[i]
		if _, heading := b.Node.(*ast.Heading); heading {
			continue
		}
		bold := strings.Join(c.p.Labels(b.Node), "\x00")
		for _, l := range labels {
			n := strings.Count(b.Text, l)
			if n == 0 || n <= strings.Count(bold, l) {
				continue
			}
			at := strings.Index(b.Text, l)
			if c.p.InCode(b, at) {
				continue
			}
			c.addSeverity(c.p.PosIn(b, at), RuleStyle, SeverityWarning, fmt.Sprintf("the platform's UI label %q: write it in bold (**%s**), as the style guide writes UI references", l, l))
		}
	}
}
