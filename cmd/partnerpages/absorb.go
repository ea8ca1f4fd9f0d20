package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/partnerpages/partnerpages/scaffold/absorb"
	"github.com/partnerpages/partnerpages/scaffold/pagepath"
)

// AbsorbOptions are the flags of `absorb`.
type AbsorbOptions struct {
	*GlobalOptions
	Slugs  []string
	DryRun bool
}

// NewCmdAbsorb wires the flags of `absorb` into AbsorbOptions; the command runs
// runF when a test gives one, else runAbsorb.
func NewCmdAbsorb(g *GlobalOptions, runF func(*AbsorbOptions) error) *cobra.Command {
	opts := &AbsorbOptions{GlobalOptions: g}
	cmd := &cobra.Command{
		Use:               "absorb [SLUG|PAGE...]",
		ValidArgsFunction: g.completeSlugs,
		Short:             "Take pages edited by hand back into their partner files",
		Long: `absorb finds the pages edited by hand since partnerpages wrote them (all
partners, or the slugs given), merges each edit into its partner file and
regenerates the pages: afterwards every page is byte for byte the page the
writer edited, and 'generate --check' passes.

What the page says as the template would (menus, buttons, steps) stays
typed; a passage the template writes that the writer changed is kept as the
page has it, and absorb names it with its line: a template change no longer
reaches it. An edit in one language leaves the other languages as they are.

It is a command of its own, beside generate, because it writes partner
files (sources) where generate writes pages (outputs); generate's
hand-edit message points to it. If a partner file changed since its pages
were generated, or an edit cannot be represented (the front matter, the
template's note on top), absorb says which and why, writes nothing for that
partner, and exits 1.`,
		Example: `  partnerpages absorb                 # every partner with an edited page
  partnerpages absorb qwenta          # one partner
  partnerpages absorb content/apps/qwenta/fr/connect-hubrise.md   # the partner of this page
  partnerpages absorb --dry-run       # show the partner files' diffs, write nothing`,
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, a := range args {
				slug, err := slugOfPage(opts.At(a), opts.Out)
				if err != nil {
					return usagef("%v", err)
				}
				opts.Slugs = append(opts.Slugs, slug)
			}
			opts.Ctx = cmd.Context()
			return dispatch(runF, runAbsorb, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.DryRun, "dry-run", false, "print the partner files' diffs; write nothing")
	return cmd
}

func runAbsorb(opts *AbsorbOptions) error {
	in, err := opts.Inputs()
	if err != nil {
		return err
	}
	ref, _ := schemaRef(opts.Partners)
	reports, err := absorb.Run(opts.Ctx, absorb.Options{Inputs: in, Out: opts.Out, Slugs: opts.Slugs, DryRun: opts.DryRun, SchemaRef: ref,
		Waiting: func() {
			fmt.Fprintf(opts.IO.ErrOut, "another partnerpages run is writing %s; waiting for it to finish (Ctrl-C to give up)\n", opts.Out)
		}})
	if err != nil {
		return problem(err)
	}
	out, errOut := opts.IO.Out, opts.IO.ErrOut
	failed := 0
	for _, r := range reports {
		if r.Err != nil {
			failed++
			fmt.Fprintf(errOut, "%s: %v; nothing was written for %s\n", r.File, r.Err, r.Slug)
			continue
		}
		fmt.Fprint(out, r.Diff)
		for _, o := range r.Overrides {
			fmt.Fprintf(out, "override: %s\n", o)
		}
		for _, lang := range r.Tidied {
			fmt.Fprintf(out, "tidied: the %s page's runs of blank lines and trailing spaces, as generate writes pages\n", lang)
		}
		verb := "absorbed"
		if opts.DryRun {
			verb = "would absorb"
		}
		fmt.Fprintf(out, "%s %v into %s\n", verb, r.Pages, r.File)
	}
	if len(reports) == 0 {
		fmt.Fprintln(out, "no page was edited by hand; nothing to absorb")
	}
	if failed > 0 {
		return errSilent
	}
	return nil
}

// slugOfPage returns the slug an argument names: a slug as is, or the page
// <out>/<slug>/<lang>/<file>.md.
func slugOfPage(arg, out string) (string, error) {
	if !strings.HasSuffix(arg, ".md") {
		return arg, nil
	}
	rel, err := filepath.Rel(out, arg)
	at, ok := pagepath.Parse(filepath.ToSlash(rel))
	if err != nil || !ok {
		return "", fmt.Errorf("%s is not a page of %s (<slug>/<lang>/<page>.md)", arg, out)
	}
	return at.Slug, nil
}
