package scaffold

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/aymanbagabas/go-udiff"

	"github.com/partnerpages/partnerpages/scaffold/output"
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
	// ListAll keeps every page's change in the result. Without it, a run
	// that writes keeps only the changes that need a word (hand-edited,
	// orphaned, pruned or forced pages) and counts the others, so that a
	// batch of 50,000 partners does not hold a record of each page.
	ListAll bool
	// StatCache is the file in which a run that writes remembers the status
	// of the pages and partner files it saw, so that the next run tells
	// them unchanged without reading them (output.StatCache); "" for none.
	StatCache string
	// holdsRunLock: the caller (absorb) holds the output folder's run lock.
	holdsRunLock bool
}

// GenerateResult is what a run did (or, with Check or DryRun, would do).
type GenerateResult struct {
	Changes []output.Change // every page's, or with a run that writes and no ListAll, those that need a word
	Written bool            // false for Check and DryRun
	Pruned  bool            // pages of partners that are gone were to be removed (--prune)
	counts  [output.Orphan + 1]int
}

// Count returns how many pages got action a.
func (r *GenerateResult) Count(a output.Action) int { return r.counts[a] }

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

// Generate validates every partner file, renders the selected partners and
// brings the output folder up to date. It reads top to bottom: read the
// inputs, validate them all, select the partners, take the output folder
// (its run lock, when writing), reuse what the lock vouches for, plan each
// page against the folder as the partners are rendered, then apply the plan
// or, with Check, DryRun or Diff, only inspect it. Nothing is written if any
// partner file is invalid. A hand-edited page is kept (a Conflict) unless
// Force is set. A partner whose file, template set and tool are unchanged
// since the last run, and whose pages are still exactly what the tool
// wrote, is not parsed or rendered again.
func Generate(ctx context.Context, o GenerateOptions) (*GenerateResult, error) {
	r, err := readRun(o)
	if err != nil {
		return nil, err
	}
	if err := r.validate(); err != nil {
		return nil, err
	}
	selected, err := r.selectSlugs(o.Slugs)
	if err != nil {
		return nil, err
	}
	defer r.close()
	if err := r.begin(ctx); err != nil {
		return nil, err
	}
	if err := r.reuse(selected); err != nil {
		return nil, err
	}
	plan := r.plan(ctx, selected)
	if !r.write {
		return r.inspect(plan)
	}
	return r.apply(ctx, plan, selected)
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
