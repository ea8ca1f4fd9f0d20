package main

import (
	"fmt"
	"io"
	"time"

	"github.com/partnerpages/partnerpages/scaffold/generate"
)

// progressDelay is how long a run goes before it shows progress: quick runs
// stay quiet (a test shortens it).
var progressDelay = time.Second

// showProgress redraws one status line on w (a terminal) from p, starting
// after delay, until the returned stop is called; stop erases the line.
func showProgress(w io.Writer, p *generate.Progress, verb string, delay time.Duration) (stop func()) {
	quit, done := make(chan struct{}), make(chan struct{})
	draw := func() {
		if total := p.Total(); total > 0 {
			fmt.Fprintf(w, "\r\033[K%s: %d/%d partners (%d%%)", verb, p.Done(), total, p.Done()*100/total)
		} else {
			fmt.Fprintf(w, "\r\033[K%s: reading partner files…", verb)
		}
	}
	if delay <= 0 {
		draw() // at once, before the run can end
	}
	go func() {
		defer close(done)
		select {
		case <-time.After(delay):
		case <-quit:
			if delay <= 0 {
				fmt.Fprint(w, "\r\033[K")
			}
			return
		}
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			draw()
			select {
			case <-tick.C:
			case <-quit:
				fmt.Fprint(w, "\r\033[K")
				return
			}
		}
	}()
	return func() {
		close(quit)
		<-done
	}
}
