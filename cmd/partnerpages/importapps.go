package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/partnerpages/partnerpages/scaffold/appimport"
	"github.com/partnerpages/partnerpages/scaffold/appspage"
	"github.com/partnerpages/partnerpages/scaffold/pageimport"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
	"github.com/partnerpages/partnerpages/scaffold/safefile"
)

// importAppFolders reads the app folders below the arguments into the
// partner files: into the file the connect pages made (results), into the
// partner file already there, or into a new file for an app folder with
// no connect page. It returns the results, with those of new files added,
// and the files it read for adoption.
func importAppFolders(opts *ImportOptions, set *render.Set, results []*pageimport.Result, existing map[string]*partner.Partner) ([]*pageimport.Result, appFiles, []error) {
	found, errs := appimport.Find(opts.Args, set.Languages())
	read := appFiles{listings: map[string]string{}}
	for _, f := range found {
		res := resultFor(results, f.Slug)
		var base []byte
		var p *partner.Partner
		switch {
		case res != nil && res.Partner != nil:
			base, p = res.YAML, res.Partner
		case res != nil:
			continue // its connect pages did not make a valid file: said already
		case existing[f.Slug] != nil:
			p = existing[f.Slug]
			data, err := safefile.Read(filepath.Join(opts.Partners, f.Slug+".yaml"), partner.MaxFileSize)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %s", p.File, safefile.Why(err)))
				continue
			}
			base = data
			res = &pageimport.Result{Slug: f.Slug, File: f.Slug + ".yaml", Merged: true}
			results = append(results, res)
		default:
			res = &pageimport.Result{Slug: f.Slug, File: f.Slug + ".yaml"}
			results = append(results, res)
		}
		o := appimport.Options{Set: set}
		if p != nil {
			o.Name, o.Connect = p.Name, p.HasConnectPage() && p.Uses("connect")
		}
		app, err := appimport.Read(f.Folder, o)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if base == nil { // an app folder without a connect page
			q := &partner.Partner{Name: app.Name, Slug: partner.Scalar{Value: f.Slug}, Languages: partner.Scalars(app.Langs), App: app.App}
			base, err = partner.Encode(q, partner.Comments{Header: fmt.Sprintf("# Written by partnerpages import from %s: its overview, customization\n# and Apps page entries (it has no connect page).\n", f.Dir)})
		} else {
			if p != nil && !slices.Equal(app.Langs, p.Langs()) {
				app.App.Languages = partner.Scalars(app.Langs) // an overview in languages the connect page is not in
			}
			base, err = appimport.Attach(base, app.Langs, app.App)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", f.Dir, err))
			continue
		}
		res.Folder = f.Dir
		settle(res, base, set, f, app.Notes)
		for path, data := range f.Files {
			read.pages = append(read.pages, pageimport.Page{Path: path, Data: data})
		}
		for lang, es := range f.Entries {
			read.listings[lang+"/"+f.Slug] = appspage.Hash(es)
		}
	}
	slices.SortFunc(results, func(a, b *pageimport.Result) int { return strings.Compare(a.Slug, b.Slug) })
	return results, read, errs
}

// appFiles are what import read of the app folders, for adoption: the
// overview and customization files, and the hash of each app's Apps page
// entries by "<lang>/<slug>".
type appFiles struct {
	pages    []pageimport.Page
	listings map[string]string
}

// settle validates and renders a partner file with its app folder into
// res, and notes what the reading changed.
func settle(res *pageimport.Result, yml []byte, set *render.Set, f *appimport.Found, notes []string) {
	res.YAML = yml
	p, errs := partner.Parse(res.File, yml)
	if len(errs) == 0 {
		errs = partner.Resolve(p, set.Languages())
	}
	if len(errs) > 0 {
		res.Partner, res.Problems = nil, errs
		return
	}
	out, err := set.Render(p)
	if err != nil {
		res.Partner, res.Problems = nil, partner.ErrorList{{File: res.File, Msg: err.Error()}}
		return
	}
	res.Partner, res.Regenerated = p, out
	res.Summary = append(res.Summary, fmt.Sprintf("app folder %s: overview and customization in %d language(s), %d Apps page entr(ies)", f.Dir, len(f.Overviews), entries(f)))
	for _, n := range notes {
		res.Summary = append(res.Summary, "app folder: "+n)
	}
}

func entries(f *appimport.Found) int {
	n := 0
	for _, es := range f.Entries {
		n = max(n, len(es))
	}
	return n
}

func resultFor(results []*pageimport.Result, slug string) *pageimport.Result {
	for _, r := range results {
		if r.Slug == slug {
			return r
		}
	}
	return nil
}
