package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// Stamped by the release build (scripts/release) with
// -ldflags "-X main.buildVersion=1.2.3 -X main.buildCommit=… -X main.buildDate=…".
// A binary built otherwise reads what the Go toolchain recorded instead.
var (
	buildVersion = ""
	buildCommit  = ""
	buildDate    = ""
)

// BuildInfo is what a binary knows of the build that made it.
type BuildInfo struct {
	Version string // 1.2.3, a module version from `go install …@v1.2.3`, or "dev"
	Commit  string // the commit it was built from, "" when unknown; "+dirty" when the tree had changes
	Date    string // the commit's or the build's time, "" when unknown
	Go      string // the Go toolchain, with the target: go1.26.8 linux/amd64
}

// readBuildInfo combines the release stamps with the toolchain's build
// information (module version, VCS revision and time).
func readBuildInfo() BuildInfo {
	b := BuildInfo{Version: buildVersion, Commit: buildCommit, Date: buildDate,
		Go: runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH}
	info, ok := debug.ReadBuildInfo()
	if ok {
		if v := info.Main.Version; b.Version == "" && v != "" && v != "(devel)" {
			b.Version = strings.TrimPrefix(v, "v")
		}
		var dirty bool
		for _, s := range info.Settings {
			switch {
			case s.Key == "vcs.revision" && b.Commit == "":
				b.Commit = s.Value
			case s.Key == "vcs.time" && b.Date == "":
				b.Date = s.Value
			case s.Key == "vcs.modified" && s.Value == "true":
				dirty = true
			}
		}
		if dirty && b.Commit != "" && !strings.HasSuffix(b.Commit, "+dirty") {
			b.Commit += "+dirty"
		}
	}
	if b.Version == "" {
		b.Version = "dev"
	}
	return b
}

// String is the line `partnerpages version` and `--version` print:
// partnerpages 1.2.3 (commit 0123abc, 2026-12-01T10:00:00Z, go1.26.8 linux/amd64).
func (b BuildInfo) String() string {
	var parts []string
	if b.Commit != "" {
		hash, dirty := strings.CutSuffix(b.Commit, "+dirty")
		if len(hash) > 12 {
			hash = hash[:12]
		}
		if dirty {
			hash += "+dirty"
		}
		parts = append(parts, "commit "+hash)
	}
	if b.Date != "" {
		parts = append(parts, b.Date)
	}
	parts = append(parts, b.Go)
	return fmt.Sprintf("partnerpages %s (%s)", b.Version, strings.Join(parts, ", "))
}

// NewCmdVersion is the `version` command.
func NewCmdVersion(g *GlobalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of partnerpages, the commit it was built from and its Go version",
		Example: `  partnerpages version
  partnerpages --version   # the same line`,
		Args:        cobra.NoArgs,
		Annotations: map[string]string{noProject: "yes"},
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintln(g.IO.Out, readBuildInfo())
			return err
		},
	}
}
