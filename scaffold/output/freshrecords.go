package output

// freshRecords are what a run read anew, in the order it read them, kept
// in chunks that are never copied as they grow: at 150,000 records, a map
// of them took 25 MB of a cold run's heap, these 13.
type freshRecords struct {
	chunks [][]freshRecord
	n      int
}

type freshRecord struct {
	key string
	rec statRecord
}

const freshChunk = 4096

// add takes a record; a later record of a name counts over an earlier one.
func (f *freshRecords) add(key string, r statRecord) {
	if f.n%freshChunk == 0 {
		f.chunks = append(f.chunks, make([]freshRecord, 0, freshChunk))
	}
	last := &f.chunks[len(f.chunks)-1]
	*last = append(*last, freshRecord{key, r})
	f.n++
}

func (f *freshRecords) at(i int) *freshRecord { return &f.chunks[i/freshChunk][i%freshChunk] }

// latest indexes the records by name, the last of each name counting.
func (f *freshRecords) latest() freshIndex {
	x := freshIndex{f: f, index: newNameIndex(f.n)}
	for i := range f.n {
		slot, _, dup := x.index.lookup(f.at(i).key, x.name)
		x.index.place(slot, i)
		if !dup {
			x.names++
		}
	}
	return x
}

// freshIndex is the last record of each name of freshRecords.
type freshIndex struct {
	f     *freshRecords
	index nameIndex
	names int
}

func (x freshIndex) name(i int) string { return x.f.at(i).key }

// find returns the last record named key.
func (x freshIndex) find(key string) (statRecord, bool) {
	_, i, ok := x.index.lookup(key, x.name)
	if !ok {
		return statRecord{}, false
	}
	return x.f.at(i).rec, true
}

// each calls yield with the last record of each name, in the order read.
func (x freshIndex) each(yield func(string, statRecord)) {
	for i := range x.f.n {
		r := x.f.at(i)
		if _, j, _ := x.index.lookup(r.key, x.name); j == i {
			yield(r.key, r.rec)
		}
	}
}

// count is the number of names.
func (x freshIndex) count() int { return x.names }
