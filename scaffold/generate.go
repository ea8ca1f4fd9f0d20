package scaffold

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/aymanbagabas/go-udiff"

	"github.com/partnerpages/partnerpages/scaffold/output"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
)

// GenerateOptions configures one generate run.
type GenerateOptions struct {
	Inputs
	Out    string   // output folder (content/apps)
	Slugs  []string // partners to generate; empty: all
	Check  bool     // write nothing; report drift
	DryRun bool     // write nothing; report what would be done
	Diff   io.Writer
	Force  bool // overwrite hand-edited pages
	Prune  bool // remove pages of partners or languages that are gone
	// Waiting is called if another run holds the output folder's lock.
	Waiting func()
}

// GenerateResult is what a run did (or, with Check or DryRun, would do).
type GenerateResult struct {
	Changes []output.Change
	Written bool // false for Check and DryRun
}

// Count returns how many pages got action a.
func (r *GenerateResult) Count(a output.Action) int {
	n := 0
	for _, c := range r.Changes {
		if c.Action == a {
			n++
		}
	}
	return n
}

// Problems returns the changes that make the run exit 1: hand-edited pages
// that were kept, and with Check every page that is not up to date.
func (r *GenerateResult) Problems(check, prune bool) []output.Change {
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
			if check && prune {
				out = append(out, c)
			}
		}
	}
	return out
}

// Summary is the one-line account of the run.
func (r *GenerateResult) Summary() string {
	n := 0
	for _, c := range r.Changes {
		if c.Action <= output.Conflict {
			n++
		}
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
	if k := r.Count(output.Conflict); k > 0 {
		parts = append(parts, fmt.Sprintf("%d hand-edited (kept)", k))
	}
	if k := r.Count(output.Prune); k > 0 {
		parts = append(parts, fmt.Sprintf("%d %s", k, verb("pruned")))
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

// RenderPages renders the pages of the given partners with set.
func RenderPages(set *render.Set, ps []*partner.Partner) ([]output.Page, error) {
	var pages []output.Page
	for _, p := range ps {
		outs, err := set.Render(p)
		if err != nil {
			return nil, err
		}
		for _, o := range outs {
			pages = append(pages, output.Page{
				Rel: output.RelPath(p.Slug.Value, o.Lang, o.Name), Slug: p.Slug.Value, Lang: o.Lang, Content: o.Content,
			})
		}
	}
	return pages, nil
}

// Generate validates every partner file, renders the selected partners and
// brings the output folder up to date. Nothing is written if any partner file
// is invalid. A hand-edited page is kept (a Conflict) unless Force is set.
func Generate(ctx context.Context, o GenerateOptions) (*GenerateResult, error) {
	set, err := o.LoadTemplates()
	if err != nil {
		return nil, err
	}
	all, err := o.LoadPartners(set)
	if err != nil {
		return nil, err
	}
	ps, err := Select(all, o.Slugs)
	if err != nil {
		return nil, err
	}
	pages, err := RenderPages(set, ps)
	if err != nil {
		return nil, err
	}
	write := !o.Check && !o.DryRun && o.Diff == nil
	if write {
		release, err := output.AcquireRunLock(ctx, o.Out, o.Waiting)
		if err != nil {
			return nil, err
		}
		defer release()
	}
	lock, err := output.ReadLock(o.Out)
	if err != nil {
		return nil, err
	}
	var scope map[string]bool
	if len(o.Slugs) > 0 {
		scope = map[string]bool{}
		for _, p := range ps {
			scope[p.Slug.Value] = true
		}
	}
	dir := output.NewDir(o.Out)
	changes, err := output.Plan(dir, lock, pages, scope, o.Force)
	if err != nil {
		return nil, err
	}
	res := &GenerateResult{Changes: changes}
	if o.Diff != nil {
		writeDiffs(o.Diff, o.Out, changes, o.Prune)
	}
	if !write {
		return res, nil
	}
	applyErr := output.Apply(dir, lock, changes, o.Prune, func() bool { return ctx.Err() != nil })
	// The lock records every page written so far, even after an error or an interrupt.
	if err := lock.Write(o.Out); err != nil {
		return nil, err
	}
	if output.IsInterrupted(applyErr) {
		return nil, ctx.Err()
	}
	if applyErr != nil {
		return nil, applyErr
	}
	res.Written = true
	return res, nil
}

func writeDiffs(w io.Writer, out string, changes []output.Change, prune bool) {
	for _, c := range changes {
		var after string
		switch c.Action {
		case output.Create, output.Update, output.Conflict:
			after = string(c.Content)
		case output.Prune:
			if !prune {
				continue
			}
		default:
			continue
		}
		name := strings.TrimSuffix(out, "/") + "/" + c.Rel
		fmt.Fprint(w, udiff.Unified("a/"+name, "b/"+name, string(c.Old), after))
	}
}
