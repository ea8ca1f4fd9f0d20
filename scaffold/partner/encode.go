package partner

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Comments are the notes a written partner file carries for its reader.
// Fields are named as in error messages: "kind", "connection.menu",
// "page", "page[2].body" (1-based).
type Comments struct {
	Header string            // the lines above the first field, "# " included
	Head   map[string]string // a comment on the lines above a field
	Line   map[string]string // a comment after a field's value, on its line
}

// Encode writes p as a partner file: the one writer of the format, used by
// import, absorb and the wizard. It writes what the model holds, in the
// loader's field order: a value given once stays one value, a value given
// per language stays a mapping (TextOf and ListOf pick between them); a field
// is written when the file had it or it holds a value. Parse(Encode(p)) is p
// again, positions aside.
func Encode(p *Partner, c Comments) ([]byte, error) {
	e := encoder{c: c}
	doc := e.partner(p)
	var b bytes.Buffer
	b.WriteString(c.Header)
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{doc}}); err != nil {
		return nil, fmt.Errorf("encoding the partner file: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// TextOf is the text with byLang's value in each of langs: one value when
// they all agree, else a value per language (a language missing from byLang
// is left out).
func TextOf(langs []string, byLang map[string]string) Text {
	if v, ok := uniform(langs, byLang, func(a, b string) bool { return a == b }); ok {
		return Text{Value: Scalar{Value: v}}
	}
	t := Text{ByLang: map[string]Scalar{}}
	for _, l := range langs {
		if v, ok := byLang[l]; ok {
			t.ByLang[l] = Scalar{Value: v}
		}
	}
	return t
}

// SomeOf is TextOf of byLang's values that are not blank, trimmed: no text
// when none is, and the languages without one left out.
func SomeOf(langs []string, byLang map[string]string) Text {
	in := map[string]string{}
	for _, l := range langs {
		if v := strings.TrimSpace(byLang[l]); v != "" {
			in[l] = v
		}
	}
	if len(in) == 0 {
		return Text{}
	}
	return TextOf(langs, in)
}

// ListOf is TextOf for lists.
func ListOf(langs []string, byLang map[string][]string) List {
	if v, ok := uniform(langs, byLang, func(a, b []string) bool { return slices.Equal(a, b) }); ok {
		return List{Items: Scalars(v)}
	}
	l := List{ByLang: map[string][]Scalar{}}
	for _, lang := range langs {
		if v, ok := byLang[lang]; ok {
			l.ByLang[lang] = Scalars(v)
		}
	}
	return l
}

// Scalars wraps plain strings as values of a partner file.
func Scalars(items []string) []Scalar {
	out := make([]Scalar, len(items))
	for i, s := range items {
		out[i] = Scalar{Value: s}
	}
	return out
}

func uniform[T any](langs []string, by map[string]T, same func(a, b T) bool) (T, bool) {
	var zero T
	if len(langs) == 0 {
		return zero, false
	}
	first, ok := by[langs[0]]
	if !ok {
		return zero, false
	}
	for _, l := range langs[1:] {
		if v, ok := by[l]; !ok || !same(first, v) {
			return zero, false
		}
	}
	return first, true
}

// encoder builds the YAML nodes of one file.
type encoder struct{ c Comments }

// mapping is a YAML mapping under construction; path is its field name.
type mapping struct {
	e    *encoder
	path string
	n    *yaml.Node
}

func (e *encoder) mapping(path string) mapping {
	return mapping{e: e, path: path, n: &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}}
}

func (m mapping) set(key string, v *yaml.Node) {
	path := key
	if m.path != "" {
		path = m.path + "." + key
	}
	k := str(key)
	k.HeadComment = m.e.c.Head[path]
	if line := m.e.c.Line[path]; line != "" {
		if v.Kind == yaml.ScalarNode || v.Style == yaml.FlowStyle {
			v.LineComment = line
		} else {
			k.LineComment = line
		}
	}
	m.n.Content = append(m.n.Content, k, v)
}

func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	// a block scalar whose first line starts with a tab does not read back
	// (the YAML library takes the tab for indentation), nor one ending in a
	// blank line when a comment follows it (the library adds a line): quote
	// those instead
	switch {
	case strings.Contains(s, "\n") && (strings.HasPrefix(s, "\t") || strings.HasSuffix(s, "\n\n") || strings.TrimSpace(s) == ""):
		n.Style = yaml.DoubleQuotedStyle
	case strings.Contains(s, "\n"):
		n.Style = yaml.LiteralStyle
	case s == "<<": // plain, it would read back as a merge key
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

func seq(items []Scalar, flow bool) *yaml.Node {
	if items == nil {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"} // written with no value, as read
	}
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, s := range items {
		flow = flow && !strings.Contains(s.Value, "\n")
		n.Content = append(n.Content, str(s.Value))
	}
	if flow {
		n.Style = yaml.FlowStyle
	}
	return n
}

func has(t Text) bool { return t.Pos.Present() || t.ByLang != nil || t.Value.Value != "" }

func hasList(l List) bool { return l.Pos.Present() || l.Items != nil || l.ByLang != nil }

func text(t Text, langs []string) *yaml.Node {
	if t.ByLang == nil {
		return str(t.Value.Value)
	}
	return byLang(t.ByLang, langs, func(s Scalar) *yaml.Node { return str(s.Value) })
}

func list(l List, langs []string, flow bool) *yaml.Node {
	if l.ByLang == nil {
		return seq(l.Items, flow)
	}
	return byLang(l.ByLang, langs, func(items []Scalar) *yaml.Node { return seq(items, flow) })
}

// byLang writes a per-language mapping (no comments: they go on fields).
func byLang[V any](by map[string]V, langs []string, node func(V) *yaml.Node) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, l := range orderedKeys(by, langs) {
		m.Content = append(m.Content, str(l), node(by[l]))
	}
	return m
}

// orderedKeys lists the languages of by: those of langs first, in their
// order, then any other in sorted order.
func orderedKeys[V any](by map[string]V, langs []string) []string {
	var out []string
	for _, l := range langs {
		if _, ok := by[l]; ok {
			out = append(out, l)
		}
	}
	var rest []string
	for l := range by {
		if !slices.Contains(out, l) {
			rest = append(rest, l)
		}
	}
	slices.Sort(rest)
	return append(out, rest...)
}
