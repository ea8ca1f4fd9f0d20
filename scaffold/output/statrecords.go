package output

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
)

// statRecords are the records of a cache file as read, left in its bytes
// and decoded when looked up, with an index of their names that is a table
// of record numbers rather than a map of strings: at 50,000 partners, the
// records decoded all at once were 11 MB more of a run's heap, and a map
// from name to record 6 MB more.
type statRecords struct {
	data  []byte
	text  string   // data, as the names' backing
	offs  []uint32 // where each record's name begins in data
	index nameIndex
}

// len is the number of records.
func (rs *statRecords) len() int { return len(rs.offs) }

// key returns the name of record i (decodeStats checked that every record decodes).
func (rs *statRecords) key(i int) string { return rs.nameAt(rs.offs[i]) }

// at returns record i, whose status and hash follow its name.
func (rs *statRecords) at(i int) statRecord {
	off := int(rs.offs[i])
	n, k := binary.Uvarint(rs.data[off:])
	r, _, _ := readStatRecord(rs.data[off+k+int(n):])
	return r
}

// find returns the number of the record named key.
func (rs *statRecords) find(key string) (int, bool) {
	_, i, ok := rs.index.lookup(key, rs.key)
	return i, ok
}

// add takes the record whose name is at offset off; it replaces an earlier
// record of the same name: the last one counts, as it did in a map.
func (rs *statRecords) add(off uint32) {
	slot, j, dup := rs.index.lookup(rs.nameAt(off), rs.key)
	if dup {
		rs.offs[j] = off
		return
	}
	rs.index.place(slot, len(rs.offs))
	rs.offs = append(rs.offs, off)
}

// nameAt returns the name whose length is written at offset off.
func (rs *statRecords) nameAt(off uint32) string {
	n, k := binary.Uvarint(rs.data[off:])
	return rs.text[int(off)+k : int(off)+k+int(n)]
}

// readStatRecord decodes a record's status and hash at the start of b,
// and says how many bytes they take.
func readStatRecord(b []byte) (r statRecord, n int, ok bool) {
	var v [5]uint64
	for i := range v {
		var k int
		if v[i], k = binary.Uvarint(b[n:]); k <= 0 {
			return r, 0, false
		}
		n += k
	}
	if len(b)-n < len(r.sum) {
		return r, 0, false
	}
	r.st = FileStat{Dev: v[0], Ino: v[1], Size: int64(v[2]), Mtime: int64(v[3]), Ctime: int64(v[4])}
	n += copy(r.sum[:], b[n:])
	return r, n, true
}

// decodeStats reads the records of a cache file of the folder owner;
// anything unexpected makes it an empty cache. The names share the file's
// bytes, which nothing changes after.
func decodeStats(data []byte, owner string) statRecords {
	rest, ok := bytes.CutPrefix(data, []byte(statMagic))
	if !ok {
		return statRecords{}
	}
	at := func() int { return len(data) - len(rest) } // the place of rest in data
	// skipString steps over a string at rest, and says where it began
	skipString := func() (int, bool) {
		from := at()
		n, k := binary.Uvarint(rest)
		if k <= 0 || n > uint64(len(rest)-k) {
			return 0, false
		}
		rest = rest[k+int(n):]
		return from, true
	}
	rs := statRecords{data: data, text: ownedString(data)}
	if from, ok := skipString(); !ok || rs.nameAt(uint32(from)) != owner {
		return statRecords{}
	}
	n, k := binary.Uvarint(rest)
	// a record takes at least a byte of name length, five of status and
	// the hash: a count beyond that is damage, not a table to make
	if k <= 0 || n > uint64((len(rest)-k)/(6+sha256.Size)) || len(data) > 1<<32-1 {
		return statRecords{}
	}
	rest = rest[k:]
	rs.offs = make([]uint32, 0, n)
	rs.index = newNameIndex(int(n))
	for range n {
		from, ok := skipString()
		if !ok {
			return statRecords{}
		}
		_, size, ok := readStatRecord(rest)
		if !ok {
			return statRecords{}
		}
		rest = rest[size:]
		rs.add(uint32(from))
	}
	if len(rest) != 0 {
		return statRecords{}
	}
	return rs
}
