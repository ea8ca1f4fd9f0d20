// Package output writes generated pages safely: only into the output folder,
// atomically, only when their content changed, and never over a page that was
// edited by hand since the tool wrote it. A lock file remembers what it wrote.
package output

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
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
	dirty   bool             // changed since read
	// Inputs lets a run skip partners whose file, template set and tool are
	// unchanged since the last run and whose pages are as the tool wrote them.
	Inputs    map[string]Input `json:"inputs,omitempty"`    // by partner file name
	Templates string           `json:"templates,omitempty"` // digest of the template set and the tool

	raw    string            // the lock file as read, when the scanner read it (its strings point into it)
	source string            // else the hash of the lock file as read; both "" if there was none
	fileOf map[string]string // slug → partner file name in Inputs, built when needed
	noted  []string          // folders of the pages a killed run's journal noted
	shared bool              // Pages is a snapshot's too: copied before it changes
	st     FileStat          // what fstat said of the lock file just before it was read
}

// readFrom reports whether the lock was read from a file of content data.
func (l *Lock) readFrom(data []byte) bool {
	if l.raw != "" {
		return l.raw == string(data)
	}
	return l.source != "" && l.source == Hash(data)
}

// noJournal reports whether no journal is left in the output folder dir.
func noJournal(dir string) bool {
	_, err := os.Lstat(filepath.Join(dir, JournalName))
	return errors.Is(err, fs.ErrNotExist)
}

// Snapshot returns the pages as they are now, which later changes to the
// lock leave as they are: the lock copies its pages the first time it
// changes one, so a run that changes none (a no-op) copies nothing.
func (l *Lock) Snapshot() map[string]Entry {
	l.shared = true
	return l.Pages
}

// own makes Pages the lock's own before it changes.
func (l *Lock) own() {
	if l.shared {
		l.Pages, l.shared = maps.Clone(l.Pages), false
	}
}

// VoidInput is the hash an input gets when the pages on disk may not all
// come from one version of its partner file: it matches no file, so the
// partner is rendered and planned again, and absorb does not merge into it.
const VoidInput = "void"

// Touch records that a page of slug was written from the partner file
// whose content hashes to input: if the lock vouched for another version
// of that file, it no longer vouches for any until the run ends well.
func (l *Lock) Touch(slug, input string) {
	name, ok := l.inputOf(slug)
	if ok && l.Inputs[name].SHA256 != input {
		l.voidSlug(slug)
	}
}

// voidSlug makes the lock vouch for no version of slug's partner file.
func (l *Lock) voidSlug(slug string) {
	if name, ok := l.inputOf(slug); ok && l.Inputs[name].SHA256 != VoidInput {
		l.SetInput(name, Input{Slug: slug, SHA256: VoidInput})
	}
}

// inputOf returns the partner file the lock records for slug.
func (l *Lock) inputOf(slug string) (string, bool) {
	if l.fileOf == nil {
		l.fileOf = make(map[string]string, len(l.Inputs))
		for name, in := range l.Inputs {
			l.fileOf[in.Slug] = name
		}
	}
	name, ok := l.fileOf[slug]
	return name, ok
}

// Input is one partner file as the last run read it.
type Input struct {
	Slug   string `json:"slug"`
	SHA256 string `json:"sha256"`
}

// Entry is one page the tool wrote. Slug and Lang are the first two parts of
// the page's path; the file stores only the hash.
type Entry struct {
	Slug   string `json:"-"`
	Lang   string `json:"-"`
	SHA256 string
}

// lockFile is the lock as stored: pages map to their hash alone.
type lockFile struct {
	Version   int               `json:"version"`
	Pages     map[string]string `json:"pages"`
	Inputs    map[string]Input  `json:"inputs,omitempty"`
	Templates string            `json:"templates,omitempty"`
}

// Set records a page, marking the lock changed if it is new or different.
func (l *Lock) Set(rel string, e Entry) {
	old, ok := l.Pages[rel]
	if ok && old == e {
		return
	}
	if !ok || old.SHA256 != e.SHA256 {
		l.dirty = true
	}
	l.own()
	l.Pages[rel] = e
}

// Delete forgets a page.
func (l *Lock) Delete(rel string) {
	if _, ok := l.Pages[rel]; ok {
		l.dirty = true
		l.own()
		delete(l.Pages, rel)
	}
}

// SetInput records a partner file as read, marking the lock changed if needed.
func (l *Lock) SetInput(name string, in Input) {
	if l.Inputs[name] != in {
		l.dirty = true
		l.Inputs[name] = in
		if l.fileOf != nil {
			l.fileOf[in.Slug] = name
		}
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
		l.Templates, l.Inputs, l.dirty, l.fileOf = key, map[string]Input{}, true, nil
	}
}

// Hash returns the hex SHA-256 of content, as the lock file stores it.
func Hash(content []byte) string {
	sum := sha256.Sum256(content)
	return hex.EncodeToString(sum[:])
}

// ReadLock reads the lock file of the output folder dir; a missing file is an
// empty lock. A damaged lock file is an error: without it the tool cannot
// tell a hand-edited page from a stale one.
func ReadLock(dir string) (*Lock, error) { return ReadLockAgain(dir, nil, FileStat{}) }

// ReadLockAgain is ReadLock for a run that read the lock file before it
// took the run lock: when the file is the one prev was read from and no
// journal is left, prev is still true and is returned as is, which spares
// decoding a large lock file twice. The file is the same when it is byte
// for byte the same or, without reading it, when stat says what it said
// then and its last change is older than mark, a clock mark made before
// prev was read (see StatCache).
func ReadLockAgain(dir string, prev *Lock, mark FileStat) (*Lock, error) {
	path := filepath.Join(dir, LockName)
	reusable := prev != nil && !prev.dirty && len(prev.noted) == 0 && noJournal(dir)
	if reusable && prev.st.known() && settled(prev.st, mark) && StatPath(path) == prev.st {
		return prev, nil
	}
	data, st, err := readLimitStat(path, MaxLockSize, true)
	if err == nil && reusable && prev.readFrom(data) {
		return prev, nil
	}
	if errors.Is(err, fs.ErrNotExist) {
		l := &Lock{Version: LockVersion, Pages: map[string]Entry{}, Inputs: map[string]Input{}}
		return l, l.mergeJournal(dir)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read the lock file: %w", path, err)
	}
	l, err := decodeLock(data)
	var bad badPageError
	switch {
	case errors.As(err, &bad):
		return nil, fmt.Errorf("%s: the lock file is damaged (%v); delete it and run generate again", path, err)
	case err != nil:
		return nil, fmt.Errorf("%s: the lock file is damaged (%v); check the pages with `git diff`, then delete it and run generate again (pages that match the templates are adopted, others are reported as hand-edited)", path, err)
	case l.Version != LockVersion:
		return nil, fmt.Errorf("%s: lock file version %d, this partnerpages reads version %d; delete it and run generate again", path, l.Version, LockVersion)
	}
	l.st = st
	return l, l.mergeJournal(dir)
}

// Encode returns the lock file content: stable, sorted JSON so it diffs well.
// It is written as encoding/json's MarshalIndent of lockFile writes it
// (TestLockEncodingIsJSONs holds it to that), without the copy of every
// page that would take, into a buffer of the exact size (counted by a
// first pass): at 50,000 partners a buffer that grew by doubling was the
// run's peak of memory.
func (l *Lock) Encode() []byte {
	rels := slices.Sorted(maps.Keys(l.Pages))
	names := slices.Sorted(maps.Keys(l.Inputs))
	var size byteCounter
	l.encodeTo(&size, rels, names)
	b := bytes.NewBuffer(make([]byte, 0, int(size)))
	l.encodeTo(b, rels, names)
	return b.Bytes()
}

// jsonSink is where encodeTo writes: a bytes.Buffer, or a byteCounter.
type jsonSink interface {
	io.Writer
	io.StringWriter
	io.ByteWriter
}

// byteCounter is a jsonSink that only counts what it is given.
type byteCounter int

func (c *byteCounter) Write(p []byte) (int, error) { *c += byteCounter(len(p)); return len(p), nil }
func (c *byteCounter) WriteString(s string) (int, error) {
	*c += byteCounter(len(s))
	return len(s), nil
}
func (c *byteCounter) WriteByte(byte) error { *c++; return nil }

// encodeTo writes the lock file content, with the pages rels and the
// inputs names in that order.
func (l *Lock) encodeTo(b jsonSink, rels, names []string) {
	fmt.Fprintf(b, "{\n  \"version\": %d,\n  \"pages\": {", l.Version)
	for i, rel := range rels {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n    ")
		writeJSONString(b, rel)
		b.WriteString(": ")
		writeJSONString(b, l.Pages[rel].SHA256)
	}
	if len(rels) > 0 {
		b.WriteString("\n  ")
	}
	b.WriteByte('}')
	if len(names) > 0 {
		b.WriteString(",\n  \"inputs\": {")
		for i, name := range names {
			if i > 0 {
				b.WriteByte(',')
			}
			in := l.Inputs[name]
			b.WriteString("\n    ")
			writeJSONString(b, name)
			b.WriteString(": {\n      \"slug\": ")
			writeJSONString(b, in.Slug)
			b.WriteString(",\n      \"sha256\": ")
			writeJSONString(b, in.SHA256)
			b.WriteString("\n    }")
		}
		b.WriteString("\n  }")
	}
	if l.Templates != "" {
		b.WriteString(",\n  \"templates\": ")
		writeJSONString(b, l.Templates)
	}
	b.WriteString("\n}\n")
}

// writeJSONString writes s as encoding/json quotes it.
func writeJSONString(b jsonSink, s string) {
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c >= 0x80 {
			plain = false
			break
		}
	}
	if plain {
		b.WriteByte('"')
		b.WriteString(s)
		b.WriteByte('"')
		return
	}
	q, _ := json.Marshal(s) // a string always encodes
	b.Write(q)
}

// Write saves the lock file atomically, and only if it changed since read.
// The journal of the run (or of a killed one) is removed once the lock
// holds what it noted.
func (l *Lock) Write(dir string) error {
	path := filepath.Join(dir, LockName)
	if l.dirty || !exists(path) {
		if err := WriteAtomic(path, l.Encode()); err != nil {
			return err
		}
		l.dirty = false
	}
	if err := os.Remove(filepath.Join(dir, JournalName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %w", filepath.Join(dir, JournalName), err)
	}
	return nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
