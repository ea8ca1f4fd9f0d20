package output

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// sampleLock is a lock of n partners with one or two pages each, whose
// names are built from names (cycled), and inputs for every other one.
func sampleLock(n int, names []string, templates string) *Lock {
	l := &Lock{Version: LockVersion, Pages: map[string]Entry{}, Inputs: map[string]Input{}, Templates: templates}
	for i := range n {
		slug := fmt.Sprintf("%s-%d", names[i%len(names)], i)
		for j, lang := range []string{"en", "fr"}[:1+i%2] {
			l.Pages[slug+"/"+lang+"/connect-hubrise.md"] = Entry{Slug: slug, Lang: lang, SHA256: fmt.Sprintf("%064x", i*2+j)}
		}
		if i%2 == 0 {
			l.Inputs[slug+".yaml"] = Input{Slug: slug, SHA256: fmt.Sprintf("%064x", i)}
		}
	}
	return l
}

// sameLock reports whether two locks hold the same pages, inputs and
// template digest, in the same version.
func sameLock(a, b *Lock) bool {
	return a.Version == b.Version && reflect.DeepEqual(a.Pages, b.Pages) && reflect.DeepEqual(a.Inputs, b.Inputs) && a.Templates == b.Templates
}

// TestLockScannerReadsWhatEncodeWrites: every lock of plain names that
// Encode writes is read by the scanner, not by encoding/json, and both
// read it alike; a lock with escaped strings falls back to encoding/json
// and reads back the same.
func TestLockScannerReadsWhatEncodeWrites(t *testing.T) {
	plain := []string{"p", "pos-x", "a.b_c~d"}
	odd := []string{"é", "<x>&", "tab\there", "q\"uote", "back\\slash", "\u2028"}
	cases := []struct {
		name      string
		lock      *Lock
		canonical bool
	}{
		{"empty", &Lock{Version: LockVersion, Pages: map[string]Entry{}, Inputs: map[string]Input{}}, true},
		{"one page, no input", sampleLock(1, plain, ""), true},
		{"pages and inputs", sampleLock(7, plain, "t:abc"), true},
		{"templates only", &Lock{Version: LockVersion, Pages: map[string]Entry{}, Inputs: map[string]Input{}, Templates: "k"}, true},
		{"escaped names", sampleLock(12, odd, "t"), false},
		{"escaped templates", sampleLock(2, plain, "é"), false},
	}
	for _, s := range odd { // each kind of string JSON writes escaped, alone
		cases = append(cases, struct {
			name      string
			lock      *Lock
			canonical bool
		}{"name " + s, sampleLock(2, []string{s}, ""), false})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := c.lock.Encode()
			_, ok := scanLock(data)
			if ok != c.canonical {
				t.Fatalf("scanner accepted: %v, want %v\n%s", ok, c.canonical, data)
			}
			want, err := unmarshalLock(data)
			if err != nil {
				t.Fatal(err)
			}
			got, err := decodeLock(data)
			if err != nil {
				t.Fatal(err)
			}
			if !sameLock(got, want) || !sameLock(got, c.lock) {
				t.Errorf("read\n%#v\nencoding/json reads\n%#v\nwritten\n%#v", got, want, c.lock)
			}
		})
	}
}

// TestLockScannerRefusesOtherLayouts: the same lock re-indented, with a
// field more, a field less, or cut short, is not the scanner's to read.
func TestLockScannerRefusesOtherLayouts(t *testing.T) {
	data := string(sampleLock(3, []string{"p"}, "t").Encode())
	compact, _ := json.Marshal(json.RawMessage(data))
	for name, s := range map[string]string{
		"compact":                 string(compact),
		"tabs":                    strings.ReplaceAll(data, "  ", "\t"),
		"unknown field":           strings.Replace(data, "\n}\n", ",\n  \"extra\": 1\n}\n", 1),
		"no final line":           strings.TrimSuffix(data, "\n"),
		"cut short":               data[:len(data)/2],
		"trailing bytes":          data + "x",
		"version string":          strings.Replace(data, `"version": 2`, `"version": "2"`, 1),
		"leading zero":            strings.Replace(data, `"version": 2`, `"version": 02`, 1),
		"page not slug/lang/file": strings.Replace(data, "p-0/en/", "p-0/", 1),
	} {
		if _, ok := scanLock([]byte(s)); ok {
			t.Errorf("%s: the scanner read it", name)
		}
	}
	var bad badPageError
	if _, err := decodeLock([]byte(strings.Replace(data, "p-0/en/", "p-0/", 1))); !errors.As(err, &bad) {
		t.Errorf("a page path of two parts: %v, want it named as not <slug>/<lang>/<file>", err)
	}
}

// FuzzLockFile: whatever bytes the scanner reads, encoding/json reads
// alike, so the fast path never reads a lock file otherwise than the
// format's definition.
func FuzzLockFile(f *testing.F) {
	f.Add(sampleLock(3, []string{"p"}, "t").Encode())
	f.Add(sampleLock(0, []string{"p"}, "").Encode())
	f.Add(sampleLock(4, []string{"é", "a\"b"}, "x").Encode())
	f.Add([]byte("{\n  \"version\": 2,\n  \"pages\": {},\n  \"inputs\": {}\n}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, ok := scanLock(data)
		if !ok {
			return
		}
		want, err := unmarshalLock(data)
		if err != nil {
			t.Fatalf("the scanner read what encoding/json refuses (%v):\n%q", err, data)
		}
		if !sameLock(got, want) {
			t.Fatalf("the scanner read\n%#v\nencoding/json reads\n%#v\nfrom %q", got, want, data)
		}
	})
}
