// Package spelling checks words against real dictionaries: the system's
// hunspell with its English and French dictionaries (Debian packages
// hunspell, hunspell-en-gb, hunspell-en-us, hunspell-fr).
package spelling

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"strings"
	"sync"
)

// Dictionaries names the hunspell dictionaries of each language: a word
// is misspelt when none has it. The site writes British English, and its
// French pages borrow English words (back-office, click and collect).
var Dictionaries = map[string][]string{"en": {"en_GB", "en_US"}, "fr": {"fr_FR", "en_GB"}}

// install is what to install when hunspell or a dictionary is missing.
const install = "Debian: apt-get install hunspell hunspell-en-gb hunspell-en-us hunspell-fr"

// Hunspell asks hunspell which words its dictionaries lack, through one
// running hunspell per dictionary, and remembers the answers. Close stops
// them.
type Hunspell struct {
	path  string
	mu    sync.Mutex
	procs map[string]*proc           // dictionary → its hunspell
	known map[string]map[string]bool // language → word → in a dictionary
}

// proc is one hunspell -a (the ispell pipe protocol) on one dictionary.
type proc struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
}

// Find starts the system's hunspell on the dictionaries of langs, or says
// what to install when it or a dictionary is missing.
func Find(langs []string) (*Hunspell, error) {
	path, err := exec.LookPath("hunspell")
	if err != nil {
		return nil, fmt.Errorf("hunspell is not installed (%s)", install)
	}
	h := &Hunspell{path: path, procs: map[string]*proc{}, known: map[string]map[string]bool{}}
	for _, l := range langs {
		for _, d := range Dictionaries[l] {
			if _, err := h.proc(d); err != nil {
				h.Close()
				return nil, err
			}
		}
	}
	return h, nil
}

// Close stops the hunspell processes.
func (h *Hunspell) Close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for d, p := range h.procs {
		p.in.Close()
		p.cmd.Wait()
		delete(h.procs, d)
	}
}

// proc returns the running hunspell of dictionary d, started on first use.
func (h *Hunspell) proc(d string) (*proc, error) {
	if p := h.procs[d]; p != nil {
		return p, nil
	}
	cmd := exec.Command(h.path, "-a", "-i", "utf-8", "-d", d)
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	var errOut strings.Builder
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	p := &proc{cmd: cmd, in: in, out: bufio.NewReader(out)}
	banner, err := p.out.ReadString('\n') // "@(#) International Ispell Version …"
	if err != nil || !strings.HasPrefix(banner, "@(#)") {
		in.Close()
		cmd.Wait()
		return nil, fmt.Errorf("hunspell -d %s: no dictionary %s (%s) %s", d, d, install, strings.TrimSpace(errOut.String()))
	}
	h.procs[d] = p
	return p, nil
}

// has reports whether dictionary d has word.
func (p *proc) has(word string) (bool, error) {
	// ^ keeps a word from being read as a command of the protocol
	if _, err := io.WriteString(p.in, "^"+word+"\n"); err != nil {
		return false, err
	}
	ok := true
	for {
		line, err := p.out.ReadString('\n')
		if err != nil {
			return false, err
		}
		line = strings.TrimRight(line, "\n")
		if line == "" {
			return ok, nil
		}
		if line[0] == '&' || line[0] == '#' { // a word hunspell lacks, with or without suggestions
			ok = false
		}
	}
}

// Unknown returns the words of lang that its dictionaries lack, in the
// order given, once each. A language without a dictionary has none.
func (h *Hunspell) Unknown(lang string, words []string) ([]string, error) {
	dicts, ok := Dictionaries[lang]
	if !ok {
		return nil, nil
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	known := h.known[lang]
	if known == nil {
		known = map[string]bool{}
		h.known[lang] = known
	}
	var out []string
	for _, w := range words {
		if strings.ContainsAny(w, "\n\r") || strings.TrimSpace(w) == "" {
			continue
		}
		has, seen := known[w]
		if !seen {
			for _, d := range dicts {
				p, err := h.proc(d)
				if err != nil {
					return nil, err
				}
				if has, err = p.has(w); err != nil {
					return nil, errors.Join(fmt.Errorf("hunspell -d %s stopped", d), err)
				}
				if has {
					break
				}
			}
			known[w] = has
		}
		if !has && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out, nil
}
