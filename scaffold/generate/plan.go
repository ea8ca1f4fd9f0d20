package generate

import (
	"context"
	"maps"
	"path"

	"github.com/partnerpages/partnerpages/scaffold/output"
	"github.com/partnerpages/partnerpages/scaffold/pagepath"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
)

// run is one generate run from the moment the lock file is read until it
// is written.
type run struct {
	o      Options
	set    *render.Set
	lock   *output.Lock
	key    string                  // the template set and tool the pages depend on (cacheKey)
	known  map[string]output.Entry // the lock's pages before this run wrote any
	bySlug map[string][]string     // the paths of known, by partner
	dir    *output.Dir
}

// newRun starts a run over the lock as read.
func newRun(o Options, set *render.Set, lock *output.Lock) *run {
	r := &run{o: o, set: set, lock: lock, key: cacheKey(set.Digest), known: maps.Clone(lock.Pages), bySlug: map[string][]string{}, dir: output.NewDir(o.Out)}
	for rel, e := range r.known {
		r.bySlug[e.Slug] = append(r.bySlug[e.Slug], rel)
	}
	return r
}

// plan renders each selected partner, or reuses its pages, and classifies
// each page against the output folder; a run that writes applies each
// change as soon as it is planned. Then come the pages of partners that
// are no longer rendered (Prune, Orphan).
func (r *run) plan(ctx context.Context, selected []*partner.Partner) ([]output.Change, error) {
	var changes []output.Change
	rendered := map[string]bool{}
	r.o.Progress.setTotal(len(selected))
	for _, p := range selected {
		if err := ctx.Err(); err != nil {
			return changes, err
		}
		pages, err := r.pagesOf(p)
		if err != nil {
			return changes, err
		}
		for _, pg := range pages {
			known := r.known[pg.Rel].SHA256
			if known == "" {
				known = r.o.Adopt[pg.Rel]
			}
			c, err := output.PlanPage(r.dir, known, pg, r.o.Force, r.o.Diff != nil)
			if err == nil && r.o.writes() {
				err = output.ApplyChange(r.dir, r.lock, &c, false)
			}
			if err != nil {
				return changes, err
			}
			if r.o.writes() {
				c.Content = nil // on disk now
			}
			changes = append(changes, c)
			rendered[pg.Rel] = true
		}
		r.o.Progress.add(1)
	}
	var scope map[string]bool // nil: every partner is in this run
	if len(r.o.Slugs) > 0 {
		scope = map[string]bool{}
		for _, p := range selected {
			scope[p.Slug.Value] = true
		}
	}
	gone, err := output.PlanGone(r.dir, r.lock, r.known, rendered, scope, r.o.Force)
	return append(changes, gone...), err
}

// pagesOf returns the pages of p: those the lock vouches for, unchanged,
// when its file, the template set and the tool are the ones they were
// written from and they are all on disk as written; else it renders them.
func (r *run) pagesOf(p *partner.Partner) ([]output.Page, error) {
	if pages := r.intact(p); pages != nil {
		return pages, nil
	}
	outs, err := r.set.Render(p)
	if err != nil {
		return nil, err
	}
	pages := make([]output.Page, len(outs))
	for i, o := range outs {
		pages[i] = output.NewPage(pagepath.Path{Slug: p.Slug.Value, Lang: o.Lang, File: o.Name}, o.Content, p.SHA256)
	}
	return pages, nil
}

// intact returns p's pages as the lock knows them, with no content, when
// the lock vouches for p's file and every one of them is on disk as the
// tool wrote it; else nil.
func (r *run) intact(p *partner.Partner) []output.Page {
	in, ok := r.lock.Inputs[path.Base(p.File)]
	if !ok || in.SHA256 != p.SHA256 || r.lock.Templates != r.key {
		return nil
	}
	var pages []output.Page
	for _, rel := range r.bySlug[p.Slug.Value] {
		e := r.known[rel]
		data, exists, err := r.dir.Read(rel)
		if err != nil || !exists || output.Hash(data) != e.SHA256 {
			return nil
		}
		pages = append(pages, output.Page{Path: e.Path, Rel: rel, SHA256: e.SHA256, Input: p.SHA256})
	}
	return pages
}
