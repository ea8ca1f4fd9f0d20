// Package absorb takes pages edited by hand back into their partner files,
// then regenerates them through the generate pipeline under the run lock
// it holds.
package absorb

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/aymanbagabas/go-udiff"

	"github.com/partnerpages/partnerpages/scaffold/appspage"

	"github.com/partnerpages/partnerpages/scaffold/generate"
	"github.com/partnerpages/partnerpages/scaffold/lint"
	"github.com/partnerpages/partnerpages/scaffold/output"
	"github.com/partnerpages/partnerpages/scaffold/pageimport"
	"github.com/partnerpages/partnerpages/scaffold/pagepath"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/project"
	"github.com/partnerpages/partnerpages/scaffold/render"
	"github.com/partnerpages/partnerpages/scaffold/safefile"
)

// Absorbed is one partner whose hand-edited pages went back into its file.
type Absorbed struct {
	YAML      []byte           // the new partner file
	Partner   *partner.Partner // it, loaded
	Pages     []render.Output  // the pages it renders: the edited ones byte for byte
	Overrides []string         // passages the page now says itself (a template change no longer reaches them)
	Tidied    []string         // languages whose edited page had blank lines or trailing spaces generate does not write
	// Whole is set when an edit was not one absorb places at the step or
	// the language, and the edited pages were read whole: a section the
	// edit touched may then keep its text as written.
	Whole bool
}

// ErrCannot is wrapped by every reason an edit cannot go into its
// partner file; nothing is written then.
var ErrCannot = errors.New("cannot be absorbed")

// Partner merges hand-edited pages of partner p (edited: language →
// page as on disk) into a new partner file, through the page model and the
// import: what the page cannot tell (kind, publisher, slug, the other
// languages) comes from p, passages the template writes stay typed where the
// regenerated text is the same, and the rest is kept as the page has it.
// The result renders every edited page byte for byte and every other page
// as before; otherwise it is an error that says where, and nothing changes.
func Partner(set *render.Set, lo lint.Options, p *partner.Partner, src []byte, schemaRef string, edited map[string][]byte) (*Absorbed, error) {
	before, err := set.Render(p)
	if err != nil {
		return nil, err
	}
	before = connectOnly(set, p, before)
	// a page holds the whitespace generate writes, and no other: runs of
	// blank lines and trailing spaces an edit left are tidied first
	tidied := map[string][]byte{}
	var tidy []string
	for lang, data := range edited {
		if tidied[lang] = render.Tidy(data); !bytes.Equal(tidied[lang], data) {
			tidy = append(tidy, lang)
		}
	}
	slices.Sort(tidy)
	edited = tidied
	a, partial, partialSrc := targeted(set, p, src, before, edited)
	if a != nil {
		a.Tidied = tidy
		return a, nil
	}
	if partial != nil {
		p, src = partial, partialSrc // the edits placed at the step stay so; the page is read whole for the rest
	}
	var pages []pageimport.Page
	for _, out := range before {
		if data, ok := edited[out.Lang]; ok {
			at := pagepath.Path{Slug: p.Slug.Value, Lang: out.Lang, File: out.Name}
			pages = append(pages, pageimport.Page{Path: at.Rel(), At: at, Data: data, Titles: ownTitles(p, out.Lang)})
		}
	}
	results, failed := pageimport.Import(pages, pageimport.Options{
		Set: set, Lint: lo, SchemaRef: schemaRef, Exact: true,
		Existing: map[string]*partner.Partner{p.Slug.Value: p},
	})
	if len(failed) > 0 {
		return nil, fmt.Errorf("%w: %s: %v", ErrCannot, failed[0].Path, failed[0].Err)
	}
	if len(results) != 1 || results[0].Partner == nil {
		msg := "the pages do not make one partner file"
		if len(results) == 1 {
			msg = results[0].Problems.Error()
		}
		return nil, fmt.Errorf("%w: %s", ErrCannot, msg)
	}
	res := results[0]
	res.Regenerated = connectOnly(set, res.Partner, res.Regenerated)
	a = &Absorbed{YAML: res.YAML, Partner: res.Partner, Pages: res.Regenerated, Tidied: tidy, Whole: true}
	for _, out := range res.Regenerated {
		want, ok := edited[out.Lang]
		if !ok {
			want = outputOf(before, out.Lang)
		}
		if !bytes.Equal(out.Content, want) {
			return nil, fmt.Errorf("%w: the %s page would come back as %s", ErrCannot, out.Lang, firstDifference(want, out.Content))
		}
	}
	// the new file is laid over the old one's text: its comments and layout
	// stay where the values do
	want := map[string][]byte{}
	for _, out := range res.Regenerated {
		want[out.Lang] = out.Content
	}
	t := &targeter{set: set, file: p.File, langs: p.Langs()}
	if yml, q, ok := t.layOver(src, res.YAML, want); ok {
		a.YAML, a.Partner = yml, q
	}
	for _, pg := range res.Pages {
		for _, o := range pg.Overrides {
			if !overridden(p, o, pg.Lang) {
				a.Overrides = append(a.Overrides, fmt.Sprintf("%s:%d: %s", pg.Lang, o.Line, o))
			}
		}
	}
	return a, nil
}

// overridden reports whether partner file p already keeps o as written in
// lang: then the edit did not make the override, and it is not news.
func overridden(p *partner.Partner, o pageimport.Override, lang string) bool {
	for _, pt := range p.Layout() {
		if pt.Standard.Value != o.Kind || !pt.InLang(lang) {
			continue
		}
		if o.Heading {
			return pt.Title.In(lang) != ""
		}
		return pt.Body.In(lang) != ""
	}
	return false
}

// ownTitles are the headings p gives its standard sections in lang, by text.
func ownTitles(p *partner.Partner, lang string) map[string]string {
	out := map[string]string{}
	for _, pt := range p.Page {
		if t := pt.Title.In(lang); pt.Standard.Value != "" && t != "" {
			out[t] = pt.Standard.Value
		}
	}
	return out
}

func outputOf(outs []render.Output, lang string) []byte {
	for _, o := range outs {
		if o.Lang == lang {
			return o.Content
		}
	}
	return nil
}

// firstDifference names the first line where got differs from want.
func firstDifference(want, got []byte) string {
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("%q on line %d where the edited page has %q (the template writes that line: edit the partner file or the templates instead)", gl, i+1, wl)
		}
	}
	return "a page of another length"
}

// Options are the inputs of Run.
type Options struct {
	project.Inputs
	Out       string   // output folder
	Slugs     []string // partners to absorb; empty: every partner with an edited page
	DryRun    bool     // write nothing; show the partner files' diffs
	SchemaRef string   // $schema path for rewritten partner files, as seen from them
	Waiting   func()   // called if another run holds the output folder's lock
}

// Report is what Run did for one partner.
type Report struct {
	Slug, File string
	Pages      []string // the edited pages, relative to the output folder
	Diff       string   // unified diff of the partner file
	Overrides  []string
	Tidied     []string // languages whose page had whitespace generate does not write (then tidied)
	Err        error    // why the edit could not be absorbed (nothing was written)
}

// Absorb takes the pages edited by hand since the tool wrote them (their
// content differs from what the lock file recorded) back into their partner
// files. For each partner it checks that the partner file is the one the
// pages were generated from, merges the edits (Partner), writes the
// partner file atomically and regenerates the pages, which records them in
// the lock file. A partner whose edit cannot be represented gets an Err and
// nothing written.
func Run(ctx context.Context, o Options) ([]Report, error) {
	set, err := o.LoadTemplates()
	if err != nil {
		return nil, err
	}
	ps, errs := o.LoadPartners(set)
	if len(errs) > 0 {
		return nil, errs
	}
	if ps, err = project.Select(ps, o.Slugs); err != nil {
		return nil, err
	}
	var runLock *output.RunLock
	if !o.DryRun {
		// one absorb or generate at a time: another one's partner files
		// would look changed since their pages were generated
		if runLock, err = output.AcquireRunLock(ctx, o.Out, o.Waiting); err != nil {
			return nil, err
		}
		defer runLock.Release()
	}
	states, lock, err := generate.States(o.Out, set, ps)
	if err != nil {
		return nil, err
	}
	lo, err := project.LintOptionsFor(set, "")
	if err != nil {
		return nil, err
	}
	listings, err := editedListings(ctx, o, set)
	if err != nil {
		return nil, err
	}
	var reports []Report
	for _, p := range ps {
		if err := ctx.Err(); err != nil {
			return reports, err // interrupted between two partners
		}
		rep := Report{Slug: p.Slug.Value, File: p.File}
		edited := map[string][]byte{}
		app := AppEdits{Files: map[string]map[string][]byte{}, Entries: listings[p.Slug.Value]}
		for _, c := range states {
			if c.Slug != p.Slug.Value || c.Action != output.Conflict {
				continue
			}
			rep.Pages = append(rep.Pages, c.Rel)
			if c.File == cmp.Or(p.FileName.In(c.Lang), set.ConnectFile(c.Lang)) {
				edited[c.Lang] = c.Old
				continue
			}
			if app.Files[c.Lang] == nil {
				app.Files[c.Lang] = map[string][]byte{}
			}
			app.Files[c.Lang][c.File] = c.Old
		}
		for lang := range app.Entries {
			rep.Pages = append(rep.Pages, appspage.PathFor(o.Out, lang)+" ("+p.Slug.Value+")")
		}
		if len(edited) == 0 && app.empty() {
			continue
		}
		name := filepath.Base(p.File)
		old, err := fs.ReadFile(o.Partners, name) // the partners folder's confined, bounded reader
		if err != nil {
			return nil, fmt.Errorf("%s: %s", p.File, safefile.Why(err))
		}
		if in, ok := lock.Inputs[name]; ok && in.SHA256 != output.Hash(old) {
			rep.Err = fmt.Errorf("%w: %s changed since its pages were generated; run `partnerpages generate --diff %s` to see what a regeneration would change, and merge by hand", ErrCannot, p.File, p.Slug.Value)
			reports = append(reports, rep)
			continue
		}
		a := &Absorbed{YAML: old, Partner: p}
		if len(edited) > 0 {
			a, err = Partner(set, lo, p, old, o.SchemaRef, edited)
		}
		if err == nil && !app.empty() {
			a.YAML, a.Partner, err = App(set, a.Partner, a.YAML, app)
		}
		if err != nil {
			rep.Err = err
			reports = append(reports, rep)
			continue
		}
		rep.Overrides, rep.Tidied = a.Overrides, a.Tidied
		rep.Diff = udiff.Unified("a/"+p.File, "b/"+p.File, string(old), string(a.YAML))
		reports = append(reports, rep)
		if o.DryRun {
			continue
		}
		if err := safefile.ReplaceFile(o.PartnersDir, filepath.Join(o.PartnersDir, name), a.YAML); err != nil {
			return reports, err
		}
		// the pages are now what the partner file renders: record them
		if _, err := generate.Run(ctx, generate.Options{Inputs: o.Inputs, Set: set, Out: o.Out, Slugs: []string{p.Slug.Value}, Force: true, RunLock: runLock, AdoptListings: adoptable(app.Entries, p.Slug.Value)}); err != nil {
			return reports, err
		}
	}
	return reports, nil
}

// editedListings are the Apps page entries edited by hand, by partner and
// language, as they are on the pages.
func editedListings(ctx context.Context, o Options, set *render.Set) (map[string]map[string][]appspage.Entry, error) {
	res, err := generate.Run(ctx, generate.Options{Inputs: o.Inputs, Set: set, Out: o.Out, Slugs: o.Slugs, Check: true})
	if err != nil {
		return nil, err
	}
	out := map[string]map[string][]appspage.Entry{}
	for _, l := range res.Listings {
		if l.Action != output.Conflict {
			continue
		}
		if out[l.Slug] == nil {
			out[l.Slug] = map[string][]appspage.Entry{}
		}
		out[l.Slug][l.Lang] = l.Old
	}
	return out, nil
}

// adoptable is the hashes of edited entries, for the regeneration to take
// them as the tool's (they are now what the partner file gives).
func adoptable(entries map[string][]appspage.Entry, slug string) map[string]string {
	out := map[string]string{}
	for lang, es := range entries {
		out[lang+"/"+slug] = appspage.Hash(es)
	}
	return out
}

// connectOnly is the connect pages of outs: the app folder's files are
// absorbed apart (App).
func connectOnly(set *render.Set, p *partner.Partner, outs []render.Output) []render.Output {
	var out []render.Output
	for _, o := range outs {
		if o.Connect {
			out = append(out, o)
		}
	}
	return out
}
