package output

import "os"

// RunLockName is the file generate locks so that two runs on the same output
// folder never interleave.
const RunLockName = ".partnerpages.run"

// RunLock is an output folder's run lock, held by this run.
type RunLock struct {
	f *os.File
}
