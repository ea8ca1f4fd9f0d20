package pageimport

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// node builders for the partner file; yaml.v3 quotes every value as needed.

func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.Contains(s, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
}

func seq(items []string, flow bool) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, s := range items {
		if strings.Contains(s, "\n") {
			flow = false
		}
		n.Content = append(n.Content, str(s))
	}
	if flow {
		n.Style = yaml.FlowStyle
	}
	return n
}

type mapping struct{ n *yaml.Node }

func newMapping() mapping { return mapping{&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}} }

func (m mapping) set(key string, v *yaml.Node, comment string) {
	k := str(key)
	k.HeadComment = comment
	m.n.Content = append(m.n.Content, k, v)
}

// localized is a value per language: one value when every language agrees.
type localized[T any] struct {
	langs []string
	by    map[string]T
}

func (l localized[T]) node(one func(T) *yaml.Node, same func(a, b T) bool) *yaml.Node {
	first := l.by[l.langs[0]]
	uniform := true
	for _, lang := range l.langs[1:] {
		if !same(first, l.by[lang]) {
			uniform = false
		}
	}
	if uniform {
		return one(first)
	}
	m := newMapping()
	for _, lang := range l.langs {
		m.set(lang, one(l.by[lang]), "")
	}
	return m.n
}

func encode(doc *yaml.Node, header string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(header)
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("encoding the partner file: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
