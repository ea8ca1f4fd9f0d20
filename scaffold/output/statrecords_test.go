package output

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"testing"
)

// The index of a cache file's records finds every name the file holds,
// the last record of a name written twice, and no name it does not hold,
// whatever the number of records.
func TestStatRecordsFindEveryName(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 7, 64, 1000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			want := map[string]statRecord{} // the oracle: a map, as the file is read by hand
			b := appendStatString([]byte(statMagic), "/out")
			var recs []byte
			count := 0
			put := func(k string, r statRecord) {
				recs = appendStatRecord(recs, k, r)
				want[k] = r
				count++
			}
			for i := range n {
				put(fmt.Sprintf("p%d/en/page.md", i), statRecord{st: FileStat{Dev: 1, Ino: uint64(i + 1), Size: int64(i)}, sum: sha256.Sum256([]byte{byte(i)})})
				if i%5 == 0 { // the same name again, with another status
					put(fmt.Sprintf("p%d/en/page.md", i), statRecord{st: FileStat{Dev: 2, Ino: uint64(i + 9)}})
				}
			}
			b = append(binary.AppendUvarint(b, uint64(count)), recs...)
			rs := decodeStats(b, "/out")
			if rs.len() != len(want) {
				t.Fatalf("%d records indexed, want %d", rs.len(), len(want))
			}
			for k, r := range want {
				i, ok := rs.find(k)
				if !ok {
					t.Fatalf("%s not found", k)
				}
				if rs.key(i) != k || rs.at(i) != r {
					t.Fatalf("%s: got %s %+v, want %+v", k, rs.key(i), rs.at(i), r)
				}
			}
			for _, k := range []string{"", "p/en/page.md", fmt.Sprintf("p%d/en/page.md", n)} {
				if _, ok := rs.find(k); ok {
					t.Errorf("%q found, but the file does not hold it", k)
				}
			}
		})
	}
}

// What a run read anew counts by name, the last record of a name over an
// earlier one, across the chunks the records are kept in.
func TestFreshRecordsLastOfANameCounts(t *testing.T) {
	for _, n := range []int{0, 1, freshChunk - 1, freshChunk, 3*freshChunk + 5} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			var f freshRecords
			want := map[string]statRecord{} // the oracle
			var order []string              // first sight of each name
			for i := range n {
				k := fmt.Sprintf("p%d/en/page.md", i%(n/3+1))
				r := statRecord{st: FileStat{Dev: 1, Ino: uint64(i + 1)}}
				if _, seen := want[k]; !seen {
					order = append(order, k)
				}
				f.add(k, r)
				want[k] = r
			}
			x := f.latest()
			if x.count() != len(want) {
				t.Fatalf("%d names, want %d", x.count(), len(want))
			}
			for k, r := range want {
				if got, ok := x.find(k); !ok || got != r {
					t.Fatalf("%s: got %+v (%v), want %+v", k, got, ok, r)
				}
			}
			if _, ok := x.find("p/en/page.md"); ok {
				t.Error("a name never added is found")
			}
			seen := 0
			x.each(func(k string, r statRecord) {
				if want[k] != r {
					t.Errorf("%s: each gives %+v, want %+v", k, r, want[k])
				}
				seen++
			})
			if seen != len(order) {
				t.Errorf("each gave %d records, want %d", seen, len(order))
			}
		})
	}
}
