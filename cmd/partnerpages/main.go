// Command partnerpages writes the partner connection pages of the HubRise
// documentation from one YAML file per partner and a shared template set.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// tuneGC trades memory for speed on batch runs: the collector runs a quarter
// as often, and a soft limit keeps the heap of a 5,000-partner run near
// 100 MB (the batch benchmark's budget is 150 MB). GOGC and GOMEMLIMIT
// still win when set.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(100 << 20)
	}
}

func main() {
	tuneGC()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Run(ctx, os.Args[1:], &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr})
	stop()
	os.Exit(code)
}
