package scaffold

import "os"

// longTests: with PARTNERPAGES_LONG_TESTS=1 (CI sets it) the crash, interrupt
// and property tests run at the sizes the issues name; without it, go test
// ./... runs them on a smaller sample that still cuts runs part-way and
// covers every kind of edit, so that it stays quick on a laptop.
var longTests = os.Getenv("PARTNERPAGES_LONG_TESTS") == "1"

// sized returns full under longTests, else quick.
func sized(full, quick int) int {
	if longTests {
		return full
	}
	return quick
}
