//go:build !unix

package output

import (
	"errors"
	"io/fs"
	"os"
)

func createExcl(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	return errors.Join(werr, f.Close())
}

func readNoFollow(path string) ([]byte, error) { return readLimit(path, -1, false) }

func readLimit(path string, max int64, follow bool) ([]byte, error) {
	stat := os.Lstat
	if follow {
		stat = os.Stat
	}
	st, err := stat(path)
	if err != nil {
		return nil, err
	}
	if st.Mode()&fs.ModeSymlink != 0 {
		return nil, &fs.PathError{Op: "open", Path: path, Err: errSymlink}
	}
	if st.IsDir() {
		return nil, &fs.PathError{Op: "open", Path: path, Err: errIsDir}
	}
	if !st.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "open", Path: path, Err: errNotRegular}
	}
	if max >= 0 && st.Size() > max {
		return nil, &fs.PathError{Op: "read", Path: path, Err: ErrTooLarge}
	}
	return os.ReadFile(path)
}

func mkdir(path string) error {
	err := os.Mkdir(path, 0o755)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return nil
	}
	return err
}

func rename(tmp, path string) error { return os.Rename(tmp, path) }

// syscallNoFollow: no such flag here; the journal is opened as it is.
const syscallNoFollow = 0

// deadWriter: whether another process runs cannot be told here; its
// temporary files are left.
func deadWriter(string) bool { return false }

// readLimitStat is readLimit; the file's status is not kept here.
func readLimitStat(path string, max int64, follow bool) ([]byte, FileStat, error) {
	data, err := readLimit(path, max, follow)
	return data, FileStat{}, err
}
