package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/partnerpages/partnerpages/scaffold/pageimport"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/project"
	"github.com/partnerpages/partnerpages/scaffold/safefile"
	"github.com/partnerpages/partnerpages/schema"
)

// ImportOptions are the arguments of `import`.
type ImportOptions struct {
	*GlobalOptions
	Args    []string
	Force   bool
	DryRun  bool
	Verbose bool
	Emails  []string // slug=address
	NoAdopt bool     // write the partner files only; leave the pages and the lock alone
}

// NewCmdImport wires the flags of `import` into ImportOptions; the command runs
// runF when a test gives one, else runImport.
func NewCmdImport(g *GlobalOptions, runF func(*ImportOptions) error) *cobra.Command {
	opts := &ImportOptions{GlobalOptions: g}
	cmd := &cobra.Command{
		Use:   "import PAGE|DIR...",
		Short: "Write partner files from existing connection pages",
		Long: `import reads existing connection pages (files, or folders: every .md below,
such as a site's content/apps) and writes one partner file per partner into
the partners folder, so the pages can be regenerated from then on.

Pages laid out as apps/<slug>/<lang>/connect-hubrise.md are grouped by slug,
one page per language; values that differ between languages become
per-language values. The name, publisher, support e-mail, connection and
disconnect modes, menu paths and buttons become the partner's facts; steps,
images and sections the template does not write are kept as written in
connection.intro, steps_before_button, extra_steps and page sections. Where
that text says one of the platform's steps (the location chooser and Allow,
the app list, the code HubRise displays), a platform UI label or a link to a
platform page, it names it (<Platform step="allow" />, platform:signup), so
a change of the template set reaches it there too.

The pages it read inside the output folder are then adopted: each is
replaced by what its new partner file renders (byte for byte the same
where the template says what the page said; in the template's wording
elsewhere, which the repository's diff shows) and recorded in the lock,
so that ` + "`generate --check`" + ` is clean right after. A page in a file of
another name than the template's (connexion-hubrise.md) stays in its file:
the partner file names it (file_name). --no-adopt leaves the pages alone.

For each partner it prints what it recovered, what the template now writes
instead (--verbose lists it), the defects lint found in the original, and
anything it could not place. It checks the partner file against the schema,
regenerates the pages in memory, and checks that they keep every e-mail,
label, image and extra section of the originals and lint clean.

Exit status: 0 when every page imported with nothing lost; 1 when a page
could not be read or imported, something was dropped, a partner file is
invalid or already exists (without --force); 2 on usage errors.`,
		Example: `  partnerpages import content/apps/qwenta                  # both languages of one partner
  partnerpages import --dry-run old/wiipos-fr.md          # print the YAML, write nothing
  partnerpages import content/apps && partnerpages generate --check   # adopt a site: clean at once
  partnerpages import --no-adopt content/apps/zelty       # the partner file only
  partnerpages import --email zelty=help@zelty.example old/zelty-en.md   # the page names no e-mail`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, a := range args {
				opts.Args = append(opts.Args, opts.At(a))
			}
			opts.Ctx = cmd.Context()
			return dispatch(runF, runImport, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Force, "force", false, "replace existing partner files")
	cmd.Flags().BoolVar(&opts.DryRun, "dry-run", false, "print the partner files instead of writing them")
	cmd.Flags().BoolVar(&opts.NoAdopt, "no-adopt", false, "write the partner files only: leave the pages in the output folder as they are, unknown to the lock")
	cmd.Flags().StringArrayVar(&opts.Emails, "email", nil, "the support e-mail of partner `SLUG=ADDRESS`, for pages that give none (repeatable)")
	cmd.Flags().BoolVarP(&opts.Verbose, "verbose", "v", false, "also list each passage the template now writes itself")
	return cmd
}

func runImport(opts *ImportOptions) error {
	in, set, err := opts.TemplateSet()
	if err != nil {
		return err
	}
	lo, err := project.LintOptionsFor(set, "")
	if err != nil {
		return problem(err)
	}
	emails := map[string]string{}
	for _, e := range opts.Emails {
		slug, addr, ok := strings.Cut(e, "=")
		if !ok || !partner.SlugPattern.MatchString(slug) || !partner.ValidEmail(addr) {
			return usagef("--email %q: write it as SLUG=ADDRESS, such as zelty=support@zelty.example", e)
		}
		emails[slug] = addr
	}
	ref, copyTo := schemaRef(opts.Partners)
	// Importing over partner files that are there merges into them, unless --force.
	existing := map[string]*partner.Partner{}
	if !opts.Force {
		if _, err := os.Stat(opts.Partners); err == nil {
			ps, _ := in.LoadPartners(set)
			for _, p := range ps {
				existing[p.Slug.Value] = p
			}
		}
	}
	pages, failed := pageimport.ReadPages(opts.Args)
	results, bad := pageimport.Import(pages, pageimport.Options{Set: set, Lint: lo, SchemaRef: ref, Emails: emails, Existing: existing, Ctx: opts.Ctx})
	if err := opts.Ctx.Err(); err != nil {
		return err // interrupted: nothing was written
	}
	failed = append(failed, bad...)
	results, appFiles, appErrs := importAppFolders(opts, set, results, existing)

	out, errOut := opts.IO.Out, opts.IO.ErrOut
	ok := len(failed) == 0
	for _, f := range failed {
		fmt.Fprintf(errOut, "%s: not imported: %v\n", f.Path, f.Err)
	}
	for _, err := range appErrs {
		fmt.Fprintf(errOut, "not imported: %v\n", err)
		ok = false
	}
	// a page counts as imported when its partner file was written (or, with
	// --dry-run, would be): the summary's counts are true
	written, notImported := 0, len(failed)
	writtenSlugs := map[string]bool{}
	for _, res := range results {
		res.Write(out, opts.Verbose)
		if !res.OK() {
			ok = false
		}
		if len(res.Problems) > 0 {
			fmt.Fprintf(errOut, "%s: not written: the partner file would not validate\n", res.File)
			notImported += len(res.Pages)
			if !opts.DryRun {
				continue
			}
		}
		if opts.DryRun {
			fmt.Fprintf(out, "--- %s\n%s", res.File, res.YAML)
			continue
		}
		if res.Merged && !opts.Force {
			if lost := droppedEdits(opts.Partners, res); len(lost) > 0 {
				fmt.Fprintf(errOut, "%s: not written: merging the page into it would drop edits of the file:\n  %s\n"+
					"(--force replaces it anyway; to take a page's own edits into its partner file, run `partnerpages absorb`)\n",
					filepath.Join(opts.Partners, res.File), strings.Join(lost, "\n  "))
				ok = false
				notImported += len(res.Pages)
				continue
			}
		}
		path, err := pageimport.Save(res, opts.Partners, opts.Force || res.Merged)
		if err != nil {
			fmt.Fprintf(errOut, "error: %v\n", err)
			ok = false
			notImported += len(res.Pages)
			continue
		}
		if res.Merged {
			fmt.Fprintf(out, "merged into %s (kind, publisher and other languages kept)\n", path)
		} else {
			fmt.Fprintf(out, "wrote %s\n", path)
		}
		written++
		if res.Partner != nil {
			writtenSlugs[res.Partner.Slug.Value] = true
		}
	}
	if written > 0 && copyTo != "" {
		if err := schema.WriteCopy(copyTo); err != nil {
			fmt.Fprintf(errOut, "warning: could not write %s: %v\n", copyTo, err)
		}
	}
	if !opts.DryRun && !opts.NoAdopt && len(writtenSlugs) > 0 {
		if err := adopt(opts, in, set, append(pages, appFiles.pages...), appFiles.listings, writtenSlugs); err != nil {
			fmt.Fprintf(errOut, "error: the partner files are written, but their pages were not adopted: %v (run `partnerpages generate`)\n", err)
			ok = false
		}
	}
	if opts.DryRun {
		fmt.Fprintf(out, "%d page(s) read, %d partner file(s) shown, nothing written, %d page(s) not imported\n", len(pages), len(results), notImported)
	} else {
		fmt.Fprintf(out, "%d page(s) read, %d partner file(s) written, %d page(s) not imported\n", len(pages), written, notImported)
		if len(appFiles.pages) > 0 {
			fmt.Fprintf(out, "%d overview and customization file(s) read with their Apps page entries\n", len(appFiles.pages))
		}
	}
	if !ok {
		return errSilent
	}
	return nil
}

// droppedEdits lists what merging res into its partner file would lose.
func droppedEdits(dir string, res *pageimport.Result) []string {
	old, err := safefile.Read(filepath.Join(dir, res.File), partner.MaxFileSize)
	if err != nil {
		return nil
	}
	return pageimport.Dropped(old, res.YAML)
}
