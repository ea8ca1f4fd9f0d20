// Package testsize tells the crash, interrupt and property tests how large
// a sample to take: with PARTNERPAGES_LONG_TESTS=1 (CI sets it) they run at
// the sizes the issues name; without it, go test ./... runs them on a
// smaller sample that still cuts runs part-way and covers every kind of
// edit, so that it stays quick on a laptop. Under the race detector, which
// slows a run about tenfold, they take a sample of their cases.
package testsize

import "os"

// Long reports whether the long tests were asked for.
var Long = os.Getenv("PARTNERPAGES_LONG_TESTS") == "1"

// Sized returns full under Long, else quick.
func Sized(full, quick int) int {
	if Long {
		return full
	}
	return quick
}
