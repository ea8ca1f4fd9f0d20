package scaffold

import (
	"context"
	"encoding/hex"
	"fmt"
	"hash/maphash"
	"slices"
	"strings"

	"github.com/partnerpages/partnerpages/internal/parallel"
	"github.com/partnerpages/partnerpages/scaffold/output"
)

// inspect goes through a plan without writing anything (Check, DryRun,
// Diff): the result says what apply would do.
func (r *run) inspect(plan Plan) (*GenerateResult, error) {
	var changes []output.Change
	if err := plan.Pages(func(cs []output.Change) error {
		changes = append(changes, cs...)
		return nil
	}); err != nil {
		return nil, err
	}
	gone, err := plan.Gone()
	if err != nil {
		return nil, err
	}
	res := r.result(append(changes, gone...), nil)
	if r.o.Diff != nil {
		writeDiffs(r.o.Diff, r.o.Out, res.Changes, r.o.Prune)
	}
	return res, nil
}

// apply carries out a plan: pages are written by one writer while the
// renderers go on, then the pages of partners that are gone are pruned (with
// Prune), and the lock file records every page written, even after an error
// or an interrupt.
func (r *run) apply(ctx context.Context, plan Plan, selected []int) (*GenerateResult, error) {
	w := newWriter(ctx, r.dir, r.lock)
	w.noteWritten = r.stats != nil
	if r.o.ListAll {
		w.changes = make([]output.Change, 0, len(selected)*len(r.set.Languages())) // no slack from doubling
	}
	w.keep = func(c output.Change) bool {
		return r.o.ListAll || c.Forced || c.Action != output.Create && c.Action != output.Update && c.Action != output.Unchanged
	}
	err := plan.Pages(w.send)
	changes, applyErr := w.close()
	if err == nil && applyErr == nil {
		var gone []output.Change
		if gone, err = plan.Gone(); err == nil {
			applyErr = output.Apply(r.dir, r.lock, gone, r.o.Prune, func() bool { return ctx.Err() != nil })
			changes = append(changes, gone...)
			for _, c := range gone {
				w.counts[c.Action]++
			}
		}
	}
	res := r.result(changes, &w.counts)
	if err == nil && applyErr == nil {
		kept := map[string]bool{}
		for _, c := range res.Changes {
			if c.Action == output.Conflict {
				kept[c.Slug] = true
			}
		}
		r.remember(selected, kept)
	}
	if werr := r.lock.Write(r.o.Out); werr != nil {
		written := res.Count(output.Create) + res.Count(output.Update)
		return nil, fmt.Errorf("%d page(s) were written, but the lock file could not be: %w\n"+
			"the lock is out of date; %s still notes those pages, so the next run knows them as the tool's", written, werr, output.JournalName)
	}
	r.rememberStats(w.written, err == nil && applyErr == nil)
	switch {
	case output.IsInterrupted(applyErr) || ctx.Err() != nil:
		return nil, ctx.Err()
	case err != nil:
		return nil, err
	case applyErr != nil:
		return nil, applyErr
	}
	res.Written = true
	return res, nil
}

// rememberStats records in the stat cache the pages this run wrote, read
// back after a new clock mark (see output.StatCache), and saves it with
// what it knew of the pages the lock still lists and of the partner files
// and program still there (complete: the run read every partner file).
func (r *run) rememberStats(written []writtenPage, complete bool) {
	if r.stats == nil {
		return
	}
	if len(written) > 0 {
		r.stats.Mark(output.ClockMark(r.o.Out))
		_ = parallel.For(len(written), func(i int) error {
			if e, ok := r.lock.Pages[written[i].rel]; ok {
				r.asWritten(written[i], e.SHA256)
			}
			return nil
		})
	}
	files := make(map[string]bool, len(r.files))
	for _, f := range r.files {
		files[f.statKey()] = true
	}
	r.stats.Save(func(key string) bool {
		_, page := r.lock.Pages[key]
		return page || files[key] || !complete
	})
}

// writtenPage is a page this run wrote, with a quick hash of what it wrote.
type writtenPage struct {
	rel  string
	hash uint64 // maphash.Bytes(writtenSeed, content)
}

// writtenSeed seeds the quick hashes of the pages this process writes.
var writtenSeed = maphash.MakeSeed()

// asWritten records page p in the stat cache as having the content whose
// hex SHA-256 is sum, when it is on disk as this run wrote it: the quick
// hash of what is read back is compared with that of what was written,
// which spares a second SHA-256 of every page written (a tenth of a cold
// run's CPU).
func (r *run) asWritten(p writtenPage, sum string) {
	data, st, err := r.dir.ReadFastStat(p.rel)
	if err != nil || maphash.Bytes(writtenSeed, data) != p.hash {
		return
	}
	var bin [32]byte
	if n, err := hex.Decode(bin[:], []byte(sum)); err == nil && n == len(bin) {
		r.stats.Saw(pageStatKey(p.rel), st, bin)
	}
}

// result sorts the changes into the run's result; counts, when the writer
// kept only some changes, are those of all (else they are counted here).
func (r *run) result(changes []output.Change, counts *[output.Orphan + 1]int) *GenerateResult {
	slices.SortStableFunc(changes, func(a, b output.Change) int { return strings.Compare(a.Rel, b.Rel) })
	res := &GenerateResult{Changes: changes, Pruned: r.o.Prune}
	if counts != nil {
		res.counts = *counts
	} else {
		for _, c := range changes {
			res.counts[c.Action]++
		}
	}
	return res
}

// writer applies planned changes on one goroutine while the renderers keep
// going on the others: writes into the same folders only contend in the
// kernel, so one writer is as fast as several, and pages are freed as soon
// as they are on disk.
type writer struct {
	ctx     context.Context
	dir     *output.Dir
	lock    *output.Lock
	ch      chan []output.Change
	done    chan struct{}
	changes []output.Change
	keep    func(output.Change) bool // which changes the result lists
	counts  [output.Orphan + 1]int   // every change, by action
	err     error
	// with noteWritten, the pages written, for the stat cache
	noteWritten bool
	written     []writtenPage
}

func newWriter(ctx context.Context, dir *output.Dir, lock *output.Lock) *writer {
	w := &writer{ctx: ctx, dir: dir, lock: lock, ch: make(chan []output.Change, 16), done: make(chan struct{})}
	go w.run()
	return w
}

func (w *writer) run() {
	defer close(w.done)
	for batch := range w.ch {
		for _, c := range batch {
			if w.err == nil {
				if w.ctx.Err() != nil {
					w.err = output.ErrInterrupted
				} else {
					w.err = output.ApplyChange(w.dir, w.lock, &c, false)
					if w.err == nil && w.noteWritten && (c.Action == output.Create || c.Action == output.Update) {
						w.written = append(w.written, writtenPage{c.Rel, maphash.Bytes(writtenSeed, c.Content)})
					}
				}
			}
			c.Content = nil // on disk now (or never will be)
			w.counts[c.Action]++
			if w.keep(c) {
				w.changes = append(w.changes, c)
			}
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
