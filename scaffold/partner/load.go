package partner

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// IsPartnerFile reports whether a file name is a partner file (.yaml or .yml).
func IsPartnerFile(name string) bool {
	name = strings.ToLower(name)
	return strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")
}

// LoadDir reads and resolves every partner file at the top of fsys. display is
// prefixed to file names in messages (the folder the user named). Every
// problem of every file is returned together; the partners are returned in
// slug order and are usable only when the list is empty.
func LoadDir(fsys fs.FS, display string, setLangs []string) ([]*Partner, ErrorList) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, ErrorList{{File: display, Msg: "cannot read the partners folder: " + unwrap(err)}}
	}
	var names []string
	for _, e := range entries {
		if IsPartnerFile(e.Name()) && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	return LoadFiles(fsys, display, names, setLangs)
}

// LoadFiles reads and resolves the named partner files of fsys, then checks
// that no two of them share a slug.
func LoadFiles(fsys fs.FS, display string, names []string, setLangs []string) ([]*Partner, ErrorList) {
	var all ErrorList
	var out []*Partner
	for _, name := range names {
		shown := path.Join(display, name)
		if display == "" || display == "." {
			shown = name
		}
		p, errs := Load(fsys, name, shown, setLangs)
		all = append(all, errs...)
		if p != nil {
			out = append(out, p)
		}
	}
	all = append(all, Duplicates(out)...)
	slices.SortFunc(out, func(a, b *Partner) int { return strings.Compare(a.Slug.Value, b.Slug.Value) })
	all.Sort()
	return out, all
}

// Load reads one partner file from fsys and resolves it.
func Load(fsys fs.FS, name, shown string, setLangs []string) (*Partner, ErrorList) {
	st, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, ErrorList{{File: shown, Msg: "cannot read: " + unwrap(err)}}
	}
	if st.IsDir() {
		return nil, ErrorList{{File: shown, Msg: "is a folder, not a partner file"}}
	}
	if !st.Mode().IsRegular() {
		// a FIFO would block the read, a device such as /dev/zero never end it
		return nil, ErrorList{{File: shown, Msg: "is not a regular file (a FIFO, a device or a socket); a partner file is a YAML text file"}}
	}
	if st.Size() > MaxFileSize {
		return nil, ErrorList{{File: shown, Msg: "is larger than the 1 MiB limit for a partner file"}}
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, ErrorList{{File: shown, Msg: "cannot read: " + unwrap(err)}}
	}
	return Decode(shown, data, setLangs)
}

// Decode parses a partner file's content and resolves it against the
// template set's languages: the partner, or every problem of the file in
// order (what could be decoded is validated too, so one run shows them all).
func Decode(shown string, data []byte, setLangs []string) (*Partner, ErrorList) {
	p, errs := Parse(shown, data)
	if p == nil {
		return nil, errs
	}
	sum := sha256.Sum256(data)
	p.SHA256 = hex.EncodeToString(sum[:])
	errs = append(errs, Resolve(p, setLangs)...).WithoutRestatements()
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	return p, nil
}

// Duplicates reports partners that share a slug: they would write the same pages.
func Duplicates(ps []*Partner) ErrorList {
	var errs ErrorList
	first := map[string]*Partner{}
	for _, p := range ps {
		if q, ok := first[p.Slug.Value]; ok {
			at := p.Slug.Pos
			if !at.Present() {
				at = p.Name.Pos // the slug was derived from the name
			}
			errs = append(errs, Error{File: p.File, Line: at.Line, Col: at.Col, Field: "slug",
				Msg: "slug " + p.Slug.Value + " is already used by " + q.File + "; two partners would write the same pages"})
			continue
		}
		first[p.Slug.Value] = p
	}
	return errs
}

// unwrap drops the operation and path that fs errors repeat, keeping the cause.
func unwrap(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
