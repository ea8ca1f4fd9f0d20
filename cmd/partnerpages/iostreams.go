package main

import (
	"bytes"
	"io"
	"os"
	"strings"

	"golang.org/x/term"
)

// IOStreams are the command's standard streams; tests replace them with
// buffers (Test), which may pretend to be terminals (SetTTY).
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	// set by SetTTY: whether each stream is a terminal (nil: ask the system)
	inTTY, outTTY, errTTY *bool
}

// Test returns streams over buffers, for tests: standard input reads in, and
// the two outputs are returned to be read.
func Test(in string) (*IOStreams, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return &IOStreams{In: strings.NewReader(in), Out: &out, ErrOut: &errOut}, &out, &errOut
}

// SetTTY makes the streams report themselves as terminals or not, whatever
// they are: a test sees what a terminal gets (colour, the progress line).
func (s *IOStreams) SetTTY(in, out, errOut bool) {
	s.inTTY, s.outTTY, s.errTTY = &in, &out, &errOut
}

// IsTerminal reports whether both standard input and output are terminals,
// which the interactive wizard needs.
func (s *IOStreams) IsTerminal() bool {
	return tty(s.inTTY, s.In) && tty(s.outTTY, s.Out)
}

// OutIsTerminal reports whether standard output is a terminal (for colour).
func (s *IOStreams) OutIsTerminal() bool { return tty(s.outTTY, s.Out) }

// ErrIsTerminal reports whether the error stream is a terminal (for progress).
func (s *IOStreams) ErrIsTerminal() bool { return tty(s.errTTY, s.ErrOut) }

func tty(set *bool, v any) bool {
	if set != nil {
		return *set
	}
	f, ok := v.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
