package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// writeFault, when set (by tests), is called before each page write and can
// fail it, as a full disk or an I/O error would.
var writeFault func(path string) error

// tmpSeq numbers temporary files, so concurrent writers never share one;
// tmpPrefix keeps two processes apart.
var (
	tmpSeq    atomic.Int64
	tmpPrefix = strconv.Itoa(os.Getpid()) + "-"
)

var (
	errSymlink    = errors.New("is a symbolic link; refusing to follow it")
	errNotRegular = errors.New("is not a regular file")
	errIsDir      = errors.New("is a folder")
)

// WriteAtomic writes data to path through a temporary file in the same folder
// and a rename, so a reader (or a crash) sees either the old file or the new
// one, never a part.
func WriteAtomic(path string, data []byte) error {
	_, err := writeAtomicIf(path, data, 0, nil)
	return err
}

// ReplaceFile writes a file the writer owns (a partner file, a page lint
// mends) atomically as WriteAtomic does, but as an edit would: through a
// symbolic link, to the file it names, and with that file's permissions.
func ReplaceFile(path string, data []byte) error {
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	}
	var mode fs.FileMode
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	_, err := writeAtomicIf(path, data, mode, nil)
	return err
}

// writeAtomicIf writes as WriteAtomic does, with the permissions mode (0:
// 0644), but replaces the file only if still() says so just before the
// rename (nil: always); it reports whether it did.
func writeAtomicIf(path string, data []byte, mode fs.FileMode, still func() bool) (bool, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp := filepath.Join(dir, "."+base+".tmp-"+tmpPrefix+strconv.FormatInt(tmpSeq.Add(1), 10))
	err := createExcl(tmp, data)
	if err == nil && writeFault != nil {
		err = writeFault(path) // as if the write itself had failed
	}
	if err != nil {
		os.Remove(tmp)
		if errors.Is(err, fs.ErrExist) || errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
			return false, fmt.Errorf("%s: %w", path, unwrapPath(err))
		}
		return false, fmt.Errorf("%s: writing failed, the page was left as it was: %w", path, unwrapPath(err))
	}
	if mode != 0 && mode != 0o644 {
		if err := os.Chmod(tmp, mode); err != nil {
			os.Remove(tmp)
			return false, fmt.Errorf("%s: %w", path, unwrapPath(err))
		}
	}
	if still != nil && !still() {
		os.Remove(tmp)
		return false, nil
	}
	if err := rename(tmp, path); err != nil {
		os.Remove(tmp)
		return false, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	return true, nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Dir is the output folder. It refuses any path that would leave it, and any
// symbolic link between it and a page, so a hostile slug, template or link
// cannot make the tool write elsewhere.
type Dir struct {
	Root     string
	rootOnce sync.Once
	rootErr  error
	mu       sync.Mutex
	safe     map[string]bool // folders already checked
	noDir    map[string]bool // folders known not to exist yet
	journal  *Journal        // notes each page just before it is written
	statOnce sync.Once
	statFD   int // the folder, open for Stat; -1: not open
}

// NewDir returns the output folder root.
func NewDir(root string) *Dir {
	return &Dir{Root: root, safe: map[string]bool{}, noDir: map[string]bool{}, journal: NewJournal(root)}
}

// Close closes what the folder holds open (the journal, the folder).
func (d *Dir) Close() {
	d.journal.Close()
	d.statOnce.Do(func() { d.statFD = -1 })
	if d.statFD >= 0 {
		closeFolder(d.statFD)
		d.statFD = -1
	}
}

// Path returns the file path of rel (a '/'-separated path inside the folder),
// after checking that no part of it is "..", absolute, or a symbolic link.
func (d *Dir) Path(rel string) (string, error) {
	if rel == "" || strings.HasPrefix(rel, "/") || strings.Contains(rel, "\\") {
		return "", fmt.Errorf("%q: refusing a path outside the output folder", rel)
	}
	parts := strings.Split(rel, "/")
	cur := d.Root
	for i, p := range parts {
		if p == "" || p == "." || p == ".." {
			return "", fmt.Errorf("%q: refusing a path outside the output folder", rel)
		}
		cur = filepath.Join(cur, p)
		last := i == len(parts)-1
		if last {
			// the page itself is opened with O_NOFOLLOW and replaced by
			// rename, which never follows a link: no need to look first
			break
		}
		d.mu.Lock()
		known, missing := d.safe[cur], d.noDir[cur] || d.noDir[filepath.Dir(cur)]
		if missing {
			d.noDir[cur] = true
		}
		d.mu.Unlock()
		if known || missing {
			continue
		}
		st, err := os.Lstat(cur)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if !last {
				d.mu.Lock()
				d.noDir[cur] = true
				d.mu.Unlock()
			}
			continue
		case err != nil:
			return "", fmt.Errorf("%s: %w", cur, unwrapPath(err))
		case st.Mode()&fs.ModeSymlink != 0:
			return "", fmt.Errorf("%s: is a symbolic link; refusing to write through it (it could point outside %s)", cur, d.Root)
		case !last && !st.IsDir():
			return "", fmt.Errorf("%s: is a file where a folder was expected", cur)
		case last && !st.Mode().IsRegular():
			return "", fmt.Errorf("%s: is not a regular file", cur)
		}
		if !last {
			d.mu.Lock()
			d.markSafe(cur)
			d.mu.Unlock()
		}
	}
	return cur, nil
}

// prepare returns the path of page rel and creates its folders if this run
// has not seen them yet.
func (d *Dir) prepare(rel string) (string, error) {
	path, err := d.Path(rel)
	if err != nil {
		return "", err
	}
	dir := filepath.Dir(path)
	d.mu.Lock()
	missing := d.noDir[dir]
	d.mu.Unlock()
	if missing {
		if err := d.makeDirs(dir); err != nil {
			return "", err
		}
	}
	return path, nil
}

// Write writes a page atomically, creating its folders.
func (d *Dir) Write(rel string, data []byte) error {
	path, err := d.prepare(rel)
	if err != nil {
		return err
	}
	return WriteAtomic(path, data)
}

// Replace writes a page atomically if, just before it takes its place, the
// page still hashes to old (what the plan read); a writer who saved it
// meanwhile keeps the edit. It reports whether the page was replaced.
func (d *Dir) Replace(rel string, data []byte, old string) (bool, error) {
	path, err := d.prepare(rel)
	if err != nil {
		return false, err
	}
	return writeAtomicIf(path, data, 0, func() bool {
		cur, err := readNoFollow(path)
		return err == nil && Hash(cur) == old
	})
}

// Create writes a page that does not exist yet, atomically; it fails if a
// file appeared at its place meanwhile.
func (d *Dir) Create(rel string, data []byte) error {
	path, err := d.prepare(rel)
	if err != nil {
		return err
	}
	if writeFault != nil {
		if err := writeFault(path); err != nil {
			return fmt.Errorf("%s: writing failed, nothing was written: %w", path, err)
		}
	}
	ok, err := createNew(filepath.Dir(path), path, data)
	if !ok {
		return WriteAtomic(path, data)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	return nil
}

// maxSafe bounds the folders Dir remembers as checked: a run goes through
// the partners in order and comes back to a partner's folders only while it
// writes that partner, so a short memory is as good as a full one, and at
// 50,000 partners a full one weighed 10 MB.
const maxSafe = 1 << 12

// markSafe remembers folder p as checked (d.mu held). Forgetting the others
// when there are too many only costs them a look (os.Lstat) again.
func (d *Dir) markSafe(p string) {
	if len(d.safe) >= maxSafe {
		clear(d.safe)
	}
	d.safe[p] = true
}

// makeDirs creates dir and the missing folders above it (below the root),
// each with one mkdir, and marks them as made by this run.
func (d *Dir) makeDirs(dir string) error {
	var todo []string
	d.mu.Lock()
	for p := dir; d.noDir[p]; p = filepath.Dir(p) {
		todo = append(todo, p)
	}
	d.mu.Unlock()
	d.rootOnce.Do(func() { d.rootErr = os.MkdirAll(d.Root, 0o755) })
	if d.rootErr != nil {
		return fmt.Errorf("%s: %w", d.Root, unwrapPath(d.rootErr))
	}
	for i := len(todo) - 1; i >= 0; i-- {
		if err := mkdirFast(todo[i]); err != nil {
			return fmt.Errorf("%s: %w", todo[i], unwrapPath(err))
		}
		d.mu.Lock()
		delete(d.noDir, todo[i])
		d.markSafe(todo[i])
		d.mu.Unlock()
	}
	return nil
}

// Remove deletes a page and then its folders if they are left empty.
func (d *Dir) Remove(rel string) error {
	path, err := d.Path(rel)
	if err != nil {
		return err
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	root := filepath.Clean(d.Root)
	for dir := filepath.Dir(path); dir != root && strings.HasPrefix(dir, root); dir = filepath.Dir(dir) {
		if os.Remove(dir) != nil { // fails when not empty: stop there
			break
		}
		d.mu.Lock()
		delete(d.safe, dir)
		d.mu.Unlock()
	}
	return nil
}

// Read returns the current content of a page, or nil and false if it does not exist.
func (d *Dir) Read(rel string) ([]byte, bool, error) {
	path, err := d.Path(rel)
	if err != nil {
		return nil, false, err
	}
	d.mu.Lock()
	missing := d.noDir[filepath.Dir(path)]
	d.mu.Unlock()
	if missing {
		return nil, false, nil
	}
	data, err := readNoFollow(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	return data, true, nil
}
