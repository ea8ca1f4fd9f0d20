package main

import (
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Stamp is what a release build writes into the binary.
type Stamp struct {
	Version string // 1.2.3, or 0.0.0-SNAPSHOT-0123abc for a snapshot
	Commit  string // the full commit hash, "+dirty" appended for a snapshot of a changed tree
	Date    time.Time
}

// LDFlags are the linker flags that stamp the binary (see cmd/partnerpages/version.go).
func (s Stamp) LDFlags() string {
	return fmt.Sprintf("-s -w -X main.buildVersion=%s -X main.buildCommit=%s -X main.buildDate=%s",
		s.Version, s.Commit, s.Date.UTC().Format(time.RFC3339))
}

var semver = regexp.MustCompile(`^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$`)

// readStamp asks git for the commit, its time and its version tag.
func readStamp(snapshot bool, version string) (Stamp, error) {
	var s Stamp
	commit, err := git("rev-parse", "HEAD")
	if err != nil {
		return s, err
	}
	epoch, err := git("log", "-1", "--format=%ct")
	if err != nil {
		return s, err
	}
	sec, _ := strconv.ParseInt(epoch, 10, 64)
	s.Commit, s.Date = commit, time.Unix(sec, 0).UTC()
	dirty, _ := git("status", "--porcelain", "--untracked-files=no")
	switch {
	case version != "":
	case snapshot:
		version = "0.0.0-SNAPSHOT-" + commit[:7]
	default:
		tag, err := git("describe", "--tags", "--exact-match", "--match", "v*", "HEAD")
		if err != nil {
			return s, fmt.Errorf("HEAD carries no v* tag: tag it (git tag v0.1.0) or build a --snapshot")
		}
		version = tag
	}
	m := semver.FindStringSubmatch(version)
	if m == nil {
		return s, fmt.Errorf("version %q is not of the form 1.2.3 or 1.2.3-rc.1", version)
	}
	s.Version = m[1]
	if dirty != "" {
		if !snapshot {
			return s, fmt.Errorf("the working tree has uncommitted changes; commit them or build a --snapshot")
		}
		s.Commit += "+dirty"
	}
	return s, nil
}

func git(args ...string) (string, error) {
	out, err := exec.Command("git", args...).Output()
	if err != nil {
		return "", fmt.Errorf("git %s: %w", strings.Join(args, " "), err)
	}
	return strings.TrimSpace(string(out)), nil
}
