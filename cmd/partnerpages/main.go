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
// as often, and a soft limit of 90 MiB keeps the whole process of a run of
// 50,000 partners under 120 MB (the program itself, mapped and started,
// takes 23 MB; at 100 MiB a cold run peaked at 115-120 MiB). At 5,000
// partners the lower limit costs no time, measured side by side; a
// template change at 50,000 takes a quarter longer (7.1 s, not 5.7), its
// live heap being close to it. GOGC and GOMEMLIMIT still win when set.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(90 << 20)
	}
}

func main() {
	tuneGC()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Run(ctx, os.Args[1:], &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr})
	stop()
	os.Exit(code)
}
