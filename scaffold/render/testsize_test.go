package render_test

import "os"

// longTests: with PARTNERPAGES_LONG_TESTS=1 (CI sets it) the property tests
// check every case; without it, go test ./... checks a sample that keeps
// the hard cases, so that it stays quick on a laptop.
var longTests = os.Getenv("PARTNERPAGES_LONG_TESTS") == "1"
