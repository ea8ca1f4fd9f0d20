// Package render turns a partner into pages with a template set: platform
// facts in site.yaml, and per language one template per output page plus
// partials shared by the pages.
package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"text/template"

	"github.com/partnerpages/partnerpages/scaffold/partner"
)

// MaxTemplateSize bounds a file of a template set.
const MaxTemplateSize = 1 << 20

// TemplateExt ends every template file name.
const TemplateExt = ".tmpl"

// pageName is what an output file name may be: no folders, no hidden files.
var pageName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// Set is a loaded template set.
type Set struct {
	Dir    string // the folder the set was loaded from, as messages name it ("": the embedded set)
	Site   Site
	Digest string // SHA-256 of every file of the set, names and contents
	langs  []string
	pages  map[string][]*Page          // by language, in file name order
	files  []string                    // every file of the set, for listing
	ui     map[string]map[string]Plain // UI labels by language and name
	// partials by language: the templates page templates call, the
	// platform's steps among them
	partials map[string]*template.Template
}

// Page is one page template of one language.
type Page struct {
	Lang string // language folder
	Name string // output file name (template file name without .tmpl)
	File string // template path inside the set
	tmpl *template.Template
}

// Output is one rendered page.
type Output struct {
	Lang    string
	Name    string // file name inside <out>/<slug>/<lang>/
	Content []byte
	Connect bool // the connect page (else a file of the app folder)
}

// Load reads a template set from fsys: site.yaml at the root, and a folder
// per language holding page templates (name.md.tmpl) and partials (_name.tmpl,
// callable as {{template "name" .}}).
func Load(fsys fs.FS) (*Set, error) {
	site, err := loadSite(fsys)
	if err != nil {
		return nil, err
	}
	s := &Set{Site: site, pages: map[string][]*Page{}, files: []string{SiteFile}}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if !partner.ValidLang(e.Name()) {
			return nil, fmt.Errorf("%s/: a language folder must be named by a language code such as en or fr", e.Name())
		}
		if err := s.loadLang(fsys, e.Name()); err != nil {
			return nil, err
		}
	}
	if len(s.langs) == 0 {
		return nil, fmt.Errorf("the template set has no language folder with a page template (<lang>/<page>%s)", TemplateExt)
	}
	if err := site.checkUI(s.langs); err != nil {
		return nil, err
	}
	s.ui = map[string]map[string]Plain{}
	for _, l := range s.langs {
		s.ui[l] = map[string]Plain{}
		for name, label := range site.UILabels(l) {
			s.ui[l][name] = Plain(label)
		}
	}
	h := sha256.New()
	for _, f := range s.files {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", f, len(data))
		h.Write(data)
	}
	s.Digest = hex.EncodeToString(h.Sum(nil))
	return s, nil
}

func (s *Set) loadLang(fsys fs.FS, lang string) error {
	entries, err := fs.ReadDir(fsys, lang)
	if err != nil {
		return err
	}
	base := template.New(lang).Funcs(s.funcs()).Option("missingkey=error")
	var pages []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, TemplateExt) {
			continue
		}
		file := path.Join(lang, name)
		s.files = append(s.files, file)
		if !strings.HasPrefix(name, "_") {
			pages = append(pages, name)
			continue
		}
		text, err := fs.ReadFile(fsys, file)
		if err != nil {
			return err
		}
		partial := strings.TrimSuffix(strings.TrimPrefix(name, "_"), TemplateExt)
		if _, err := base.New(partial).Parse(string(text)); err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
	}
	if s.partials == nil {
		s.partials = map[string]*template.Template{}
	}
	s.partials[lang] = base
	for _, name := range pages {
		file := path.Join(lang, name)
		out := strings.TrimSuffix(name, TemplateExt)
		if !pageName.MatchString(out) {
			return fmt.Errorf("%s: %q is not a safe page file name", file, out)
		}
		text, err := fs.ReadFile(fsys, file)
		if err != nil {
			return err
		}
		t, err := base.Clone()
		if err != nil {
			return err
		}
		if _, err := t.New(out).Parse(string(text)); err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		s.pages[lang] = append(s.pages[lang], &Page{Lang: lang, Name: out, File: file, tmpl: t.Lookup(out)})
	}
	if len(pages) > 0 {
		s.langs = append(s.langs, lang)
		slices.Sort(s.langs)
	}
	return nil
}

// ConnectPage is the page template whose file a partner's file_name renames.
const ConnectPage = "connect-hubrise.md"

// connectPage is lang's connect page template: ConnectPage, or the set's
// only page; nil when there is neither.
func (s *Set) connectPage(lang string) *Page {
	pages := s.pages[lang]
	for _, pg := range pages {
		if pg.Name == ConnectPage {
			return pg
		}
	}
	if len(pages) == 1 {
		return pages[0]
	}
	return nil
}

// ConnectFile is the file name of lang's connect page template, "" when the
// set has none.
func (s *Set) ConnectFile(lang string) string {
	if pg := s.connectPage(lang); pg != nil {
		return pg.Name
	}
	return ""
}

// finish returns a rendered page normalized and, a Markdown page, typeset
// in lang's typography (a data file such as customization.yaml is not).
func (s *Set) finish(page []byte, lang, name string) []byte {
	page = normalize(dropSkipped(page))
	if !strings.HasSuffix(name, ".md") {
		return page
	}
	if typeset := typographies[s.Site.Typography[lang]]; typeset != nil {
		page = typeset(page)
	}
	return page
}

// Languages returns the languages the set has pages for, sorted.
func (s *Set) Languages() []string { return slices.Clone(s.langs) }

// Only narrows the set to langs, in that order: the languages partners get
// by default and may list, and the ones the wizard offers. A language the
// set has no pages for is an error.
func (s *Set) Only(langs []string) error {
	for _, l := range langs {
		if !slices.Contains(s.langs, l) {
			return fmt.Errorf("language %q has no folder of page templates in the template set (it has: %s)", l, strings.Join(s.langs, ", "))
		}
	}
	s.langs = slices.Clone(langs)
	return nil
}

// Pages returns the page templates of lang.
func (s *Set) Pages(lang string) []*Page { return s.pages[lang] }

// Files returns every file of the set (site.yaml, pages and partials).
func (s *Set) Files() []string { return slices.Clone(s.files) }

// Render renders every page of p in every language of p.
func (s *Set) Render(p *partner.Partner) ([]Output, error) {
	var out []Output
	langs := p.Langs()
	for _, l := range p.AppLangs() {
		if !slices.Contains(langs, l) {
			langs = append(langs, l)
		}
	}
	for _, lang := range langs {
		if !slices.Contains(s.langs, lang) {
			return nil, fmt.Errorf("%s: app.languages: the template set has no %q pages (it has: %s)", p.File, lang, strings.Join(s.langs, ", "))
		}
		view := s.NewView(p, lang)
		if view.err != nil {
			return nil, fmt.Errorf("%s: %s page: %w", p.File, lang, view.err)
		}
		name := p.FileName.In(lang)
		if name != "" && s.connectPage(lang) == nil {
			return nil, fmt.Errorf("%s: file_name: the %s template set has no %s page for file_name to rename", p.File, lang, ConnectPage)
		}
		for _, pg := range s.pages[lang] {
			var buf bytes.Buffer
			if err := pg.tmpl.Execute(&buf, view); err != nil {
				return nil, s.templateError(lang, err, p.File, pg.File)
			}
			if len(bytes.TrimSpace(buf.Bytes())) == 0 {
				continue // a page this partner does not have (an overview without app:)
			}
			file, connect := pg.Name, pg == s.connectPage(lang)
			if name != "" && connect {
				file = name
			}
			out = append(out, Output{Lang: lang, Name: file, Content: s.finish(buf.Bytes(), lang, pg.Name), Connect: connect})
		}
	}
	return out, nil
}
