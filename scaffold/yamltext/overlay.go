package yamltext

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
		// blank lines are orig's own; the others are plain's lines as orig
		// writes them, in order (a respaced comment next to a blank line)
		var blank []string
		for ; oi < d.ReplEnd; oi++ {
			switch {
			case strings.TrimSpace(o[oi]) == "":
				blank = append(blank, o[oi])
			case pi < d.End:
				before[pi] = append(before[pi], blank...)
				blank = nil
				at[pi] = oi
				pi++
			}
		}
		before[d.End] = append(before[d.End], blank...)
		pi = d.End
	}
	same(len(p) - pi)

	var out strings.Builder
	put := func(l string) { // orig's last line may lack its newline
		if out.Len() > 0 && !strings.HasSuffix(out.String(), "\n") {
			out.WriteString("\n")
		}
		out.WriteString(l)
	}
	pi = 0
	keep := func(n int) {
		for range n {
			for _, l := range before[pi] {
				put(l)
			}
			if at[pi] >= 0 {
				put(o[at[pi]])
			} else {
				put(p[pi])
			}
			pi++
		}
	}
	for _, d := range lcs.DiffLines(p, e) {
		keep(d.Start - pi)
		for ; pi < d.End; pi++ { // removed or replaced: its blank lines stay
			for _, l := range before[pi] {
				put(l)
			}
		}
		for _, l := range e[d.ReplStart:d.ReplEnd] {
			put(l)
		}
	}
	keep(len(p) - pi)
	for _, l := range before[len(p)] {
		put(l)
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
