package safefile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// errOutside is the error for a path that leaves its folder, through ".."
// or a symbolic link.
var errOutside = errors.New("leads outside its folder (through a symbolic link or ..); refusing to follow it")

// DirFS returns the folder dir as a file system confined to it: no path,
// symbolic link included, leads out of it (os.Root), Open gives folders and
// regular files only and never blocks (a FIFO or a device is refused), and
// ReadFile refuses a file over max bytes. The partners folder, a template
// set and a site tree are read through it.
func DirFS(dir string, max int64) fs.FS { return rootFS{dir, max} }

type rootFS struct {
	dir string
	max int64
}

// with opens the root for one call: a file system that lives as long as a
// preview would otherwise hold a folder open for ever.
func (r rootFS) with(op, name string, f func(*os.Root) error) error {
	if !fs.ValidPath(name) {
		return &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	root, err := os.OpenRoot(r.dir)
	if err != nil {
		return err
	}
	defer root.Close()
	if err := f(root); err != nil {
		return confined(op, name, err)
	}
	return nil
}

// confined says an escape from the root in the tool's words.
func confined(op, name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && strings.Contains(pe.Err.Error(), "escapes") {
		return &fs.PathError{Op: op, Path: name, Err: errOutside}
	}
	return err
}

// Open opens a folder or a regular file of the root.
func (r rootFS) Open(name string) (fs.File, error) {
	var file fs.File
	err := r.with("open", name, func(root *os.Root) error {
		st, err := root.Stat(name)
		switch {
		case err != nil:
			return err
		case st.IsDir():
			file, err = root.Open(name)
			return err
		case !st.Mode().IsRegular():
			return &fs.PathError{Op: "open", Path: name, Err: errNotRegular}
		}
		f, err := root.OpenFile(name, os.O_RDONLY|openNonBlock, 0)
		if err == nil {
			file = f
		}
		return err
	})
	return file, err
}

// ReadFile reads a regular file of the root of at most max bytes.
func (r rootFS) ReadFile(name string) ([]byte, error) {
	f, err := r.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errIsDir}
	}
	if st.Size() > r.max {
		return nil, &fs.PathError{Op: "read", Path: name, Err: ErrTooLarge}
	}
	data, err := io.ReadAll(io.LimitReader(f, r.max+1))
	if err == nil && int64(len(data)) > r.max {
		err = &fs.PathError{Op: "read", Path: name, Err: ErrTooLarge}
	}
	return data, err
}

// Stat describes a file of the root, following a symbolic link inside it.
func (r rootFS) Stat(name string) (fs.FileInfo, error) {
	var info fs.FileInfo
	err := r.with("stat", name, func(root *os.Root) (err error) {
		info, err = root.Stat(name)
		return err
	})
	return info, err
}

// ReadDir lists a folder of the root, sorted by name.
func (r rootFS) ReadDir(name string) ([]fs.DirEntry, error) {
	f, err := r.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d, ok := f.(fs.ReadDirFile)
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a folder")}
	}
	entries, err := d.ReadDir(-1)
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, err
}

// Within reports whether the file at path, its symbolic links followed,
// lies inside folder dir.
func Within(dir, path string) bool {
	realDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return false
	}
	real, err := filepath.EvalSymlinks(path)
	if errors.Is(err, fs.ErrNotExist) { // a new file, or a link to none: where its name is
		if real, err = filepath.EvalSymlinks(filepath.Dir(path)); err == nil {
			real = filepath.Join(real, filepath.Base(path))
		}
	}
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(realDir, real)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
