package output

import (
	"bytes"
	"slices"
	"strings"
)

// Action is what generate does, or would do, with one page.
type Action int

// The actions, in the order a summary lists them.
const (
	Create    Action = iota // the page does not exist yet
	Update                  // the page is what the tool last wrote, and the templates or partner changed
	Unchanged               // the page already has the new content
	Conflict                // the page was edited by hand (or not written by the tool): kept
	Prune                   // the tool wrote the page for a partner or language that is gone: removed with --prune
	Orphan                  // like Prune, but edited by hand since: kept
)

// String names the action as reports print it.
func (a Action) String() string {
	return [...]string{"created", "updated", "unchanged", "hand-edited", "pruned", "orphaned"}[a]
}

// Page is one page to write: where, whose, and what.
type Page struct {
	Rel     string // path inside the output folder, '/'-separated: <slug>/<lang>/<file>
	Slug    string
	Lang    string
	Content []byte
}

// Change is the planned fate of one page.
type Change struct {
	Page
	Action Action
	Old    []byte // content on disk, if any
	Forced bool   // a hand-edited page that --force overwrites
}

// Plan compares the pages to render with the output folder and the lock
// file. scope says which slugs this run covers (nil: all): pages the lock
// knows for those slugs that are no longer rendered become Prune or Orphan.
func Plan(d *Dir, lock *Lock, pages []Page, scope map[string]bool, force bool) ([]Change, error) {
	changes := make([]Change, 0, len(pages))
	rendered := make(map[string]bool, len(pages))
	for _, p := range pages {
		rendered[p.Rel] = true
		old, exists, err := d.Read(p.Rel)
		if err != nil {
			return nil, err
		}
		c := Change{Page: p, Old: old}
		switch {
		case !exists:
			c.Action = Create
		case bytes.Equal(old, p.Content):
			c.Action = Unchanged
		case lock.Pages[p.Rel].SHA256 == Hash(old):
			c.Action = Update
		case force:
			c.Action, c.Forced = Update, true
		default:
			c.Action = Conflict
		}
		changes = append(changes, c)
	}
	var gone []string
	for rel, e := range lock.Pages {
		if !rendered[rel] && (scope == nil || scope[e.Slug]) {
			gone = append(gone, rel)
		}
	}
	slices.Sort(gone)
	for _, rel := range gone {
		e := lock.Pages[rel]
		old, exists, err := d.Read(rel)
		if err != nil {
			return nil, err
		}
		c := Change{Page: Page{Rel: rel, Slug: e.Slug, Lang: e.Lang}, Old: old, Action: Prune}
		if !exists {
			delete(lock.Pages, rel) // already gone: just forget it
			continue
		}
		if Hash(old) != e.SHA256 && !force {
			c.Action = Orphan
		}
		changes = append(changes, c)
	}
	return changes, nil
}

// Apply carries out the changes and records them in the lock. Pruning runs
// only when prune is set. It stops at the first error; what was done until
// then is in the lock, which the caller must still write.
func Apply(d *Dir, lock *Lock, changes []Change, prune bool, stop func() bool) error {
	for _, c := range changes {
		if stop != nil && stop() {
			return errInterrupted
		}
		switch c.Action {
		case Create, Update:
			if err := d.Write(c.Rel, c.Content); err != nil {
				return err
			}
			lock.Pages[c.Rel] = Entry{Slug: c.Slug, Lang: c.Lang, SHA256: Hash(c.Content)}
		case Unchanged:
			lock.Pages[c.Rel] = Entry{Slug: c.Slug, Lang: c.Lang, SHA256: Hash(c.Content)}
		case Prune:
			if !prune {
				continue
			}
			if err := d.Remove(c.Rel); err != nil {
				return err
			}
			delete(lock.Pages, c.Rel)
		}
	}
	return nil
}

type interrupted struct{}

func (interrupted) Error() string { return "interrupted" }

var errInterrupted error = interrupted{}

// IsInterrupted reports whether Apply stopped because stop() said so.
func IsInterrupted(err error) bool { return err == errInterrupted }

// RelPath joins a page's place in the output folder.
func RelPath(slug, lang, name string) string {
	return strings.Join([]string{slug, lang, name}, "/")
}
