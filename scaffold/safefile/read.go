// Package safefile reads and writes the files a writer owns (partner files,
// pages, the project file, a schema) the plain way, with the care every
// command needs: a read takes only a regular file of bounded size and never
// blocks on a FIFO or a device; a write is atomic (a temporary file in the
// same folder, then a rename), so a reader or a crash sees the old file or
// the new one, never a part.
package safefile

import (
	"errors"
	"io"
	"io/fs"
	"os"
)

// MaxPageSize bounds a page the tool reads (4 MiB: the largest page of the
// docs site is a hundredth of it).
const MaxPageSize = 4 << 20

// ErrTooLarge is the error for a file over the size a reader allows.
var ErrTooLarge = errors.New("file too large")

var (
	errNotRegular = errors.New("is not a regular file")
	errIsDir      = errors.New("is a folder")
	errSymlink    = errors.New("is a symbolic link; refusing to follow it")
)

// Read reads the regular file at path, through a symbolic link, of at most
// max bytes. A folder, a FIFO, a device or a socket is refused without
// blocking, so no command hangs on one or reads an endless /dev/zero.
func Read(path string, max int64) ([]byte, error) { return read(path, max, true) }

// ReadNoFollow is Read that refuses a symbolic link in the file's place.
// max < 0 reads a file of any size.
func ReadNoFollow(path string, max int64) ([]byte, error) { return read(path, max, false) }

func read(path string, max int64, follow bool) ([]byte, error) {
	flags := os.O_RDONLY | openNonBlock
	if !follow {
		flags |= openNoFollow
		if st, err := os.Lstat(path); err == nil && st.Mode()&fs.ModeSymlink != 0 {
			return nil, &fs.PathError{Op: "open", Path: path, Err: errSymlink}
		}
	}
	f, err := os.OpenFile(path, flags, 0)
	if err != nil {
		if isLoop(err) {
			return nil, &fs.PathError{Op: "open", Path: path, Err: errSymlink}
		}
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	switch {
	case err != nil:
		return nil, err
	case st.IsDir():
		return nil, &fs.PathError{Op: "open", Path: path, Err: errIsDir}
	case !st.Mode().IsRegular():
		return nil, &fs.PathError{Op: "open", Path: path, Err: errNotRegular}
	case max >= 0 && st.Size() > max:
		return nil, &fs.PathError{Op: "read", Path: path, Err: ErrTooLarge}
	}
	r := io.Reader(f)
	if max >= 0 {
		r = io.LimitReader(f, max+1)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if max >= 0 && int64(len(data)) > max {
		return nil, &fs.PathError{Op: "read", Path: path, Err: ErrTooLarge}
	}
	return data, nil
}

// Why says in a writer's words why a read failed.
func Why(err error) string {
	switch {
	case errors.Is(err, ErrTooLarge):
		return "is too large to be a page or a partner file"
	case errors.Is(err, errNotRegular):
		return "is not a regular file (a FIFO, a device or a socket); nothing was read from it"
	case errors.Is(err, errIsDir):
		return "is a folder"
	case errors.Is(err, errSymlink):
		return "is a symbolic link; refusing to follow it"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return "cannot read: " + pe.Err.Error()
	}
	return "cannot read: " + err.Error()
}
