package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/partnerpages/partnerpages/scaffold/safefile"
)

// Dir is the output folder. It refuses any path that would leave it, and any
// symbolic link between it and a page, so a hostile slug, template or link
// cannot make the tool write elsewhere.
type Dir struct {
	Root    string
	journal *Journal // notes each page just before it is written
}

// NewDir returns the output folder root.
func NewDir(root string) *Dir { return &Dir{Root: root, journal: &Journal{dir: root}} }

// Close closes the journal.
func (d *Dir) Close() { d.journal.Close() }

// Path returns the file path of rel (a '/'-separated path inside the folder),
// after checking that no part of it is "..", absolute, or a symbolic link,
// and that no folder on the way is a file.
func (d *Dir) Path(rel string) (string, error) {
	path, _, err := d.locate(rel)
	return path, err
}

// locate is Path that also reports whether a folder on the way is missing.
func (d *Dir) locate(rel string) (path string, missing bool, err error) {
	if rel == "" || strings.HasPrefix(rel, "/") || strings.Contains(rel, "\\") {
		return "", false, fmt.Errorf("%q: refusing a path outside the output folder", rel)
	}
	parts := strings.Split(rel, "/")
	for _, p := range parts {
		if p == "" || p == "." || p == ".." {
			return "", false, fmt.Errorf("%q: refusing a path outside the output folder", rel)
		}
	}
	cur := d.Root
	for i, p := range parts {
		cur = filepath.Join(cur, p)
		if i == len(parts)-1 {
			break // the page itself is read without following a link and replaced by rename
		}
		st, err := os.Lstat(cur)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return filepath.Join(d.Root, filepath.FromSlash(rel)), true, nil // nothing below exists either
		case err != nil:
			return "", false, fmt.Errorf("%s: %w", cur, safefile.Unwrap(err))
		case st.Mode()&fs.ModeSymlink != 0:
			return "", false, fmt.Errorf("%s: is a symbolic link; refusing to write through it (it could point outside %s)", cur, d.Root)
		case !st.IsDir():
			return "", false, fmt.Errorf("%s: is a file where a folder was expected", cur)
		}
	}
	return cur, false, nil
}

// prepare returns the path of page rel, its folders created.
func (d *Dir) prepare(rel string) (string, error) {
	path, missing, err := d.locate(rel)
	if err != nil || !missing {
		return path, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", fmt.Errorf("%s: %w", filepath.Dir(path), safefile.Unwrap(err))
	}
	return path, nil
}

// Replace writes a page atomically if, just before it takes its place, the
// page still hashes to old (what the plan read); a writer who saved it
// meanwhile keeps the edit. It reports whether the page was replaced.
func (d *Dir) Replace(rel string, data []byte, old string) (bool, error) {
	path, err := d.prepare(rel)
	if err != nil {
		return false, err
	}
	return safefile.WriteIf(path, data, 0, func() bool {
		cur, err := safefile.ReadNoFollow(path, -1)
		return err == nil && Hash(cur) == old
	})
}

// Create writes a page that does not exist yet, atomically; it fails with
// an error matching fs.ErrExist if a file appeared at its place meanwhile.
func (d *Dir) Create(rel string, data []byte) error {
	path, err := d.prepare(rel)
	if err != nil {
		return err
	}
	return safefile.CreateNew(path, data)
}

// Remove deletes a page and then its folders if they are left empty.
func (d *Dir) Remove(rel string) error {
	path, err := d.Path(rel)
	if err != nil {
		return err
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %w", path, safefile.Unwrap(err))
	}
	root := filepath.Clean(d.Root)
	for dir := filepath.Dir(path); dir != root && strings.HasPrefix(dir, root); dir = filepath.Dir(dir) {
		if os.Remove(dir) != nil { // fails when not empty: stop there
			break
		}
	}
	return nil
}

// Read returns the current content of a page, or nil and false if it does
// not exist. A symbolic link, a FIFO or a folder in its place is an error.
func (d *Dir) Read(rel string) ([]byte, bool, error) {
	path, err := d.Path(rel)
	if err != nil {
		return nil, false, err
	}
	data, err := safefile.ReadNoFollow(path, safefile.MaxPageSize)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("%s: %s", path, safefile.Why(err))
	}
	return data, true, nil
}
