package pageimport

import (
	"github.com/partnerpages/partnerpages/scaffold/page"

	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/partnerpages/partnerpages/scaffold/lint"
)

// Note is one thing the import says about a line of a page (0: the whole page).
type Note struct {
	Line int
	Text string
}

// Override is a standard section of a page that the partner file keeps as
// written instead of leaving it to the template.
type Override struct {
	Kind    string // connect, give-access, contact or disconnect
	Title   string // its heading on the page
	Line    int    // the heading's line
	Heading bool   // only the heading is kept; the template still writes the text
	Named   int    // the platform steps, labels and links the kept text names: a template change still reaches them
}

// String says what is overridden, in a writer's words.
func (o Override) String() string {
	if o.Heading {
		return fmt.Sprintf("the heading %q of the %s section is kept as written: a template change to it no longer reaches it", o.Title, o.Kind)
	}
	if o.Named > 0 {
		return fmt.Sprintf("the %s section %q is kept as written: a template change reaches only the %d platform step(s), label(s) and link(s) it names", o.Kind, o.Title, o.Named)
	}
	return fmt.Sprintf("the %s section %q is kept as written: a template change no longer reaches it", o.Kind, o.Title)
}

// PageReport says what the import made of one page.
type PageReport struct {
	Path       string
	Lang, Slug string
	Err        error // the page could not be imported at all

	Kept     []string       // partner-specific text placed in the partner file, by field
	Replaced []Note         // text the template writes itself
	Fixed    []Note         // defects the regenerated page no longer has
	Dropped  []Note         // text that has no place in a partner file
	Notes    []Note         // guesses a writer should review
	Findings []lint.Finding // lint's findings on the page as it was
	Facts    int            // the partner's facts on the page (PartnerFacts)
	Coverage float64        // share of the page's lines the template writes
	Verbatim []Note         // passages kept as written: a template change will not reach them
	// Overrides are the standard sections whose text (or heading) the
	// partner file keeps as the page has it, whatever the reason: the
	// template no longer writes them.
	Overrides []Override
	Typed     int // standard sections the template writes (not kept as written)

	skip map[int]bool // lines of blocks wholly replaced by the template
	page *page.Page   // the page as parsed
}

// Lost is true when the page had text the partner file cannot carry.
func (r *PageReport) Lost() bool { return r.Err != nil || len(r.Dropped) > 0 }

func (r *PageReport) skipLine(line int) {
	if r.skip == nil {
		r.skip = map[int]bool{}
	}
	r.skip[line] = true
}

// Write prints the report of one partner: its facts, then per page what was
// kept, replaced, fixed and dropped.
func (res *Result) Write(w io.Writer, verbose bool) {
	status := "ok"
	switch {
	case len(res.Problems) > 0:
		status = "INVALID"
	case res.lost():
		status = "LOSSY"
	}
	fmt.Fprintf(w, "%s → %s [%s]\n", strings.Join(res.paths(), ", "), res.File, status)
	for _, f := range res.Summary {
		fmt.Fprintf(w, "  %s\n", f)
	}
	for _, e := range res.Problems {
		fmt.Fprintf(w, "  invalid: %s\n", e.Error())
	}
	for _, m := range res.Missing {
		fmt.Fprintf(w, "  not in the regenerated page: %s\n", m)
	}
	for _, f := range res.RegenFindings {
		fmt.Fprintf(w, "  regenerated page: %s\n", f)
	}
	for _, p := range res.Pages {
		fmt.Fprintf(w, "  %s (%s): template coverage %.0f%% of its lines\n", p.Path, p.Lang, 100*p.Coverage)
		writeNotes(w, p.Path, "kept as written", p.Verbatim)
		for _, k := range p.Kept {
			fmt.Fprintf(w, "    kept: %s\n", k)
		}
		writeNotes(w, p.Path, "dropped", p.Dropped)
		writeNotes(w, p.Path, "review", p.Notes)
		for _, f := range p.Findings {
			fmt.Fprintf(w, "    fixed: %s:%d: %s: %s\n", f.Path, f.Line, f.Rule, f.Message)
		}
		writeNotes(w, p.Path, "fixed", p.Fixed)
		if verbose {
			writeNotes(w, p.Path, "replaced by the template", p.Replaced)
		} else if len(p.Replaced) > 0 {
			fmt.Fprintf(w, "    replaced by the template: %d passage(s) (--verbose lists them)\n", len(p.Replaced))
		}
	}
}

func writeNotes(w io.Writer, path, what string, ns []Note) {
	for _, n := range ns {
		if n.Line > 0 {
			fmt.Fprintf(w, "    %s: %s:%d: %s\n", what, path, n.Line, n.Text)
		} else {
			fmt.Fprintf(w, "    %s: %s\n", what, n.Text)
		}
	}
}

func (res *Result) paths() []string {
	var out []string
	for _, p := range res.Pages {
		out = append(out, p.Path)
	}
	if res.Folder != "" {
		out = append(out, res.Folder+"/")
	}
	return out
}

func (res *Result) lost() bool {
	return len(res.Missing) > 0 || slices.ContainsFunc(res.Pages, (*PageReport).Lost)
}

// OK is true when the partner file is valid and nothing of its pages was lost.
func (res *Result) OK() bool {
	return len(res.Problems) == 0 && !res.lost() && lint.Errors(res.RegenFindings) == 0
}

// noteOnce adds a note the report does not have yet: the partner file is
// written again each round of an import, and says the same each time.
func (r *PageReport) noteOnce(n Note) {
	if !slices.Contains(r.Notes, n) {
		r.Notes = append(r.Notes, n)
	}
}
