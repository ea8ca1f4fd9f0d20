package scaffold

import (
	"os"
	"path/filepath"
)

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

// statCacheFor is the stat cache the crash, interrupt and no-edit-lost
// tests give the runs on the output folder out: beside it, so that those
// runs tell pages unchanged from their status as a writer's runs do.
func statCacheFor(out string) string {
	return filepath.Join(filepath.Dir(out), "stat-cache", filepath.Base(out))
}
