package pageimport

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/partnerpages/partnerpages/scaffold/lint"
	"github.com/partnerpages/partnerpages/scaffold/page"
	"github.com/partnerpages/partnerpages/scaffold/safefile"
)

// MaxPageSize bounds a page; anything larger is refused before parsing.
const MaxPageSize = page.MaxSize

// ReadPages expands the arguments (files, or folders: the connect pages
// below them) and reads each page. A file named on the command line is read
// whatever it is; in a folder, overview, FAQ and other pages are passed over.
// Unreadable ones come back as failed reports.
func ReadPages(args []string) ([]Page, []*PageReport) {
	var failed []*PageReport
	var pages []Page
	for _, arg := range args {
		files, findings := lint.Files([]string{arg})
		for _, f := range findings {
			failed = append(failed, &PageReport{Path: f.Path, Err: errors.New(f.Message)})
		}
		inFolder := len(files) != 1 || files[0] != arg
		for _, path := range files {
			data, err := safefile.Read(path, MaxPageSize)
			if err != nil {
				failed = append(failed, &PageReport{Path: path, Err: errors.New(safefile.Why(err))})
				continue
			}
			if inFolder && !page.Parse(path, data).IsConnect() {
				continue
			}
			pages = append(pages, Page{Path: path, Data: data})
		}
	}
	return pages, failed
}

// ErrExists is returned by Save for a partner file that is already there.
var ErrExists = errors.New("already exists")

// Save writes the partner file of res into dir, atomically. An existing file
// is replaced only with force.
func Save(res *Result, dir string, force bool) (string, error) {
	path := filepath.Join(dir, res.File)
	if _, err := os.Lstat(path); err == nil && !force {
		return path, fmt.Errorf("%s %w; nothing was written (use --force to replace it)", path, ErrExists)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return path, err
	}
	return path, safefile.ReplaceFile(dir, path, res.YAML)
}
