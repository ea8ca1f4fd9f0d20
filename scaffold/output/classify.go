package output

import (
	"bytes"
	"errors"
	"io/fs"
	"slices"

	"github.com/partnerpages/partnerpages/scaffold/pagepath"
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

// State names the page on disk, against what generate writes, as the
// preview shows it: missing, stale, current or hand-edited.
func (a Action) State() string {
	return [...]string{"missing", "stale", "current", "hand-edited", "gone", "gone, hand-edited"}[a]
}

// Differs reports whether the page on disk is there but is not what the
// templates render now (stale, or edited by hand).
func (a Action) Differs() bool { return a == Update || a == Conflict }

// Page is one page to write: where, whose, and what.
type Page struct {
	pagepath.Path
	Rel     string // Path.Rel(): its path inside the output folder
	Content []byte // nil for a page known to be unchanged without rendering it
	SHA256  string // Hash(Content), or the hash of the unchanged page
	Input   string // hash of the partner file it was rendered from ("" if unknown)
}

// NewPage returns the page at p with content rendered from the partner
// file whose content hashes to input.
func NewPage(p pagepath.Path, content []byte, input string) Page {
	return Page{Path: p, Rel: p.Rel(), Content: content, SHA256: Hash(content), Input: input}
}

// Classify is the one rule that tells what becomes of a page: old is the
// page on disk (exists false: none), known the hash the lock file records
// for it ("" if none), content what the templates render now.
func Classify(old []byte, exists bool, known string, content []byte, force bool) (a Action, forced bool) {
	switch {
	case !exists:
		return Create, false
	case bytes.Equal(old, content):
		return Unchanged, false
	case known == Hash(old):
		return Update, false
	case force:
		return Update, true
	}
	return Conflict, false
}

// Change is the planned fate of one page.
type Change struct {
	Page
	Action  Action
	Old     []byte // content on disk, if any (kept for diffs)
	OldHash string // hash of the content on disk when planned, "" if none
	Forced  bool   // a hand-edited page that --force overwrites
	SameURL string // a Conflict: the page is not created, for this other file of its folder serves its URL
}

// PlanPage compares one page to render with the output folder. known is
// the hash the lock file records for the page ("" if none).
func PlanPage(d *Dir, known string, p Page, force, keepOld bool) (Change, error) {
	if p.SHA256 == "" {
		p.SHA256 = Hash(p.Content)
	}
	if p.Content == nil { // verified unchanged by the caller
		return Change{Page: p, Action: Unchanged}, nil
	}
	old, exists, err := d.Read(p.Rel)
	if err != nil {
		return Change{}, err
	}
	c := Change{Page: p}
	if exists {
		c.OldHash = Hash(old)
	}
	c.Action, c.Forced = Classify(old, exists, known, p.Content, force)
	if c.Action == Create {
		if c.SameURL = d.SameURL(p); c.SameURL != "" {
			c.Action = Conflict // never a second file for one URL, even with force
		}
	}
	if keepOld {
		c.Old = old
	}
	return c, nil
}

// PlanGone returns the pages the lock knew before this run (known) for the
// slugs in scope (nil: all) that were not rendered this time: Prune, or
// Orphan when edited by hand since. Entries whose file is already gone are
// dropped from lock.
func PlanGone(d *Dir, lock *Lock, known map[string]Entry, rendered map[string]bool, scope map[string]bool, force bool) ([]Change, error) {
	var gone []string
	for rel, e := range known {
		if !rendered[rel] && (scope == nil || scope[e.Slug]) {
			gone = append(gone, rel)
		}
	}
	slices.Sort(gone)
	var changes []Change
	for _, rel := range gone {
		e := known[rel]
		old, exists, err := d.Read(rel)
		if err != nil {
			return nil, err
		}
		if !exists {
			lock.Delete(rel) // already gone: just forget it
			continue
		}
		c := Change{Page: Page{Path: e.Path, Rel: rel}, Old: old, Action: Prune}
		if Hash(old) != e.SHA256 && !force {
			c.Action = Orphan
		}
		changes = append(changes, c)
	}
	return changes, nil
}

// ApplyChange carries out one change and records it in the lock; pruning
// happens only when prune is set. Callers serialize calls on one lock.
func ApplyChange(d *Dir, lock *Lock, c *Change, prune bool) error {
	switch c.Action {
	case Create, Update:
		// noted before it is written: a run killed after the rename still
		// knows the page as its own
		if err := d.journal.Note(c.Rel, c.SHA256); err != nil {
			return err
		}
		lock.Touch(c.Slug, c.Input)
		written, err := d.place(c)
		if err != nil {
			return err
		}
		if !written {
			// saved by someone since the plan read it: kept, as a hand edit
			c.Action, c.Forced = Conflict, false
			return nil
		}
		lock.Set(c.Rel, Entry{Path: c.Path, SHA256: c.SHA256})
	case Unchanged:
		lock.Set(c.Rel, Entry{Path: c.Path, SHA256: c.SHA256})
	case Prune:
		if prune {
			if err := d.Remove(c.Rel); err != nil {
				return err
			}
			lock.Delete(c.Rel)
		}
	}
	return nil
}

// place writes a created or updated page, unless the file changed since
// it was planned; it reports whether it wrote it.
func (d *Dir) place(c *Change) (bool, error) {
	if c.Action == Create {
		err := d.Create(c.Rel, c.Content)
		if errors.Is(err, fs.ErrExist) {
			return false, nil // a file appeared at its place meanwhile
		}
		return err == nil, err
	}
	return d.Replace(c.Rel, c.Content, c.OldHash)
}

// Apply carries out the changes in order, one at a time (concurrent writes
// into the same folders only contend in the kernel), and records them in the
// lock. It stops at the first error, or when stop() says so; what was done
// until then is in the lock, which the caller must still write.
func Apply(d *Dir, lock *Lock, changes []Change, prune bool, stop func() bool) error {
	for i := range changes {
		if stop != nil && stop() {
			return ErrInterrupted
		}
		if err := ApplyChange(d, lock, &changes[i], prune); err != nil {
			return err
		}
	}
	return nil
}

// ErrInterrupted is what Apply returns when stop() said so.
var ErrInterrupted error = interrupted{}

type interrupted struct{}

func (interrupted) Error() string { return "interrupted" }

// IsInterrupted reports whether Apply stopped because stop() said so.
func IsInterrupted(err error) bool { return err == ErrInterrupted }
