package output

// Rendered is the set of the pages a lock knew that a run rendered. It
// holds their names as the lock does and a bit for each, not a map of the
// paths the run made: at 50,000 partners, that map and the paths it kept
// were 8 MB of a template change's heap.
type Rendered struct {
	rels  []string
	index nameIndex
	done  []bool
}

// NewRendered returns an empty set of the pages known (a lock's, before
// the run).
func NewRendered(known map[string]Entry) *Rendered {
	s := &Rendered{rels: make([]string, 0, len(known)), index: newNameIndex(len(known)), done: make([]bool, len(known))}
	for rel := range known {
		slot, _, _ := s.index.lookup(rel, s.name)
		s.index.place(slot, len(s.rels))
		s.rels = append(s.rels, rel)
	}
	return s
}

func (s *Rendered) name(i int) string { return s.rels[i] }

// Add notes page rel as rendered; a page the lock did not know is not
// noted (it cannot be gone).
func (s *Rendered) Add(rel string) {
	if _, i, ok := s.index.lookup(rel, s.name); ok {
		s.done[i] = true
	}
}

// Has reports whether page rel was rendered.
func (s *Rendered) Has(rel string) bool {
	_, i, ok := s.index.lookup(rel, s.name)
	return ok && s.done[i]
}
