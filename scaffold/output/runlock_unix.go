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

	"github.com/partnerpages/partnerpages/scaffold/safefile"
)

// AcquireRunLock takes the output folder's run lock. If another run holds it,
// waiting is called once and the call blocks until the lock is free or ctx
// ends. The operating system drops the lock when the process dies, so a
// crashed run never leaves the folder locked. Release it when done.
func AcquireRunLock(ctx context.Context, dir string, waiting func()) (*RunLock, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("%s: cannot create the output folder: %w", dir, safefile.Unwrap(err))
	}
	path := filepath.Join(dir, RunLockName)
	if err := refuseLink(path); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0o644)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, safefile.Unwrap(err))
	}
	told := false
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return &RunLock{f: f}, nil
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

// Release gives the run lock back.
func (l *RunLock) Release() {
	syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	l.f.Close()
}
