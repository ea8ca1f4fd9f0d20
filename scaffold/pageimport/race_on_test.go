//go:build race

package pageimport

// raceDetector: the race detector slows a run about tenfold, so the
// property tests take a sample of their cases under it.
const raceDetector = true
