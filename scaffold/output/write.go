package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// WriteAtomic writes data to path through a temporary file in the same folder
// and a rename, so a reader (or a crash) sees either the old file or the new
// one, never a part.
func WriteAtomic(path string, data []byte) error {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("%s: %w", path, errors.Unwrap(err))
	}
	tmp := f.Name()
	_, werr := f.Write(data)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: writing failed, the page was left as it was: %w", path, unwrapPath(err))
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	return nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Dir is the output folder. It refuses any path that would leave it, and any
// symbolic link between it and a page, so a hostile slug, template or link
// cannot make the tool write elsewhere.
type Dir struct {
	Root  string
	safe  map[string]bool // folders already checked
	noDir map[string]bool // folders known not to exist yet
}

// NewDir returns the output folder root.
func NewDir(root string) *Dir {
	return &Dir{Root: root, safe: map[string]bool{}, noDir: map[string]bool{}}
}

// Path returns the file path of rel (a '/'-separated path inside the folder),
// after checking that no part of it is "..", absolute, or a symbolic link.
func (d *Dir) Path(rel string) (string, error) {
	if rel == "" || strings.HasPrefix(rel, "/") || strings.Contains(rel, "\\") {
		return "", fmt.Errorf("%q: refusing a path outside the output folder", rel)
	}
	parts := strings.Split(rel, "/")
	cur := d.Root
	for i, p := range parts {
		if p == "" || p == "." || p == ".." {
			return "", fmt.Errorf("%q: refusing a path outside the output folder", rel)
		}
		cur = filepath.Join(cur, p)
		last := i == len(parts)-1
		if d.safe[cur] {
			continue
		}
		if d.noDir[filepath.Dir(cur)] {
			d.noDir[cur] = true
			continue
		}
		st, err := os.Lstat(cur)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if !last {
				d.noDir[cur] = true
			}
			continue
		case err != nil:
			return "", fmt.Errorf("%s: %w", cur, unwrapPath(err))
		case st.Mode()&fs.ModeSymlink != 0:
			return "", fmt.Errorf("%s: is a symbolic link; refusing to write through it (it could point outside %s)", cur, d.Root)
		case !last && !st.IsDir():
			return "", fmt.Errorf("%s: is a file where a folder was expected", cur)
		case last && !st.Mode().IsRegular():
			return "", fmt.Errorf("%s: is not a regular file", cur)
		}
		if !last {
			d.safe[cur] = true
		}
	}
	return cur, nil
}

// Write writes a page atomically, creating its folders.
func (d *Dir) Write(rel string, data []byte) error {
	path, err := d.Path(rel)
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	if d.noDir[dir] {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("%s: %w", dir, unwrapPath(err))
		}
		for k := range d.noDir {
			if strings.HasPrefix(dir+string(filepath.Separator), k+string(filepath.Separator)) {
				delete(d.noDir, k)
				d.safe[k] = true
			}
		}
	}
	return WriteAtomic(path, data)
}

// Remove deletes a page and then its folders if they are left empty.
func (d *Dir) Remove(rel string) error {
	path, err := d.Path(rel)
	if err != nil {
		return err
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	root := filepath.Clean(d.Root)
	for dir := filepath.Dir(path); dir != root && strings.HasPrefix(dir, root); dir = filepath.Dir(dir) {
		if os.Remove(dir) != nil { // fails when not empty: stop there
			break
		}
		delete(d.safe, dir)
	}
	return nil
}

// Read returns the current content of a page, or nil and false if it does not exist.
func (d *Dir) Read(rel string) ([]byte, bool, error) {
	path, err := d.Path(rel)
	if err != nil {
		return nil, false, err
	}
	if d.noDir[filepath.Dir(path)] {
		return nil, false, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	return data, true, nil
}
