package wizard

import (
	"bufio"
	"context"
	"io"
)

// lineReader hands huh's accessible prompts one line per Read. huh builds a
// new bufio.Scanner for every prompt, and a scanner reading ahead would
// swallow the answers to later questions when they arrive through a pipe.
// It also ends reads when ctx is cancelled (Ctrl-C), and remembers EOF so an
// unfinished script counts as cancelled rather than as empty answers.
type lineReader struct {
	ctx   context.Context
	lines chan string
	errs  chan error
	rest  string
	ended bool
}

func newLineReader(ctx context.Context, r io.Reader) *lineReader {
	lr := &lineReader{ctx: ctx, lines: make(chan string), errs: make(chan error, 1)}
	go func() {
		br := bufio.NewReader(r)
		for {
			line, err := br.ReadString('\n')
			if line != "" {
				select {
				case lr.lines <- line:
				case <-ctx.Done():
					return
				}
			}
			if err != nil {
				lr.errs <- err
				return
			}
		}
	}()
	return lr
}

// Read returns the rest of the current line, or the next line.
func (lr *lineReader) Read(p []byte) (int, error) {
	if lr.rest == "" {
		if lr.ended {
			return 0, io.EOF
		}
		select {
		case <-lr.ctx.Done():
			lr.ended = true
			return 0, lr.ctx.Err()
		case line := <-lr.lines:
			lr.rest = line
		case err := <-lr.errs:
			lr.ended = true
			return 0, err
		}
	}
	n := copy(p, lr.rest)
	lr.rest = lr.rest[n:]
	return n, nil
}
