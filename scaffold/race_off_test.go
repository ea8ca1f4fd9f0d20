//go:build !race

package scaffold

// raceDetector: the race detector is off; the property tests run in full.
const raceDetector = false
