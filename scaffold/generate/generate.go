// Package generate brings an output folder up to date with the partner
// files and the template set. It is one straight pipeline: load the
// template set and the partner files, select the partners, take the output
// folder's run lock, read the lock file, render each partner (or reuse the
// pages of one whose inputs are unchanged), classify each page, apply the
// changes (or only inspect them) and write the lock file.
package generate

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/partnerpages/partnerpages/scaffold/output"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/project"
	"github.com/partnerpages/partnerpages/scaffold/render"
)

// Options configures one generate run.
type Options struct {
	project.Inputs
	Set    *render.Set // the template set, when the caller loaded it (else Inputs loads it)
	Out    string      // output folder (content/apps)
	Slugs  []string    // partners to generate; empty: all
	Check  bool        // write nothing; report drift
	DryRun bool        // write nothing; report what would be done
	Diff   io.Writer   // write nothing; print a unified diff of every change
	Force  bool        // overwrite hand-edited pages
	Prune  bool        // remove pages of partners or languages that are gone
	// Waiting is called if another run holds the output folder's lock.
	Waiting func()
	// Progress, when set, counts the partners done as the run goes.
	Progress *Progress
	// Adopt are pages the tool did not write that it takes as its own, by
	// path inside Out: the hash of each as the caller read it (import, of
	// the pages it made partner files from). Such a page is replaced by
	// its rendering, unless it changed since.
	Adopt map[string]string
	// AdoptListings are Apps page entries the tool did not write that it
	// takes as its own, by "<lang>/<slug>": the hash of the entries as the
	// caller read them (appspage.Hash). They are replaced by what the
	// partner file gives, unless they changed since.
	AdoptListings map[string]string
	// RunLock is the output folder's run lock when the caller (absorb)
	// already holds it; nil: a run that writes takes it.
	RunLock *output.RunLock
}

func (o Options) writes() bool { return !o.Check && !o.DryRun && o.Diff == nil }

// Result is what a run did (or, with Check or DryRun, would do).
type Result struct {
	Changes  []output.Change // every page's, sorted by path
	Listings []Listing       // every Apps page entry's, by language and partner
	Written  bool            // false for Check, DryRun and Diff
	Pruned   bool            // pages of partners that are gone were to be removed (--prune)
}

// Run validates every partner file, renders the selected partners and
// brings the output folder up to date. Nothing is written if any partner
// file is invalid. A hand-edited page is kept (a Conflict) unless Force is
// set. A partner whose file, template set and tool are unchanged since the
// last run, and whose pages are still exactly what the tool wrote, is not
// rendered again.
func Run(ctx context.Context, o Options) (*Result, error) {
	set, ps, err := load(o)
	if err != nil {
		return nil, err
	}
	selected, err := project.Select(ps, o.Slugs)
	if err != nil {
		return nil, err
	}
	if o.writes() && o.RunLock == nil {
		runLock, err := output.AcquireRunLock(ctx, o.Out, o.Waiting)
		if err != nil {
			return nil, err
		}
		defer runLock.Release()
	}
	lock, err := output.ReadLock(o.Out)
	if err != nil {
		return nil, err
	}
	if o.writes() {
		lock.RemoveStaleTemps(o.Out, o.PartnersDir)
	}
	r := newRun(o, set, lock)
	defer r.dir.Close()
	changes, err := r.plan(ctx, selected)
	if err != nil && !o.writes() {
		return nil, err
	}
	var listings []Listing
	if err == nil {
		listings, err = r.listings(ps, selected)
	}
	if !o.writes() {
		if err != nil {
			return nil, err
		}
		res := r.inspect(changes)
		res.Listings = listings
		return res, nil
	}
	res, err := r.finish(ctx, ps, selected, changes, err)
	if res != nil {
		res.Listings = listings
	}
	return res, err
}

// load returns the template set and every partner, all valid: else the
// problems of every file at once.
func load(o Options) (*render.Set, []*partner.Partner, error) {
	set := o.Set
	if set == nil {
		var err error
		if set, err = o.LoadTemplates(); err != nil {
			return nil, nil, err
		}
	}
	ps, errs := o.LoadPartners(set)
	if len(errs) > 0 {
		return nil, nil, errs
	}
	return set, ps, nil
}

// Count returns how many pages got action a.
func (r *Result) Count(a output.Action) int {
	n := 0
	for _, c := range r.Changes {
		if c.Action == a {
			n++
		}
	}
	return n
}

// Problems returns the changes that make the run exit 1: hand-edited pages
// that were kept, and with check every page that is not up to date (pages
// of partners that are gone among them).
func (r *Result) Problems(check bool) []output.Change {
	var out []output.Change
	for _, c := range r.Changes {
		switch c.Action {
		case output.Conflict, output.Orphan:
			out = append(out, c)
		case output.Create, output.Update:
			if check {
				out = append(out, c)
			}
		case output.Prune:
			if check { // a page of a partner that is gone is out of date too
				out = append(out, c)
			}
		}
	}
	return out
}

// Summary is the one-line account of the run.
func (r *Result) Summary() string {
	n := 0
	for a := output.Create; a <= output.Conflict; a++ {
		n += r.Count(a)
	}
	verb := func(s string) string {
		if r.Written {
			return s
		}
		return "to be " + s
	}
	parts := []string{
		fmt.Sprintf("%d %s", r.Count(output.Create), verb("created")),
		fmt.Sprintf("%d %s", r.Count(output.Update), verb("updated")),
		fmt.Sprintf("%d unchanged", r.Count(output.Unchanged)),
	}
	clashes := 0
	for _, c := range r.Changes {
		if c.SameURL != "" {
			clashes++
		}
	}
	if k := r.Count(output.Conflict) - clashes; k > 0 {
		parts = append(parts, fmt.Sprintf("%d hand-edited (kept)", k))
	}
	if clashes > 0 {
		parts = append(parts, fmt.Sprintf("%d not created (another file serves the URL)", clashes))
	}
	if k := r.Count(output.Prune); k > 0 && r.Pruned {
		parts = append(parts, fmt.Sprintf("%d %s", k, verb("pruned")))
	} else if k > 0 {
		parts = append(parts, fmt.Sprintf("%d of partners that are gone (kept; --prune removes them)", k))
	}
	if k := r.Count(output.Orphan); k > 0 {
		parts = append(parts, fmt.Sprintf("%d orphaned (kept)", k))
	}
	page := "pages"
	if n == 1 {
		page = "page"
	}
	return fmt.Sprintf("%d %s: %s", n, page, strings.Join(parts, ", "))
}

// sortChanges orders changes by path, as reports list them.
func sortChanges(cs []output.Change) {
	slices.SortStableFunc(cs, func(a, b output.Change) int { return strings.Compare(a.Rel, b.Rel) })
}
