//go:build !unix

package safefile

// No such flags here: Read refuses what is not a regular file from its
// status, after the open.
const (
	openNonBlock = 0
	openNoFollow = 0
)

func isLoop(error) bool { return false }

// processGone: whether another process runs cannot be told here, so its
// temporary files are left.
func processGone(int) bool { return false }
