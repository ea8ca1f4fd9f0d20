package generate

import (
	"context"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/aymanbagabas/go-udiff"

	"github.com/partnerpages/partnerpages/scaffold/output"
	"github.com/partnerpages/partnerpages/scaffold/partner"
)

// inspect is the result of a run that writes nothing (Check, DryRun,
// Diff): what a run that writes would do, and the diffs.
func (r *run) inspect(changes []output.Change) *Result {
	sortChanges(changes)
	res := &Result{Changes: changes, Pruned: r.o.Prune}
	if r.o.Diff != nil {
		writeDiffs(r.o.Diff, r.o.Out, changes, r.o.Prune)
	}
	return res
}

// finish prunes the pages of partners that are gone (with Prune), records
// in the lock what this run read and wrote, and writes the lock file, even
// after an error or an interrupt: every page written is in it.
func (r *run) finish(ctx context.Context, all, selected []*partner.Partner, changes []output.Change, err error) (*Result, error) {
	if err == nil {
		var gone []output.Change
		for _, c := range changes {
			if c.Action == output.Prune {
				gone = append(gone, c)
			}
		}
		err = output.Apply(r.dir, r.lock, gone, r.o.Prune, func() bool { return ctx.Err() != nil })
	}
	sortChanges(changes)
	res := &Result{Changes: changes, Pruned: r.o.Prune}
	if err == nil {
		r.remember(all, selected, res)
	}
	if werr := r.lock.Write(r.o.Out); werr != nil {
		written := res.Count(output.Create) + res.Count(output.Update)
		lockErr := fmt.Errorf("%d page(s) were written, but the lock file could not be: %w\n"+
			"the lock is out of date; %s still notes those pages, so the next run knows them as the tool's", written, werr, output.JournalName)
		if err != nil && !output.IsInterrupted(err) && ctx.Err() == nil {
			return nil, fmt.Errorf("%w\n%w", err, lockErr) // what stopped the run first, then what it left
		}
		return nil, lockErr
	}
	switch {
	case output.IsInterrupted(err) || ctx.Err() != nil:
		return nil, ctx.Err()
	case err != nil:
		return nil, err
	}
	res.Written = true
	return res, nil
}

// remember records in the lock what this run read, so the next run can
// skip what did not change. A partner with a page kept because it was
// edited by hand keeps the input the lock had: its pages on disk do not all
// come from the file as it is now, and absorb must not merge into it.
func (r *run) remember(all, selected []*partner.Partner, res *Result) {
	kept := map[string]bool{}
	for _, c := range res.Changes {
		if c.Action == output.Conflict {
			kept[c.Slug] = true
		}
	}
	lock := r.lock
	keep := map[string]output.Input{} // what absorb needs, through a template change too
	for name, in := range lock.Inputs {
		if kept[in.Slug] {
			keep[name] = in
		}
	}
	lock.SetTemplates(r.key) // a new template set or tool: the old entries are void
	for name, in := range keep {
		lock.SetInput(name, in)
	}
	present := map[string]bool{}
	for _, p := range all {
		present[path.Base(p.File)] = true
	}
	for name := range lock.Inputs {
		if !present[name] {
			lock.DeleteInput(name)
		}
	}
	for _, p := range selected {
		if !kept[p.Slug.Value] {
			lock.SetInput(path.Base(p.File), output.Input{Slug: p.Slug.Value, SHA256: p.SHA256})
		}
	}
}

// writeDiffs prints a unified diff of every page a run would change.
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
