package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/spf13/cobra"
)

// addProfileFlags adds hidden --cpuprofile and --memprofile flags, so the
// batch benchmark can show where a real run spends its time.
func addProfileFlags(root *cobra.Command) {
	var cpu, mem string
	var cpuFile *os.File
	pf := root.PersistentFlags()
	pf.StringVar(&cpu, "cpuprofile", "", "write a CPU profile (pprof) to this file")
	pf.StringVar(&mem, "memprofile", "", "write a heap profile (pprof) to this file at exit")
	_ = pf.MarkHidden("cpuprofile")
	_ = pf.MarkHidden("memprofile")
	before := root.PersistentPreRunE
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		if before != nil {
			if err := before(cmd, args); err != nil {
				return err
			}
		}
		if cpu == "" {
			return nil
		}
		f, err := os.Create(cpu)
		if err != nil {
			return problem(fmt.Errorf("--cpuprofile: %w", err))
		}
		cpuFile = f
		return pprof.StartCPUProfile(f)
	}
	root.PersistentPostRunE = func(*cobra.Command, []string) error {
		if cpuFile != nil {
			pprof.StopCPUProfile()
			cpuFile.Close()
		}
		if mem != "" {
			f, err := os.Create(mem)
			if err != nil {
				return problem(fmt.Errorf("--memprofile: %w", err))
			}
			defer f.Close()
			runtime.GC()
			return pprof.WriteHeapProfile(f)
		}
		return nil
	}
}
