package parallel

import (
	"errors"
	"sync/atomic"
	"testing"
)

func TestForRunsEveryJobOnce(t *testing.T) {
	seen := make([]atomic.Int32, 1000)
	if err := For(len(seen), func(i int) error { seen[i].Add(1); return nil }); err != nil {
		t.Fatal(err)
	}
	for i := range seen {
		if seen[i].Load() != 1 {
			t.Fatalf("job %d ran %d times", i, seen[i].Load())
		}
	}
}

func TestForStopsAfterAnError(t *testing.T) {
	var ran atomic.Int32
	boom := errors.New("boom")
	err := For(100000, func(i int) error {
		ran.Add(1)
		if i == 10 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) {
		t.Fatalf("got %v", err)
	}
	if ran.Load() == 100000 {
		t.Error("every job ran despite the error")
	}
}

func TestForWithNoJobs(t *testing.T) {
	if err := For(0, func(int) error { t.Fatal("called"); return nil }); err != nil {
		t.Fatal(err)
	}
}

func TestForChunksCoversEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 15, 16, 17, 1000} {
		seen := make([]atomic.Int32, n)
		err := ForChunks(n, 16, func(lo, hi int) error {
			if hi-lo > 16 || lo >= hi {
				t.Errorf("chunk [%d, %d)", lo, hi)
			}
			for i := lo; i < hi; i++ {
				seen[i].Add(1)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for i := range seen {
			if seen[i].Load() != 1 {
				t.Fatalf("n=%d: index %d seen %d times", n, i, seen[i].Load())
			}
		}
	}
}
