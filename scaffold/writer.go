package scaffold

import (
	"context"

	"github.com/partnerpages/partnerpages/scaffold/output"
)

// writer applies planned changes on one goroutine while the renderers keep
// going on the others: writes into the same folders only contend in the
// kernel, so one writer is as fast as several, and pages are freed as soon
// as they are on disk. Without write it only collects the changes.
type writer struct {
	ctx     context.Context
	dir     *output.Dir
	lock    *output.Lock
	write   bool
	ch      chan []output.Change
	done    chan struct{}
	changes []output.Change
	err     error
}

func newWriter(ctx context.Context, dir *output.Dir, lock *output.Lock, write bool) *writer {
	w := &writer{ctx: ctx, dir: dir, lock: lock, write: write, ch: make(chan []output.Change, 16), done: make(chan struct{})}
	go w.run()
	return w
}

func (w *writer) run() {
	defer close(w.done)
	for batch := range w.ch {
		for _, c := range batch {
			if w.write && w.err == nil {
				if w.ctx.Err() != nil {
					w.err = output.ErrInterrupted
				} else {
					w.err = output.ApplyChange(w.dir, w.lock, &c, false)
				}
			}
			if w.write {
				c.Content = nil // on disk now (or never will be)
			}
			w.changes = append(w.changes, c)
		}
	}
}

// send queues changes; it fails when the run is interrupted, so producers stop.
func (w *writer) send(cs []output.Change) error {
	select {
	case w.ch <- cs:
		return nil
	case <-w.ctx.Done():
		return w.ctx.Err()
	}
}

// close waits for the queued changes and returns them with the first write error.
func (w *writer) close() ([]output.Change, error) {
	close(w.ch)
	<-w.done
	return w.changes, w.err
}
