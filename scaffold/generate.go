package scaffold

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/aymanbagabas/go-udiff"

	"github.com/partnerpages/partnerpages/internal/parallel"
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
	// Progress, when set, counts the partners done as the run goes.
	Progress *Progress
	// holdsRunLock: the caller (absorb) holds the output folder's run lock.
	holdsRunLock bool
}

// GenerateResult is what a run did (or, with Check or DryRun, would do).
type GenerateResult struct {
	Changes []output.Change
	Written bool // false for Check and DryRun
	Pruned  bool // pages of partners that are gone were to be removed (--prune)
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

// RenderPages renders the pages of the given partners with set.
// Partners are rendered on every core; the pages come back in partner order.
func RenderPages(set *render.Set, ps []*partner.Partner) ([]output.Page, error) {
	each := make([][]output.Page, len(ps))
	err := parallel.For(len(ps), func(i int) error {
		p := ps[i]
		outs, err := set.Render(p)
		if err != nil {
			return err
		}
		for _, o := range outs {
			each[i] = append(each[i], output.Page{
				Rel: output.RelPath(p.Slug.Value, o.Lang, o.Name), Slug: p.Slug.Value, Lang: o.Lang, Content: o.Content,
			})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var pages []output.Page
	for _, e := range each {
		pages = append(pages, e...)
	}
	return pages, nil
}

// Generate validates every partner file, renders the selected partners and
// brings the output folder up to date. Nothing is written if any partner file
// is invalid. A hand-edited page is kept (a Conflict) unless Force is set.
// A partner whose file, template set and tool are unchanged since the last
// run, and whose pages are still exactly what the tool wrote, is not parsed
// or rendered again.
func Generate(ctx context.Context, o GenerateOptions) (*GenerateResult, error) {
	set, err := o.LoadTemplates()
	if err != nil {
		return nil, err
	}
	files, errs := readPartnerFiles(o.Partners, o.PartnersDir)
	lock, err := output.ReadLock(o.Out)
	if err != nil {
		return nil, err
	}
	key := cacheKey(set.Digest)
	b := &batch{set: set, files: files, lock: lock, parsed: make([]*partner.Partner, len(files)), slugs: make([]string, len(files))}
	errs = append(errs, b.validate(key == lock.Templates)...)
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	selected, err := b.selectSlugs(o.Slugs)
	if err != nil {
		return nil, err
	}
	write := !o.Check && !o.DryRun && o.Diff == nil
	if write && !o.holdsRunLock {
		release, err := output.AcquireRunLock(ctx, o.Out, o.Waiting)
		if err != nil {
			return nil, err
		}
		defer release()
	}
	if write {
		// another run may have finished while this one waited
		if b.lock, err = output.ReadLock(o.Out); err != nil {
			return nil, err
		}
		b.lock.RemoveStaleTemps(o.Out, o.PartnersDir)
	}
	lock = b.lock
	var scope map[string]bool
	if len(o.Slugs) > 0 {
		scope = map[string]bool{}
		for _, i := range selected {
			scope[b.slugs[i]] = true
		}
	}
	// what the lock says, read-only while the writer updates lock
	b.known = make(map[string]output.Entry, len(lock.Pages))
	for rel, e := range lock.Pages {
		b.known[rel] = e
	}
	dir := output.NewDir(o.Out)
	defer dir.Close()
	w := newWriter(ctx, dir, lock, write)
	b.progress = o.Progress
	o.Progress.setTotal(len(selected))
	var mu sync.Mutex
	rendered := map[string]bool{}
	err = b.each(ctx, dir, selected, func(pages []output.Page) error {
		cs := make([]output.Change, len(pages))
		for i, p := range pages {
			c, err := output.PlanPage(dir, b.known[p.Rel].SHA256, p, o.Force, o.Diff != nil)
			if err != nil {
				return err
			}
			cs[i] = c
		}
		mu.Lock()
		for _, p := range pages {
			rendered[p.Rel] = true
		}
		mu.Unlock()
		return w.send(cs)
	})
	changes, applyErr := w.close()
	if err == nil && applyErr == nil {
		var gone []output.Change
		if gone, err = output.PlanGone(dir, lock, rendered, scope, o.Force); err == nil {
			if write {
				applyErr = output.Apply(dir, lock, gone, o.Prune, func() bool { return ctx.Err() != nil })
			}
			changes = append(changes, gone...)
		}
	}
	slices.SortStableFunc(changes, func(a, b output.Change) int { return strings.Compare(a.Rel, b.Rel) })
	res := &GenerateResult{Changes: changes, Pruned: o.Prune}
	if err == nil && o.Diff != nil {
		writeDiffs(o.Diff, o.Out, changes, o.Prune)
	}
	if !write {
		if err != nil {
			return nil, err
		}
		return res, nil
	}
	if err == nil && applyErr == nil {
		kept := map[string]bool{}
		for _, c := range changes {
			if c.Action == output.Conflict {
				kept[c.Slug] = true
			}
		}
		b.remember(lock, key, selected, kept)
	}
	// The lock records every page written so far, even after an error or an interrupt.
	if werr := lock.Write(o.Out); werr != nil {
		written := res.Count(output.Create) + res.Count(output.Update)
		return nil, fmt.Errorf("%d page(s) were written, but the lock file could not be: %w\n"+
			"the lock is out of date; %s still notes those pages, so the next run knows them as the tool's", written, werr, output.JournalName)
	}
	switch {
	case output.IsInterrupted(applyErr) || ctx.Err() != nil:
		return nil, ctx.Err()
	case err != nil:
		return nil, err
	case applyErr != nil:
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
