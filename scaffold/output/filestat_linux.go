package output

import "syscall"

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
