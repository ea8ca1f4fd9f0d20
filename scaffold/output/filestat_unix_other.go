//go:build unix && !linux

package output

import "syscall"

func fileStatOf(*syscall.Stat_t) FileStat { return FileStat{} }
