package output

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"
)

// cacheIn opens a stat cache of the output folder out in dir, with a clock
// mark at time mark (nanoseconds) on device 1.
func cacheIn(t *testing.T, dir string, mark int64) *StatCache {
	t.Helper()
	c := OpenStatCache(filepath.Join(dir, "cache"), filepath.Join(dir, "out"))
	c.Mark(FileStat{Dev: 1, Ino: 99, Mtime: mark, Ctime: mark})
	return c
}

// A file recorded before the mark is told unchanged by the next run only
// while every part of its status is the same, and only for its own content.
func TestStatCacheTellsAFileUnchangedOnlyByItsWholeStatus(t *testing.T) {
	dir := t.TempDir()
	st := FileStat{Dev: 1, Ino: 7, Size: 120, Mtime: 900, Ctime: 950}
	sum := sha256.Sum256([]byte("page"))
	c := cacheIn(t, dir, 1000)
	c.Saw("o/a/en/p.md", st, sum)
	c.Save(noneLive)

	hexSum := hex.EncodeToString(sum[:])
	other := sha256.Sum256([]byte("another page"))
	tests := []struct {
		name string
		st   FileStat
		sum  string
		want bool
	}{
		{"same status, same content", st, hexSum, true},
		{"another content hash", st, hex.EncodeToString(other[:]), false},
		{"another device", FileStat{Dev: 2, Ino: 7, Size: 120, Mtime: 900, Ctime: 950}, hexSum, false},
		{"another inode (a file put in its place)", FileStat{Dev: 1, Ino: 8, Size: 120, Mtime: 900, Ctime: 950}, hexSum, false},
		{"another size", FileStat{Dev: 1, Ino: 7, Size: 121, Mtime: 900, Ctime: 950}, hexSum, false},
		{"another modification time", FileStat{Dev: 1, Ino: 7, Size: 120, Mtime: 901, Ctime: 950}, hexSum, false},
		{"written since, time put back", FileStat{Dev: 1, Ino: 7, Size: 120, Mtime: 900, Ctime: 1200}, hexSum, false},
		{"status unknown", FileStat{}, hexSum, false},
		{"not a hash", st, "zz", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			next := OpenStatCache(filepath.Join(dir, "cache"), filepath.Join(dir, "out"))
			if got := next.Unchanged("o/a/en/p.md", tt.st, tt.sum); got != tt.want {
				t.Errorf("Unchanged = %v, want %v", got, tt.want)
			}
			if next.Unchanged("o/b/en/p.md", st, hexSum) {
				t.Error("a file the cache never saw is told unchanged")
			}
		})
	}
}

// A file is not recorded when it changed at or after the clock mark (a
// later write in the same clock tick would leave its status as it is), when
// it is on another device than the mark, or when there is no mark.
func TestStatCacheRecordsOnlyFilesSettledBeforeTheMark(t *testing.T) {
	sum := sha256.Sum256([]byte("page"))
	tests := []struct {
		name   string
		st     FileStat
		marked bool
		want   bool
	}{
		{"changed before the mark", FileStat{Dev: 1, Ino: 7, Size: 4, Mtime: 10, Ctime: 999}, true, true},
		{"changed in the mark's tick", FileStat{Dev: 1, Ino: 7, Size: 4, Mtime: 10, Ctime: 1000}, true, false},
		{"changed after the mark", FileStat{Dev: 1, Ino: 7, Size: 4, Mtime: 10, Ctime: 1500}, true, false},
		{"modification time set ahead", FileStat{Dev: 1, Ino: 7, Size: 4, Mtime: 5000, Ctime: 10}, true, false},
		{"on another device", FileStat{Dev: 3, Ino: 7, Size: 4, Mtime: 10, Ctime: 10}, true, false},
		{"on the device of the second mark", FileStat{Dev: 2, Ino: 7, Size: 4, Mtime: 10, Ctime: 10}, true, true},
		{"changed after the second mark", FileStat{Dev: 2, Ino: 7, Size: 4, Mtime: 10, Ctime: 500}, true, false},
		{"no mark", FileStat{Dev: 1, Ino: 7, Size: 4, Mtime: 10, Ctime: 10}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			c := OpenStatCache(filepath.Join(dir, "cache"), filepath.Join(dir, "out"))
			if tt.marked {
				c.Mark(FileStat{Dev: 1, Ino: 99, Mtime: 1000, Ctime: 1000})
				c.Mark(FileStat{Dev: 2, Ino: 99, Mtime: 400, Ctime: 400})
			}
			c.Saw("o/p.md", tt.st, sum)
			c.Save(noneLive)
			next := OpenStatCache(filepath.Join(dir, "cache"), filepath.Join(dir, "out"))
			if got := next.Unchanged("o/p.md", tt.st, hex.EncodeToString(sum[:])); got != tt.want {
				t.Errorf("recorded = %v, want %v", got, tt.want)
			}
		})
	}
}

// A cache file of another output folder, or damaged at any byte, is an
// empty cache; what a run did not look at is kept while the file is still
// there, and dropped once it is gone.
func TestStatCacheFileIsOnlyAShortcut(t *testing.T) {
	dir := t.TempDir()
	sum := sha256.Sum256([]byte("x"))
	st := FileStat{Dev: 1, Ino: 7, Size: 1, Mtime: 5, Ctime: 5}
	c := cacheIn(t, dir, 1000)
	c.Saw("o/kept.md", st, sum)
	c.Saw("p/kept.yaml", st, sum)
	c.Save(noneLive)
	path, out := filepath.Join(dir, "cache"), filepath.Join(dir, "out")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if OpenStatCache(path, filepath.Join(dir, "elsewhere")).Unchanged("o/kept.md", st, hex.EncodeToString(sum[:])) {
		t.Error("the cache of another output folder is trusted")
	}
	if rs := decodeStats(data, mustAbs(t, out)); rs.len() != 2 {
		t.Fatal("the cache file as saved does not read back")
	}
	for _, v := range []uint64{0, 1, 127, 128, 1<<14 - 1, 1 << 14, 1<<63 + 5} {
		if got, want := uvarintLen(v), len(binary.AppendUvarint(nil, v)); got != want {
			t.Errorf("uvarintLen(%d) = %d, want %d", v, got, want)
		}
	}
	for n := range len(data) {
		if rs := decodeStats(data[:n], mustAbs(t, out)); rs.len() != 0 {
			t.Fatalf("a cache file cut at byte %d still gives %d records", n, rs.len())
		}
	}
	if rs := decodeStats(append(data, 0), mustAbs(t, out)); rs.len() != 0 {
		t.Fatalf("a cache file with a byte after its end still gives %d records", rs.len())
	}

	some := OpenStatCache(path, out)
	some.Unchanged("o/kept.md", st, hex.EncodeToString(sum[:]))
	some.Save(func(k string) bool { return k == "p/kept.yaml" }) // the partner file is still there
	if _, ok := OpenStatCache(path, out).Known("p/kept.yaml", st); !ok {
		t.Error("a run that did not look at a file still there forgot it")
	}
	all := OpenStatCache(path, out)
	all.Unchanged("o/kept.md", st, hex.EncodeToString(sum[:]))
	all.Save(noneLive)
	if _, ok := OpenStatCache(path, out).Known("p/kept.yaml", st); ok {
		t.Error("a file that is gone is still in the cache")
	}
	if OpenStatCache("", out) != nil {
		t.Error("no path, yet a cache")
	}
}

// noneLive says that no file the run did not see is still there.
func noneLive(string) bool { return false }

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// FuzzStatCacheFile: any bytes in the cache file's place are an empty or a
// well-formed cache, never a crash, and what is saved reads back the same.
func FuzzStatCacheFile(f *testing.F) {
	dir := f.TempDir()
	c := OpenStatCache(filepath.Join(dir, "cache"), filepath.Join(dir, "out"))
	c.Mark(FileStat{Dev: 1, Ino: 99, Mtime: 1000, Ctime: 1000})
	c.Saw("o/a.md", FileStat{Dev: 1, Ino: 2, Size: 3, Mtime: 4, Ctime: 5}, sha256.Sum256(nil))
	c.Save(noneLive)
	seed, _ := os.ReadFile(filepath.Join(dir, "cache"))
	f.Add(seed, "o/b.md", uint64(9), int64(10))
	f.Add([]byte(statMagic), "", uint64(0), int64(0))
	f.Fuzz(func(t *testing.T, data []byte, key string, ino uint64, when int64) {
		decodeStats(data, "/out")
		d := t.TempDir()
		w := OpenStatCache(filepath.Join(d, "cache"), filepath.Join(d, "out"))
		w.Mark(FileStat{Dev: 1, Ino: 1, Mtime: 1 << 62, Ctime: 1 << 62})
		st := FileStat{Dev: 1, Ino: ino, Size: int64(len(data)), Mtime: when, Ctime: 1 + when&(1<<61-1)}
		w.Saw(key, st, sha256.Sum256(data))
		w.Save(noneLive)
		sum, ok := OpenStatCache(filepath.Join(d, "cache"), filepath.Join(d, "out")).Known(key, st)
		want := sha256.Sum256(data)
		if !ok || sum != hex.EncodeToString(want[:]) {
			t.Errorf("recorded %q as %+v, read back %q %v", key, st, sum, ok)
		}
	})
}

// Saving a cache removes the caches of output folders no run wrote for 30
// days and the temporary file of a run killed while it saved one, and no
// other file (a live run's temporary file among them).
func TestSavingACacheRemovesStaleOnes(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("whether a process runs cannot be told here")
	}
	dir := t.TempDir()
	old := time.Now().Add(-31 * 24 * time.Hour)
	ended := exec.Command("true")
	if err := ended.Run(); err != nil {
		t.Skip(err)
	}
	deadTemp := ".stat-killed.tmp-" + strconv.Itoa(ended.Process.Pid) + "-1"
	liveTemp := ".stat-saving.tmp-" + strconv.Itoa(os.Getpid()) + "-1"
	for _, name := range []string{"stat-gone", "stat-recent", "notes.txt", deadTemp, liveTemp} {
		path := filepath.Join(dir, "partnerpages", name)
		os.MkdirAll(filepath.Dir(path), 0o755)
		os.WriteFile(path, []byte("x"), 0o644)
		if name != "stat-recent" {
			os.Chtimes(path, old, old)
		}
	}
	c := OpenStatCache(StatCachePath(dir, filepath.Join(dir, "out")), filepath.Join(dir, "out"))
	c.Mark(FileStat{Dev: 1, Ino: 9, Mtime: 100, Ctime: 100})
	c.Saw("a/en/p.md", FileStat{Dev: 1, Ino: 2, Size: 1, Mtime: 5, Ctime: 5}, sha256.Sum256(nil))
	c.Save(noneLive)
	for name, want := range map[string]bool{"stat-gone": false, "stat-recent": true, "notes.txt": true, deadTemp: false, liveTemp: true} {
		if _, err := os.Stat(filepath.Join(dir, "partnerpages", name)); (err == nil) != want {
			t.Errorf("%s: present %v, want %v", name, err == nil, want)
		}
	}
	if _, err := os.Stat(StatCachePath(dir, filepath.Join(dir, "out"))); err != nil {
		t.Errorf("the cache just saved: %v", err)
	}
}
