// Package output writes generated pages safely: only into the output folder,
// atomically, only when their content changed, and never over a page that was
// edited by hand since the tool wrote it. A lock file remembers what it wrote.
package output

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/partnerpages/partnerpages/scaffold/pagepath"
	"github.com/partnerpages/partnerpages/scaffold/safefile"
)

// LockName is the file, at the root of the output folder, that records the
// pages the tool wrote and the hash of what it wrote.
const LockName = ".partnerpages.lock"

// MaxLockSize bounds the lock file (a million pages' hashes fit).
const MaxLockSize = 256 << 20

// LockVersion is the format version of the lock file.
const LockVersion = 2

// Lock is the content of the lock file.
type Lock struct {
	Version int              `json:"version"`
	Pages   map[string]Entry `json:"pages"` // by path relative to the output folder, with '/'
	// Inputs lets a run skip partners whose file, template set and tool are
	// unchanged since the last run and whose pages are as the tool wrote them.
	Inputs    map[string]Input `json:"inputs,omitempty"`    // by partner file name
	Templates string           `json:"templates,omitempty"` // digest of the template set and the tool
	// Listings are the Apps page entries the tool wrote: by "<lang>/<slug>",
	// the hash of that app's entries (appspage.Hash).
	Listings map[string]string `json:"listings,omitempty"`

	dirty bool     // changed since read
	noted []string // folders of the pages a killed run's journal noted
}

// Input is one partner file as the last run read it.
type Input struct {
	Slug   string `json:"slug"`
	SHA256 string `json:"sha256"`
}

// Entry is one page the tool wrote: where, and the hash of what it wrote.
// The file stores only the hash; the place comes from the page's path.
type Entry struct {
	pagepath.Path
	SHA256 string
}

// lockFile is the lock as stored: pages map to their hash alone.
type lockFile struct {
	Version   int               `json:"version"`
	Pages     map[string]string `json:"pages"`
	Inputs    map[string]Input  `json:"inputs,omitempty"`
	Templates string            `json:"templates,omitempty"`
	Listings  map[string]string `json:"listings,omitempty"`
}

// VoidInput is the hash an input gets when the pages on disk may not all
// come from one version of its partner file: it matches no file, so the
// partner is rendered and planned again, and absorb does not merge into it.
const VoidInput = "void"

// Hash returns the hex SHA-256 of content, as the lock file stores it.
func Hash(content []byte) string {
	sum := sha256.Sum256(content)
	return hex.EncodeToString(sum[:])
}

// SetListing records the hash of the Apps page entries the tool wrote for
// key (<lang>/<slug>); an empty hash forgets them.
func (l *Lock) SetListing(key, hash string) {
	if l.Listings[key] == hash {
		return
	}
	if l.Listings == nil {
		l.Listings = map[string]string{}
	}
	if hash == "" {
		delete(l.Listings, key)
	} else {
		l.Listings[key] = hash
	}
	l.dirty = true
}

// InputOf returns the partner file the lock records for slug, and its record.
func (l *Lock) InputOf(slug string) (string, Input, bool) {
	for name, in := range l.Inputs {
		if in.Slug == slug {
			return name, in, true
		}
	}
	return "", Input{}, false
}

// Touch records that a page of slug was written from the partner file
// whose content hashes to input: if the lock vouched for another version
// of that file, it no longer vouches for any until the run ends well.
func (l *Lock) Touch(slug, input string) {
	if _, in, ok := l.InputOf(slug); ok && in.SHA256 != input {
		l.voidSlug(slug)
	}
}

// voidSlug makes the lock vouch for no version of slug's partner file.
func (l *Lock) voidSlug(slug string) {
	if name, in, ok := l.InputOf(slug); ok && in.SHA256 != VoidInput {
		l.SetInput(name, Input{Slug: slug, SHA256: VoidInput})
	}
}

// Set records a page, marking the lock changed if it is new or different.
func (l *Lock) Set(rel string, e Entry) {
	if old, ok := l.Pages[rel]; !ok || old.SHA256 != e.SHA256 {
		l.dirty = true
	}
	l.Pages[rel] = e
}

// Delete forgets a page.
func (l *Lock) Delete(rel string) {
	if _, ok := l.Pages[rel]; ok {
		l.dirty = true
		delete(l.Pages, rel)
	}
}

// SetInput records a partner file as read, marking the lock changed if needed.
func (l *Lock) SetInput(name string, in Input) {
	if l.Inputs[name] != in {
		l.dirty = true
		l.Inputs[name] = in
	}
}

// DeleteInput forgets a partner file.
func (l *Lock) DeleteInput(name string) {
	if _, ok := l.Inputs[name]; ok {
		l.dirty = true
		delete(l.Inputs, name)
	}
}

// SetTemplates records the template set's digest; a new one forgets every input.
func (l *Lock) SetTemplates(key string) {
	if l.Templates != key {
		l.Templates, l.Inputs, l.dirty = key, map[string]Input{}, true
	}
}

// ReadLock reads the lock file of the output folder dir; a missing file is an
// empty lock. A damaged lock file is an error: without it the tool cannot
// tell a hand-edited page from a stale one. A journal a killed run left is
// merged in.
func ReadLock(dir string) (*Lock, error) {
	path := filepath.Join(dir, LockName)
	l := &Lock{Version: LockVersion, Pages: map[string]Entry{}, Inputs: map[string]Input{}}
	data, err := safefile.ReadNoFollow(path, MaxLockSize)
	if errors.Is(err, fs.ErrNotExist) {
		return l, l.mergeJournal(dir)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read the lock file: %s", path, safefile.Why(err))
	}
	var f lockFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: the lock file is damaged (%v); check the pages with `git diff`, then delete it and run generate again (pages that match the templates are adopted, others are reported as hand-edited)", path, err)
	}
	if f.Version != LockVersion {
		return nil, fmt.Errorf("%s: lock file version %d, this partnerpages reads version %d; delete it and run generate again", path, f.Version, LockVersion)
	}
	for rel, sum := range f.Pages {
		p, ok := pagepath.Parse(rel)
		if !ok {
			return nil, fmt.Errorf("%s: the lock file is damaged (page %q is not <slug>/<lang>/<file>); delete it and run generate again", path, rel)
		}
		l.Pages[rel] = Entry{Path: p, SHA256: sum}
	}
	if f.Inputs != nil {
		l.Inputs = f.Inputs
	}
	l.Templates = f.Templates
	l.Listings = f.Listings
	return l, l.mergeJournal(dir)
}

// Encode returns the lock file content: stable, sorted JSON so it diffs well.
func (l *Lock) Encode() []byte {
	f := lockFile{Version: l.Version, Pages: make(map[string]string, len(l.Pages)), Inputs: l.Inputs, Templates: l.Templates, Listings: l.Listings}
	for rel, e := range l.Pages {
		f.Pages[rel] = e.SHA256
	}
	if len(f.Inputs) == 0 {
		f.Inputs = nil
	}
	data, _ := json.MarshalIndent(f, "", "  ") // maps of strings always encode
	return append(data, '\n')
}

// Write saves the lock file atomically, and only if it changed since read.
// The journal of the run (or of a killed one) is removed once the lock
// holds what it noted.
func (l *Lock) Write(dir string) error {
	path := filepath.Join(dir, LockName)
	if _, err := os.Lstat(path); l.dirty || err != nil {
		if err := refuseLink(path); err != nil {
			return err
		}
		if err := safefile.WriteAtomic(path, l.Encode()); err != nil {
			return err
		}
		l.dirty = false
	}
	if err := os.Remove(filepath.Join(dir, JournalName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %w", filepath.Join(dir, JournalName), err)
	}
	return nil
}

// refuseLink fails if path is a symbolic link: the tool's own files in the
// output folder are never written through one.
func refuseLink(path string) error {
	if st, err := os.Lstat(path); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		return fmt.Errorf("%s: is a symbolic link; refusing to write through it", path)
	}
	return nil
}
