// Package appspage reads and edits a language's Apps page data
// (content/<lang>/apps.yaml): the apps listed by category, each entry a
// website, a documentation link, a logo, a title, a description and
// additional info. An edit changes one app's entries in place: the rest of
// the file, its order and its comments stay as they are.
package appspage

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/partnerpages/partnerpages/scaffold/yamltext"
)

// FileName is the Apps page's data file in a language's content folder.
const FileName = "apps.yaml"

// PathFor is lang's Apps page data file for an output folder: beside the
// apps folder, content/<lang>/apps.yaml for content/apps.
func PathFor(out, lang string) string {
	return filepath.Join(filepath.Dir(filepath.Clean(out)), lang, FileName)
}

// Entry is one app's entry under one category of the Apps page.
type Entry struct {
	Category       string // the category's title, in the page's language
	Website        string
	Documentation  string // /apps/<slug>
	Logo           string
	Title          string
	Description    string
	AdditionalInfo string
}

// DocumentationOf is the address of the app slug's documentation in lang:
// the site serves English without a language prefix (/apps/zelty, and
// /fr/apps/zelty in French).
func DocumentationOf(lang, slug string) string {
	if lang == "en" {
		return "/apps/" + slug
	}
	return "/" + lang + "/apps/" + slug
}

// SlugOf is the app slug a documentation link names, in any language's
// form; "" for a link to no app's documentation.
func SlugOf(doc string) string {
	_, rest, ok := strings.Cut(doc, "/apps/")
	if !ok || strings.Contains(strings.TrimSuffix(rest, "/"), "/") {
		return ""
	}
	return strings.TrimSuffix(rest, "/")
}

// Hash is a digest of entries, as the lock file records the entries the
// tool wrote.
func Hash(entries []Entry) string {
	h := sha256.New()
	for _, e := range entries {
		for _, f := range []string{e.Category, e.Website, e.Documentation, e.Logo, e.Title, e.Description, e.AdditionalInfo} {
			fmt.Fprintf(h, "%d:%s", len(f), f)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Page is one Apps page data file, read for editing.
type Page struct {
	src  []byte
	doc  yaml.Node
	cats []*yaml.Node // the category mappings, in order
}

// Parse reads an Apps page data file: content.categories, each with a
// title and a list of apps.
func Parse(src []byte) (*Page, error) {
	p := &Page{src: src}
	if err := yaml.Unmarshal(src, &p.doc); err != nil {
		return nil, fmt.Errorf("not YAML: %w", err)
	}
	if p.doc.Kind != yaml.DocumentNode || len(p.doc.Content) != 1 {
		return nil, fmt.Errorf("empty; expected content.categories")
	}
	cats := yamltext.Value(yamltext.Value(p.doc.Content[0], "content"), "categories")
	if cats == nil || cats.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("no content.categories list")
	}
	for i, c := range cats.Content {
		if c.Kind != yaml.MappingNode || yamltext.Value(c, "title") == nil {
			return nil, fmt.Errorf("line %d: content.categories[%d] has no title", c.Line, i+1)
		}
		if apps := yamltext.Value(c, "apps"); apps != nil && apps.Kind != yaml.SequenceNode && apps.Tag != "!!null" {
			return nil, fmt.Errorf("line %d: content.categories[%d].apps is not a list", apps.Line, i+1)
		}
		p.cats = append(p.cats, c)
	}
	return p, nil
}

// Categories lists the categories' titles, in the page's order.
func (p *Page) Categories() []string {
	out := make([]string, len(p.cats))
	for i, c := range p.cats {
		out[i] = text(c, "title")
	}
	return out
}

// Entries returns the entries of the app slug (documented at
// /apps/<slug>, or /<lang>/apps/<slug>), in the page's order.
func (p *Page) Entries(slug string) []Entry {
	var out []Entry
	for _, c := range p.cats {
		for _, a := range apps(c) {
			if SlugOf(text(a, "documentation")) == slug {
				out = append(out, entryOf(text(c, "title"), a))
			}
		}
	}
	return out
}

// Lines are the lines of the entries of the app slug, in Entries' order.
func (p *Page) Lines(slug string) []int {
	var out []int
	for _, c := range p.cats {
		for _, a := range apps(c) {
			if SlugOf(text(a, "documentation")) == slug {
				out = append(out, a.Line)
			}
		}
	}
	return out
}

// Documented lists every app the page links to, by slug, once each.
func (p *Page) Documented() []string {
	var out []string
	for _, c := range p.cats {
		for _, a := range apps(c) {
			if d := SlugOf(text(a, "documentation")); d != "" && !slices.Contains(out, d) {
				out = append(out, d)
			}
		}
	}
	return out
}

// Set makes the entries of the app slug want: an entry already under its category is
// updated in place (the first one there, then the next), a new one goes at
// the end of its category, and an entry want does not have is removed. A
// category want names that the page lacks is an error.
func (p *Page) Set(slug string, want []Entry) error {
	used := map[*yaml.Node]bool{}
	for _, e := range want {
		var c, node *yaml.Node
		for _, cat := range p.cats { // the category titled so that holds the app already, else the first
			if text(cat, "title") != e.Category {
				continue
			}
			if c == nil {
				c = cat
			}
			if i := slices.IndexFunc(apps(cat), func(a *yaml.Node) bool { return !used[a] && SlugOf(text(a, "documentation")) == slug }); i >= 0 {
				c, node = cat, apps(cat)[i]
				break
			}
		}
		if c == nil {
			return fmt.Errorf("the Apps page has no category %q (it has: %s)", e.Category, strings.Join(p.Categories(), ", "))
		}
		if node == nil {
			node = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
			list := yamltext.Value(c, "apps")
			if list == nil || list.Tag == "!!null" {
				list = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
				yamltext.SetKey(c, "apps", list)
			}
			list.Content = append(list.Content, node)
		}
		used[node] = true
		fill(node, e)
	}
	for _, c := range p.cats {
		list := yamltext.Value(c, "apps")
		if list == nil {
			continue
		}
		list.Content = slices.DeleteFunc(list.Content, func(a *yaml.Node) bool {
			return !used[a] && SlugOf(text(a, "documentation")) == slug
		})
	}
	return nil
}

// Bytes returns the edited file, its untouched lines as they were.
func (p *Page) Bytes() ([]byte, error) { return yamltext.Write(p.src, &p.doc) }

// fill writes e's fields into an entry, in the page's key order: a key
// the entry has keeps its place; an empty value the entry lacks is not
// added, and one it has becomes empty (additional_info:, website:) or goes.
func fill(n *yaml.Node, e Entry) {
	for _, kv := range [][2]string{{"website", e.Website}, {"documentation", e.Documentation}, {"logo", e.Logo},
		{"title", e.Title}, {"description", e.Description}, {"additional_info", e.AdditionalInfo}} {
		v := yamltext.Value(n, kv[0])
		switch {
		case v == nil && kv[1] == "", v != nil && text(n, kv[0]) == kv[1]:
			// as it is: it reads as the value already
		case kv[1] == "" && kv[0] != "additional_info" && kv[0] != "website":
			yamltext.RemoveKey(n, kv[0])
		case kv[1] == "":
			yamltext.SetKey(n, kv[0], &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"})
		default:
			yamltext.SetKey(n, kv[0], &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: kv[1]})
		}
	}
}

func entryOf(category string, a *yaml.Node) Entry {
	return Entry{Category: category, Website: text(a, "website"), Documentation: text(a, "documentation"), Logo: text(a, "logo"),
		Title: text(a, "title"), Description: text(a, "description"), AdditionalInfo: text(a, "additional_info")}
}

func apps(c *yaml.Node) []*yaml.Node {
	list := yamltext.Value(c, "apps")
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil
	}
	var out []*yaml.Node
	for _, a := range list.Content {
		if a.Kind == yaml.MappingNode {
			out = append(out, a)
		}
	}
	return out
}

func text(m *yaml.Node, key string) string {
	v := yamltext.Value(m, key)
	if v == nil || v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		return ""
	}
	return v.Value
}
