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
	"io/fs"
	"os"
	"path/filepath"
)

// LockName is the file, at the root of the output folder, that records the
// pages the tool wrote and the hash of what it wrote.
const LockName = ".partnerpages.lock"

// LockVersion is the format version of the lock file.
const LockVersion = 1

// Lock is the content of the lock file.
type Lock struct {
	Version int              `json:"version"`
	Pages   map[string]Entry `json:"pages"` // by path relative to the output folder, with '/'
}

// Entry is one page the tool wrote.
type Entry struct {
	Slug   string `json:"slug"`
	Lang   string `json:"lang"`
	SHA256 string `json:"sha256"`
}

// Hash returns the hex SHA-256 of content, as the lock file stores it.
func Hash(content []byte) string {
	sum := sha256.Sum256(content)
	return hex.EncodeToString(sum[:])
}

// ReadLock reads the lock file of the output folder dir; a missing file is an
// empty lock. A damaged lock file is an error: without it the tool cannot
// tell a hand-edited page from a stale one.
func ReadLock(dir string) (*Lock, error) {
	path := filepath.Join(dir, LockName)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &Lock{Version: LockVersion, Pages: map[string]Entry{}}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read the lock file: %w", path, err)
	}
	var l Lock
	if err := json.Unmarshal(data, &l); err != nil {
		return nil, fmt.Errorf("%s: the lock file is damaged (%v); check the pages with `git diff`, then delete it and run generate again (pages that match the templates are adopted, others are reported as hand-edited)", path, err)
	}
	if l.Version != LockVersion {
		return nil, fmt.Errorf("%s: lock file version %d, this partnerpages reads version %d", path, l.Version, LockVersion)
	}
	if l.Pages == nil {
		l.Pages = map[string]Entry{}
	}
	return &l, nil
}

// Encode returns the lock file content: stable, sorted JSON so it diffs well.
func (l *Lock) Encode() []byte {
	data, err := json.MarshalIndent(l, "", "  ")
	if err != nil {
		panic(err) // a struct of strings always encodes
	}
	return append(data, '\n')
}

// Write saves the lock file atomically, and only if it changed.
func (l *Lock) Write(dir string) error {
	data := l.Encode()
	path := filepath.Join(dir, LockName)
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	return WriteAtomic(path, data)
}
