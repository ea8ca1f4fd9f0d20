// Package parallel runs independent jobs on every core.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls fn(i) for every i in [0, n) on GOMAXPROCS goroutines. After the
// first error no new job starts; that error is returned.
func For(n int, fn func(i int) error) error {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var failed atomic.Bool
	var once sync.Once
	var first error
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if err := fn(i); err != nil {
					once.Do(func() { first = err })
					failed.Store(true)
				}
			}
		})
	}
	wg.Wait()
	return first
}

// ForChunks is For over chunks of up to size consecutive indexes: fn(lo, hi)
// handles [lo, hi). Fewer, larger jobs mean fewer hand-offs between
// goroutines when each job's result goes to a single consumer.
func ForChunks(n, size int, fn func(lo, hi int) error) error {
	if size < 1 {
		size = 1
	}
	chunks := (n + size - 1) / size
	return For(chunks, func(c int) error {
		return fn(c*size, min((c+1)*size, n))
	})
}
