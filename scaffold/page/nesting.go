package page

import "bytes"

// MaxNesting is how deep a page's blocks may nest (quotes and list items
// within each other) and how many links may open at once before the parser
// is spared the rest: goldmark's time grows with the square of the nesting,
// and no real page nests a tenth as deep.
const MaxNesting = 32

// MaxOpenBrackets bounds the '[' a page may have, and MaxLongLineBrackets
// those of a line longer than LongLine: past them, each costs the parser a
// look over all the others, or over the rest of its line.
const (
	MaxOpenBrackets     = 10000
	MaxLongLineBrackets = 100
	LongLine            = 64 << 10
)

// flattenNesting returns body, or a copy of it of the same length in which
// the block markers nested deeper than MaxNesting on a line, and the
// brackets past MaxOpenBrackets, are turned into plain letters: positions
// stay the same, and the parser's time stays linear in the page's size.
func flattenNesting(body []byte) []byte {
	var out []byte // allocated at the first change
	brackets := 0
	for start := 0; start < len(body); {
		end := bytes.IndexByte(body[start:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += start
		}
		depth := 0
		for i := start; i < end; {
			c := body[i]
			n := markerAt(body[i:end])
			if n > 0 && depth >= MaxNesting {
				if out == nil {
					out = bytes.Clone(body)
				}
				for k := i; k < i+n; k++ {
					if out[k] != ' ' {
						out[k] = 'x'
					}
				}
			}
			switch {
			case n > 0:
				depth++
				i += n
			case c == ' ' || c == '\t':
				i++
			default:
				i = end // the text of the line: markers end here
			}
		}
		onLine := 0
		for i := start; i < end; i++ {
			if body[i] == '[' {
				onLine++
				if brackets++; brackets > MaxOpenBrackets || end-start > LongLine && onLine > MaxLongLineBrackets {
					if out == nil {
						out = bytes.Clone(body)
					}
					out[i] = 'x'
				}
			}
		}
		start = end + 1
	}
	if out == nil {
		return body
	}
	return out
}

// markerAt returns the length of the block marker that starts s (a quote's
// '>', a bullet, an ordered item's number), with the space after it, or 0.
func markerAt(s []byte) int {
	if len(s) >= 2 && bytes.IndexByte([]byte(">-*+"), s[0]) >= 0 && (s[1] == ' ' || s[1] == '\t') {
		return 2
	}
	if len(s) >= 1 && s[0] == '>' && (len(s) == 1 || s[1] != ' ') {
		return 1
	}
	d := 0
	for d < len(s) && d < 9 && s[d] >= '0' && s[d] <= '9' {
		d++
	}
	if d > 0 && d+1 < len(s) && (s[d] == '.' || s[d] == ')') && (s[d+1] == ' ' || s[d+1] == '\t') {
		return d + 2
	}
	return 0
}
