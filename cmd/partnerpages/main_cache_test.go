package main

import (
	"os"
	"testing"
)

// TestMain keeps the tests' stat caches in a folder of their own, not in
// the user's cache folder.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "partnerpages-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("PARTNERPAGES_CACHE_DIR", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
