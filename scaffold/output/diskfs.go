package output

import (
	"io/fs"
	"os"
	"path/filepath"
)

// DiskFS is a folder on disk as an fs.FS, whose ReadFileLimit reads with
// plain system calls (see rawio_unix.go): the partners folder of a batch of
// thousands of files.
type DiskFS string

// Open opens a file of the folder.
func (d DiskFS) Open(name string) (fs.File, error) { return os.DirFS(string(d)).Open(name) }

// ReadDir lists the folder.
func (d DiskFS) ReadDir(name string) ([]fs.DirEntry, error) {
	return fs.ReadDir(os.DirFS(string(d)), name)
}

// ReadFileLimit reads a regular file of at most max bytes (through a
// symbolic link, which is harmless for reading); a folder, a FIFO or device,
// or a larger file is an error.
func (d DiskFS) ReadFileLimit(name string, max int64) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	return readLimit(filepath.Join(string(d), filepath.FromSlash(name)), max, true)
}

// ErrTooLarge is returned by ReadFileLimit for a file over the limit.
var ErrTooLarge = tooLarge{}

type tooLarge struct{}

func (tooLarge) Error() string { return "file too large" }
