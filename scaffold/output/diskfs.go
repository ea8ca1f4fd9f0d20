package output

import (
	"errors"
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

// Stat describes a file of the folder without opening it (opening a FIFO
// would block), following a symbolic link.
func (d DiskFS) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	return os.Stat(filepath.Join(string(d), filepath.FromSlash(name)))
}

// ReadDir lists the folder.
func (d DiskFS) ReadDir(name string) ([]fs.DirEntry, error) {
	return fs.ReadDir(os.DirFS(string(d)), name)
}

// ReadFileLimit reads a regular file of at most max bytes (through a
// symbolic link, which is harmless for reading); a folder, a FIFO or device,
// or a larger file is an error.
func (d DiskFS) ReadFileLimit(name string, max int64) ([]byte, error) {
	data, _, err := d.ReadFileLimitStat(name, max)
	return data, err
}

// ErrTooLarge is returned by ReadFileLimit for a file over the limit.
var ErrTooLarge = tooLarge{}

type tooLarge struct{}

func (tooLarge) Error() string { return "file too large" }

// ReadRegular reads a file a writer names (a page, a partner or project
// file): a regular file of at most max bytes, through a symbolic link. A
// FIFO, a device or a socket is refused without blocking, so no command
// hangs on one or reads an endless /dev/zero.
func ReadRegular(path string, max int64) ([]byte, error) { return readLimit(path, max, true) }

// ReadError says in a writer's words why ReadRegular refused a file.
func ReadError(err error) string {
	switch {
	case errors.Is(err, ErrTooLarge):
		return "is too large to be a page or a partner file"
	case errors.Is(err, errNotRegular):
		return "is not a regular file (a FIFO, a device or a socket); nothing was read from it"
	case errors.Is(err, errIsDir):
		return "is a folder"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return "cannot read: " + pe.Err.Error()
	}
	return "cannot read: " + err.Error()
}

// StatFile says what stat says of a file of the folder, through a symbolic
// link (the zero FileStat if it is not a regular file).
func (d DiskFS) StatFile(name string) FileStat {
	if !fs.ValidPath(name) {
		return FileStat{}
	}
	return lstatFile(filepath.Join(string(d), filepath.FromSlash(name)), true)
}

// ReadFileLimitStat is ReadFileLimit that also says what fstat said of the
// file just before it was read.
func (d DiskFS) ReadFileLimitStat(name string, max int64) ([]byte, FileStat, error) {
	if !fs.ValidPath(name) {
		return nil, FileStat{}, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	return readLimitStat(filepath.Join(string(d), filepath.FromSlash(name)), max, true)
}
