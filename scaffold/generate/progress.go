package generate

import "sync/atomic"

// Progress counts the partners a run has rendered and handed to the writer,
// out of those it selected. Generate updates it; another goroutine may read
// it at any time to show progress.
type Progress struct {
	done, total atomic.Int64
}

// Done returns how many partners are done.
func (p *Progress) Done() int64 { return p.done.Load() }

// Total returns how many partners the run covers (0 until validation is over).
func (p *Progress) Total() int64 { return p.total.Load() }

func (p *Progress) setTotal(n int) {
	if p != nil {
		p.total.Store(int64(n))
	}
}

func (p *Progress) add(n int) {
	if p != nil {
		p.done.Add(int64(n))
	}
}
