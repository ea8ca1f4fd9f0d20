package output

import "os"

// RunLock is an output folder's run lock, held by this run.
type RunLock struct {
	f         *os.File
	endedWell bool
}

// The first byte of the run lock file: whether the last run that held it
// released it (runEndedWell) or is going on or was killed (runGoingOn).
const (
	runEndedWell = 'e'
	runGoingOn   = 'r'
)

// LastEndedWell reports whether the run that held the lock before this
// one released it, which it does only once the temporary files it made in
// the output folder are gone: when it did, the folder need not be listed
// for those a killed run left.
func (l *RunLock) LastEndedWell() bool { return l != nil && l.endedWell }
