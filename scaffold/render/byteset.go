package render

// byteSet is a set of ASCII bytes, built once: strings.IndexAny builds one
// on every call, which showed in the cost of rendering a page.
type byteSet [256]bool

func newByteSet(chars string) *byteSet {
	var s byteSet
	for i := 0; i < len(chars); i++ {
		s[chars[i]] = true
	}
	return &s
}

// index returns the index of the first byte of str in the set, or -1.
func (s *byteSet) index(str string) int {
	for i := 0; i < len(str); i++ {
		if s[str[i]] {
			return i
		}
	}
	return -1
}

var (
	markdownSpecial = newByteSet("\\`*_[]{}<>#|~&")
	urlEnd          = newByteSet(" \t\r\f\v<>()[]")
)
