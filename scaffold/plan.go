package scaffold

import (
	"context"
	"fmt"
	"sync"

	"github.com/partnerpages/partnerpages/internal/parallel"
	"github.com/partnerpages/partnerpages/scaffold/output"
	"github.com/partnerpages/partnerpages/scaffold/partner"
)

// Plan is what a run does to the output folder. Pages yields the change of
// every selected partner's pages, a chunk of partners at a time from every
// core, as they are rendered and compared with the folder (yield is never
// called by two goroutines at once): a run of 50,000 partners never holds
// all their pages at once. Gone, called once Pages is
// done, gives the pages of partners that are no longer rendered. Check,
// dry-run and diff inspect a plan; apply carries it out.
type Plan struct {
	Pages func(yield func([]output.Change) error) error
	Gone  func() ([]output.Change, error)
}

// chunkSize is how many partners make one chunk of a plan: the single
// writer is woken once per chunk.
const chunkSize = 16

// plan renders the selected partners (those not reused from the lock) and
// compares each page with the output folder.
func (r *run) plan(ctx context.Context, selected []int) Plan {
	var mu sync.Mutex
	rendered := output.NewRendered(r.known)
	pages := func(yield func([]output.Change) error) error {
		r.o.Progress.setTotal(len(selected))
		return parallel.ForChunks(len(selected), chunkSize, func(lo, hi int) error {
			cs := make([]output.Change, 0, (hi-lo)*len(r.set.Languages()))
			for _, i := range selected[lo:hi] {
				if err := ctx.Err(); err != nil {
					return err
				}
				pages, err := r.pagesOf(i)
				if err != nil {
					return err
				}
				for _, p := range pages {
					c, err := output.PlanPage(r.dir, r.known[p.Rel].SHA256, p, r.o.Force, r.o.Diff != nil)
					if err != nil {
						return err
					}
					cs = append(cs, c)
				}
			}
			mu.Lock()
			defer mu.Unlock()
			for _, c := range cs {
				rendered.Add(c.Rel)
			}
			if err := yield(cs); err != nil {
				return err
			}
			r.o.Progress.add(hi - lo)
			return nil
		})
	}
	gone := func() ([]output.Change, error) {
		var scope map[string]bool // nil: every partner is in this run
		if len(r.o.Slugs) > 0 {
			scope = map[string]bool{}
			for _, i := range selected {
				scope[r.slugs[i]] = true
			}
		}
		return output.PlanGone(r.dir, r.lock, r.known, rendered, scope, r.o.Force)
	}
	return Plan{Pages: pages, Gone: gone}
}

// pagesOf returns the pages of file i: reused from the lock, or rendered.
func (r *run) pagesOf(i int) ([]output.Page, error) {
	if r.reused[i] != nil {
		return r.reusedPages(i), nil
	}
	f := r.files[i]
	if p := r.parsed[i]; p != nil {
		r.parsed[i] = nil // rendered once: let it go
		return r.render(p, f.hash)
	}
	data, err := readSmall(r.o.Partners, f.name)
	if err == nil && output.Hash(data) != f.hash {
		err = fmt.Errorf("it changed while this run went on; run generate again")
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.shown, err)
	}
	p, errs := partner.Decode(f.shown, data, r.set.Languages())
	if len(errs) > 0 {
		return nil, errs // validated before, or vouched for by the lock: never silently skip it
	}
	return r.render(p, f.hash)
}

// render renders one partner's pages; input is the hash of its file.
func (r *run) render(p *partner.Partner, input string) ([]output.Page, error) {
	outs, err := r.set.Render(p)
	if err != nil {
		return nil, err
	}
	pages := make([]output.Page, len(outs))
	for j, o := range outs {
		pages[j] = output.Page{
			Rel: output.RelPath(p.Slug.Value, o.Lang, o.Name), Slug: p.Slug.Value, Lang: o.Lang,
			Content: o.Content, SHA256: output.Hash(o.Content), Input: input,
		}
	}
	return pages, nil
}
