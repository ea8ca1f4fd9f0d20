package lint

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/partnerpages/partnerpages/scaffold/page"
	"github.com/partnerpages/partnerpages/scaffold/safefile"
)

// Files expands the arguments into page files: a file is taken as it is, a
// folder gives every .md file below it (hidden files and folders skipped).
// An argument that cannot be read becomes a finding, not an error.
func Files(args []string) ([]string, []Finding) {
	var files []string
	var findings []Finding
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			findings = append(findings, readFinding(a, err))
			continue
		}
		if !st.IsDir() {
			files = append(files, a)
			continue
		}
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				findings = append(findings, readFinding(p, err))
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if p != a && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !d.IsDir() && strings.HasSuffix(d.Name(), ".md") {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			findings = append(findings, readFinding(a, err))
		}
	}
	return files, findings
}

func readFinding(path string, err error) Finding {
	return Finding{Path: path, Line: 1, Col: 1, Rule: RuleRead, Severity: SeverityError, Message: safefile.Why(err)}
}

// Run lints every page the arguments name and returns all findings, sorted.
func Run(ctx context.Context, args []string, o Options) ([]Finding, error) {
	fs, _, err := RunCount(ctx, args, o)
	return fs, err
}

// RunCount is Run that also says how many pages it checked.
func RunCount(ctx context.Context, args []string, o Options) ([]Finding, int, error) {
	files, findings := Files(args)
	checked := 0
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, checked, err // interrupted between two pages
		}
		if skipped(f, o.Skip) {
			continue
		}
		data, err := safefile.Read(f, page.MaxSize)
		if err != nil {
			findings = append(findings, readFinding(f, err))
			continue
		}
		findings = append(findings, Check(Parse(f, data), o)...)
		checked++
	}
	for _, f := range Folders(args, o) { // the app folders, each as a whole
		if !skipped(f.Path, o.Skip) {
			findings = append(findings, f)
		}
	}
	Sort(findings)
	return findings, checked, nil
}

// skipped reports whether path is one of skip's: the folder or file itself,
// below a folder, or matching a glob.
func skipped(path string, skip []string) bool {
	if len(skip) == 0 {
		return false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	for _, s := range skip {
		sa, err := filepath.Abs(s)
		if err != nil {
			continue
		}
		if abs == sa || strings.HasPrefix(abs, sa+string(filepath.Separator)) {
			return true
		}
		if ok, _ := filepath.Match(sa, abs); ok {
			return true
		}
	}
	return false
}
