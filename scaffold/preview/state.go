// Package preview renders every partner's pages to HTML as the docs site
// shows them, each language beside the partner file, with lint findings
// and the passages the template does not own marked; it serves them on a
// local address with live reload, or writes them as static files. It reads
// the project and never writes into it.
package preview

import (
	"cmp"
	"fmt"
	"html"
	"io/fs"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/aymanbagabas/go-udiff"
	"github.com/partnerpages/partnerpages/scaffold/generate"
	"github.com/partnerpages/partnerpages/scaffold/lint"
	"github.com/partnerpages/partnerpages/scaffold/page"
	"github.com/partnerpages/partnerpages/scaffold/pagepath"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/project"
	"github.com/partnerpages/partnerpages/scaffold/render"
)

// Options say what to preview. The loaders are called at every reload, so
// an edited template or site.yaml shows too.
type Options struct {
	Partners    fs.FS  // the partners folder
	PartnersDir string // its name, for messages
	// Templates loads the template set; Lint the lint options that go with
	// it (the platform's names and labels, the site to resolve links against).
	Templates func() (*render.Set, error)
	Lint      func() (lint.Options, error)
	Pages     string   // the output folder of the generated pages (images are served from it)
	Slugs     []string // partners to show (none: all)
}

// State is one snapshot of the project: every partner, rendered.
type State struct {
	Partners []*Partner
	Problems []string // problems of the whole project (the template set does not load)
}

// Partner is one partner file and its pages.
type Partner struct {
	Slug, Name, File string
	Source           string   // the partner file as written
	Errors           []string // why it does not validate, file:line:col first
	Pages            []*Page
}

// Page is one rendered page of a partner.
type Page struct {
	Lang, Rel                         string // Rel: <slug>/<lang>/<file> inside the output folder
	Title, MetaTitle, MetaDescription string
	Markdown                          string
	HTML                              string
	Findings                          []lint.Finding
	Disk                              string // current, missing, stale (generate updates it) or hand-edited (absorb takes it)
	// OnDisk: the page shown is the file on disk, which differs from what
	// the templates render (stale or hand-edited); Differs says how much.
	OnDisk   bool
	Differs  string
	Own      int      // sections the template does not write
	Sections int      // sections of the page
	Images   []string // the /files/ URLs of its images
}

// Load reads and renders the whole project. It never fails: what cannot be
// read or rendered is reported in the state, so the page shows it.
func Load(o Options) *State {
	st := &State{}
	set, err := o.Templates()
	if err != nil {
		st.Problems = append(st.Problems, err.Error())
		return st
	}
	lo, err := o.Lint()
	if err != nil {
		st.Problems = append(st.Problems, err.Error())
	}
	ps, errs := project.Inputs{Partners: o.Partners, PartnersDir: o.PartnersDir}.LoadPartners(set)
	disk := map[string]onDisk{}
	if states, _, err := generate.States(o.Pages, set, ps); err == nil {
		for _, c := range states {
			disk[c.Rel] = onDisk{state: c.Action.State(), page: c.Old, differs: c.Action.Differs()}
		}
	}
	byFile := map[string][]string{}
	for _, e := range errs {
		byFile[e.File] = append(byFile[e.File], e.Error())
	}
	for _, p := range ps {
		if len(o.Slugs) > 0 && !slices.Contains(o.Slugs, p.Slug.Value) {
			continue
		}
		pp := &Partner{Slug: p.Slug.Value, Name: p.Name.In(p.Langs()[0]), File: p.File, Source: readSource(o.Partners, p.File, o.PartnersDir)}
		if len(byFile[p.File]) > 0 {
			pp.Errors = byFile[p.File]
			delete(byFile, p.File)
		} else {
			pp.Pages = renderPartner(set, p, lo, o, disk, &pp.Errors)
		}
		st.Partners = append(st.Partners, pp)
	}
	for _, file := range slices.Sorted(maps.Keys(byFile)) { // files that did not decode at all
		slug := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(file), ".yaml"), ".yml")
		if len(o.Slugs) > 0 && !slices.Contains(o.Slugs, slug) {
			continue
		}
		st.Partners = append(st.Partners, &Partner{Slug: slug, Name: slug, File: file,
			Source: readSource(o.Partners, file, o.PartnersDir), Errors: byFile[file]})
	}
	slices.SortFunc(st.Partners, func(a, b *Partner) int { return strings.Compare(a.Slug, b.Slug) })
	return st
}

// Find returns the partner with slug, or nil.
func (st *State) Find(slug string) *Partner {
	for _, p := range st.Partners {
		if p.Slug == slug {
			return p
		}
	}
	return nil
}

// onDisk is a page as the output folder holds it, against what the
// templates render now.
type onDisk struct {
	state   string
	page    []byte
	differs bool // stale or hand-edited: the file is not the template's rendering
}

// renderPartner renders, lints and compares with the disk each page of p:
// a page on disk that differs from the templates' rendering is shown as it
// is on disk, with its own findings, and says how it differs.
func renderPartner(set *render.Set, p *partner.Partner, lo lint.Options, o Options, disk map[string]onDisk, errs *[]string) []*Page {
	outs, err := set.Render(p)
	if err != nil {
		*errs = append(*errs, err.Error())
		return nil
	}
	var pages []*Page
	for _, out := range outs {
		rel := pagepath.Path{Slug: p.Slug.Value, Lang: out.Lang, File: out.Name}.Rel()
		content, d := out.Content, disk[rel]
		differs := ""
		if d.differs {
			content, differs = d.page, diffSummary(d.page, out.Content)
		}
		if !strings.HasSuffix(out.Name, ".md") { // a data file (customization.yaml): shown as it is
			pages = append(pages, &Page{Lang: out.Lang, Rel: rel, Markdown: string(content),
				HTML: "<pre class=\"pp-data\">" + html.EscapeString(string(content)) + "</pre>",
				Disk: cmp.Or(d.state, "missing"), OnDisk: d.differs, Differs: differs})
			continue
		}
		pg := page.Parse(path.Join(o.Pages, rel), content)
		own := ownSections(p, out.Lang)
		findings := lint.Check(pg, lo)
		var images []string
		html, sections := RenderHTML(pg, HTMLOptions{Slug: p.Slug.Value, Lang: out.Lang, Findings: findings, Site: lo.Site, Own: own, Images: &images})
		pages = append(pages, &Page{Images: images,
			Lang: out.Lang, Rel: rel, Markdown: string(content), HTML: html, Findings: findings,
			Title: pg.FMString("title"), MetaTitle: pg.FMString("meta.title"), MetaDescription: pg.FMString("meta.description"),
			Disk: cmp.Or(d.state, "missing"), OnDisk: d.differs, Differs: differs, Own: len(own), Sections: sections,
		})
	}
	return pages
}

// readSource returns the partner file's text ("" when it cannot be read).
func readSource(fsys fs.FS, file, dir string) string {
	rel, err := filepath.Rel(dir, file)
	if err != nil {
		rel = filepath.Base(file)
	}
	if st, err := fs.Stat(fsys, filepath.ToSlash(rel)); err != nil || !st.Mode().IsRegular() || st.Size() > partner.MaxFileSize {
		return "" // a FIFO would block the read
	}
	data, err := fs.ReadFile(fsys, filepath.ToSlash(rel))
	if err != nil {
		return ""
	}
	return string(data)
}

// diffSummary says how the page on disk differs from the templates'
// rendering: the lines each has that the other lacks.
func diffSummary(disk, rendered []byte) string {
	before := string(rendered)
	added, removed := 0, 0
	for _, e := range udiff.Lines(before, string(disk)) {
		added += strings.Count(e.New, "\n")
		removed += strings.Count(before[e.Start:e.End], "\n")
	}
	return fmt.Sprintf("%d line(s) the templates do not write, %d of theirs it lacks", added, removed)
}
