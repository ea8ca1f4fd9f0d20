package main

import (
	"context"
	"errors"
	"fmt"
)

// Exit codes, as DESIGN.md sets them.
const (
	exitOK          = 0
	exitProblem     = 1 // invalid input, lint findings, drift, conflicts
	exitUsage       = 2
	exitInterrupted = 130
)

// problemError is an error a command found in the user's files (exit 1).
type problemError struct{ err error }

func (e *problemError) Error() string { return e.err.Error() }
func (e *problemError) Unwrap() error { return e.err }

// errCancelled makes the command exit 130 after it said that nothing was written.
var errCancelled = errors.New("cancelled")

// errSilent makes the command exit 1 after it has already printed the problems.
var errSilent = errors.New("")

// problem marks an error from a command's run function as a problem (exit 1);
// errors that cobra raises itself (bad flags, unknown command) stay usage errors.
func problem(err error) error {
	if err == nil {
		return nil
	}
	return &problemError{err}
}

// usageError is a usage problem detected by a command (exit 2).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// exitCode maps the error a command returned to the process exit code.
func exitCode(ctx context.Context, err error) int {
	var pe *problemError
	var ue *usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, context.Canceled) || errors.Is(err, errCancelled) || ctx.Err() != nil:
		return exitInterrupted
	case errors.As(err, &ue):
		return exitUsage
	case errors.As(err, &pe) || errors.Is(err, errSilent):
		return exitProblem
	}
	return exitUsage
}
