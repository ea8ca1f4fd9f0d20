// Package testspell gives tests the system's hunspell, or skips them when
// it or a dictionary is missing; CI installs them and sets
// PARTNERPAGES_SPELLING=1, under which a missing one fails the test.
package testspell

import (
	"os"
	"testing"

	"github.com/partnerpages/partnerpages/scaffold/spelling"
)

// Hunspell returns the system's hunspell with the English and French
// dictionaries, stopped when the test ends.
func Hunspell(t testing.TB) *spelling.Hunspell {
	t.Helper()
	h, err := spelling.Find([]string{"en", "fr"})
	if err != nil {
		if os.Getenv("PARTNERPAGES_SPELLING") == "1" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	t.Cleanup(h.Close)
	return h
}
