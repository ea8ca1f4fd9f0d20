package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
)

// WriteFault, when set (by tests), is called before each write and can fail
// it, as a full disk or an I/O error would.
var WriteFault func(path string) error

// tmpSeq numbers temporary files, so concurrent writers never share one.
var tmpSeq atomic.Int64

// TempName returns a new temporary file name beside path:
// ".<name>.tmp-<pid>-<n>", which IsTemp recognises.
func TempName(path string) string {
	dir, base := filepath.Split(path)
	return filepath.Join(dir, "."+base+".tmp-"+strconv.Itoa(os.Getpid())+"-"+strconv.FormatInt(tmpSeq.Add(1), 10))
}

// IsTemp reports whether a file name is that of a temporary file the tool
// makes before it puts a file in place.
func IsTemp(name string) bool {
	ok, _ := filepath.Match(".*.tmp-*", name)
	return ok
}

// StaleTemp reports whether the temporary file tmp belongs to a process
// that no longer runs, so that it can be removed.
func StaleTemp(tmp string) bool {
	_, rest, ok := strings.Cut(filepath.Base(tmp), ".tmp-")
	pid, err := strconv.Atoi(strings.SplitN(rest, "-", 2)[0])
	return ok && err == nil && pid > 0 && processGone(pid)
}

// WriteAtomic writes data to path through a temporary file in the same
// folder and a rename, with permissions 0644.
func WriteAtomic(path string, data []byte) error {
	_, err := WriteIf(path, data, 0, nil)
	return err
}

// ReplaceFile writes a file the writer owns (a partner file, a page lint
// mends) atomically as WriteAtomic does, but as an edit would: through a
// symbolic link, to the file it names, and with that file's permissions.
// The file must lie inside folder dir: a link that leads out of it is
// refused, and nothing is written.
func ReplaceFile(dir, path string, data []byte) error {
	if !Within(dir, path) {
		target, _ := filepath.EvalSymlinks(path)
		return fmt.Errorf("%s: is a symbolic link to %s, outside %s; refusing to write through it (edit that file, or replace the link by a file)", path, target, dir)
	}
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	}
	var mode fs.FileMode
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	_, err := WriteIf(path, data, mode, nil)
	return err
}

// WriteIf writes as WriteAtomic does, with the permissions mode (0: 0644),
// but puts the file in place only if still() says so just before the
// rename (nil: always); it reports whether it did.
func WriteIf(path string, data []byte, mode fs.FileMode, still func() bool) (bool, error) {
	tmp := TempName(path)
	err := createNew(tmp, data)
	if err == nil && WriteFault != nil {
		err = WriteFault(path) // as if the write itself had failed
	}
	if err != nil {
		os.Remove(tmp)
		if errors.Is(err, fs.ErrExist) || errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
			return false, fmt.Errorf("%s: %w", path, Unwrap(err))
		}
		return false, fmt.Errorf("%s: writing failed, the file was left as it was: %w", path, Unwrap(err))
	}
	if mode != 0 && mode != 0o644 {
		if err := os.Chmod(tmp, mode); err != nil {
			os.Remove(tmp)
			return false, fmt.Errorf("%s: %w", path, Unwrap(err))
		}
	}
	if still != nil && !still() {
		os.Remove(tmp)
		return false, nil
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return false, fmt.Errorf("%s: %w", path, Unwrap(err))
	}
	return true, nil
}

// CreateNew writes data to a new file at path atomically, as WriteAtomic
// does, unless a file (or a symbolic link) is at its place just before the
// rename: then it writes nothing and fails with an error matching
// fs.ErrExist.
func CreateNew(path string, data []byte) error {
	placed, err := WriteIf(path, data, 0, func() bool {
		_, err := os.Lstat(path)
		return errors.Is(err, fs.ErrNotExist)
	})
	if err == nil && !placed {
		err = fmt.Errorf("%s: %w", path, fs.ErrExist)
	}
	return err
}

// createNew writes data into a new file at path, refusing to follow a link.
func createNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL|openNoFollow, 0o644)
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	return errors.Join(werr, f.Close())
}

// Unwrap returns the cause of a path error, for messages that name the
// path themselves.
func Unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
