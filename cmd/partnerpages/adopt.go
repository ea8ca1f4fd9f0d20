package main

import (
	"fmt"
	"path/filepath"
	"slices"

	"github.com/partnerpages/partnerpages/scaffold/generate"
	"github.com/partnerpages/partnerpages/scaffold/output"
	"github.com/partnerpages/partnerpages/scaffold/pageimport"
	"github.com/partnerpages/partnerpages/scaffold/pagepath"
	"github.com/partnerpages/partnerpages/scaffold/project"
	"github.com/partnerpages/partnerpages/scaffold/render"
)

// adoptable returns the imported pages that are in the output folder, in
// its <slug>/<lang>/<file> layout, by path inside it, with the hash of each
// as import read it; and the partners they belong to.
func adoptable(out string, pages []pageimport.Page, written map[string]bool) (map[string]string, []string) {
	root, err := filepath.Abs(out)
	if err != nil {
		return nil, nil
	}
	adopt := map[string]string{}
	var slugs []string
	for _, pg := range pages {
		abs, err := filepath.Abs(pg.Path)
		if err != nil {
			continue
		}
		rel, err := filepath.Rel(root, abs)
		if err != nil {
			continue
		}
		at, ok := pagepath.Parse(filepath.ToSlash(rel))
		if !ok || !written[at.Slug] {
			continue
		}
		if !slices.Contains(slugs, at.Slug) {
			slugs = append(slugs, at.Slug)
		}
		adopt[at.Rel()] = output.Hash(pg.Data)
	}
	return adopt, slugs
}

// adopt brings the pages import read into the output folder's lock: each
// is replaced by what its new partner file renders (the same bytes where
// the template says what the page said), so that `generate --check` is
// clean right after an import, and the template's wording shows in the
// repository's diff.
func adopt(opts *ImportOptions, in project.Inputs, set *render.Set, pages []pageimport.Page, listings map[string]string, written map[string]bool) error {
	pagesByRel, slugs := adoptable(opts.Out, pages, written)
	if len(slugs) == 0 {
		return nil
	}
	res, err := generate.Run(opts.Ctx, generate.Options{Inputs: in, Set: set, Out: opts.Out, Slugs: slugs, Adopt: pagesByRel, AdoptListings: listings})
	if err != nil {
		return err
	}
	kept, rewritten, other := 0, 0, 0
	for _, c := range res.Changes {
		switch {
		case pagesByRel[c.Rel] == "":
			if c.Action == output.Create {
				other++
			}
		case c.Action == output.Unchanged:
			kept++
		case c.Action == output.Update:
			rewritten++
		case c.SameURL != "":
			fmt.Fprintf(opts.IO.ErrOut, "not adopted: %s/%s: %s/%s already serves its URL\n", opts.Out, c.Rel, opts.Out, c.SameURL)
		case c.Action == output.Conflict:
			fmt.Fprintf(opts.IO.ErrOut, "not adopted: %s/%s changed while import read it; kept (run `partnerpages import` on it again)\n", opts.Out, c.Rel)
		}
	}
	fmt.Fprintf(opts.IO.Out, "adopted %d page(s) into %s: %d as they were, %d rewritten in the template's wording (`git diff %s` shows each change)",
		kept+rewritten, opts.Out, kept, rewritten, opts.Out)
	if other > 0 {
		fmt.Fprintf(opts.IO.Out, "; %d page(s) created for languages the site lacked", other)
	}
	fmt.Fprintln(opts.IO.Out)
	same, updated, added := 0, 0, 0
	for _, l := range res.Listings {
		switch l.Action {
		case output.Unchanged:
			same++
		case output.Update:
			updated++
		case output.Create:
			added++
		case output.Conflict:
			fmt.Fprintf(opts.IO.ErrOut, "not adopted: %s's entry in %s changed while import read it; kept\n", l.Slug, l.File)
		}
	}
	if same+updated+added > 0 {
		fmt.Fprintf(opts.IO.Out, "adopted %d Apps page entr(ies): %d as they were, %d rewritten from the partner files, %d added\n", same+updated+added, same, updated, added)
	}
	return nil
}
