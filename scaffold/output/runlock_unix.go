//go:build unix

package output

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// RunLockName is the file generate locks so that two runs on the same output
// folder never interleave.
const RunLockName = ".partnerpages.run"

// AcquireRunLock takes the output folder's run lock. If another run holds it,
// waiting is called once and the call blocks until the lock is free or ctx
// ends. The operating system drops the lock when the process dies, so a
// crashed run never leaves the folder locked. Release it when done.
func AcquireRunLock(ctx context.Context, dir string, waiting func()) (*RunLock, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("%s: cannot create the output folder: %w", dir, unwrapPath(err))
	}
	path := filepath.Join(dir, RunLockName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	told := false
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return heldRunLock(f), nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("%s: cannot lock: %w", path, err)
		}
		if !told && waiting != nil {
			waiting()
			told = true
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// heldRunLock reads, from the run lock file f just locked, whether the
// last run that held it released it, and writes that this one has not yet.
func heldRunLock(f *os.File) *RunLock {
	var b [1]byte
	n, _ := f.ReadAt(b[:], 0)
	l := &RunLock{f: f, endedWell: n == 1 && b[0] == runEndedWell}
	if _, err := f.WriteAt([]byte{runGoingOn}, 0); err != nil {
		l.endedWell = false // the next run cannot be told either
	}
	return l
}

// Release gives the run lock back, and notes in its file that this run
// ended well: it left no temporary file in the output folder.
func (l *RunLock) Release() {
	l.f.WriteAt([]byte{runEndedWell}, 0)
	syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	l.f.Close()
}
