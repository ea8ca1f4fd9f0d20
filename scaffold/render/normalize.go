package render

import "bytes"

// Tidy is what generate does to every page it writes (normalize): a
// hand-edited page holds it only once tidied the same way.
func Tidy(page []byte) []byte { return normalize(page) }

// normalize tidies template output: trailing spaces go, runs of blank lines
// become one, and the page ends with exactly one newline. Fenced code is left
// as written.
func normalize(in []byte) []byte { return normalizeAppend(make([]byte, 0, len(in)), in) }

// normalizeAppend appends in, normalized, to out.
func normalizeAppend(out, in []byte) []byte {
	start, blank := len(out), 0
	fence := []byte(nil)
	for len(in) > 0 {
		i := bytes.IndexByte(in, '\n')
		var line []byte
		if i < 0 {
			line, in = in, nil
		} else {
			line, in = in[:i], in[i+1:]
		}
		trimmed := bytes.TrimLeft(line, " ")
		if f := fenceOf(trimmed); f != "" && (fence == nil || bytes.HasPrefix(trimmed, fence)) {
			if fence == nil {
				fence = []byte(f)
			} else {
				fence = nil
			}
		} else if fence != nil {
			out = append(out, line...)
			out = append(out, '\n')
			continue
		}
		line = trimRightBlank(line)
		if len(line) == 0 {
			blank++
			continue
		}
		if blank > 0 && len(out) > start {
			out = append(out, '\n')
		}
		blank = 0
		out = append(out, line...)
		out = append(out, '\n')
	}
	return out
}

// trimRightBlank cuts the spaces, tabs and carriage returns that end line.
func trimRightBlank(line []byte) []byte {
	n := len(line)
	for n > 0 && (line[n-1] == ' ' || line[n-1] == '\t' || line[n-1] == '\r') {
		n--
	}
	return line[:n]
}
