package scaffold

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/partnerpages/partnerpages/internal/parallel"
	"github.com/partnerpages/partnerpages/scaffold/output"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
)

// batch is the partner files of one generate run and what is known of each.
type batch struct {
	set    *render.Set
	files  []partnerFile
	lock   *output.Lock
	parsed []*partner.Partner // nil for a file reused from the lock
	slugs  []string
	known  map[string]output.Entry // the lock's pages before this run writes any

	progress *Progress // nil when nobody watches
}

// validate parses and validates every file, except those the lock knows
// unchanged (same bytes, same template set and tool: they were valid then
// and are valid now). It also checks that no two files share a slug.
func (b *batch) validate(sameKey bool) partner.ErrorList {
	var mu sync.Mutex
	var errs partner.ErrorList
	_ = parallel.For(len(b.files), func(i int) error {
		f := b.files[i]
		if f.data == nil {
			return nil // unreadable: already reported
		}
		if in, ok := b.lock.Inputs[f.name]; sameKey && ok && in.SHA256 == f.hash {
			b.slugs[i] = in.Slug
			return nil
		}
		p, e := parseResolve(f, b.set)
		mu.Lock()
		defer mu.Unlock()
		errs = append(errs, e...)
		if p != nil {
			b.parsed[i], b.slugs[i] = p, p.Slug.Value
		}
		return nil
	})
	first := map[string]int{}
	for i, slug := range b.slugs {
		if slug == "" {
			continue
		}
		if j, dup := first[slug]; dup {
			e := partner.Error{File: b.files[i].shown, Field: "slug",
				Msg: "slug " + slug + " is already used by " + b.files[j].shown + "; two partners would write the same pages"}
			if p := b.parsed[i]; p != nil {
				at := p.Slug.Pos
				if !at.Present() {
					at = p.Name.Pos
				}
				e.Line, e.Col = at.Line, at.Col
			}
			errs = append(errs, e)
			continue
		}
		first[slug] = i
	}
	return errs
}

func parseResolve(f partnerFile, set *render.Set) (*partner.Partner, partner.ErrorList) {
	return partner.Decode(f.shown, f.data, set.Languages())
}

// selectSlugs returns the indexes of the files to generate: all, or those
// whose slug is named. An unknown slug is an error that lists the known ones.
func (b *batch) selectSlugs(slugs []string) ([]int, error) {
	var out []int
	if len(slugs) == 0 {
		for i, s := range b.slugs {
			if s != "" {
				out = append(out, i)
			}
		}
		return out, nil
	}
	var unknown []string
	for _, want := range slugs {
		i := slices.Index(b.slugs, want)
		switch {
		case i < 0:
			unknown = append(unknown, want)
		case !slices.Contains(out, i):
			out = append(out, i)
		}
	}
	if len(unknown) > 0 {
		known := slices.Clone(b.slugs)
		slices.Sort(known)
		return nil, fmt.Errorf("no partner with slug %s (known: %s)", strings.Join(unknown, ", "), strings.Join(known, ", "))
	}
	return out, nil
}

// each hands the pages of every selected partner to emit, partner by
// partner, from as many goroutines as there are cores. A partner reused from
// the lock whose pages all still hash as the tool wrote them gives its pages
// as unchanged, without rendering; any other partner is rendered.
func (b *batch) each(ctx context.Context, dir *output.Dir, selected []int, emit func([]output.Page) error) error {
	bySlug := map[string][]string{}
	for rel, e := range b.known {
		bySlug[e.Slug] = append(bySlug[e.Slug], rel)
	}
	// chunks of partners, so the single writer is woken once per chunk
	return parallel.ForChunks(len(selected), 16, func(lo, hi int) error {
		var pages []output.Page
		for _, i := range selected[lo:hi] {
			if err := ctx.Err(); err != nil {
				return err
			}
			ps, err := b.partnerPages(dir, i, bySlug)
			if err != nil {
				return err
			}
			pages = append(pages, ps...)
		}
		if err := emit(pages); err != nil {
			return err
		}
		b.progress.add(hi - lo)
		return nil
	})
}

// partnerPages returns the pages of file i: as unchanged if the lock vouches
// for it and its pages are intact, else rendered.
func (b *batch) partnerPages(dir *output.Dir, i int, bySlug map[string][]string) ([]output.Page, error) {
	if b.parsed[i] == nil {
		if pages, ok := b.intact(dir, b.slugs[i], bySlug[b.slugs[i]]); ok {
			for j := range pages {
				pages[j].Input = b.files[i].hash
			}
			return pages, nil
		}
		p, errs := parseResolve(b.files[i], b.set)
		if len(errs) > 0 {
			return nil, errs // the lock vouched for a file that is not valid: never silently skip it
		}
		b.parsed[i] = p
	}
	p := b.parsed[i]
	outs, err := b.set.Render(p)
	if err != nil {
		return nil, err
	}
	pages := make([]output.Page, len(outs))
	for j, o := range outs {
		pages[j] = output.Page{
			Rel: output.RelPath(p.Slug.Value, o.Lang, o.Name), Slug: p.Slug.Value, Lang: o.Lang,
			Content: o.Content, SHA256: output.Hash(o.Content), Input: b.files[i].hash,
		}
	}
	return pages, nil
}

// intact reports whether every page the lock lists for slug is on disk with
// the content the tool wrote, and returns them as unchanged pages.
func (b *batch) intact(dir *output.Dir, slug string, rels []string) ([]output.Page, bool) {
	if len(rels) == 0 {
		return nil, false
	}
	slices.Sort(rels)
	pages := make([]output.Page, 0, len(rels))
	for _, rel := range rels {
		e := b.known[rel]
		data, err := dir.ReadFast(rel)
		if err != nil || output.Hash(data) != e.SHA256 {
			return nil, false // the partner is rendered and planned with every check
		}
		pages = append(pages, output.Page{Rel: rel, Slug: slug, Lang: e.Lang, SHA256: e.SHA256})
	}
	return pages, true
}

// remember records in the lock what this run read, so the next run can
// skip what did not change. A partner with a page kept because it was
// edited by hand keeps the input the lock had: its pages on disk do not all
// come from the file as it is now, and absorb must not merge into it.
func (b *batch) remember(lock *output.Lock, key string, selected []int, kept map[string]bool) {
	keep := map[string]output.Input{} // what absorb needs, through a template change too
	for name, in := range lock.Inputs {
		if kept[in.Slug] {
			keep[name] = in
		}
	}
	lock.SetTemplates(key) // a new template set or tool: the old entries are void
	for name, in := range keep {
		lock.SetInput(name, in)
	}
	present := map[string]bool{}
	for _, f := range b.files {
		present[f.name] = true
	}
	for name := range lock.Inputs {
		if !present[name] {
			lock.DeleteInput(name)
		}
	}
	for _, i := range selected {
		if !kept[b.slugs[i]] {
			lock.SetInput(b.files[i].name, output.Input{Slug: b.slugs[i], SHA256: b.files[i].hash})
		}
	}
}
