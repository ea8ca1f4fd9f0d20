package scaffold

import "testing"

// The decoded partners a run keeps between validating and rendering weigh
// modelBudget up to modelFiles files, and less beyond, the more files the
// fewer bytes.
func TestDecodedBudgetShrinksWithTheRun(t *testing.T) {
	prev := decodedBudget(1)
	for _, n := range []int{1, 100, modelFiles, modelFiles + 1, 2 * modelFiles, 50000, 1000000} {
		b := decodedBudget(n)
		if n <= modelFiles && b != modelBudget || n > modelFiles && b >= modelBudget || b > prev || b <= 0 {
			t.Errorf("%d files: a budget of %d bytes (%d for fewer)", n, b, prev)
		}
		prev = b
	}
}
