package partner

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxFileSize bounds a partner file; anything larger is refused before parsing.
const MaxFileSize = 1 << 20

// decoder walks the YAML node tree of one file and records every problem.
type decoder struct {
	file string
	errs ErrorList
}

func (d *decoder) errAt(n *yaml.Node, field, format string, args ...any) {
	e := Error{File: d.file, Field: field, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Col = n.Line, n.Column
	}
	d.errs = append(d.errs, e)
}

func posOf(n *yaml.Node) Pos { return Pos{Line: n.Line, Col: n.Column} }

// Parse decodes one partner file. It never panics on any input; every problem
// (syntax, unknown key, wrong type) is returned with its position.
func Parse(file string, data []byte) (*Partner, ErrorList) {
	d := &decoder{file: file}
	if len(data) > MaxFileSize {
		d.errAt(nil, "", "file is %d bytes, larger than the %d-byte limit for a partner file", len(data), MaxFileSize)
		return nil, d.errs
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil && err != io.EOF {
		d.errs = append(d.errs, SyntaxError(d.file, data, err))
		return nil, d.errs
	}
	var next yaml.Node
	if err := dec.Decode(&next); err == nil {
		d.errAt(&next, "", "a second YAML document starts here (after --- or ...); a partner file holds one partner, and the rest would be ignored: remove the separator or move the partner to a file of its own")
		return nil, d.errs
	} else if err != io.EOF {
		// the document ended (...) and something follows that is no document
		end := slices.Index(strings.Split(string(data), "\n"), "...")
		if end < 0 {
			d.errs = append(d.errs, SyntaxError(d.file, data, err))
		} else {
			d.errs = append(d.errs, Error{File: d.file, Line: end + 1, Col: 1,
				Msg: "text after the document's end (...) would be ignored; a partner file holds one partner: remove the ... line or what follows it"})
		}
		return nil, d.errs
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		d.errAt(nil, "", "file is empty; a partner file needs at least name, support.email and connection.mode")
		return nil, d.errs
	}
	p := &Partner{File: file}
	d.partner(doc.Content[0], p)
	return p, d.errs
}

// fields maps each allowed key of a mapping to the function that decodes its value.
type fields map[string]func(key, val *yaml.Node)

// mapping checks that n is a mapping without duplicate or unknown keys and
// hands each value to its decoder.
func (d *decoder) mapping(n *yaml.Node, path string, fs fields) bool {
	if !d.plain(n, path) {
		return false
	}
	if n.Kind != yaml.MappingNode {
		d.errAt(n, path, "expected a mapping of keys to values, found %s", describe(n))
		return false
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		field := join(path, k.Value)
		if k.Kind != yaml.ScalarNode {
			d.errAt(k, path, "keys must be plain words, found %s", describe(k))
			continue
		}
		if prev, dup := seen[k.Value]; dup {
			d.errAt(k, field, "key is repeated (first at line %d)", prev.Line)
			continue
		}
		seen[k.Value] = k
		fn, ok := fs[k.Value]
		if !ok {
			d.errAt(k, field, "unknown field%s", suggest(k.Value, fs))
			continue
		}
		if !d.plain(v, field) {
			continue
		}
		fn(k, v)
	}
	return true
}

// plain refuses aliases, anchors and merge keys: partner files are simple data,
// and refusing them keeps a hostile file from expanding exponentially.
func (d *decoder) plain(n *yaml.Node, field string) bool {
	switch {
	case n.Kind == yaml.AliasNode:
		d.errAt(n, field, "YAML aliases (*%s) are not supported in partner files; write the value out", n.Value)
		return false
	case n.Anchor != "":
		d.errAt(n, field, "YAML anchors (&%s) are not supported in partner files", n.Anchor)
		return false
	case n.Tag == "!!merge":
		d.errAt(n, field, "YAML merge keys (<<) are not supported in partner files")
		return false
	}
	return true
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "an unsupported value"
}

// suggest names the closest allowed key, for typos such as `buton`.
func suggest(key string, fs fields) string {
	keys := make([]string, 0, len(fs))
	for k := range fs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if best := Closest(key, keys); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return fmt.Sprintf("; allowed here: %s", strings.Join(keys, ", "))
}

// Closest returns the key of keys nearest to key within two edits, or "".
func Closest(key string, keys []string) string {
	best, bestD := "", 3
	for _, k := range keys {
		if dist := Levenshtein(key, k); dist < bestD {
			best, bestD = k, dist
		}
	}
	return best
}

// Levenshtein returns the edit distance between a and b, in characters.
func Levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

// scalar decodes a single string value.
func (d *decoder) scalar(n *yaml.Node, field string) Scalar {
	if n.Kind != yaml.ScalarNode {
		d.errAt(n, field, "expected a single value, found %s", describe(n))
		return Scalar{Pos: posOf(n)}
	}
	v := n.Value
	if n.Tag == "!!null" {
		v = ""
	}
	return Scalar{Pos: posOf(n), Value: v}
}

// list decodes a list of strings.
func (d *decoder) list(n *yaml.Node, field string) []Scalar {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.errAt(n, field, "expected a list, found %s", describe(n))
		return nil
	}
	out := make([]Scalar, 0, len(n.Content))
	for i, item := range n.Content {
		f := fmt.Sprintf("%s[%d]", field, i+1)
		if d.plain(item, f) {
			out = append(out, d.scalar(item, f))
		}
	}
	return out
}

// langMap decodes a per-language mapping, calling each for every language.
func (d *decoder) langMap(n *yaml.Node, field string, each func(lang string, v *yaml.Node)) {
	fs := fields{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		lang := n.Content[i].Value
		if !langPattern.MatchString(lang) {
			d.errAt(n.Content[i], field, "%q is not a language code; a per-language value is written {en: …, fr: …}", lang)
			fs[lang] = func(_, _ *yaml.Node) {}
			continue
		}
		fs[lang] = func(_, v *yaml.Node) { each(lang, v) }
	}
	d.mapping(n, field, fs)
}

// text decodes a string or a per-language map of strings.
func (d *decoder) text(n *yaml.Node, field string) Text {
	t := Text{Pos: posOf(n)}
	if n.Kind != yaml.MappingNode {
		t.Value = d.scalar(n, field)
		return t
	}
	t.ByLang = map[string]Scalar{}
	d.langMap(n, field, func(lang string, v *yaml.Node) {
		t.ByLang[lang] = d.scalar(v, join(field, lang))
	})
	return t
}

// stringList decodes a list or a per-language map of lists.
func (d *decoder) stringList(n *yaml.Node, field string) List {
	return d.perLanguage(n, field, d.list)
}

// menu decodes a menu path: a list of labels, or one line written as the
// wizard asks for it, "Settings > Integrations"; either may be per language.
func (d *decoder) menu(n *yaml.Node, field string) List {
	return d.perLanguage(n, field, func(n *yaml.Node, field string) []Scalar {
		if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
			return d.list(n, field)
		}
		var out []Scalar
		col := n.Column
		for _, label := range strings.Split(n.Value, ">") {
			out = append(out, Scalar{Pos: Pos{Line: n.Line, Col: col}, Value: strings.TrimSpace(label)})
			col += utf8.RuneCountInString(label) + 1
		}
		return out
	})
}

// perLanguage decodes a value, or a per-language map of values, with each.
func (d *decoder) perLanguage(n *yaml.Node, field string, each func(*yaml.Node, string) []Scalar) List {
	l := List{Pos: posOf(n)}
	if n.Kind != yaml.MappingNode {
		l.Items = each(n, field)
		return l
	}
	l.ByLang = map[string][]Scalar{}
	d.langMap(n, field, func(lang string, v *yaml.Node) {
		l.ByLang[lang] = each(v, join(field, lang))
	})
	return l
}

func (d *decoder) partner(n *yaml.Node, p *Partner) {
	d.mapping(n, "", fields{
		"name":      func(_, v *yaml.Node) { p.Name = d.text(v, "name") },
		"slug":      func(_, v *yaml.Node) { p.Slug = d.scalar(v, "slug") },
		"publisher": func(_, v *yaml.Node) { p.Publisher = d.text(v, "publisher") },
		"kind":      func(_, v *yaml.Node) { p.Kind = d.scalar(v, "kind") },
		"elide":     func(_, v *yaml.Node) { p.Elide = d.scalar(v, "elide") },
		"languages": func(k, v *yaml.Node) {
			p.Languages = d.list(v, "languages")
			if p.Languages != nil || v.Tag == "!!null" { // else decoding said what is wrong
				p.LangPos = posOf(k)
			}
		},
		"support": func(k, v *yaml.Node) {
			p.SupportPos = posOf(k)
			d.mapping(v, "support", fields{
				"email": func(_, v *yaml.Node) { p.Email = d.scalar(v, "support.email") },
			})
		},
		"connection": func(_, v *yaml.Node) {
			c := &p.Connection
			c.Pos = posOf(v)
			f := d.steps(&c.Steps, "connection")
			f["mode"] = func(_, v *yaml.Node) { c.Mode = d.scalar(v, "connection.mode") }
			f["intro"] = func(_, v *yaml.Node) { c.Intro = d.text(v, "connection.intro") }
			f["app"] = func(_, v *yaml.Node) { c.App = d.text(v, "connection.app") }
			d.mapping(v, "connection", f)
		},
		"disconnect": func(_, v *yaml.Node) {
			c := &p.Disconnect
			c.Pos = posOf(v)
			f := d.steps(&c.Steps, "disconnect")
			f["mode"] = func(_, v *yaml.Node) { c.Mode = d.scalar(v, "disconnect.mode") }
			d.mapping(v, "disconnect", f)
		},
		"sections": func(_, v *yaml.Node) { p.Sections = d.sections(v) },
		"preamble": func(_, v *yaml.Node) { p.Preamble = d.text(v, "preamble") },
		"meta": func(_, v *yaml.Node) {
			m := &p.Meta
			m.Pos = posOf(v)
			d.mapping(v, "meta", fields{
				"title":       func(_, v *yaml.Node) { m.Title = d.text(v, "meta.title") },
				"description": func(_, v *yaml.Node) { m.Description = d.text(v, "meta.description") },
			})
		},
		"page": func(k, v *yaml.Node) {
			p.PagePos = posOf(k)
			p.Page = d.page(v)
		},
		"file_name": func(_, v *yaml.Node) { p.FileName = d.text(v, "file_name") },
		"app":       func(_, v *yaml.Node) { p.App = d.app(v) },
		"step_text": func(k, v *yaml.Node) {
			p.StepTextPos = posOf(k)
			p.StepText = d.stepText(v)
		},
		"steps_after": func(k, v *yaml.Node) {
			p.StepsAfterPos = posOf(k)
			p.StepsAfter = d.stepsAfter(v)
		},
		"skip_steps": func(k, v *yaml.Node) {
			p.SkipStepsPos = posOf(k)
			skip := map[string][]Scalar{}
			d.langMap(v, "skip_steps", func(lang string, v *yaml.Node) {
				if items := d.list(v, join("skip_steps", lang)); len(items) > 0 {
					skip[lang] = items
				}
			})
			p.SkipSteps = nilIfEmpty(skip)
		},
	})
}

// stepText decodes `step_text:`: per language, step name → Markdown.
func (d *decoder) stepText(n *yaml.Node) map[string]map[string]Scalar {
	out := map[string]map[string]Scalar{}
	d.langMap(n, "step_text", func(lang string, v *yaml.Node) {
		field := join("step_text", lang)
		if v.Kind != yaml.MappingNode {
			d.errAt(v, field, "expected step names, each with its text (button: Click **Connect**.), found %s", describe(v))
			return
		}
		steps := map[string]Scalar{}
		for i := 0; i+1 < len(v.Content); i += 2 {
			name := v.Content[i].Value
			steps[name] = d.scalar(v.Content[i+1], join(field, name))
		}
		if len(steps) > 0 {
			out[lang] = steps
		}
	})
	return nilIfEmpty(out)
}

// nilIfEmpty is m, or nil when it holds nothing: a key written with no
// value says what no key says, and the model has one way to say it.
func nilIfEmpty[M ~map[K]V, K comparable, V any](m M) M {
	if len(m) == 0 {
		return nil
	}
	return m
}

// stepsAfter decodes steps_after: language → step name → steps.
func (d *decoder) stepsAfter(n *yaml.Node) map[string]map[string][]Scalar {
	out := map[string]map[string][]Scalar{}
	d.langMap(n, "steps_after", func(lang string, v *yaml.Node) {
		field := join("steps_after", lang)
		if v.Kind != yaml.MappingNode {
			d.errAt(v, field, "expected step names, each with the steps that follow it (allow: [Check the orders.]), found %s", describe(v))
			return
		}
		steps := map[string][]Scalar{}
		for i := 0; i+1 < len(v.Content); i += 2 {
			name := v.Content[i].Value
			if items := d.list(v.Content[i+1], join(field, name)); len(items) > 0 {
				steps[name] = items
			}
		}
		if len(steps) > 0 {
			out[lang] = steps
		}
	})
	return nilIfEmpty(out)
}

func (d *decoder) page(n *yaml.Node) []Part {
	if n.Kind != yaml.SequenceNode {
		d.errAt(n, "page", "expected a list of sections, found %s", describe(n))
		return []Part{}
	}
	out := []Part{}
	for i, item := range n.Content {
		f := fmt.Sprintf("page[%d]", i+1)
		pt := Part{Pos: posOf(item)}
		if item.Kind == yaml.ScalarNode && item.Tag != "!!null" {
			pt.Standard = d.scalar(item, f) // `- connect`: a standard section as the template writes it
			out = append(out, pt)
			continue
		}
		d.mapping(item, f, fields{
			"section":   func(_, v *yaml.Node) { pt.Standard = d.scalar(v, f+".section") },
			"title":     func(_, v *yaml.Node) { pt.Title = d.text(v, f+".title") },
			"anchor":    func(_, v *yaml.Node) { pt.Anchor = d.scalar(v, f+".anchor") },
			"intro":     func(_, v *yaml.Node) { pt.Intro = d.text(v, f+".intro") },
			"steps":     func(_, v *yaml.Node) { pt.Steps = d.stringList(v, f+".steps") },
			"body":      func(_, v *yaml.Node) { pt.Body = d.text(v, f+".body") },
			"languages": func(_, v *yaml.Node) { pt.Languages = d.list(v, f+".languages") },
		})
		out = append(out, pt)
	}
	return out
}

func (d *decoder) sections(n *yaml.Node) []Section {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.errAt(n, "sections", "expected a list of sections, found %s", describe(n))
		return nil
	}
	var out []Section
	for i, item := range n.Content {
		f := fmt.Sprintf("sections[%d]", i+1)
		s := Section{Pos: posOf(item)}
		d.mapping(item, f, fields{
			"after":  func(_, v *yaml.Node) { s.After = d.scalar(v, f+".after") },
			"title":  func(_, v *yaml.Node) { s.Title = d.text(v, f+".title") },
			"anchor": func(_, v *yaml.Node) { s.Anchor = d.scalar(v, f+".anchor") },
			"body":   func(_, v *yaml.Node) { s.Body = d.text(v, f+".body") },
		})
		out = append(out, s)
	}
	return out
}

// steps returns the fields of a procedure's steps (under connection or
// disconnect, which key names) that decode into st.
func (d *decoder) steps(st *Steps, key string) fields {
	return fields{
		"steps_before_menu":   func(_, v *yaml.Node) { st.BeforeMenu = d.stringList(v, key+".steps_before_menu") },
		"menu":                func(_, v *yaml.Node) { st.Menu = d.menu(v, key+".menu") },
		"steps_before_button": func(_, v *yaml.Node) { st.BeforeButton = d.stringList(v, key+".steps_before_button") },
		"button":              func(_, v *yaml.Node) { st.Button = d.text(v, key+".button") },
		"extra_steps":         func(_, v *yaml.Node) { st.ExtraSteps = d.stringList(v, key+".extra_steps") },
	}
}
