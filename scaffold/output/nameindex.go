package output

import (
	"hash/maphash"
	"math/bits"
)

// nameIndex finds numbered records by name with a table of their numbers
// (open addressing on a hash of the name), not a map of the names: at
// 150,000 records, 2 MB where a map from name to record took 6 to 25 MB.
// The records keep their names; the index asks for them by number.
type nameIndex struct {
	slots []uint32 // record number + 1; 0: empty
	seed  maphash.Seed
}

// newNameIndex returns an index for up to n records, at most half full.
func newNameIndex(n int) nameIndex {
	return nameIndex{slots: make([]uint32, 1<<bits.Len64(uint64(2*n)|1)), seed: maphash.MakeSeed()}
}

// lookup returns the slot of the record named key and its number (ok), or
// the empty slot where it would go; name gives the name of a record.
func (x *nameIndex) lookup(key string, name func(int) string) (slot uint64, i int, ok bool) {
	if len(x.slots) == 0 {
		return 0, 0, false
	}
	mask := uint64(len(x.slots) - 1)
	for h := maphash.String(x.seed, key) & mask; ; h = (h + 1) & mask {
		s := x.slots[h]
		if s == 0 {
			return h, 0, false
		}
		if name(int(s-1)) == key {
			return h, int(s - 1), true
		}
	}
}

// place puts record i in slot (from lookup), in place of the record
// there, if any.
func (x *nameIndex) place(slot uint64, i int) { x.slots[slot] = uint32(i + 1) }
