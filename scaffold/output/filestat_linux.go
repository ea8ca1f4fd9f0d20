package output

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// fileStatOf keeps of what stat said what tells a file unchanged.
func fileStatOf(st *syscall.Stat_t) FileStat {
	return FileStat{Dev: uint64(st.Dev), Ino: st.Ino, Size: st.Size, Mtime: st.Mtim.Nano(), Ctime: st.Ctim.Nano()}
}

// lstatFile is lstat(2) (stat(2) with follow) as a FileStat; the zero
// FileStat when the file cannot be looked at or is not a regular file.
func lstatFile(path string, follow bool) FileStat {
	var st syscall.Stat_t
	var err error
	if follow {
		err = syscall.Stat(path, &st)
	} else {
		err = syscall.Lstat(path, &st)
	}
	if err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return FileStat{}
	}
	return fileStatOf(&st)
}

// openFolder opens folder dir to look paths up from it (-1 if it cannot).
func openFolder(dir string) int {
	fd, err := unix.Open(dir, unix.O_PATH|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return -1
	}
	return fd
}

func closeFolder(fd int) { unix.Close(fd) }

// lstatAt is lstatFile, without following a symbolic link, of path rel in
// the folder open as dirfd.
func lstatAt(dirfd int, rel string) FileStat {
	var st unix.Stat_t
	if err := unix.Fstatat(dirfd, rel, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil || st.Mode&unix.S_IFMT != unix.S_IFREG {
		return FileStat{}
	}
	return FileStat{Dev: st.Dev, Ino: st.Ino, Size: st.Size, Mtime: st.Mtim.Nano(), Ctime: st.Ctim.Nano()}
}
