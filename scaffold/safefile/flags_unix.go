//go:build unix

package safefile

import (
	"errors"
	"os"
	"syscall"
)

// openNonBlock keeps a FIFO or device in a file's place from blocking the
// open (it is then refused); openNoFollow refuses a symbolic link.
const (
	openNonBlock = syscall.O_NONBLOCK
	openNoFollow = syscall.O_NOFOLLOW
)

func isLoop(err error) bool { return errors.Is(err, syscall.ELOOP) }

// processGone reports whether no process pid runs any more.
func processGone(pid int) bool {
	return pid != os.Getpid() && errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}
