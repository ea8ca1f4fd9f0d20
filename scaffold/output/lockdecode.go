package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unsafe"
)

// decodeLock reads the content of a lock file. A file as Encode writes
// it, with only printable ASCII in its strings (every lock the tool writes
// for plain slugs and file names), is read by a scanner made for that one
// layout; any other file, edited by hand or with escaped strings, is read
// by encoding/json, which reads the same JSON the same way (FuzzLockFile).
// The scanner spares most of a no-op run's time at 5,000 partners
// (encoding/json reads about 100 MB/s; that lock file is 1.8 MB): its
// strings share one copy of the file, and it tells a lock read again from
// the same bytes without hashing them.
func decodeLock(data []byte) (*Lock, error) {
	if l, ok := scanLock(data); ok {
		return l, nil
	}
	return unmarshalLock(data)
}

// unmarshalLock reads a lock file with encoding/json.
func unmarshalLock(data []byte) (*Lock, error) {
	var f lockFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, err
	}
	l := &Lock{Version: f.Version, Pages: make(map[string]Entry, len(f.Pages)), Inputs: f.Inputs, Templates: f.Templates, source: Hash(data)}
	for rel, sum := range f.Pages {
		e, ok := entryOf(rel, sum)
		if !ok {
			return nil, badPageError(rel)
		}
		l.Pages[rel] = e
	}
	if l.Inputs == nil {
		l.Inputs = map[string]Input{}
	}
	return l, nil
}

// badPageError is a page path of a lock file that is not <slug>/<lang>/<file>.
type badPageError string

func (e badPageError) Error() string {
	return fmt.Sprintf("page %q is not <slug>/<lang>/<file>", string(e))
}

// entryOf returns the entry of page rel, whose content hashes to sum; ok
// is false if rel is not <slug>/<lang>/<file>.
func entryOf(rel, sum string) (Entry, bool) {
	slug, rest, ok1 := strings.Cut(rel, "/")
	lang, _, ok2 := strings.Cut(rest, "/")
	return Entry{Slug: slug, Lang: lang, SHA256: sum}, ok1 && ok2
}

// lockScanner reads a lock file in Encode's layout; any byte out of place
// makes it fail (ok false) and the file is read by encoding/json.
type lockScanner struct {
	s  string // what is left to read of the file
	ok bool
}

// scanLock reads data if it is in Encode's layout.
func scanLock(data []byte) (*Lock, bool) {
	const head = "{\n  \"version\": "
	if !bytes.HasPrefix(data, []byte(head)) {
		return nil, false
	}
	raw := ownedString(data)
	sc := &lockScanner{s: raw[len(head):], ok: true}
	l := &Lock{raw: raw, Inputs: map[string]Input{}}
	l.Version = sc.number()
	sc.lit(",\n  \"pages\": {")
	l.Pages = make(map[string]Entry, sc.lines("\n  }"))
	sc.members(func() {
		rel := sc.str()
		sc.lit(": ")
		e, ok := entryOf(rel, sc.str())
		sc.ok = sc.ok && ok
		l.Pages[rel] = e
	})
	if sc.take(",\n  \"inputs\": {") {
		l.Inputs = make(map[string]Input, sc.lines("\n  }")/4)
		sc.members(func() {
			name := sc.str()
			sc.lit(": {\n      \"slug\": ")
			var in Input
			in.Slug = sc.str()
			sc.lit(",\n      \"sha256\": ")
			in.SHA256 = sc.str()
			sc.lit("\n    }")
			l.Inputs[name] = in
		})
	}
	if sc.take(",\n  \"templates\": ") {
		l.Templates = sc.str()
	}
	sc.lit("\n}\n")
	return l, sc.ok && sc.s == ""
}

// lines counts the line ends before the first end (all of them without
// one): how many members an object has, to size its map.
func (sc *lockScanner) lines(end string) int {
	n := strings.Index(sc.s, end)
	if n < 0 {
		n = len(sc.s)
	}
	return strings.Count(sc.s[:n], "\n")
}

// members reads the members of an object whose "{" was read: none ("}"),
// or each on a line of its own indented by four, then "\n  }".
func (sc *lockScanner) members(member func()) {
	if sc.take("}") {
		return
	}
	for sc.ok {
		sc.lit("\n    ")
		member()
		if !sc.take(",") {
			break
		}
	}
	sc.lit("\n  }")
}

// take reads p if the rest starts with it.
func (sc *lockScanner) take(p string) bool {
	if !sc.ok || len(sc.s) < len(p) || sc.s[:len(p)] != p {
		return false
	}
	sc.s = sc.s[len(p):]
	return true
}

// lit reads p, which must come next.
func (sc *lockScanner) lit(p string) {
	if !sc.take(p) {
		sc.ok = false
	}
}

// str reads a quoted string of printable ASCII without escapes, which JSON
// reads as it is written.
func (sc *lockScanner) str() string {
	if !sc.take(`"`) {
		sc.ok = false
		return ""
	}
	for i := 0; i < len(sc.s); i++ {
		switch c := sc.s[i]; {
		case c == '"':
			v := sc.s[:i]
			sc.s = sc.s[i+1:]
			return v
		case c < 0x20 || c > 0x7e || c == '\\':
			sc.ok = false
			return ""
		}
	}
	sc.ok = false
	return ""
}

// number reads a small non-negative integer without leading zeros.
func (sc *lockScanner) number() int {
	i := 0
	for i < len(sc.s) && i < 9 && sc.s[i] >= '0' && sc.s[i] <= '9' {
		i++
	}
	if i == 0 || i > 1 && sc.s[0] == '0' {
		sc.ok = false
		return 0
	}
	n, _ := strconv.Atoi(sc.s[:i])
	sc.s = sc.s[i:]
	return n
}

// ownedString returns data as a string without copying it, for a buffer
// just read from a file that nothing changes afterwards: at 50,000
// partners a copy of the lock file and of the stat cache would be 30 MB
// more at the run's peak of memory.
func ownedString(data []byte) string {
	if len(data) == 0 {
		return ""
	}
	return unsafe.String(&data[0], len(data))
}
