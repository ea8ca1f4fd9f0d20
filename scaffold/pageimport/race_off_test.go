//go:build !race

package pageimport

// raceDetector: the race detector is off; the property tests run in full.
const raceDetector = false
