package main

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/partnerpages/partnerpages/scaffold/annotation"
	"github.com/partnerpages/partnerpages/scaffold/generate"
	"github.com/partnerpages/partnerpages/scaffold/output"
)

// GenerateOptions are the flags of `generate`.
type GenerateOptions struct {
	*GlobalOptions
	Slugs   []string
	Check   bool
	DryRun  bool
	Diff    bool
	Force   bool
	Prune   bool
	Verbose bool
	Format  string // text, or github: problems as workflow annotations
}

// NewCmdGenerate wires the flags of `generate` into GenerateOptions; the command runs
// runF when a test gives one, else runGenerate.
func NewCmdGenerate(g *GlobalOptions, runF func(*GenerateOptions) error) *cobra.Command {
	opts := &GenerateOptions{GlobalOptions: g}
	cmd := &cobra.Command{
		Use:               "generate [SLUG...]",
		ValidArgsFunction: g.completeSlugs,
		Short:             "Write or refresh the pages of every partner (or of the slugs given)",
		Long: `generate validates every partner file, then renders each partner in each of
its languages and brings the output folder up to date. Nothing is written if
any partner file is invalid.

Only pages whose content changed are written (the others keep their
modification time), each one atomically. A page edited by hand since the
tool wrote it is kept and reported (exit 1); --force overwrites it. The tool
remembers what it wrote in <out>/.partnerpages.lock, so that the next run
renders again only the partners whose file or templates changed.`,
		Example: `  partnerpages generate                 # every partner
  partnerpages generate qwenta wiipos   # only these partners
  partnerpages generate --check         # CI: exit 1 if a page is missing, stale or hand-edited
  partnerpages generate --diff          # show what would change, write nothing
  partnerpages generate --prune         # also remove pages of partners that are gone
  partnerpages generate --check --format github   # in a GitHub Actions step`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Format != "text" && opts.Format != "github" {
				return usagef("--format %q: use text or github", opts.Format)
			}
			opts.Slugs = args
			opts.Ctx = cmd.Context()
			return dispatch(runF, runGenerate, opts)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.Check, "check", false, "write nothing; exit 1 listing pages that are missing, stale or hand-edited")
	f.BoolVar(&opts.DryRun, "dry-run", false, "write nothing; list what would be written")
	f.BoolVar(&opts.Diff, "diff", false, "write nothing; print a unified diff of every page that would change")
	f.BoolVar(&opts.Force, "force", false, "overwrite pages edited by hand")
	f.BoolVar(&opts.Prune, "prune", false, "remove pages the tool wrote for partners or languages that no longer exist (unedited ones only)")
	f.BoolVarP(&opts.Verbose, "verbose", "v", false, "list every page written")
	f.StringVar(&opts.Format, "format", "text", "how problems are printed: text, or github (workflow annotations on the pages, for a GitHub Actions step)")
	cmd.MarkFlagsMutuallyExclusive("check", "force")
	return cmd
}

func runGenerate(opts *GenerateOptions) error {
	if err := opts.requirePartners(); err != nil {
		return err
	}
	in, err := opts.Inputs()
	if err != nil {
		return err
	}
	opts.noteUnusedTemplates()
	o := generate.Options{
		Inputs: in, Out: opts.Out, Slugs: opts.Slugs,
		Check: opts.Check, DryRun: opts.DryRun, Force: opts.Force, Prune: opts.Prune,
		Waiting: func() {
			fmt.Fprintf(opts.IO.ErrOut, "another partnerpages run is writing %s; waiting for it to finish (Ctrl-C to give up)\n", opts.Out)
		},
	}
	if opts.Diff {
		o.Diff = opts.IO.Out
	}
	// Progress on a terminal, for runs that take more than a second; the
	// diff shares the terminal, so it goes without.
	stop := func() {}
	if opts.IO.ErrIsTerminal() && !opts.Diff {
		o.Progress = &generate.Progress{}
		verb := "generating"
		if opts.Check {
			verb = "checking"
		}
		stop = showProgress(opts.IO.ErrOut, o.Progress, verb, progressDelay)
	}
	res, err := generate.Run(opts.Ctx, o)
	stop()
	if err != nil {
		return problem(err)
	}
	out := opts.IO.Out
	list := opts.Verbose || opts.DryRun
	report := func(path, text, detail string, stderr bool) {
		switch {
		case opts.Format == "github":
			annotation.Write(out, annotation.Annotation{Level: "error", File: path,
				Title: "partnerpages generate", Message: text + ": " + path + detail})
		case stderr:
			fmt.Fprintf(opts.IO.ErrOut, "%s: %s%s\n", text, path, detail)
		default:
			fmt.Fprintf(out, "%s: %s%s\n", text, path, detail)
		}
	}
	for _, c := range res.Changes {
		path := opts.Out + "/" + c.Rel
		if c.Forced && res.Written {
			fmt.Fprintf(opts.IO.ErrOut, "overwrote the hand edits of %s (--force)\n", path)
		}
		switch {
		case c.SameURL != "":
			report(path, "not created", fmt.Sprintf(": %s/%s already serves its URL; to have partnerpages write the page there, add `file_name: {%s: %s}` to the partner file", opts.Out, c.SameURL, c.Lang, filepath.Base(c.SameURL)), true)
		case c.Action == output.Conflict:
			report(path, "hand-edited", " was changed since partnerpages wrote it; kept (run `partnerpages absorb` to take the edit into the partner file, --diff to compare, --force to overwrite)", true)
		case c.Action == output.Orphan:
			report(path, "orphaned", " belongs to a partner or language that is gone but was edited by hand; kept", true)
		case opts.Check && c.Action == output.Create:
			report(path, "missing", "", false)
		case opts.Check && c.Action == output.Update:
			report(path, "stale", "", false)
		case opts.Check && c.Action == output.Prune:
			report(path, "orphaned", " belongs to a partner or language that is gone (generate --prune removes it)", false)
		case opts.Check || c.Action == output.Unchanged:
		case c.Action == output.Prune && !opts.Prune:
			fmt.Fprintf(out, "not pruned: %s belongs to a partner or language that is gone (use --prune to remove it)\n", path)
		case list:
			verb := c.Action.String()
			if !res.Written {
				verb = "would be " + verb
			}
			if c.Forced {
				verb += " (hand edits overwritten)"
			}
			fmt.Fprintf(out, "%s: %s\n", verb, path)
		}
	}
	reportListings(opts, res, report, list)
	if !opts.Diff {
		fmt.Fprintln(out, res.Summary())
		if s := res.ListingSummary(); s != "" {
			fmt.Fprintln(out, s)
		}
	}
	listingProblems := res.ListingProblems(opts.Check)
	if opts.Check && len(listingProblems) > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "%d Apps page entr(ies) missing, out of date, edited by hand or of partners that are gone; run `partnerpages generate` (an entry edited by hand is kept: `absorb` takes it, `--force` replaces it; `--prune` removes those of partners that are gone)\n", len(listingProblems))
	}
	if problems := res.Problems(opts.Check); len(problems) > 0 || len(listingProblems) > 0 {
		if opts.Check {
			clashes := 0
			for _, c := range problems {
				if c.SameURL != "" {
					clashes++
				}
			}
			edited, gone := res.Count(output.Conflict)+res.Count(output.Orphan)-clashes, res.Count(output.Prune)
			if clashes > 0 {
				fmt.Fprintf(opts.IO.ErrOut, "%d page(s) not created: another file of their folder serves their URL; name that file in the partner file (file_name)\n", clashes)
			}
			if stale := len(problems) - edited - gone - clashes; stale > 0 {
				fmt.Fprintf(opts.IO.ErrOut, "%d page(s) missing or out of date; run `partnerpages generate` to update them\n", stale)
			}
			if gone > 0 {
				fmt.Fprintf(opts.IO.ErrOut, "%d page(s) of partners or languages that are gone; run `partnerpages generate --prune` to remove them\n", gone)
			}
			if edited > 0 {
				fmt.Fprintf(opts.IO.ErrOut, "%d page(s) edited by hand; run `partnerpages absorb` to take the edits into the partner files (`generate` keeps such pages, `generate --force` discards the edits)\n", edited)
			}
		}
		return errSilent
	}
	return nil
}

// reportListings prints what the run did with the Apps page entries, as
// the pages are reported.
func reportListings(opts *GenerateOptions, res *generate.Result, report func(path, text, detail string, stderr bool), list bool) {
	for _, l := range res.Listings {
		where := fmt.Sprintf("%s (%s)", l.File, l.Slug)
		switch {
		case l.Forced && res.Written:
			fmt.Fprintf(opts.IO.ErrOut, "overwrote the hand edits of %s's entry in %s (--force)\n", l.Slug, l.File)
		case l.Action == output.Conflict:
			report(where, "hand-edited", ": the partner's Apps page entry is not what its partner file gives, and partnerpages did not write it so (edited by hand, or there before); kept (`partnerpages absorb` takes it into the partner file, --force overwrites it)", true)
		case l.Action == output.Orphan:
			report(where, "orphaned", ": the entry of a partner that is gone was edited by hand; kept", true)
		case opts.Check && l.Action == output.Create:
			report(where, "missing", "", false)
		case opts.Check && l.Action == output.Update:
			report(where, "stale", "", false)
		case opts.Check && l.Action == output.Prune:
			report(where, "orphaned", ": the entry of a partner that is gone (generate --prune removes it)", false)
		case l.Action == output.Prune && !opts.Prune:
			fmt.Fprintf(opts.IO.Out, "not removed: %s's entry in %s belongs to a partner that is gone (use --prune to remove it)\n", l.Slug, l.File)
		case list && l.Action != output.Unchanged:
			verb := map[output.Action]string{output.Create: "added", output.Update: "updated", output.Prune: "removed"}[l.Action]
			if !res.Written {
				verb = "would be " + verb
			}
			fmt.Fprintf(opts.IO.Out, "%s: %s\n", verb, where)
		}
	}
}
