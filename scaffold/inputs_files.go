package scaffold

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"sync"

	"github.com/partnerpages/partnerpages/internal/parallel"
	"github.com/partnerpages/partnerpages/scaffold/output"
	"github.com/partnerpages/partnerpages/scaffold/partner"
)

// partnerFile is one partner file as read by a run.
type partnerFile struct {
	name   string // inside the partners folder
	shown  string // as messages show it
	data   []byte
	hash   string
	unread bool // hash from the stat cache: data is read when it is needed
}

// statKey is the stat cache's name of a partner file: its name, without a
// slash (see pageStatKey).
func (f partnerFile) statKey() string { return f.name }

// readPartnerFiles reads every partner file of fsys on every core, but for
// the files the stat cache knows unchanged: their hash is known, and they
// are read only if they are to be decoded. Files that cannot be read are
// errors that name them. It also returns the names of the temporary files
// it saw (output.IsTemp), which a killed run may have left.
func readPartnerFiles(fsys fs.FS, display string, stats *output.StatCache) ([]partnerFile, []string, partner.ErrorList) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, nil, partner.ErrorList{{File: display, Msg: "cannot read the partners folder: " + unwrapPathError(err)}}
	}
	var files []partnerFile
	var temps []string
	for _, e := range entries {
		if output.IsTemp(e.Name()) {
			temps = append(temps, e.Name())
		}
		if partner.IsPartnerFile(e.Name()) && !strings.HasPrefix(e.Name(), ".") {
			shown := path.Join(display, e.Name())
			if display == "" || display == "." {
				shown = e.Name()
			}
			files = append(files, partnerFile{name: e.Name(), shown: shown})
		}
	}
	var mu sync.Mutex
	var errs partner.ErrorList
	_ = parallel.For(len(files), func(i int) error {
		f := &files[i]
		if d, ok := fsys.(output.DiskFS); ok {
			if f.hash, f.unread = stats.Known(f.statKey(), d.StatFile(f.name)); f.unread {
				return nil
			}
		}
		data, st, e := readSmallStat(fsys, f.name)
		if e != nil {
			mu.Lock()
			errs = append(errs, partner.Error{File: f.shown, Msg: e.Error()})
			mu.Unlock()
			return nil
		}
		sum := sha256.Sum256(data)
		f.data, f.hash = data, hex.EncodeToString(sum[:])
		stats.Saw(f.statKey(), st, sum)
		return nil
	})
	return files, temps, errs
}

type fileError string

func (e fileError) Error() string { return string(e) }

// readSmall reads a partner file, refusing folders and oversized files.
func readSmall(fsys fs.FS, name string) ([]byte, error) {
	data, _, err := readSmallStat(fsys, name)
	return data, err
}

// readSmallStat is readSmall that also says, for a file on disk, what
// fstat said of it just before it was read.
func readSmallStat(fsys fs.FS, name string) ([]byte, output.FileStat, error) {
	d, ok := fsys.(output.DiskFS)
	if !ok {
		data, err := readFromFS(fsys, name)
		return data, output.FileStat{}, err
	}
	data, st, err := d.ReadFileLimitStat(name, partner.MaxFileSize)
	switch {
	case errors.Is(err, output.ErrTooLarge):
		return nil, st, fileError("is larger than the 1 MiB limit for a partner file")
	case err != nil && strings.HasSuffix(err.Error(), "is a folder"):
		return nil, st, fileError("is a folder, not a partner file")
	case err != nil:
		return nil, st, fileError("cannot read: " + unwrapPathError(err))
	}
	return data, st, nil
}

// readFromFS reads a partner file of a file system other than a folder on
// disk (tests, embedded examples).
func readFromFS(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fileError("cannot read: " + unwrapPathError(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fileError("cannot read: " + unwrapPathError(err))
	}
	if st.IsDir() {
		return nil, fileError("is a folder, not a partner file")
	}
	data, err := io.ReadAll(io.LimitReader(f, partner.MaxFileSize+1))
	if err != nil {
		return nil, fileError("cannot read: " + unwrapPathError(err))
	}
	if len(data) > partner.MaxFileSize {
		return nil, fileError("is larger than the 1 MiB limit for a partner file")
	}
	return data, nil
}

func unwrapPathError(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

var (
	toolOnce   sync.Once
	toolDigest string
)

// cacheKey identifies what, besides a partner file, a page depends on: the
// template set and the program that renders it (its executable's bytes, so
// a rebuilt binary with other escaping never trusts old pages). The stat
// cache spares hashing an executable that did not change.
func cacheKey(templates string, stats *output.StatCache) string {
	toolOnce.Do(func() { toolDigest = executableDigest(stats) })
	sum := sha256.Sum256([]byte(templates + "\x00" + toolDigest))
	return hex.EncodeToString(sum[:])
}

// executableDigest returns the hex SHA-256 of the running executable (of
// no bytes when it cannot be found).
func executableDigest(stats *output.StatCache) string {
	h := sha256.New()
	exe, err := os.Executable()
	if err != nil {
		return hex.EncodeToString(h.Sum(nil))
	}
	key, st := exe, output.StatPath(exe) // an absolute path (see pageStatKey)
	if sum, ok := stats.Known(key, st); ok {
		return sum
	}
	if f, err := os.Open(exe); err == nil {
		io.Copy(h, f)
		f.Close()
	}
	var sum [32]byte
	h.Sum(sum[:0])
	stats.SawSettled(key, st, sum)
	return hex.EncodeToString(sum[:])
}
