package render

import (
	"bytes"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// SiteFile is the name of the platform facts file at the root of a template set.
const SiteFile = "site.yaml"

// Site holds the platform facts that every page shares.
type Site struct {
	Name          string                       `yaml:"name"`            // the platform's name (HubRise)
	SupportEmail  string                       `yaml:"support_email"`   // copied on contact requests
	SignupURL     string                       `yaml:"signup_url"`      // where a reader opens an account
	BackOfficeURL string                       `yaml:"back_office_url"` // where a reader logs in to the platform's back office (optional)
	Domains       []string                     `yaml:"domains"`         // the docs site's own hosts (links to them must be root-relative)
	Links         map[string]string            `yaml:"links"`           // named root-relative doc paths
	Nouns         map[string]map[string]string `yaml:"nouns"`           // kind → language → noun
	Typography    map[string]string            `yaml:"typography"`      // language → spacing rule ("french")
	UI            map[string]map[string]string `yaml:"ui"`              // the platform's UI labels: name → language → label
	Categories    []Category                   `yaml:"categories"`      // the Apps page's categories, in its order
	LangNames     map[string]map[string]string `yaml:"language_names"`  // language → the language it is named in → name ("fr" → "en" → "French")
}

// checkUI checks that every UI label has a value in every language of the
// set, so that a page never renders with a label missing.
func (s Site) checkUI(langs []string) error {
	for _, name := range sortedKeys(s.UI) {
		if !uiName.MatchString(name) {
			return fmt.Errorf("%s: ui.%s: a label name is lower-case letters, digits and '_' (templates write {{bold .UI.name}})", SiteFile, name)
		}
		for _, l := range langs {
			if strings.TrimSpace(s.UI[name][l]) == "" {
				return fmt.Errorf("%s: ui.%s: no %q label; every label needs one per language of the template set", SiteFile, name, l)
			}
		}
	}
	return nil
}

var uiName = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// UILabels returns the UI labels of lang, by name.
func (s Site) UILabels(lang string) map[string]string {
	out := make(map[string]string, len(s.UI))
	for name, byLang := range s.UI {
		out[name] = byLang[lang]
	}
	return out
}

func loadSite(fsys fs.FS) (Site, error) {
	var s Site
	data, err := fs.ReadFile(fsys, SiteFile)
	if err != nil {
		return s, fmt.Errorf("%s: %w", SiteFile, err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&s); err != nil {
		return s, fmt.Errorf("%s: %v", SiteFile, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	var missing []string
	for k, v := range map[string]string{"name": s.Name, "support_email": s.SupportEmail, "signup_url": s.SignupURL} {
		if v == "" {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		slices.Sort(missing)
		return s, fmt.Errorf("%s: missing %s", SiteFile, strings.Join(missing, ", "))
	}
	if err := checkTypography(s.Typography); err != nil {
		return s, err
	}
	for name, p := range s.Links {
		if name == SignupLink || name == BackOfficeLink {
			return s, fmt.Errorf("%s: links.%s: the name is taken (platform:%s is the site's %s)", SiteFile, name, name, map[string]string{SignupLink: "signup_url", BackOfficeLink: "back_office_url"}[name])
		}
		if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") {
			return s, fmt.Errorf("%s: links.%s: %q must be a root-relative path such as /docs/get-started", SiteFile, name, p)
		}
	}
	return s, nil
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
