package absorb

import (
	"regexp"
	"strings"
)

// unit is one step of a page (its numbered line and what hangs under it)
// or one other line: what a reader edits as one thing.
type unit struct {
	text string
	step bool
}

// stepLine is the first line of a numbered step.
var stepLine = regexp.MustCompile(`^\d+\. `)

// units splits a page into units.
func units(page []byte) []unit {
	ls := strings.Split(string(page), "\n")
	var out []unit
	for i := 0; i < len(ls); i++ {
		if !stepLine.MatchString(ls[i]) {
			out = append(out, unit{text: ls[i]})
			continue
		}
		j := i + 1
		for j < len(ls) {
			if strings.HasPrefix(ls[j], "   ") {
				j++
				continue
			}
			if ls[j] == "" && j+1 < len(ls) && strings.HasPrefix(ls[j+1], "   ") {
				j += 2
				continue
			}
			break
		}
		out = append(out, unit{text: strings.Join(ls[i:j], "\n"), step: true})
		i = j - 1
	}
	return out
}

// texts returns the units' text, for a line diff.
func texts(us []unit) []string {
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = u.text
	}
	return out
}

// stepText is the partner file's Markdown for a step unit: its text after
// the number, with what hangs under it back at the margin.
func stepText(u unit) string {
	s := stepLine.ReplaceAllString(u.text, "")
	return strings.ReplaceAll(s, "\n   ", "\n")
}
