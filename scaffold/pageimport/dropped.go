package pageimport

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Dropped lists what writing merged over the partner file old would lose:
// a value old holds that merged changes or leaves out (a button renamed in
// the file since its pages were generated), and a comment of old's body
// that merged does not carry. What merged adds (another language, a new
// section) is no loss. The comments before the first key are the tool's
// header, which names the pages read, and are not compared.
func Dropped(old, merged []byte) []string {
	var o, m yaml.Node
	if yaml.Unmarshal(old, &o) != nil || yaml.Unmarshal(merged, &m) != nil || len(o.Content) == 0 || len(m.Content) == 0 {
		return nil // an old file that does not parse holds nothing to keep
	}
	oldVals, newVals := map[string]string{}, map[string]string{}
	var oldComments []comment
	flatten(o.Content[0], "", oldVals, &oldComments, true)
	flatten(m.Content[0], "", newVals, nil, true)
	var out []string
	for _, path := range slices.Sorted(maps.Keys(oldVals)) {
		nv, ok := newVals[path]
		switch {
		case !ok && perLanguage(newVals, path, oldVals[path]):
			// one value became one per language, the same in this one
		case !ok:
			out = append(out, fmt.Sprintf("%s: %q would be removed", path, oldVals[path]))
		case nv != oldVals[path]:
			out = append(out, fmt.Sprintf("%s: %q would become %q", path, oldVals[path], nv))
		}
	}
	for _, c := range oldComments {
		if !isToolComment(c.text) && !strings.Contains(string(merged), c.text) {
			out = append(out, fmt.Sprintf("the comment %q (line %d) would be lost", c.text, c.line))
		}
	}
	return out
}

// perLanguage reports whether vals holds path per language ("button.en")
// with v as one of the values.
func perLanguage(vals map[string]string, path, v string) bool {
	for k, nv := range vals {
		if lang, ok := strings.CutPrefix(k, path+"."); ok && !strings.ContainsAny(lang, ".[") && nv == v {
			return true
		}
	}
	return false
}

// toolComments open the comments import writes itself (merge.go,
// layout_yaml.go); a new import writes them anew or not, as the page says,
// so they are not the writer's edits. TestDroppedKnowsTheToolsComments
// keeps this list with the writer.
var toolComments = []string{"kept from the page", "kept as written", "guessed from the page's wording",
	"the page's sections in order", "extra sections, kept from the page"}

func isToolComment(c string) bool {
	c = strings.TrimSpace(strings.TrimPrefix(c, "#"))
	for _, t := range toolComments {
		if strings.HasPrefix(c, t) {
			return true
		}
	}
	return false
}

type comment struct {
	text string
	line int
}

// flatten records every scalar of n by its path (name, connection.menu[1])
// and, when comments is set, every comment line below the header.
func flatten(n *yaml.Node, path string, vals map[string]string, comments *[]comment, top bool) {
	if comments != nil {
		for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
			if top && c == n.HeadComment {
				continue // the tool's header
			}
			for i, l := range strings.Split(c, "\n") {
				if l = strings.TrimSpace(l); l != "" {
					*comments = append(*comments, comment{l, n.Line + i})
				}
			}
		}
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			p := k.Value
			if path != "" {
				p = path + "." + k.Value
			}
			if comments != nil {
				flatten(k, p, map[string]string{}, comments, top && i == 0)
			}
			flatten(n.Content[i+1], p, vals, comments, false)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			flatten(c, fmt.Sprintf("%s[%d]", path, i+1), vals, comments, false)
		}
	case yaml.ScalarNode:
		vals[path] = n.Value
	}
}
