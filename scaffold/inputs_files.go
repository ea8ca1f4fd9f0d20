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
	name  string // inside the partners folder
	shown string // as messages show it
	data  []byte
	hash  string
}

// readPartnerFiles reads every partner file of fsys on every core. Files
// that cannot be read are errors that name them.
func readPartnerFiles(fsys fs.FS, display string) ([]partnerFile, partner.ErrorList) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, partner.ErrorList{{File: display, Msg: "cannot read the partners folder: " + unwrapPathError(err)}}
	}
	var files []partnerFile
	for _, e := range entries {
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
		data, e := readSmall(fsys, f.name)
		if e != nil {
			mu.Lock()
			errs = append(errs, partner.Error{File: f.shown, Msg: e.Error()})
			mu.Unlock()
			return nil
		}
		f.data, f.hash = data, output.Hash(data)
		return nil
	})
	return files, errs
}

type fileError string

func (e fileError) Error() string { return string(e) }

// readSmall reads a partner file, refusing folders and oversized files.
func readSmall(fsys fs.FS, name string) ([]byte, error) {
	if d, ok := fsys.(output.DiskFS); ok {
		data, err := d.ReadFileLimit(name, partner.MaxFileSize)
		switch {
		case errors.Is(err, output.ErrTooLarge):
			return nil, fileError("is larger than the 1 MiB limit for a partner file")
		case err != nil && strings.HasSuffix(err.Error(), "is a folder"):
			return nil, fileError("is a folder, not a partner file")
		case err != nil:
			return nil, fileError("cannot read: " + unwrapPathError(err))
		}
		return data, nil
	}
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
// a rebuilt binary with other escaping never trusts old pages).
func cacheKey(templates string) string {
	toolOnce.Do(func() {
		h := sha256.New()
		if exe, err := os.Executable(); err == nil {
			if f, err := os.Open(exe); err == nil {
				io.Copy(h, f)
				f.Close()
			}
		}
		toolDigest = hex.EncodeToString(h.Sum(nil))
	})
	sum := sha256.Sum256([]byte(templates + "\x00" + toolDigest))
	return hex.EncodeToString(sum[:])
}
