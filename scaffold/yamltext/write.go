// Package yamltext writes an edited YAML node tree back over the text it was
// read from, keeping the lines the edit left alone as the text had them:
// comments, blank lines, key order and flow style stay.
package yamltext

import (
	"bytes"

	"go.yaml.in/yaml/v3"
)

// Write returns doc, an edited node tree of src, as text. The tree is
// encoded, then laid over src: every line the edit left alone is src's, so
// blank lines and the spacing of comments stay. When the overlay would not
// read back as the tree, it is the encoder's text.
func Write(src []byte, doc *yaml.Node) ([]byte, error) {
	edited, err := Encode(doc)
	if err != nil {
		return nil, err
	}
	var orig yaml.Node
	if err := yaml.Unmarshal(src, &orig); err != nil {
		return nil, err
	}
	plain, err := Encode(&orig)
	if err != nil {
		return nil, err
	}
	if bytes.Equal(plain, edited) {
		return src, nil // no edit: the text as it was, to the byte
	}
	out := overlay(src, plain, edited)
	// the overlay must read back as the edited tree; a file written in a
	// way the line-by-line overlay cannot follow gets the encoder's text
	var back yaml.Node
	if yaml.Unmarshal(out, &back) != nil {
		return edited, nil
	}
	if again, err := Encode(&back); err != nil || !bytes.Equal(again, edited) {
		return edited, nil
	}
	return out, nil
}

func Encode(n *yaml.Node) ([]byte, error) {
	n = Copy(n)
	spellFlowNulls(n, false)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// spellFlowNulls writes an empty value inside a flow collection as null:
// the encoder would write it as an empty quoted text ({a} would read back
// as a key with an empty text), a text where the file had none.
func spellFlowNulls(n *yaml.Node, flow bool) {
	if flow && n.Kind == yaml.ScalarNode && n.Tag == "!!null" && n.Value == "" {
		n.Value = "null"
	}
	flow = flow || n.Style&yaml.FlowStyle != 0
	for _, c := range n.Content {
		spellFlowNulls(c, flow)
	}
}

// Copy returns a deep copy of n, to edit apart.
func Copy(n *yaml.Node) *yaml.Node {
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, k := range n.Content {
		c.Content[i] = Copy(k)
	}
	return &c
}

// Value is the value of key in mapping m; nil when m is no mapping or
// lacks the key.
func Value(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// SetKey replaces key's value in mapping m, or appends the key; a flow
// mapping that gets a list or a mapping becomes a block one.
func SetKey(m *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content[i+1] = v
			return
		}
	}
	if m.Style == yaml.FlowStyle && v.Kind != yaml.ScalarNode {
		m.Style = 0
	}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
}

// RemoveKey removes key and its value from mapping m.
func RemoveKey(m *yaml.Node, key string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			return
		}
	}
}
