// Package pageimport reads existing connection pages, hand-written or
// generated, and writes the partner files that regenerate them: the facts
// the template set needs (name, e-mail, modes, menu paths, buttons), and
// every partner-specific step, image and section as written, so that
// nothing the page said is lost. What the template writes itself is
// reported as replaced; what has no place in a partner file, as dropped.
package pageimport

import (
	"github.com/partnerpages/partnerpages/scaffold/page"

	"fmt"
	"slices"
	"sort"

	"github.com/partnerpages/partnerpages/scaffold/lint"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
)

// Page is one page to import.
type Page struct {
	Path string
	Data []byte
}

// Options configure an import.
type Options struct {
	Set       *render.Set       // the template set that will regenerate the pages
	Lint      lint.Options      // platform facts, for lint and for telling partner e-mails apart
	SchemaRef string            // $schema path written at the top of each partner file
	Emails    map[string]string // support e-mails by slug, for pages that give none (or a wrong one)
}

// Result is one partner built from its pages.
type Result struct {
	Slug    string
	File    string // partner file name, <slug>.yaml
	YAML    []byte
	Partner *partner.Partner // nil when the file does not validate
	Pages   []*PageReport

	Summary       []string          // the facts recovered
	Problems      partner.ErrorList // validation errors of the partner file
	Regenerated   []render.Output   // the pages the partner file gives
	Missing       []string          // facts of the originals missing from Regenerated
	RegenFindings []lint.Finding    // lint findings on Regenerated (none expected)
}

// Import reads pages, groups them by partner (one page per language) and
// builds each partner's file, validated and regenerated in memory. Pages
// that cannot be imported at all come back in failed.
func Import(pages []Page, o Options) (results []*Result, failed []*PageReport) {
	setLangs := o.Set.Languages()
	groups := map[string][]pageOf{}
	for _, pg := range pages {
		f, rep, err := readPage(pg.Path, pg.Data, o.Lint.PlatformEmails, o.Emails)
		if err != nil {
			rep.Err = err
			failed = append(failed, rep)
			continue
		}
		if !slices.Contains(setLangs, f.lang) {
			rep.Err = fmt.Errorf("language %q is not in the template set (%v)", f.lang, setLangs)
			failed = append(failed, rep)
			continue
		}
		dup := slices.IndexFunc(groups[f.slug], func(p pageOf) bool { return p.f.lang == f.lang })
		if dup >= 0 {
			rep.Err = fmt.Errorf("%s is also a %s page of %s; import one page per language", groups[f.slug][dup].rep.Path, f.lang, f.slug)
			failed = append(failed, rep)
			continue
		}
		groups[f.slug] = append(groups[f.slug], pageOf{f, rep})
	}
	slugs := make([]string, 0, len(groups))
	for s := range groups {
		slugs = append(slugs, s)
	}
	sort.Strings(slugs)
	for _, slug := range slugs {
		g := groups[slug]
		sort.Slice(g, func(i, j int) bool {
			return slices.Index(setLangs, g[i].f.lang) < slices.Index(setLangs, g[j].f.lang)
		})
		results = append(results, build(slug, g, o))
	}
	return results, failed
}

// build writes, validates and regenerates one partner's file, and checks
// that the regenerated pages keep the originals' facts and lint clean.
func build(slug string, g []pageOf, o Options) *Result {
	res := &Result{Slug: slug, File: slug + ".yaml"}
	for _, p := range g {
		res.Pages = append(res.Pages, p.rep)
	}
	data, summary, err := partnerYAML(g, o.SchemaRef)
	if err != nil {
		res.Problems = partner.ErrorList{{File: res.File, Msg: err.Error()}}
		return res
	}
	res.YAML, res.Summary = data, summary
	p, errs := partner.Parse(res.File, data)
	if len(errs) == 0 {
		errs = partner.Resolve(p, o.Set.Languages())
	}
	if len(errs) > 0 {
		res.Problems = errs
		return res
	}
	res.Partner = p
	out, err := o.Set.Render(p)
	if err != nil {
		res.Problems = partner.ErrorList{{File: res.File, Msg: err.Error()}}
		return res
	}
	res.Regenerated = out
	for _, pg := range g {
		for _, reg := range out {
			if reg.Lang != pg.f.lang {
				continue
			}
			regPage := page.Parse(slug+"/"+reg.Lang+"/"+reg.Name, reg.Content)
			res.RegenFindings = append(res.RegenFindings, lint.Check(regPage, o.Lint)...)
			before := factsOf(pg.rep.page, pg.rep.skip, o.Lint.PlatformEmails)
			after := factsOf(regPage, nil, o.Lint.PlatformEmails)
			for _, m := range missing(before, after) {
				res.Missing = append(res.Missing, fmt.Sprintf("%s of %s", m, pg.rep.Path))
			}
		}
	}
	for _, pg := range g {
		pg.rep.Kept = kept(pg.f)
	}
	return res
}

// kept lists the partner-specific text placed in the partner file.
func kept(f *facts) []string {
	var out []string
	count := func(n int, what string) {
		if n > 0 {
			out = append(out, fmt.Sprintf("%d %s", n, what))
		}
	}
	count(len(f.intro), "paragraph(s) as connection.intro")
	count(len(f.conn.before), "step(s) as connection.steps_before_button")
	count(len(f.conn.extra), "step(s) as connection.extra_steps")
	count(len(f.disc.before), "step(s) as disconnect.steps_before_button")
	count(len(f.disc.extra), "step(s) as disconnect.extra_steps")
	count(len(f.sections), "section(s) as sections")
	return out
}
