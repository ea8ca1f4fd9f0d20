//go:build !race

package render_test

// raceDetector: the race detector is off; the property tests run in full.
const raceDetector = false
