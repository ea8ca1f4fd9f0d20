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

	"github.com/partnerpages/partnerpages/scaffold/pagepath"
	"github.com/partnerpages/partnerpages/scaffold/safefile"
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
	f   *os.File
	err error
}

// Note records that the page rel is about to get content hashing to sum.
func (j *Journal) Note(rel, sum string) error {
	path := filepath.Join(j.dir, JournalName)
	if j.f == nil && j.err == nil {
		if j.err = refuseLink(path); j.err == nil {
			j.f, j.err = os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
		}
	}
	if j.err != nil {
		return fmt.Errorf("%s: cannot note the pages being written: %w", path, j.err)
	}
	_, err := j.f.WriteString(rel + "\t" + sum + "\n")
	return err
}

// Close closes the journal file (it stays until the lock is written).
func (j *Journal) Close() {
	if j.f != nil {
		j.f.Close()
	}
}

// RemoveStaleTemps removes the temporary files that killed runs left in
// the output folder out, beside the pages a killed run's journal noted,
// and in the partners folder when given. A temporary file of a process
// that is still running is left alone. It returns what it removed.
func (l *Lock) RemoveStaleTemps(out, partners string) []string {
	dirs := []string{out}
	for _, d := range l.noted {
		dirs = append(dirs, filepath.Join(out, d))
	}
	if partners != "" {
		dirs = append(dirs, partners)
	}
	var removed []string
	seen := map[string]bool{}
	for _, d := range dirs {
		if seen[d] {
			continue
		}
		seen[d] = true
		tmps, _ := filepath.Glob(filepath.Join(d, ".*.tmp-*"))
		for _, tmp := range tmps {
			if safefile.IsTemp(filepath.Base(tmp)) && safefile.StaleTemp(tmp) && os.Remove(tmp) == nil {
				removed = append(removed, tmp)
			}
		}
	}
	return removed
}

// mergeJournal reads the journal a killed run left in dir, if any: a page
// noted there whose content on disk has the noted hash was written by the
// tool, so the lock records it; its partner's pages may be of two versions
// of its file now, so the partner's input is voided and it is rendered anew.
func (l *Lock) mergeJournal(dir string) error {
	path := filepath.Join(dir, JournalName)
	data, err := safefile.ReadNoFollow(path, MaxLockSize)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: %s", path, safefile.Why(err))
	}
	d := NewDir(dir)
	for s := bufio.NewScanner(bytes.NewReader(data)); s.Scan(); {
		rel, sum, ok := strings.Cut(s.Text(), "\t")
		p, valid := pagepath.Parse(rel)
		if !ok || !valid {
			continue // a line cut short by the kill
		}
		l.voidSlug(p.Slug)
		l.noted = append(l.noted, filepath.Join(p.Slug, p.Lang))
		if page, exists, err := d.Read(rel); err == nil && exists && Hash(page) == sum {
			l.Set(rel, Entry{Path: p, SHA256: sum})
		}
	}
	return nil
}
