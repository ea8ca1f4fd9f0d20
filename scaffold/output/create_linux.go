//go:build linux

package output

import (
	"errors"
	"io/fs"
	"strconv"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// The single writer of a batch run makes tens of thousands of short file
// system calls. Through the usual syscall path each one that lasts more than
// a few microseconds hands the writer's processor to another thread and
// back, and that churn (futex and nanosleep storms) cost more than the calls
// themselves. These calls keep the processor: the writer is one goroutine,
// and each call is short on a local file system.

func rawOpenat(dir int, path string, flags int, mode uint32) (int, error) {
	p, err := syscall.BytePtrFromString(path)
	if err != nil {
		return -1, err
	}
	fd, _, e := syscall.RawSyscall6(syscall.SYS_OPENAT, uintptr(dir), uintptr(unsafe.Pointer(p)), uintptr(flags), uintptr(mode), 0, 0)
	if e != 0 {
		return -1, e
	}
	return int(fd), nil
}

func rawWrite(fd int, b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	n, _, e := syscall.RawSyscall(syscall.SYS_WRITE, uintptr(fd), uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)))
	if e != 0 {
		return int(n), e
	}
	return int(n), nil
}

func rawClose(fd int) { syscall.RawSyscall(syscall.SYS_CLOSE, uintptr(fd), 0, 0) }

// atFDCWD is AT_FDCWD as a variable: the constant is negative.
var atFDCWD = unix.AT_FDCWD

func rawLinkat(from, to string) error {
	f, err := syscall.BytePtrFromString(from)
	if err != nil {
		return err
	}
	t, err := syscall.BytePtrFromString(to)
	if err != nil {
		return err
	}
	_, _, e := syscall.RawSyscall6(syscall.SYS_LINKAT, uintptr(atFDCWD), uintptr(unsafe.Pointer(f)), uintptr(atFDCWD), uintptr(unsafe.Pointer(t)), unix.AT_SYMLINK_FOLLOW, 0)
	if e != 0 {
		return e
	}
	return nil
}

func rawMkdir(path string) error {
	p, err := syscall.BytePtrFromString(path)
	if err != nil {
		return err
	}
	_, _, e := syscall.RawSyscall(syscall.SYS_MKDIRAT, uintptr(atFDCWD), uintptr(unsafe.Pointer(p)), 0o755)
	if e != 0 {
		return e
	}
	return nil
}

// createNew writes a page that does not exist yet. The file is written as
// an unnamed inode (O_TMPFILE) and linked into place complete: the folder
// changes once instead of twice (temporary name, then rename), and a crash
// leaves no name at all, never a partial page. linkat fails if a file
// appeared at path meanwhile, so nothing is overwritten. ok is false where
// the file system has no O_TMPFILE; the caller then writes another way.
func createNew(dir, path string, data []byte) (ok bool, err error) {
	fd, err := rawOpenat(atFDCWD, dir, unix.O_WRONLY|unix.O_TMPFILE|unix.O_CLOEXEC, 0o644)
	if err != nil {
		if errors.Is(err, unix.EOPNOTSUPP) || errors.Is(err, unix.EISDIR) || errors.Is(err, unix.EINVAL) {
			return false, nil
		}
		return true, &fs.PathError{Op: "create", Path: path, Err: err}
	}
	defer rawClose(fd)
	for len(data) > 0 {
		n, err := rawWrite(fd, data)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return true, &fs.PathError{Op: "write", Path: path, Err: err}
		}
		data = data[n:]
	}
	proc := "/proc/self/fd/" + strconv.Itoa(fd)
	if err := rawLinkat(proc, path); err != nil {
		if errors.Is(err, unix.ENOENT) && !procMounted() {
			return false, nil
		}
		return true, &fs.PathError{Op: "link", Path: path, Err: err}
	}
	return true, nil
}

// mkdirFast creates one folder without handing off the processor.
func mkdirFast(path string) error {
	err := rawMkdir(path)
	if err == nil || errors.Is(err, syscall.EEXIST) {
		return nil
	}
	return &fs.PathError{Op: "mkdir", Path: path, Err: err}
}

func procMounted() bool {
	var st syscall.Stat_t
	return syscall.Stat("/proc/self/fd", &st) == nil
}
