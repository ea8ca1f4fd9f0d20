// Package scaffold is the engine of partnerpages: it loads partner files and
// a template set, renders pages, and writes them safely. Commands call it
// with file systems and writers, so it runs the same in tests and in a terminal.
package scaffold

import (
	"fmt"
	"io/fs"
	"slices"

	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
)

// Inputs are where partner files and templates come from.
type Inputs struct {
	Partners    fs.FS  // the partners folder
	PartnersDir string // its name as the user gave it, for messages
	Templates   fs.FS  // the template set
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
	if len(in.Languages) > 0 {
		if err := set.Only(in.Languages); err != nil {
			return nil, fmt.Errorf("project languages: %w", err)
		}
	}
	return set, nil
}

// LoadPartners loads and validates every partner file against the template
// set's languages. All problems of all files come back as one partner.ErrorList.
func (in Inputs) LoadPartners(set *render.Set) ([]*partner.Partner, error) {
	ps, errs := partner.LoadDir(in.Partners, in.PartnersDir, set.Languages())
	errs = append(errs, CheckRefs(set, ps)...)
	if len(errs) > 0 {
		return nil, errs
	}
	return ps, nil
}

// LoadPartnersLenient loads the partner files that are valid and returns
// the problems of the others, for commands that can do without them.
func (in Inputs) LoadPartnersLenient(set *render.Set) ([]*partner.Partner, partner.ErrorList) {
	ps, errs := partner.LoadDir(in.Partners, in.PartnersDir, set.Languages())
	errs = append(errs, CheckRefs(set, ps)...)
	bad := map[string]bool{}
	for _, e := range errs {
		bad[e.File] = true
	}
	return slices.DeleteFunc(ps, func(p *partner.Partner) bool { return bad[p.File] }), errs
}

// Select keeps the partners named by slugs (all when slugs is empty), as
// generate selects them. An unknown slug is an error that lists the known ones.
func Select(ps []*partner.Partner, slugs []string) ([]*partner.Partner, error) {
	if len(slugs) == 0 {
		return ps, nil
	}
	known := make([]string, len(ps))
	for i, p := range ps {
		known[i] = p.Slug.Value
	}
	picked, err := pick(known, slugs)
	if err != nil {
		return nil, err
	}
	out := make([]*partner.Partner, len(picked))
	for i, k := range picked {
		out[i] = ps[k]
	}
	return out, nil
}

// CheckRefs reports the references of the partners' text to platform
// steps, phrases, labels and links that the template set lacks.
func CheckRefs(set *render.Set, ps []*partner.Partner) partner.ErrorList {
	var errs partner.ErrorList
	for _, p := range ps {
		errs = append(errs, set.CheckRefs(p)...)
	}
	return errs
}
