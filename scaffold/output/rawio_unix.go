//go:build unix

package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// Page files are read and written with plain system calls: os.File
// registers every file with the network poller (two fcntl and a failing
// epoll_ctl per file), which dominated the cost of writing ten thousand
// small pages.

// createExcl writes data to a new file at path (which must not exist).
func createExcl(path string, data []byte) error {
	fd, err := syscall.Open(path, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_EXCL|syscall.O_CLOEXEC|syscall.O_NOFOLLOW, 0o644)
	if err != nil {
		return &fs.PathError{Op: "create", Path: path, Err: err}
	}
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			syscall.Close(fd)
			return &fs.PathError{Op: "write", Path: path, Err: err}
		}
		data = data[n:]
	}
	if err := syscall.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: path, Err: err}
	}
	return nil
}

// readNoFollow reads a regular file, refusing a symbolic link in its place.
func readNoFollow(path string) ([]byte, error) { return readLimit(path, -1, false) }

// readLimit reads a regular file of at most max bytes (max < 0: any size),
// following a symbolic link only if follow is set. O_NONBLOCK keeps a FIFO
// or device in the file's place from blocking the open; it is refused.
func readLimit(path string, max int64, follow bool) ([]byte, error) {
	data, _, err := readLimitStat(path, max, follow)
	return data, err
}

// readLimitStat is readLimit that also says what fstat said of the file
// just before it was read.
func readLimitStat(path string, max int64, follow bool) ([]byte, FileStat, error) {
	flags := syscall.O_RDONLY | syscall.O_CLOEXEC | syscall.O_NONBLOCK
	if !follow {
		flags |= syscall.O_NOFOLLOW
	}
	fd, err := syscall.Open(path, flags, 0)
	if err != nil {
		if err == syscall.ELOOP {
			return nil, FileStat{}, &fs.PathError{Op: "open", Path: path, Err: errSymlink}
		}
		return nil, FileStat{}, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, FileStat{}, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	if st.Mode&syscall.S_IFMT == syscall.S_IFDIR {
		return nil, FileStat{}, &fs.PathError{Op: "open", Path: path, Err: errIsDir}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, FileStat{}, &fs.PathError{Op: "open", Path: path, Err: errNotRegular}
	}
	if max >= 0 && st.Size > max {
		return nil, FileStat{}, &fs.PathError{Op: "read", Path: path, Err: ErrTooLarge}
	}
	buf := make([]byte, 0, st.Size+1)
	// A regular file returns a short read only at its end, so one read into
	// a buffer larger than the file usually gets all of it and proves the end.
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := syscall.Read(fd, buf[len(buf):cap(buf)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, FileStat{}, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			return buf, fileStatOf(&st), nil
		}
		buf = buf[:len(buf)+n]
		if max >= 0 && int64(len(buf)) > max {
			return nil, FileStat{}, &fs.PathError{Op: "read", Path: path, Err: ErrTooLarge}
		}
		if len(buf) < cap(buf) && int64(len(buf)) == st.Size {
			return buf, fileStatOf(&st), nil // short read of exactly the stated size: the end
		}
	}
}

// mkdir creates one folder; an existing folder is fine.
func mkdir(path string) error {
	err := syscall.Mkdir(path, 0o755)
	if err == nil || errors.Is(err, syscall.EEXIST) {
		return nil
	}
	return &fs.PathError{Op: "mkdir", Path: path, Err: err}
}

// rename replaces path by tmp. os.Rename first stats the target to refuse
// a folder; rename(2) refuses it too (EISDIR), so one call is enough.
func rename(tmp, path string) error {
	if err := syscall.Rename(tmp, path); err != nil {
		return &os.LinkError{Op: "rename", Old: tmp, New: path, Err: err}
	}
	return nil
}

// syscallNoFollow makes an open refuse a symbolic link in the file's place.
const syscallNoFollow = syscall.O_NOFOLLOW

// deadWriter reports whether the temporary file tmp (".<name>.tmp-<pid>-<n>")
// belongs to a process that no longer runs.
func deadWriter(tmp string) bool {
	_, rest, ok := strings.Cut(filepath.Base(tmp), ".tmp-")
	pid, err := strconv.Atoi(strings.SplitN(rest, "-", 2)[0])
	if !ok || err != nil || pid <= 0 {
		return false
	}
	return pid != os.Getpid() && syscall.Kill(pid, 0) == syscall.ESRCH
}
