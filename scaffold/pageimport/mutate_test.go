package pageimport

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
)

// mutation changes one page's source the way writers and other tools do:
// it returns the new source, or the old one when the page has no place for
// it (no heading to rename, no step to split).
type mutation struct {
	name  string
	apply func(r *rand.Rand, src string) string
}

// mutations are the edits the import must survive, from the import issue.
var mutations = []mutation{
	{"drop a heading", onBody(dropHeading)},
	{"rename a heading", onBody(renameHeading)},
	{"remove a section", onBody(removeSection)},
	{"e-mail out of its code span", onBody(emailOutOfCode)},
	{"delete the signup note", onBody(deleteSignupNote)},
	{"reorder sections", onBody(reorderSections)},
	{"split a step", onBody(splitStep)},
	{"join two steps", onBody(joinSteps)},
	{"numbered steps as bullets", onBody(bulletSteps)},
	{"image between steps", onBody(insertAfterStep("\n![A screen of the app](./images/099-mutated.png)\n"))},
	{"image under a step", onBody(insertAfterStep("   ![The step's screen](./images/097-mutated.png)"))},
	{"a table", onBody(insertBlock("| Field | Value |\n| --- | --- |\n| Shop | 12 |"))},
	{"a 3-backtick fence", onBody(insertBlock("```\n## not a heading\n1. not a step\n```"))},
	{"a 4-backtick fence", onBody(insertBlock("````md\n```\n## inside\n```\n````"))},
	{"an InlineImage", onBody(insertInLine(` <InlineImage width="20" height="20">![icon](./images/098-icon.png)</InlineImage>`))},
	{"a Link component", onBody(insertBlock(`See <Link href="https://partner.example/help">the partner's help</Link> for more.`))},
	{"an MDX comment", onBody(insertBlock("{/* reviewed by the docs team */}"))},
	{"an autolink", onBody(insertBlock("More at <https://partner.example/docs> or <team@partner.example>."))},
	{"a nested list", onBody(insertAfterStep("   - first detail\n   - second detail"))},
	{"CRLF line endings", func(_ *rand.Rand, s string) string {
		return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", "\r\n")
	}},
	{"a BOM", func(_ *rand.Rand, s string) string { return "\ufeff" + strings.TrimPrefix(s, "\ufeff") }},
	{"curly apostrophes", onBody(func(_ *rand.Rand, b string) string { return strings.ReplaceAll(b, "'", "’") })},
	{"no-break spaces", onBody(noBreakSpaces)},
}

// mutate applies n random mutations to src and names them.
func mutate(r *rand.Rand, src string, n int) (string, []string) {
	var names []string
	for range n {
		m := mutations[r.IntN(len(mutations))]
		if next := m.apply(r, src); next != src {
			src = next
			names = append(names, m.name)
		}
	}
	return src, names
}

// onBody applies f to the page below its front matter.
func onBody(f func(r *rand.Rand, body string) string) func(*rand.Rand, string) string {
	return func(r *rand.Rand, src string) string {
		fm, body := splitFrontMatter(src)
		return fm + f(r, body)
	}
}

// splitFrontMatter cuts src after its closing front matter line, if any.
func splitFrontMatter(src string) (string, string) {
	if !strings.HasPrefix(src, "---\n") {
		return "", src
	}
	if i := strings.Index(src[4:], "\n---\n"); i >= 0 {
		return src[:4+i+5], src[4+i+5:]
	}
	return "", src
}

var (
	headingLineRe = regexp.MustCompile(`^#{1,2} `)
	stepLineRe    = regexp.MustCompile(`^(\d+)\. `)
	codeEmailRe   = regexp.MustCompile("`([^`\\s]+@[^`\\s]+)`")
)

// linesWhere lists the indexes of lines that match re, outside code fences.
func linesWhere(lines []string, re *regexp.Regexp) []int {
	var out []int
	fence := ""
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if fence != "" {
			if strings.HasPrefix(t, fence) && strings.Trim(t, "`") == "" {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(t, "```") {
			fence = t[:len(t)-len(strings.TrimLeft(t, "`"))]
			continue
		}
		if re.MatchString(l) {
			out = append(out, i)
		}
	}
	return out
}

// pick returns a random element of xs, or -1.
func pick(r *rand.Rand, xs []int) int {
	if len(xs) == 0 {
		return -1
	}
	return xs[r.IntN(len(xs))]
}

func dropHeading(r *rand.Rand, b string) string {
	lines := strings.Split(b, "\n")
	if i := pick(r, linesWhere(lines, headingLineRe)); i >= 0 {
		return strings.Join(slices.Delete(lines, i, i+1), "\n")
	}
	return b
}

func renameHeading(r *rand.Rand, b string) string {
	lines := strings.Split(b, "\n")
	names := []string{"Before you start", "Troubleshooting", "Setup notes", "Réglages", "Questions fréquentes"}
	if i := pick(r, linesWhere(lines, headingLineRe)); i >= 0 {
		lines[i] = "## " + names[r.IntN(len(names))]
	}
	return strings.Join(lines, "\n")
}

// sectionBounds lists [start, end) line ranges of the body's sections.
func sectionBounds(lines []string) [][2]int {
	heads := linesWhere(lines, headingLineRe)
	var out [][2]int
	for k, h := range heads {
		end := len(lines)
		if k+1 < len(heads) {
			end = heads[k+1]
		}
		out = append(out, [2]int{h, end})
	}
	return out
}

func removeSection(r *rand.Rand, b string) string {
	lines := strings.Split(b, "\n")
	secs := sectionBounds(lines)
	if len(secs) < 2 {
		return b
	}
	s := secs[r.IntN(len(secs))]
	return strings.Join(slices.Delete(lines, s[0], s[1]), "\n")
}

func reorderSections(r *rand.Rand, b string) string {
	lines := strings.Split(b, "\n")
	secs := sectionBounds(lines)
	if len(secs) < 2 {
		return b
	}
	k := r.IntN(len(secs) - 1)
	a, c := secs[k], secs[k+1]
	out := slices.Concat(lines[:a[0]], lines[c[0]:c[1]], lines[a[0]:a[1]], lines[c[1]:])
	return strings.Join(out, "\n")
}

func emailOutOfCode(r *rand.Rand, b string) string {
	ms := codeEmailRe.FindAllStringIndex(b, -1)
	if len(ms) == 0 {
		return b
	}
	m := ms[r.IntN(len(ms))]
	return b[:m[0]] + b[m[0]+1:m[1]-1] + b[m[1]:]
}

func deleteSignupNote(_ *rand.Rand, b string) string {
	var out []string
	for _, l := range strings.Split(b, "\n") {
		if !strings.Contains(l, "/signup") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func splitStep(r *rand.Rand, b string) string {
	lines := strings.Split(b, "\n")
	i := pick(r, linesWhere(lines, stepLineRe))
	if i < 0 {
		return b
	}
	marker := stepLineRe.FindString(lines[i])
	text := lines[i][len(marker):]
	cut := strings.Index(text, ". ")
	if cut < 0 || cut+2 >= len(text) {
		return b
	}
	lines[i] = marker + text[:cut+1]
	return strings.Join(slices.Insert(lines, i+1, marker+text[cut+2:]), "\n")
}

func joinSteps(r *rand.Rand, b string) string {
	lines := strings.Split(b, "\n")
	var pairs []int
	steps := linesWhere(lines, stepLineRe)
	for k := 0; k+1 < len(steps); k++ {
		if steps[k+1] == steps[k]+1 {
			pairs = append(pairs, steps[k])
		}
	}
	i := pick(r, pairs)
	if i < 0 {
		return b
	}
	next := lines[i+1][len(stepLineRe.FindString(lines[i+1])):]
	lines[i] += " Then " + strings.ToLower(next[:1]) + next[1:]
	return strings.Join(slices.Delete(lines, i+1, i+2), "\n")
}

func bulletSteps(r *rand.Rand, b string) string {
	lines := strings.Split(b, "\n")
	secs := sectionBounds(lines)
	if len(secs) == 0 {
		secs = [][2]int{{0, len(lines)}}
	}
	s := secs[r.IntN(len(secs))]
	changed := false
	for _, i := range linesWhere(lines[s[0]:s[1]], stepLineRe) {
		l := lines[s[0]+i]
		lines[s[0]+i] = "- " + l[len(stepLineRe.FindString(l)):]
		changed = true
	}
	if !changed {
		return b
	}
	return strings.Join(lines, "\n")
}

// insertAfterStep puts block on the lines after a random step.
func insertAfterStep(block string) func(*rand.Rand, string) string {
	return func(r *rand.Rand, b string) string {
		lines := strings.Split(b, "\n")
		i := pick(r, linesWhere(lines, stepLineRe))
		if i < 0 {
			return b
		}
		return strings.Join(slices.Insert(lines, i+1, block), "\n")
	}
}

// insertBlock puts block, as a paragraph of its own, before a random
// heading or at the end.
func insertBlock(block string) func(*rand.Rand, string) string {
	return func(r *rand.Rand, b string) string {
		lines := strings.Split(b, "\n")
		at := append(linesWhere(lines, headingLineRe), len(lines))
		i := at[r.IntN(len(at))]
		return strings.Join(slices.Insert(lines, i, "", block, ""), "\n")
	}
}

// insertInLine appends text to a random step.
func insertInLine(text string) func(*rand.Rand, string) string {
	return func(r *rand.Rand, b string) string {
		lines := strings.Split(b, "\n")
		i := pick(r, linesWhere(lines, stepLineRe))
		if i < 0 {
			return b
		}
		lines[i] += text
		return strings.Join(lines, "\n")
	}
}

// noBreakSpaces turns the spaces before French high punctuation, and some
// between two words, into no-break spaces.
func noBreakSpaces(r *rand.Rand, b string) string {
	b = strings.NewReplacer(" :", "\u00a0:", " ?", "\u202f?", " !", "\u202f!").Replace(b)
	return betweenWordsRe.ReplaceAllStringFunc(b, func(m string) string {
		if r.IntN(8) > 0 {
			return m
		}
		return strings.Replace(m, " ", "\u00a0", 1)
	})
}

var betweenWordsRe = regexp.MustCompile(`\pL \pL`)
