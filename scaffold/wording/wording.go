// Package wording holds the words of the platform's connect pages that
// import and lint recognise, per language, as data (wording.yaml): the
// section a heading names, the platform's standard steps, how a page says
// who connects, and the like. A third language is a block of that file.
package wording

import (
	_ "embed"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

//go:embed wording.yaml
var data []byte

// Language is the wording of one language.
type Language struct {
	ConnectSlug   string              `yaml:"connect_slug"`   // the connect page's URL slug
	ConnectTitle  string              `yaml:"connect_title"`  // its title, lower case
	Sections      map[string][]string `yaml:"sections"`       // standard section → heading words
	HeadingNames  []string            `yaml:"heading_names"`  // headings that name the product
	ToPlatform    []string            `yaml:"to_platform"`    // "Connect X <to> HubRise"
	NotNames      []string            `yaml:"not_names"`      // words no product name starts with
	NavWords      string              `yaml:"nav_words"`      // words of a navigation step
	TrailingWords string              `yaml:"trailing_words"` // words before a button's label
	Phrases       map[string][]string `yaml:"phrases"`        // concept → fragments, any case
	Names         map[string][]string `yaml:"names"`          // concept → fragments with a name group
}

// Languages is the wording of each language, by code (read when first
// needed: generate needs none of it).
var Languages = load(data)

func load(src []byte) map[string]Language {
	var ls map[string]Language
	if err := yaml.Unmarshal(src, &ls); err != nil {
		panic(fmt.Sprintf("wording.yaml: %v", err))
	}
	return ls
}

// Langs lists the languages the wording knows, sorted.
func Langs() []string { return slices.Sorted(maps.Keys(Languages)) }

// Phrase is the regular expression of a concept of phrases: any language's
// fragment, whatever the case. An unknown concept panics (tests load each).
func Phrase(concept string) *regexp.Regexp {
	var frags []string
	for _, l := range Langs() {
		frags = append(frags, Languages[l].Phrases[concept]...)
	}
	if len(frags) == 0 {
		panic("wording: no phrases for " + concept)
	}
	return regexp.MustCompile(`(?i)(?:` + strings.Join(frags, "|") + `)`)
}

// Names are the expressions of a concept of names, one per fragment of each
// language, matched with their case; group 1 is the name.
func Names(concept string) []*regexp.Regexp {
	var out []*regexp.Regexp
	for _, l := range Langs() {
		for _, f := range Languages[l].Names[concept] {
			out = append(out, regexp.MustCompile(f))
		}
	}
	if len(out) == 0 {
		panic("wording: no names for " + concept)
	}
	return out
}

// HeadingNames are the headings that name the product, every language's,
// whatever the case; group 1 is the name.
func HeadingNames() []*regexp.Regexp {
	var out []*regexp.Regexp
	for _, l := range Langs() {
		for _, f := range Languages[l].HeadingNames {
			out = append(out, regexp.MustCompile(`(?i)`+f))
		}
	}
	return out
}

// ToPlatform matches the end of "Connect X to HubRise" in any language.
func ToPlatform() *regexp.Regexp {
	var ws []string
	for _, l := range Langs() {
		for _, w := range Languages[l].ToPlatform {
			ws = append(ws, regexp.QuoteMeta(w))
		}
	}
	return regexp.MustCompile(`(?i)\s+(` + strings.Join(ws, "|") + `)\s+HubRise$`)
}

// Words is a set of words from every language, picked by get.
func Words(get func(Language) []string) map[string]bool {
	m := map[string]bool{}
	for _, l := range Langs() {
		for _, w := range get(Languages[l]) {
			m[w] = true
		}
	}
	return m
}
