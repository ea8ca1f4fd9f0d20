package partner

import (
	"strings"

	"github.com/aymanbagabas/go-udiff/lcs"
)

// overlay returns edited with the lines it shares with plain written as
// orig has them. plain is orig as the YAML encoder writes it with no edit:
// the encoder drops blank lines and respaces comments, so those of orig
// come back around every line the edit kept.
func overlay(orig, plain, edited []byte) []byte {
	o, p, e := lines(orig), lines(plain), lines(edited)
	// where each line of plain is in orig, and the lines of orig plain
	// lacks (blank lines), by the plain line they come before
	at := make([]int, len(p))
	for i := range at {
		at[i] = -1
	}
	before := make([][]string, len(p)+1)
	pi, oi := 0, 0
	same := func(n int) {
		for range n {
			at[pi] = oi
			pi, oi = pi+1, oi+1
		}
	}
	for _, d := range lcs.DiffLines(p, o) {
		same(d.Start - pi)
		dp, do := d.End-d.Start, d.ReplEnd-d.ReplStart
		if dp == do { // respaced lines: the same lines, as orig writes them
			same(dp)
			continue
		}
		for ; oi < d.ReplEnd; oi++ {
			if strings.TrimSpace(o[oi]) == "" {
				before[d.Start] = append(before[d.Start], o[oi])
			}
		}
		pi = d.End
	}
	same(len(p) - pi)

	var out strings.Builder
	pi = 0
	keep := func(n int) {
		for range n {
			for _, l := range before[pi] {
				out.WriteString(l)
			}
			if at[pi] >= 0 {
				out.WriteString(o[at[pi]])
			} else {
				out.WriteString(p[pi])
			}
			pi++
		}
	}
	for _, d := range lcs.DiffLines(p, e) {
		keep(d.Start - pi)
		for ; pi < d.End; pi++ { // removed or replaced: its blank lines stay
			for _, l := range before[pi] {
				out.WriteString(l)
			}
		}
		for _, l := range e[d.ReplStart:d.ReplEnd] {
			out.WriteString(l)
		}
	}
	keep(len(p) - pi)
	for _, l := range before[len(p)] {
		out.WriteString(l)
	}
	return []byte(out.String())
}

// lines splits b into lines that keep their newline.
func lines(b []byte) []string {
	s := string(b)
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}
