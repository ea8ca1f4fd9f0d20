// Command release builds the release archives of partnerpages: the binary for
// linux, macOS and Windows on amd64 and arm64, with the version, commit and
// date stamped in, each archived (tar.gz, or zip for Windows) with the README,
// the licence, the man pages and the shell completions, and a checksums.txt
// of their SHA-256 sums.
//
//	go run ./scripts/release --snapshot          # any commit: version 0.0.0-SNAPSHOT-<commit>
//	git tag v0.3.0 && go run ./scripts/release   # a release: HEAD must carry the tag, the tree be clean
//
// Archives go to dist/ (--out), which is emptied first. The archives are
// reproducible: every file in them carries the commit's time.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Targets are the platforms a release ships for.
var Targets = []Target{
	{"linux", "amd64"}, {"linux", "arm64"},
	{"darwin", "amd64"}, {"darwin", "arm64"},
	{"windows", "amd64"}, {"windows", "arm64"},
}

func main() {
	snapshot := flag.Bool("snapshot", false, "build from any commit, tagged or not, with a snapshot version")
	version := flag.String("version", "", "the version to stamp (default: from the v* tag on HEAD)")
	out := flag.String("out", "dist", "folder for the archives and checksums.txt (emptied first)")
	only := flag.String("only", "", "build one target only, as os/arch (linux/amd64)")
	flag.Parse()
	start := time.Now()
	if err := release(*snapshot, *version, *out, *only); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
	fmt.Printf("done in %.1f s\n", time.Since(start).Seconds())
}

func release(snapshot bool, version, out, only string) error {
	st, err := readStamp(snapshot, version)
	if err != nil {
		return err
	}
	targets, err := pick(only)
	if err != nil {
		return err
	}
	if abs, _ := filepath.Abs(out); abs == "/" || out == "." || out == "" {
		return fmt.Errorf("--out %q: name a folder of its own", out)
	}
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "partnerpages-release-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	fmt.Printf("partnerpages %s (commit %s, %s)\n", st.Version, st.Commit, st.Date.Format(time.RFC3339))
	extras, err := buildExtras(work, st)
	if err != nil {
		return err
	}
	var archives []string
	for _, t := range targets {
		name, err := buildTarget(work, out, st, t, extras)
		if err != nil {
			return fmt.Errorf("%s: %w", t, err)
		}
		archives = append(archives, name)
	}
	return writeChecksums(out, archives)
}

// pick returns the targets to build: all, or the one --only names.
func pick(only string) ([]Target, error) {
	if only == "" {
		return Targets, nil
	}
	for _, t := range Targets {
		if t.String() == only {
			return []Target{t}, nil
		}
	}
	return nil, fmt.Errorf("--only %q: not a target (%v)", only, Targets)
}
