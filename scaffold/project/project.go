// Package project reads and writes partnerpages.yaml, the project file of a
// docs repository: where its partner files, pages and templates live and
// which languages it writes. The file is found from the working folder
// upward, as git finds .git, and its paths are relative to the file itself,
// so every command runs the same from any subfolder.
package project

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/partnerpages/partnerpages/scaffold/lint"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/safefile"
)

// FileName is the name of the project file.
const FileName = "partnerpages.yaml"

// MaxSize bounds a project file; a larger one is refused before parsing.
const MaxSize = 64 << 10

// Project is a parsed project file. Paths are as written in the file;
// Resolve turns them into paths usable from the working folder.
type Project struct {
	File      string   // path of the file as found
	Dir       string   // folder holding the file; relative paths start here
	Partners  string   // partner files folder ("" when not set)
	Out       string   // output folder of the pages ("" when not set)
	Templates string   // template set folder ("" means the embedded set)
	Languages []string // the project's languages (empty: every language of the template set)
	Lint      Lint     // lint's configuration
}

// Lint is the `lint:` part of a project file.
type Lint struct {
	Rules map[string]string // rule id → error, warning, suggestion or off
	Skip  []string          // paths (relative to the project file; globs) lint passes over
	Words []string          // words the spelling rule accepts besides the dictionaries and the site's vocabulary
}

// Defaults are the values `partnerpages init` writes.
var Defaults = Project{Partners: "partners", Out: "content/apps", Languages: []string{"en", "fr"}}

// Find looks for FileName in dir and each of its parents. It returns "" and
// no error when there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, FileName)
		st, err := os.Stat(p)
		switch {
		case err == nil && st.Mode().IsRegular():
			return p, nil
		case err == nil:
			return "", fmt.Errorf("%s: not a regular file", p)
		case !errors.Is(err, fs.ErrNotExist):
			return "", err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads and parses the project file at path.
func Load(path string) (*Project, error) {
	data, err := safefile.Read(path, MaxSize)
	if err != nil {
		return nil, err
	}
	p, errs := Parse(path, data)
	if len(errs) > 0 {
		return nil, errs
	}
	p.Dir = filepath.Dir(path)
	return p, nil
}

// fields lists the keys a project file may hold, in the order init writes them.
var fields = []string{"partners", "out", "templates", "languages", "lint"}

var severities = []string{"error", "warning", "suggestion", "off"}

// Parse decodes a project file. Every problem (syntax, unknown key, wrong
// type, bad value) comes back with its line and column; it never panics.
func Parse(file string, data []byte) (*Project, partner.ErrorList) {
	var errs partner.ErrorList
	fail := func(n *yaml.Node, field, format string, args ...any) {
		e := partner.Error{File: file, Field: field, Msg: fmt.Sprintf(format, args...)}
		if n != nil {
			e.Line, e.Col = n.Line, n.Column
		}
		errs = append(errs, e)
	}
	if len(data) > MaxSize {
		fail(nil, "", "file is %d bytes, larger than the %d-byte limit for a project file", len(data), MaxSize)
		return nil, errs
	}
	p := &Project{File: file}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		errs = append(errs, partner.SyntaxError(file, data, err))
		return nil, errs
	}
	if len(doc.Content) == 0 {
		return p, nil // an empty project file: every default
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		fail(root, "", "a project file is a mapping of %s", strings.Join(fields, ", "))
		return nil, errs
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if seen[k.Value] {
			fail(k, k.Value, "given twice")
			continue
		}
		seen[k.Value] = true
		switch k.Value {
		case "partners":
			p.Partners = folder(v, k.Value, fail)
		case "out":
			p.Out = folder(v, k.Value, fail)
		case "templates":
			p.Templates = folder(v, k.Value, fail)
		case "languages":
			p.Languages = languages(v, fail)
		case "lint":
			p.Lint = lintConfig(v, fail)
		default:
			msg := "unknown field; a project file holds " + strings.Join(fields, ", ")
			if s := partner.Closest(k.Value, fields); s != "" {
				msg = fmt.Sprintf("unknown field (did you mean %q?)", s)
			}
			fail(k, k.Value, "%s", msg)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return p, nil
}

type failFunc func(n *yaml.Node, field, format string, args ...any)

func folder(v *yaml.Node, field string, fail failFunc) string {
	if v.Kind != yaml.ScalarNode || v.Tag != "!!str" && v.Tag != "!!null" {
		fail(v, field, "expected a folder path such as %q", Defaults.Partners)
		return ""
	}
	s := strings.TrimSpace(v.Value)
	if v.Tag == "!!null" || s == "" {
		fail(v, field, "empty; give a folder path, or leave the field out for the default")
		return ""
	}
	if strings.ContainsRune(s, 0) {
		fail(v, field, "a path cannot hold a NUL character")
		return ""
	}
	return s
}

func languages(v *yaml.Node, fail failFunc) []string {
	if v.Kind != yaml.SequenceNode {
		fail(v, "languages", "expected a list of language codes such as [en, fr]")
		return nil
	}
	if len(v.Content) == 0 {
		fail(v, "languages", "empty list; leave the field out to use every language of the template set")
		return nil
	}
	var out []string
	for i, n := range v.Content {
		field := fmt.Sprintf("languages[%d]", i+1)
		switch {
		case n.Kind != yaml.ScalarNode || !partner.ValidLang(n.Value):
			fail(n, field, "%q is not a language code such as en or fr", n.Value)
		case slices.Contains(out, n.Value):
			fail(n, field, "%q is listed twice", n.Value)
		default:
			out = append(out, n.Value)
		}
	}
	return out
}

// Path returns a folder of the project as a path usable from the working
// folder: relative to the project file's folder unless absolute.
func (p *Project) Path(rel string) string {
	if rel == "" || filepath.IsAbs(rel) {
		return rel
	}
	return filepath.Join(p.Dir, filepath.FromSlash(rel))
}

// Marshal renders p as a commented project file.
func (p Project) Marshal() []byte {
	var b bytes.Buffer
	b.WriteString("# partnerpages project file. Every partnerpages command run in this folder\n")
	b.WriteString("# or below it reads it; paths are relative to this file, and flags override it.\n")
	field := func(key, val, def, comment string) {
		if val == "" {
			fmt.Fprintf(&b, "# %s: %s   # %s\n", key, def, comment)
			return
		}
		fmt.Fprintf(&b, "%s: %s   # %s\n", key, quote(val), comment)
	}
	field("partners", p.Partners, Defaults.Partners, "partner files, one <slug>.yaml each")
	field("out", p.Out, Defaults.Out, "pages go to <out>/<slug>/<lang>/")
	field("templates", p.Templates, "templates", "a customised template set (default: the embedded one)")
	if len(p.Languages) > 0 {
		fmt.Fprintf(&b, "languages: [%s]   # the project's languages\n", strings.Join(p.Languages, ", "))
	}
	if len(p.Lint.Rules) > 0 || len(p.Lint.Skip) > 0 || len(p.Lint.Words) > 0 {
		b.WriteString("lint:\n")
		if len(p.Lint.Rules) > 0 {
			b.WriteString("  rules:\n")
			ids := make([]string, 0, len(p.Lint.Rules))
			for id := range p.Lint.Rules {
				ids = append(ids, id)
			}
			slices.Sort(ids)
			for _, id := range ids {
				fmt.Fprintf(&b, "    %s: %s\n", quote(id), p.Lint.Rules[id])
			}
		}
		if len(p.Lint.Skip) > 0 {
			b.WriteString("  skip:\n")
			for _, sk := range p.Lint.Skip {
				fmt.Fprintf(&b, "    - %s\n", quote(sk))
			}
		}
		if len(p.Lint.Words) > 0 {
			b.WriteString("  words:\n")
			for _, w := range p.Lint.Words {
				fmt.Fprintf(&b, "    - %s\n", quote(w))
			}
		}
	} else {
		b.WriteString("# lint:   # rules: {outdated-ui: error, elision: off}; skip: [content/apps/0test]; words: [webhook]\n")
	}
	return b.Bytes()
}

func quote(s string) string {
	out, err := yaml.Marshal(s)
	if err != nil {
		return fmt.Sprintf("%q", s)
	}
	return strings.TrimSuffix(string(out), "\n")
}

func lintConfig(v *yaml.Node, fail failFunc) Lint {
	var l Lint
	if v.Kind != yaml.MappingNode {
		fail(v, "lint", "expected a mapping with rules and skip")
		return l
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		switch k.Value {
		case "rules":
			if val.Kind != yaml.MappingNode {
				fail(val, "lint.rules", "expected a mapping of rule ids to error, warning, suggestion or off")
				continue
			}
			l.Rules = map[string]string{}
			for j := 0; j+1 < len(val.Content); j += 2 {
				rk, rv := val.Content[j], val.Content[j+1]
				field := "lint.rules." + rk.Value
				if _, known := lint.Rules[rk.Value]; !known {
					ids := make([]string, 0, len(lint.Rules))
					for id := range lint.Rules {
						ids = append(ids, id)
					}
					slices.Sort(ids)
					msg := "unknown rule id; the rules are " + strings.Join(ids, ", ")
					if s := partner.Closest(rk.Value, ids); s != "" {
						msg = fmt.Sprintf("unknown rule id (did you mean %q?)", s)
					}
					fail(rk, field, "%s", msg)
					continue
				}
				if rv.Kind != yaml.ScalarNode || !slices.Contains(severities, rv.Value) {
					fail(rv, field, "%q is not one of %s", rv.Value, strings.Join(severities, ", "))
					continue
				}
				l.Rules[rk.Value] = rv.Value
			}
		case "skip":
			if val.Kind != yaml.SequenceNode {
				fail(val, "lint.skip", "expected a list of paths such as [content/apps/0test]")
				continue
			}
			for j, n := range val.Content {
				if n.Kind != yaml.ScalarNode || strings.TrimSpace(n.Value) == "" {
					fail(n, fmt.Sprintf("lint.skip[%d]", j+1), "expected a path")
					continue
				}
				l.Skip = append(l.Skip, strings.TrimSpace(n.Value))
			}
		case "words":
			if val.Kind != yaml.SequenceNode {
				fail(val, "lint.words", "expected a list of words such as [webhook, dropdown]")
				continue
			}
			for j, n := range val.Content {
				w := strings.TrimSpace(n.Value)
				if n.Kind != yaml.ScalarNode || w == "" || strings.ContainsAny(w, " \t") {
					fail(n, fmt.Sprintf("lint.words[%d]", j+1), "expected one word")
					continue
				}
				l.Words = append(l.Words, strings.ToLower(w))
			}
		default:
			fail(k, "lint."+k.Value, "unknown field; lint holds rules, skip and words")
		}
	}
	return l
}

// SetTemplates names the template set in folder dir in project file p,
// which names none: a "templates:" line is added at the end of the file,
// which keeps the rest of it (comments, order) as it is. It returns the
// folder as the file now names it, relative to the file.
func SetTemplates(p *Project, dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	base, err := filepath.Abs(p.Dir)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil {
		return "", err
	}
	rel = filepath.ToSlash(rel)
	data, err := safefile.Read(p.File, MaxSize)
	if err != nil {
		return "", err
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		data = append(data, '\n')
	}
	data = append(data, "templates: "+quote(rel)+"\n"...)
	if _, errs := Parse(p.File, data); len(errs) > 0 {
		return "", errs
	}
	p.Templates = rel
	return rel, safefile.ReplaceFile(p.Dir, p.File, data)
}
