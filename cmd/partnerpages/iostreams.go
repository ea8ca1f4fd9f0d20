package main

import (
	"io"
	"os"

	"golang.org/x/term"
)

// IOStreams are the command's standard streams; tests replace them with buffers.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
}

// IsTerminal reports whether both standard input and output are terminals,
// which the interactive wizard needs.
func (s *IOStreams) IsTerminal() bool {
	return isTTY(s.In) && isTTY(s.Out)
}

// OutIsTerminal reports whether standard output is a terminal (for colour).
func (s *IOStreams) OutIsTerminal() bool { return isTTY(s.Out) }

// ErrIsTerminal reports whether the error stream is a terminal (for progress).
func (s *IOStreams) ErrIsTerminal() bool { return isTTY(s.ErrOut) }

func isTTY(v any) bool {
	f, ok := v.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
