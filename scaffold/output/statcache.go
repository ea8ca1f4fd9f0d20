package output

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// FileStat is what stat(2) says of a file, as far as telling it unchanged
// goes: any write to the file changes its change time, a file put in its
// place has another inode. The zero FileStat is "unknown".
type FileStat struct {
	Dev, Ino     uint64
	Size         int64
	Mtime, Ctime int64 // nanoseconds
}

func (f FileStat) known() bool { return f.Ctime != 0 || f.Ino != 0 }

// StatCache remembers, for the pages and partner files a run read or
// wrote, their status and the SHA-256 of their content, so that the next
// run can tell that a file is unchanged from one lstat instead of reading
// it, as git's index does. It is only ever a shortcut: a file whose status
// differs in any way is read. It lives outside the project (in the user's
// cache folder), since inodes and change times mean nothing in a clone.
//
// A file is recorded only if its last change is older than the clock mark
// of its device (a file this run created in the output folder, or in the
// cache's folder, before it read any): a write that came after the file
// was read then changes its change time to a later one, even on a file
// system whose clock ticks coarsely. A nil StatCache knows nothing and
// records nothing.
type StatCache struct {
	path  string
	owner string // the output folder this cache is of
	mu    sync.Mutex
	recs  statRecords         // as the last run left them; read only once the cache is open, so looked up without the mutex
	seen  []atomic.Bool       // whether this run found record i unchanged
	fresh freshRecords        // what this run read anew
	marks map[uint64]FileStat // the clock mark of each device; none: record nothing there
}

type statRecord struct {
	st  FileStat
	sum [32]byte
}

const statMagic = "partnerpages stat cache 1\n"

// StatCachePath returns the cache file, in folder cacheDir, of the output
// folder out.
func StatCachePath(cacheDir, out string) string {
	abs, err := filepath.Abs(out)
	if err != nil {
		abs = out
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(cacheDir, "partnerpages", "stat-"+hex.EncodeToString(sum[:8]))
}

// OpenStatCache reads the cache file at path, made for the output folder
// out; a missing, damaged or foreign file is an empty cache. An empty path
// is no cache (nil).
func OpenStatCache(path, out string) *StatCache {
	if path == "" {
		return nil
	}
	abs, _ := filepath.Abs(out)
	c := &StatCache{path: path, owner: abs, marks: map[uint64]FileStat{}}
	data, err := ReadRegular(path, MaxLockSize)
	if err == nil {
		c.recs = decodeStats(data, abs)
		c.seen = make([]atomic.Bool, c.recs.len())
	}
	return c
}

// Mark sets the clock mark of a device: what stat says of a file just
// created there (ClockMark). The cache records no file of a device without
// a mark.
func (c *StatCache) Mark(st FileStat) {
	if c != nil && st.known() {
		c.mu.Lock()
		c.marks[st.Dev] = st
		c.mu.Unlock()
	}
}

// MarkOwnFolder sets the clock mark of the device the cache file is on
// (the partner files are often on it too, and the output folder does not
// exist before a first run).
func (c *StatCache) MarkOwnFolder() {
	if c != nil && os.MkdirAll(filepath.Dir(c.path), 0o755) == nil {
		c.Mark(ClockMark(filepath.Dir(c.path)))
	}
}

// Unchanged reports whether the file key, whose status is st now, has the
// content whose hex SHA-256 is sum, as the last run saw it; such a file is
// kept in the cache.
func (c *StatCache) Unchanged(key string, st FileStat, sum string) bool {
	if c == nil || !st.known() {
		return false
	}
	i, ok := c.recs.find(key)
	if !ok {
		return false
	}
	r := c.recs.at(i)
	if r.st != st {
		return false
	}
	var hexSum [64]byte
	hex.Encode(hexSum[:], r.sum[:])
	if string(hexSum[:]) != sum {
		return false
	}
	c.seen[i].Store(true)
	return true
}

// Known returns the hex SHA-256 of file key's content, if the last run saw
// it with the status st it has now.
func (c *StatCache) Known(key string, st FileStat) (string, bool) {
	if c == nil || !st.known() {
		return "", false
	}
	i, ok := c.recs.find(key)
	if !ok {
		return "", false
	}
	r := c.recs.at(i)
	if r.st != st {
		return "", false
	}
	c.seen[i].Store(true)
	return hex.EncodeToString(r.sum[:]), true
}

// Saw records that file key, read after the clock mark of its device, had
// the status st just before it was read and the content whose SHA-256 is
// sum. A file changed since the mark, or on a device without one, is not
// recorded.
func (c *StatCache) Saw(key string, st FileStat, sum [32]byte) {
	if c == nil || !st.known() {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if !settled(st, c.marks[st.Dev]) {
		return
	}
	c.fresh.add(key, statRecord{st: st, sum: sum})
}

// settled reports whether a file whose status was st just before it was
// read was last changed before the clock mark of its device: any later
// write gives it another change time.
func settled(st, mark FileStat) bool {
	return mark.known() && st.known() && st.Dev == mark.Dev && max(st.Mtime, st.Ctime) < min(mark.Mtime, mark.Ctime)
}

// SawSettled records a file as Saw does, or, on a device without a clock
// mark (the program's), when its last change is over a minute old by this
// machine's clock.
func (c *StatCache) SawSettled(key string, st FileStat, sum [32]byte) {
	if c == nil || !st.known() {
		return
	}
	c.mu.Lock()
	_, marked := c.marks[st.Dev]
	c.mu.Unlock()
	if marked {
		c.Saw(key, st, sum)
		return
	}
	if time.Now().Add(-time.Minute).UnixNano() > max(st.Mtime, st.Ctime) {
		c.mu.Lock()
		c.fresh.add(key, statRecord{st: st, sum: sum})
		c.mu.Unlock()
	}
}

// StatPath says what stat says of the file at path, through a symbolic
// link (the zero FileStat if it is not a regular file).
func StatPath(path string) FileStat { return lstatFile(path, true) }

// Save writes what this run saw, with what the last run saw of the files
// this one did not look at (after a change of templates, say) as long as
// live says they still exist. The cache is only a shortcut: a failure to
// save it is no error.
func (c *StatCache) Save(live func(key string) bool) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	fresh := c.fresh.latest()
	keep := func(k string, i int) bool {
		_, renewed := fresh.find(k)
		return !renewed && (c.seen[i].Load() || live(k))
	}
	n, changed := fresh.count(), false
	for i := range c.recs.len() {
		k := c.recs.key(i)
		switch f, renewed := fresh.find(k); {
		case renewed:
			changed = changed || f != c.recs.at(i)
		case keep(k, i):
			n++
		default:
			changed = true // dropped
		}
	}
	fresh.each(func(k string, _ statRecord) {
		if _, ok := c.recs.find(k); !ok {
			changed = true
		}
	})
	if !changed {
		return
	}
	// two passes: the first counts the bytes, so that the file is made in
	// one buffer of its size (150,000 records weigh 13 MB)
	var b []byte
	size := 0
	write := func(k string, r statRecord) {
		if b == nil {
			size += recordSize(k, r)
			return
		}
		b = appendStatRecord(b, k, r)
	}
	for pass := range 2 {
		if pass == 1 {
			b = make([]byte, 0, len(statMagic)+len(c.owner)+2*binary.MaxVarintLen64+size)
			b = append(b, statMagic...)
			b = appendStatString(b, c.owner)
			b = binary.AppendUvarint(b, uint64(n))
		}
		for i := range c.recs.len() {
			if k := c.recs.key(i); keep(k, i) {
				write(k, c.recs.at(i))
			}
		}
		fresh.each(write)
	}
	if os.MkdirAll(filepath.Dir(c.path), 0o755) == nil {
		_ = WriteAtomic(c.path, b)
	}
	pruneStatCaches(filepath.Dir(c.path), time.Now().Add(-staleCache))
}

// staleCache is how long the cache of an output folder no run wrote stays.
const staleCache = 30 * 24 * time.Hour

// pruneStatCaches removes, from the cache folder dir, the cache files of
// output folders no run has written since before: those of folders gone
// (a test's, a clone deleted) would otherwise stay for ever; and the
// temporary files of runs killed while they saved one.
func pruneStatCaches(dir string, before time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if path := filepath.Join(dir, e.Name()); IsTemp(e.Name()) && deadWriter(path) {
			os.Remove(path) // a cache file a killed run was saving
			continue
		}
		if !strings.HasPrefix(e.Name(), "stat-") || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err == nil && info.ModTime().Before(before) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// recordSize is how many bytes appendStatRecord appends.
func recordSize(k string, r statRecord) int {
	n := uvarintLen(uint64(len(k))) + len(k) + len(r.sum)
	for _, v := range [5]uint64{r.st.Dev, r.st.Ino, uint64(r.st.Size), uint64(r.st.Mtime), uint64(r.st.Ctime)} {
		n += uvarintLen(v)
	}
	return n
}

func uvarintLen(v uint64) int {
	n := 1
	for ; v >= 0x80; v >>= 7 {
		n++
	}
	return n
}

func appendStatRecord(b []byte, k string, r statRecord) []byte {
	b = appendStatString(b, k)
	for _, v := range [5]uint64{r.st.Dev, r.st.Ino, uint64(r.st.Size), uint64(r.st.Mtime), uint64(r.st.Ctime)} {
		b = binary.AppendUvarint(b, v)
	}
	return append(b, r.sum[:]...)
}

func appendStatString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// clockMarkName is the file a run creates, looks at and removes to read the
// output folder's clock (see StatCache).
func clockMarkName() string {
	return ".partnerpages.clock.tmp-" + tmpPrefix + strconv.FormatInt(tmpSeq.Add(1), 10)
}

var pagesRead atomic.Int64

// PagesRead is how many pages this process read to tell them unchanged
// (ReadFastStat): what the stat cache spares, for tests and profiles.
func PagesRead() int64 { return pagesRead.Load() }

// ClockMark creates a file in the output folder out, says what stat says
// of it and removes it: the output folder's clock now (see StatCache). The
// zero FileStat if the folder cannot take it (it does not exist yet, or is
// read-only).
func ClockMark(out string) FileStat {
	path := filepath.Join(out, clockMarkName())
	if err := createExcl(path, nil); err != nil {
		return FileStat{}
	}
	defer os.Remove(path)
	return lstatFile(path, false)
}

// Stat says what lstat says of page rel (the zero FileStat if it is not a
// regular file), without checking the folders on its way: only for telling
// that a page is unchanged (nothing is written on that basis). The path is
// looked up from the output folder, held open, rather than from the root
// of the file system: at 10,000 pages a no-op run does little else.
func (d *Dir) Stat(rel string) FileStat {
	d.statOnce.Do(func() { d.statFD = openFolder(d.Root) })
	if d.statFD >= 0 {
		return lstatAt(d.statFD, filepath.FromSlash(rel))
	}
	return lstatFile(d.Root+string(filepath.Separator)+filepath.FromSlash(rel), false)
}

// ReadFastStat reads a page without checking the folders on its way (only
// for deciding that a page is unchanged: nothing is written on that
// basis), and says what fstat said of it just before it was read.
func (d *Dir) ReadFastStat(rel string) ([]byte, FileStat, error) {
	pagesRead.Add(1)
	return readLimitStat(d.Root+string(filepath.Separator)+filepath.FromSlash(rel), -1, false)
}
