package generate

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/aymanbagabas/go-udiff"

	"github.com/partnerpages/partnerpages/scaffold/appspage"
	"github.com/partnerpages/partnerpages/scaffold/output"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/safefile"
)

// Listing is what a run did, or would do, with one partner's entries on
// one language's Apps page (content/<lang>/apps.yaml).
type Listing struct {
	File   string // the Apps page data file
	Lang   string
	Slug   string
	Action output.Action // Create (added), Update, Unchanged, Conflict (edited by hand: kept), Prune, Orphan
	Forced bool          // edited by hand, overwritten (--force)
	Old    []appspage.Entry
	New    []appspage.Entry
}

// maxAppsPage bounds an Apps page data file.
const maxAppsPage = 8 << 20

// listings brings the Apps page of every language that has one up to date
// with the partners that have an app: block. A page whose file is missing
// is left alone: the tool edits the site's Apps page, it never creates it.
func (r *run) listings(all, selected []*partner.Partner) ([]Listing, error) {
	var out []Listing
	for _, lang := range r.set.Languages() {
		file := appspage.PathFor(r.o.Out, lang)
		src, err := safefile.Read(file, maxAppsPage)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return out, fmt.Errorf("%s: %s", file, safefile.Why(err))
		}
		page, err := appspage.Parse(src)
		if err != nil {
			return out, fmt.Errorf("%s: %w", file, err)
		}
		ls, err := r.planListings(page, file, lang, all, selected)
		if err != nil {
			return out, err
		}
		switch {
		case r.o.writes():
			if err := r.applyListings(page, file, lang, ls); err != nil {
				return out, err
			}
		case r.o.Diff != nil:
			if err := diffListings(r.o.Diff, page, src, file, ls, r.o.Prune); err != nil {
				return out, err
			}
		}
		out = append(out, ls...)
	}
	return out, nil
}

// planListings classifies each partner's entries on one Apps page as a
// page is classified: the lock knows the entries the tool wrote.
func (r *run) planListings(page *appspage.Page, file, lang string, all, selected []*partner.Partner) ([]Listing, error) {
	var out []Listing
	owned := map[string]bool{}
	for _, p := range all {
		if p.App != nil && slices.Contains(p.AppLangs(), lang) {
			owned[p.Slug.Value] = true
		}
	}
	for _, p := range selected {
		want, err := r.set.Listings(p, lang)
		if err != nil || want == nil {
			if err != nil {
				return out, err
			}
			continue
		}
		slug := p.Slug.Value
		cur := page.Entries(slug)
		l := Listing{File: file, Lang: lang, Slug: slug, Old: cur, New: want}
		known := r.lock.Listings[lang+"/"+slug]
		if known == "" {
			known = r.o.AdoptListings[lang+"/"+slug]
		}
		switch {
		case appspage.Hash(cur) == appspage.Hash(want):
			l.Action = output.Unchanged
		case len(cur) == 0:
			l.Action = output.Create
		case known == appspage.Hash(cur):
			l.Action = output.Update
		case r.o.Force:
			l.Action, l.Forced = output.Update, true
		default:
			l.Action = output.Conflict
		}
		out = append(out, l)
	}
	inScope := func(slug string) bool {
		return len(r.o.Slugs) == 0 || slices.Contains(r.o.Slugs, slug)
	}
	for _, key := range sortedKeys(r.lock.Listings) {
		l, slug, _ := strings.Cut(key, "/")
		if l != lang || owned[slug] || !inScope(slug) {
			continue
		}
		cur := page.Entries(slug)
		gone := Listing{File: file, Lang: lang, Slug: slug, Action: output.Prune, Old: cur}
		switch {
		case len(cur) == 0:
			continue // removed by hand already: the lock forgets it when a run writes
		case appspage.Hash(cur) != r.lock.Listings[key]:
			gone.Action = output.Orphan
		}
		out = append(out, gone)
	}
	return out, nil
}

// applyListings writes one Apps page with the entries planned, atomically,
// and records them in the lock.
func (r *run) applyListings(page *appspage.Page, file, lang string, ls []Listing) error {
	changed := false
	for _, l := range ls {
		key := l.Lang + "/" + l.Slug
		switch {
		case l.Action == output.Create || l.Action == output.Update:
			if err := page.Set(l.Slug, l.New); err != nil {
				return fmt.Errorf("%s: %s: %w", file, l.Slug, err)
			}
			changed = true
			r.lock.SetListing(key, appspage.Hash(l.New))
		case l.Action == output.Unchanged:
			r.lock.SetListing(key, appspage.Hash(l.New))
		case l.Action == output.Prune && r.o.Prune:
			if err := page.Set(l.Slug, nil); err != nil {
				return err
			}
			changed = true
			r.lock.SetListing(key, "")
		}
	}
	for key := range r.lock.Listings { // entries removed by hand of partners that are gone
		if l, slug, _ := strings.Cut(key, "/"); l == lang && len(page.Entries(slug)) == 0 && !hasListing(ls, slug) {
			r.lock.SetListing(key, "")
		}
	}
	if !changed {
		return nil
	}
	data, err := page.Bytes()
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return safefile.ReplaceFile(filepath.Dir(file), file, data)
}

func hasListing(ls []Listing, slug string) bool {
	return slices.ContainsFunc(ls, func(l Listing) bool { return l.Slug == slug })
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// ListingProblems are the Apps page entries that make the run exit 1:
// edited by hand and kept, and with check every one not up to date.
func (r *Result) ListingProblems(check bool) []Listing {
	var out []Listing
	for _, l := range r.Listings {
		switch l.Action {
		case output.Conflict, output.Orphan:
			out = append(out, l)
		case output.Create, output.Update, output.Prune:
			if check {
				out = append(out, l)
			}
		}
	}
	return out
}

// ListingSummary is the one-line account of the Apps page entries; "" when
// the run had none.
func (r *Result) ListingSummary() string {
	if len(r.Listings) == 0 {
		return ""
	}
	count := map[output.Action]int{}
	for _, l := range r.Listings {
		count[l.Action]++
	}
	verb := func(s string) string {
		if r.Written {
			return s
		}
		return "to be " + s
	}
	parts := []string{fmt.Sprintf("%d %s", count[output.Create], verb("added")), fmt.Sprintf("%d %s", count[output.Update], verb("updated")), fmt.Sprintf("%d unchanged", count[output.Unchanged])}
	if k := count[output.Conflict]; k > 0 {
		parts = append(parts, fmt.Sprintf("%d hand-edited (kept)", k))
	}
	if k := count[output.Prune]; k > 0 && r.Pruned {
		parts = append(parts, fmt.Sprintf("%d %s", k, verb("removed")))
	} else if k > 0 {
		parts = append(parts, fmt.Sprintf("%d of partners that are gone (kept; --prune removes them)", k))
	}
	if k := count[output.Orphan]; k > 0 {
		parts = append(parts, fmt.Sprintf("%d of partners that are gone, edited by hand (kept)", k))
	}
	return "Apps page entries: " + strings.Join(parts, ", ")
}

// diffListings prints the unified diff of the Apps page a run that writes
// would make.
func diffListings(w io.Writer, page *appspage.Page, src []byte, file string, ls []Listing, prune bool) error {
	changed := false
	for _, l := range ls {
		switch {
		case l.Action == output.Create || l.Action == output.Update || l.Action == output.Conflict:
			if err := page.Set(l.Slug, l.New); err != nil {
				return fmt.Errorf("%s: %s: %w", file, l.Slug, err)
			}
			changed = true
		case l.Action == output.Prune && prune:
			if err := page.Set(l.Slug, nil); err != nil {
				return err
			}
			changed = true
		}
	}
	if !changed {
		return nil
	}
	data, err := page.Bytes()
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	name := filepath.ToSlash(file)
	fmt.Fprint(w, udiff.Unified("a/"+name, "b/"+name, string(src), string(data)))
	return nil
}
