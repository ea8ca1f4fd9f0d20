package project

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/partnerpages/partnerpages/scaffold/lint"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
)

// Inputs are where a project's partner files and templates come from.
type Inputs struct {
	Partners     fs.FS  // the partners folder
	PartnersDir  string // its name as the user gave it, for messages ("" when it is not on disk)
	Templates    fs.FS  // the template set
	TemplatesDir string // its folder as the user named it, for messages ("": the embedded set)
	// Languages, when set, narrows the template set to the project's
	// languages (the project file's `languages`).
	Languages []string
}

// LoadTemplates loads the template set.
func (in Inputs) LoadTemplates() (*render.Set, error) {
	set, err := render.Load(in.Templates)
	if err != nil {
		return nil, fmt.Errorf("template set: %w", err)
	}
	set.Dir = in.TemplatesDir
	if len(in.Languages) > 0 {
		if err := set.Only(in.Languages); err != nil {
			return nil, fmt.Errorf("project languages: %w", err)
		}
	}
	return set, nil
}

// LoadPartners is the one partner loader: it reads every partner file,
// validates it against the template set (its languages, and the platform
// steps, phrases, labels and links its text names) and checks that no two
// share a slug. It returns the valid partners in slug order and every
// problem of every file; commands that need all of them valid check that
// the list is empty.
func (in Inputs) LoadPartners(set *render.Set) ([]*partner.Partner, partner.ErrorList) {
	ps, errs := partner.LoadDir(in.Partners, in.PartnersDir, set.Languages())
	for _, p := range ps {
		errs = append(errs, set.CheckRefs(p)...)
	}
	bad := map[string]bool{}
	for _, e := range errs {
		bad[e.File] = true
	}
	errs.Sort()
	return slices.DeleteFunc(ps, func(p *partner.Partner) bool { return bad[p.File] }), errs
}

// Select keeps the partners named by slugs (all when slugs is empty), each
// once, in the order named. An unknown slug is an error that lists the
// known ones.
func Select(ps []*partner.Partner, slugs []string) ([]*partner.Partner, error) {
	if len(slugs) == 0 {
		return ps, nil
	}
	var out []*partner.Partner
	var unknown []string
	for _, want := range slugs {
		i := slices.IndexFunc(ps, func(p *partner.Partner) bool { return p.Slug.Value == want })
		switch {
		case i < 0:
			unknown = append(unknown, want)
		case !slices.Contains(out, ps[i]):
			out = append(out, ps[i])
		}
	}
	if len(unknown) > 0 {
		known := make([]string, len(ps))
		for i, p := range ps {
			known[i] = p.Slug.Value
		}
		slices.Sort(known)
		return nil, fmt.Errorf("no partner with slug %s (known: %s)", strings.Join(unknown, ", "), strings.Join(known, ", "))
	}
	return out, nil
}

// LintOptions loads the template set and builds the lint options that go
// with it (LintOptionsFor).
func (in Inputs) LintOptions(siteDir string) (lint.Options, error) {
	set, err := in.LoadTemplates()
	if err != nil {
		return lint.Options{}, err
	}
	return LintOptionsFor(set, siteDir)
}

// LintOptionsFor builds the lint rules' options from the template set's
// platform facts (support e-mail, site domains) and an optional content tree.
func LintOptionsFor(set *render.Set, siteDir string) (lint.Options, error) {
	o := lint.DefaultOptions()
	o.PlatformEmails = []string{strings.ToLower(set.Site.SupportEmail)}
	o.PlatformName = set.Site.Name
	o.UI = map[string]map[string]string{}
	for _, l := range set.Languages() {
		o.UI[l] = set.Site.UILabels(l)
	}
	if len(set.Site.Domains) > 0 {
		o.SiteHosts = set.Site.Domains
	}
	if siteDir != "" {
		site, err := lint.LoadSite(siteDir)
		if err != nil {
			return o, err
		}
		o.Site = site
	}
	return o, nil
}
