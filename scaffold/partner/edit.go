package partner

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/partnerpages/partnerpages/scaffold/yamltext"
	"go.yaml.in/yaml/v3"
)

// Editor changes values of a partner file on its YAML node tree, so that
// what it does not change keeps its comments, key order, flow style and
// blank lines: a value the edit does not touch is written back as it was.
type Editor struct {
	src   []byte
	doc   yaml.Node
	langs []string // the partner's languages: a shared value splits into these
}

// NewEditor reads the partner file src of a partner in langs.
func NewEditor(src []byte, langs []string) (*Editor, error) {
	e := &Editor{src: src, langs: langs}
	if err := yaml.Unmarshal(src, &e.doc); err != nil {
		return nil, err
	}
	if e.doc.Kind != yaml.DocumentNode || len(e.doc.Content) != 1 || e.doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("the partner file is not a mapping of fields")
	}
	if k := oddKey(e.doc.Content[0]); k != nil {
		return nil, fmt.Errorf("line %d: a key that is not a name; a partner file's keys are field names, languages or step names", k.Line)
	}
	return e, nil
}

// oddKey is the first mapping key under n that is not a plain name (an
// empty `?` key, a list or a mapping as a key), which the editor could not
// write back as it was.
func oddKey(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.MappingNode {
		for i := 0; i < len(n.Content); i += 2 {
			if k := n.Content[i]; k.Kind != yaml.ScalarNode || k.Tag == "!!null" {
				return k
			}
		}
	}
	for _, c := range n.Content {
		if k := oddKey(c); k != nil {
			return k
		}
	}
	return nil
}

// Clone returns an editor with the edits made so far, that edits apart.
func (e *Editor) Clone() *Editor {
	c := &Editor{src: e.src, langs: e.langs}
	c.doc = *yamltext.Copy(&e.doc)
	return c
}

// Set writes value at path (keys of mappings; a number indexes a list),
// creating the mappings on the way. A per-language value is one path
// element: Set([]string{"step_text", "fr", "menu"}, …).
func (e *Editor) Set(path []string, value string) error {
	parent, key, err := e.parent(path)
	if err != nil {
		return err
	}
	yamltext.SetKey(parent, key, str(value))
	return nil
}

// SetIn writes a text's value in lang at path: a value shared by every
// language is split into one per language first, so the other languages
// keep theirs.
func (e *Editor) SetIn(path []string, lang, value string) error {
	n, err := e.perLang(path, lang, nil)
	if err != nil {
		return err
	}
	*n = *str(value)
	return nil
}

// ListIn returns the list at path in lang, split from a list every language
// shares, or created empty, so that the caller edits that language only.
func (e *Editor) ListIn(path []string, lang string) (*EditList, error) {
	n, err := e.perLang(path, lang, func() *yaml.Node {
		return &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
	})
	if err != nil {
		return nil, err
	}
	if n.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%s.%s is not a list", strings.Join(path, "."), lang)
	}
	return &EditList{n: n}, nil
}

// ListAt returns the list at path, a value of no language (the language,
// if any, is in path: steps_after.fr.allow), creating it empty when the
// file has none.
func (e *Editor) ListAt(path []string) (*EditList, error) {
	parent, key, err := e.parent(path)
	if err != nil {
		return nil, err
	}
	v := yamltext.Value(parent, key)
	if v == nil || v.Tag == "!!null" {
		v = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
		yamltext.SetKey(parent, key, v)
	}
	if v.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%s is not a list", strings.Join(path, "."))
	}
	return &EditList{n: v}, nil
}

// Prune drops, below each top-level key, the lists and mappings an edit
// left empty, and the key itself when nothing is left under it
// (skip_steps: {fr: []} after the last step left out is said again).
func (e *Editor) Prune(keys ...string) {
	var empty func(n *yaml.Node) bool
	empty = func(n *yaml.Node) bool {
		switch n.Kind {
		case yaml.SequenceNode:
			return len(n.Content) == 0
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); {
				if empty(n.Content[i+1]) {
					n.Content = append(n.Content[:i], n.Content[i+2:]...)
					continue
				}
				i += 2
			}
			return len(n.Content) == 0
		}
		return false
	}
	root := e.doc.Content[0]
	for _, k := range keys {
		if v := yamltext.Value(root, k); v != nil && (v.Kind == yaml.SequenceNode || v.Kind == yaml.MappingNode) && empty(v) {
			yamltext.RemoveKey(root, k)
		}
	}
}

// EnsurePage gives a schema v1 file its page: list, the layout it renders
// (the standard sections in order, each extra section after the one it
// names), so that a standard section can have a value of its own, such as
// its title. A file with page: is left as it is.
func (e *Editor) EnsurePage() {
	root := e.doc.Content[0]
	if yamltext.Value(root, "page") != nil {
		return
	}
	secs := yamltext.Value(root, "sections")
	page := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, place := range SectionPlaces {
		page.Content = append(page.Content, str(place))
		if secs == nil || secs.Kind != yaml.SequenceNode {
			continue
		}
		for _, s := range secs.Content {
			if after := yamltext.Value(s, "after"); s.Kind == yaml.MappingNode && after != nil && after.Value == place {
				c := yamltext.Copy(s)
				yamltext.RemoveKey(c, "after")
				page.Content = append(page.Content, c)
			}
		}
	}
	yamltext.RemoveKey(root, "sections")
	yamltext.SetKey(root, "page", page)
}

// EditList is one language's list of a partner file, edited in place.
type EditList struct{ n *yaml.Node }

// Len is the number of items.
func (l *EditList) Len() int { return len(l.n.Content) }

// Set replaces item i.
func (l *EditList) Set(i int, value string) { l.n.Content[i] = str(value); l.fit() }

// Insert puts value before item i (i == Len(): at the end).
func (l *EditList) Insert(i int, value string) {
	l.n.Content = append(l.n.Content[:i], append([]*yaml.Node{str(value)}, l.n.Content[i:]...)...)
	l.fit()
}

// Remove drops item i.
func (l *EditList) Remove(i int) {
	l.n.Content = append(l.n.Content[:i], l.n.Content[i+1:]...)
	l.fit()
}

// fit writes a list with a multi-line item as a block list: a flow list
// cannot hold a literal block.
func (l *EditList) fit() {
	for _, c := range l.n.Content {
		if c.Style == yaml.LiteralStyle {
			l.n.Style = 0
		}
	}
}

// perLang returns the node of path's value in lang, making the value one
// per language when every language shared it, and creating it (with
// fresh() in every language) when the file has none.
func (e *Editor) perLang(path []string, lang string, fresh func() *yaml.Node) (*yaml.Node, error) {
	parent, key, err := e.parent(path)
	if err != nil {
		return nil, err
	}
	v := yamltext.Value(parent, key)
	one := len(e.langs) == 1 && e.langs[0] == lang // a value of the only language is the value
	switch {
	case one && (v == nil || v.Tag == "!!null" || !e.byLang(v)):
		if v == nil || v.Tag == "!!null" {
			v = str("")
			if fresh != nil {
				v = fresh()
			}
			yamltext.SetKey(parent, key, v)
		}
		return v, nil
	case v == nil || v.Tag == "!!null":
		// a list needs a value in every language; a text may name only some
		v = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for _, l := range e.langs {
			if fresh != nil || l == lang {
				yamltext.SetKey(v, l, freshOr(fresh))
			}
		}
		yamltext.SetKey(parent, key, v)
	case !e.byLang(v):
		m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", HeadComment: v.HeadComment, LineComment: v.LineComment}
		v.HeadComment, v.LineComment = "", ""
		for _, l := range e.langs {
			yamltext.SetKey(m, l, yamltext.Copy(v))
		}
		yamltext.SetKey(parent, key, m)
		v = m
	}
	n := yamltext.Value(v, lang)
	if n == nil {
		n = freshOr(fresh)
		yamltext.SetKey(v, lang, n)
	}
	return n, nil
}

// freshOr is fresh(), or an empty text.
func freshOr(fresh func() *yaml.Node) *yaml.Node {
	if fresh == nil {
		return str("")
	}
	return fresh()
}

// byLang reports whether v is a per-language value: a mapping whose keys
// are all languages of the partner.
func (e *Editor) byLang(v *yaml.Node) bool {
	if v.Kind != yaml.MappingNode || len(v.Content) == 0 {
		return false
	}
	for i := 0; i < len(v.Content); i += 2 {
		if !langPattern.MatchString(v.Content[i].Value) {
			return false
		}
	}
	return true
}

// parent walks path but its last element, creating mappings on the way.
func (e *Editor) parent(path []string) (*yaml.Node, string, error) {
	n := e.doc.Content[0]
	for i, k := range path[:len(path)-1] {
		switch n.Kind {
		case yaml.SequenceNode:
			j, err := strconv.Atoi(k)
			if err != nil || j < 0 || j >= len(n.Content) {
				return nil, "", fmt.Errorf("%s: no item %s", strings.Join(path[:i], "."), k)
			}
			n = n.Content[j]
			if n.Kind == yaml.ScalarNode { // a page's `- connect`: the section, now with a value of its own
				*n = yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{str("section"), str(n.Value)}}
			}
		case yaml.MappingNode:
			next := yamltext.Value(n, k)
			if next == nil || next.Tag == "!!null" {
				next = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
				yamltext.SetKey(n, k, next)
			}
			n = next
		default:
			return nil, "", fmt.Errorf("%s is not a mapping", strings.Join(path[:i+1], "."))
		}
	}
	if n.Kind != yaml.MappingNode {
		return nil, "", fmt.Errorf("%s is not a mapping", strings.Join(path[:len(path)-1], "."))
	}
	return n, path[len(path)-1], nil
}

// Bytes returns the edited file: its original text with the edited values
// laid over it (yamltext.Write).
func (e *Editor) Bytes() ([]byte, error) { return yamltext.Write(e.src, &e.doc) }

// MergeFrom makes the file hold what the partner file yml holds, changing
// only what differs: a mapping present in both keeps its keys, their order,
// comments and style, and takes the other's values key by key; any other
// value is kept when it holds the same, else replaced. It returns the paths
// of the keys yml adds, of the values it replaces and of the keys it
// drops, which the caller may try to leave out or keep as they were (a
// value written another way that means the same: a menu as "A > B" or as
// [A, B]; a default the file spells out).
func (e *Editor) MergeFrom(yml []byte) (m Merged, err error) {
	var n yaml.Node
	if err := yaml.Unmarshal(yml, &n); err != nil {
		return m, err
	}
	if n.Kind != yaml.DocumentNode || len(n.Content) != 1 {
		return m, fmt.Errorf("not a partner file")
	}
	e.doc.Content[0] = mergeNode(e.doc.Content[0], n.Content[0], nil, &m)
	return m, nil
}

// Merged is what MergeFrom changed: paths of keys of mappings.
type Merged struct {
	Added    [][]string // keys the file did not have
	Replaced [][]string // values that differ
	Removed  [][]string // keys the file had and yml has not
}

// Restore puts back at path the value the file from holds there, if it
// has one.
func (e *Editor) Restore(path []string, from *Editor) {
	n := from.at(path)
	if n == nil {
		return
	}
	if parent, key, err := e.parent(path); err == nil {
		yamltext.SetKey(parent, key, yamltext.Copy(n))
	}
}

func mergeNode(o, n *yaml.Node, path []string, m *Merged) *yaml.Node {
	if o.Kind == yaml.SequenceNode && n.Kind == yaml.SequenceNode && !sameValue(o, n) {
		m.Replaced = append(m.Replaced, path)
		return mergeList(o, n)
	}
	if o.Kind != yaml.MappingNode || n.Kind != yaml.MappingNode {
		if sameValue(o, n) {
			return o
		}
		m.Replaced = append(m.Replaced, path)
		v := yamltext.Copy(n)
		v.HeadComment, v.LineComment, v.FootComment = o.HeadComment, o.LineComment, o.FootComment
		return v
	}
	keep := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key := n.Content[i].Value
		keep[key] = true
		at := append(append([]string{}, path...), key)
		if old := yamltext.Value(o, key); old != nil {
			yamltext.SetKey(o, key, mergeNode(old, n.Content[i+1], at, m))
			continue
		}
		yamltext.SetKey(o, key, yamltext.Copy(n.Content[i+1]))
		m.Added = append(m.Added, at)
	}
	for i := 0; i+1 < len(o.Content); {
		if !keep[o.Content[i].Value] {
			m.Removed = append(m.Removed, append(slices.Clone(path), o.Content[i].Value))
			o.Content = append(o.Content[:i], o.Content[i+2:]...)
			continue
		}
		i += 2
	}
	return o
}

// mergeList is the list n, each of its items that o has (in order) kept
// as o writes it, and o's style.
func mergeList(o, n *yaml.Node) *yaml.Node {
	out := yamltext.Copy(n)
	out.Style, out.HeadComment, out.LineComment, out.FootComment = o.Style, o.HeadComment, o.LineComment, o.FootComment
	j := 0
	for i, item := range n.Content {
		for k := j; k < len(o.Content); k++ {
			if sameValue(o.Content[k], item) {
				out.Content[i], j = o.Content[k], k+1
				break
			}
		}
	}
	if out.Style == yaml.FlowStyle && slices.ContainsFunc(out.Content, func(c *yaml.Node) bool { return strings.Contains(c.Value, "\n") }) {
		out.Style = 0 // a text of several lines does not fit a flow list
	}
	return out
}

// sameValue reports whether two nodes hold the same data, whatever their style.
func sameValue(a, b *yaml.Node) bool {
	if a.Kind != b.Kind || len(a.Content) != len(b.Content) {
		return false
	}
	if a.Kind == yaml.ScalarNode { // a text's final line break is no data (|, |-)
		return strings.TrimRight(a.Value, "\n") == strings.TrimRight(b.Value, "\n") && a.ShortTag() == b.ShortTag()
	}
	for i := range a.Content {
		if !sameValue(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}

// Remove drops the key at path, if it is there (a number in path indexes a list).
func (e *Editor) Remove(path []string) {
	if n := e.at(path[:len(path)-1]); n != nil && n.Kind == yaml.MappingNode {
		yamltext.RemoveKey(n, path[len(path)-1])
	}
}

// at is the node at path (keys of mappings, numbers of list items), or nil.
func (e *Editor) at(path []string) *yaml.Node {
	n := e.doc.Content[0]
	for _, k := range path {
		switch n.Kind {
		case yaml.MappingNode:
			n = yamltext.Value(n, k)
		case yaml.SequenceNode:
			i, err := strconv.Atoi(k)
			if err != nil || i < 0 || i >= len(n.Content) {
				return nil
			}
			n = n.Content[i]
		default:
			return nil
		}
		if n == nil {
			return nil
		}
	}
	return n
}

// KeysBelow returns the paths of the mapping keys below path, deepest
// first, through lists by item number.
func (e *Editor) KeysBelow(path []string) [][]string {
	var out [][]string
	var walk func(n *yaml.Node, at []string)
	walk = func(n *yaml.Node, at []string) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				p := append(slices.Clone(at), n.Content[i].Value)
				walk(n.Content[i+1], p)
				out = append(out, p)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, append(slices.Clone(at), strconv.Itoa(i)))
			}
		}
	}
	if n := e.at(path); n != nil {
		walk(n, path)
	}
	return out
}
