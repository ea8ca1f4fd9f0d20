package output

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// JournalName is the file, at the root of the output folder, where a run
// notes each page just before it replaces it. The lock file is written at
// the end of a run; a run killed before (kill -9, a power cut) leaves the
// journal, and the next run reads it, so a page the killed run wrote is known
// as the tool's, not taken for a hand edit. A run that writes the lock removes it.
const JournalName = ".partnerpages.journal"

// Journal appends page notes: "<rel>\t<sha256>\n", one write each, before
// the rename that puts the page in place.
type Journal struct {
	dir string
	mu  sync.Mutex
	f   *os.File
	err error
}

// NewJournal returns the journal of the output folder dir; it opens the file
// at the first note.
func NewJournal(dir string) *Journal { return &Journal{dir: dir} }

// Note records that the page rel is about to get content hashing to sum.
func (j *Journal) Note(rel, sum string) error {
	if j == nil {
		return nil
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f == nil && j.err == nil {
		j.f, j.err = os.OpenFile(filepath.Join(j.dir, JournalName), os.O_WRONLY|os.O_CREATE|os.O_APPEND|syscallNoFollow, 0o644)
	}
	if j.err != nil {
		return fmt.Errorf("%s: cannot note the pages being written: %w", filepath.Join(j.dir, JournalName), j.err)
	}
	_, err := j.f.WriteString(rel + "\t" + sum + "\n")
	return err
}

// RemoveStaleTemps removes the temporary files that runs killed since
// left: in the output folder out when listOut (its last run may not have
// ended well: see RunLock), beside the pages a killed run's journal noted
// (a page's temporary file is noted before it is made), and in the partners
// folder, when given, those of temps (its temporary files, which the
// caller listed). A temporary file of a process that is still running is
// left alone. It returns what it removed.
func (l *Lock) RemoveStaleTemps(out string, listOut bool, partners string, temps []string) []string {
	var dirs []string
	if listOut {
		dirs = append(dirs, out)
	}
	for _, d := range l.noted {
		dirs = append(dirs, filepath.Join(out, d))
	}
	var found []string
	seen := map[string]bool{}
	for _, d := range dirs {
		if !seen[d] {
			seen[d] = true
			tmps, _ := filepath.Glob(filepath.Join(d, ".*.tmp-*"))
			found = append(found, tmps...)
		}
	}
	if partners != "" {
		for _, name := range temps {
			found = append(found, filepath.Join(partners, name))
		}
	}
	var removed []string
	for _, tmp := range found {
		if IsTemp(filepath.Base(tmp)) && deadWriter(tmp) && os.Remove(tmp) == nil {
			removed = append(removed, tmp)
		}
	}
	return removed
}

// IsTemp reports whether a file name is that of a temporary file the tool
// makes (".<name>.tmp-<pid>-<n>") before it puts a file in place.
func IsTemp(name string) bool {
	ok, _ := filepath.Match(".*.tmp-*", name)
	return ok
}

// Close closes the journal file (it stays until the lock is written).
func (j *Journal) Close() {
	if j != nil && j.f != nil {
		j.f.Close()
	}
}

// mergeJournal reads the journal a killed run left in dir, if any: a page
// noted there whose content on disk has the noted hash was written by the
// tool, so the lock records it; its partner's pages may be of two versions
// of its file now, so the partner's input is voided and it is rendered anew.
func (l *Lock) mergeJournal(dir string) error {
	data, err := ReadRegular(filepath.Join(dir, JournalName), MaxLockSize)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: %w", filepath.Join(dir, JournalName), err)
	}
	d := NewDir(dir)
	for s := bufio.NewScanner(bytes.NewReader(data)); s.Scan(); {
		rel, sum, ok := strings.Cut(s.Text(), "\t")
		parts := strings.SplitN(rel, "/", 3)
		if !ok || len(parts) != 3 {
			continue // a line cut short by the kill
		}
		l.voidSlug(parts[0])
		l.noted = append(l.noted, filepath.Dir(filepath.FromSlash(rel)))
		if page, exists, err := d.Read(rel); err == nil && exists && Hash(page) == sum {
			l.Set(rel, Entry{Slug: parts[0], Lang: parts[1], SHA256: sum})
		}
	}
	return nil
}
