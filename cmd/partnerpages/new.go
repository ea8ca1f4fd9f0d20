package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/partnerpages/partnerpages/scaffold/generate"
	"github.com/partnerpages/partnerpages/scaffold/output"
	"github.com/partnerpages/partnerpages/scaffold/render"
	"github.com/partnerpages/partnerpages/scaffold/wizard"
	"github.com/partnerpages/partnerpages/schema"
)

// NewOptions are the flags of `new`.
type NewOptions struct {
	*GlobalOptions
	Answers    wizard.Answers
	Yes        bool
	Accessible bool
	Force      bool
	DryRun     bool
}

// NewCmdNew wires the flags of `new` into NewOptions; the command runs
// runF when a test gives one, else runNew.
func NewCmdNew(g *GlobalOptions, runF func(*NewOptions) error) *cobra.Command {
	opts := &NewOptions{GlobalOptions: g}
	a := &opts.Answers
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Onboard a new partner: a form, a preview, then its partner file and pages",
		Long: `new asks about the partner (name, slug, publisher, kind, support e-mail, how
it is connected and disconnected, languages) and, for its whole app folder,
its Apps page category, website, features and descriptions (the word counts
the brief asks for shown as you type); validates each answer as you type,
shows every page as a reader will see it, and on confirmation writes
partners/<slug>.yaml and the partner's pages in every language.

Every question has a flag that pre-fills it. With --yes there is no form:
the flags are validated and the files written, or every missing or invalid
value is listed. --accessible (or ACCESSIBLE=1) asks one question per line,
for screen readers and scripts. Ctrl-C or Esc cancels and writes nothing.`,
		Example: `  # interactive
  partnerpages new

  # pre-fill some answers, confirm the rest in the form
  partnerpages new --name Orderix --email care@orderix.example

  # no form (CI, scripts)
  partnerpages new --yes --name Orderix --email care@orderix.example \
    --mode back-office --menu "Réglages > Intégrations" --button "Lier HubRise" \
    --disconnect-button "Délier" --lang en,fr

  # a partner whose page has no support sections (no e-mail needed)
  partnerpages new --yes --name Lumo --no-support --menu "Stores > HubRise" --button Activate --disconnect hubrise

  # a support-only partner, disconnected from the HubRise back office
  partnerpages new --yes --name WiiPos --publisher Arcsolu --email contact@arcsolu.com --mode support

  # with its whole app folder: overview, menu entry and Apps page entry
  partnerpages new --yes --name Orderix --email care@orderix.example --mode support --lang en \
    --app-folder --category online-ordering --website https://orderix.example \
    --feature "push-orders +status" --feature pull-catalog \
    --summary "en=Orderix takes orders online for restaurants…"

  # answer line by line (screen reader, or a script on stdin)
  partnerpages new --accessible`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if os.Getenv("ACCESSIBLE") != "" && !cmd.Flags().Changed("accessible") {
				opts.Accessible = true
			}
			opts.Ctx = cmd.Context()
			return dispatch(runF, runNew, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&a.Name, "name", "", "product name")
	f.StringVar(&a.Slug, "slug", "", "slug (default: derived from the name)")
	f.StringVar(&a.Publisher, "publisher", "", "company behind the product")
	f.StringVar(&a.Kind, "kind", "", "epos, ordering, delivery or other (default epos)")
	f.StringVar(&a.Email, "email", "", "support e-mail")
	f.BoolVar(&a.NoSupport, "no-support", false, "the page has no give-access or contact section (no support e-mail)")
	f.StringVar(&a.Mode, "mode", "", "connection mode: back-office, support, either or app-list (from HubRise's app list)")
	f.StringVar(&a.App, "app", "", `with --mode app-list: the name in HubRise's app list, e.g. "Mailchimp Bridge" (default: --name)`)
	f.StringVar(&a.Menu, "menu", "", `back-office menu path, e.g. "Settings > Integrations"`)
	f.StringVar(&a.Button, "button", "", "connect button label")
	f.StringVar(&a.DisconnectMode, "disconnect", "", "disconnect mode: back-office, hubrise or support (default from --mode)")
	f.StringVar(&a.DisconnectMenu, "disconnect-menu", "", "disconnect menu path (default: --menu)")
	f.StringVar(&a.DisconnectButton, "disconnect-button", "", "disconnect button label")
	f.BoolVar(&a.AppFolder, "app-folder", false, "write the rest of the app folder too: overview.md, customization.yaml and the Apps page entry (the form asks)")
	f.StringVar(&a.Folder.Category, "category", "", "with --app-folder: the Apps page category (site.yaml categories: point-of-sales, online-ordering…)")
	f.StringVar(&a.Folder.Website, "website", "", "with --app-folder: the partner's website")
	f.StringVar(&a.Folder.Logo, "logo", "", "with --app-folder: the Apps page logo's file name")
	f.StringSliceVar(&a.Folder.Features, "feature", nil, `with --app-folder: an integration feature, repeatable, e.g. "pull-orders +status"`)
	f.StringToStringVar(&a.Folder.Summary, "summary", nil, "with --app-folder: the Apps page description per language, LANG=TEXT (30 to 35 words)")
	f.StringToStringVar(&a.Folder.Description, "description", nil, "with --app-folder: the overview's description per language, LANG=TEXT (150 to 300 words)")
	f.StringSliceVar(&a.Languages, "lang", nil, "language, repeatable or comma-separated (default: the project file's languages, else every language of the template set)")
	f.BoolVarP(&opts.Yes, "yes", "y", false, "no form: validate the flags and write")
	f.BoolVar(&opts.Accessible, "accessible", false, "ask one question per line (also ACCESSIBLE=1)")
	f.BoolVar(&opts.Force, "force", false, "replace an existing partner file with the same slug")
	f.BoolVar(&opts.DryRun, "dry-run", false, "print the partner file and the files it would write; write nothing")
	return cmd
}

func runNew(opts *NewOptions) error {
	if !opts.Yes && !opts.Accessible && !opts.IO.IsTerminal() {
		return usagef("partnerpages new needs a terminal for its form; pass the answers as flags with --yes, or use --accessible to answer line by line on standard input")
	}
	in, set, err := opts.TemplateSet()
	if err != nil {
		return err
	}
	ref, copyTo := schemaRef(opts.Partners)
	wo := wizard.Options{
		Templates: func() (*render.Set, error) { return set, nil }, In: opts.IO.In, Out: opts.IO.Out,
		Interactive: !opts.Yes, Accessible: opts.Accessible,
		Plain: opts.Accessible || !opts.IO.IsTerminal() || os.Getenv("NO_COLOR") != "", Width: termWidth(opts.IO),
		DryRun:      opts.DryRun,
		PartnersDir: opts.Partners, OutDir: opts.Out, LockFile: filepath.Join(opts.Out, output.LockName), SchemaRef: ref, SchemaCopy: copyTo, Force: opts.Force,
	}
	res, err := wizard.Run(opts.Ctx, wo, &opts.Answers)
	if res != nil && res.PartnerFile != "" {
		fmt.Fprintf(opts.IO.Out, "wrote %s\n", res.PartnerFile)
	}
	switch {
	case errors.Is(err, wizard.ErrCancelled):
		fmt.Fprintln(opts.IO.ErrOut, err.Error())
		return errCancelled
	case err != nil:
		return problem(err)
	case opts.DryRun:
		fmt.Fprintln(opts.IO.ErrOut, "dry run: nothing was written")
		return nil
	}
	// the partner file is written: its pages follow, even if interrupted now
	pages, err := generate.Run(context.WithoutCancel(opts.Ctx), generate.Options{
		// --force replaces the partner file, never a page edited by hand:
		// such a page is kept and reported, and absorb can take its edits
		Inputs: in, Set: set, Out: opts.Out, Slugs: []string{res.Slug},
	})
	if err != nil {
		return problem(fmt.Errorf("wrote %s, but generating its pages failed: %w", res.PartnerFile, err))
	}
	for _, c := range pages.Changes {
		path := filepath.Join(opts.Out, filepath.FromSlash(c.Rel))
		switch c.Action {
		case output.Unchanged:
		case output.Conflict:
			fmt.Fprintf(opts.IO.ErrOut, "kept %s: it was edited by hand since partnerpages wrote it (run `partnerpages absorb %s` to take the edits into the partner file, or `partnerpages generate --force %s` to discard them)\n", path, c.Slug, c.Slug)
		default:
			fmt.Fprintf(opts.IO.Out, "%s %s\n", c.Action, path)
		}
	}
	fmt.Fprintln(opts.IO.Out, pages.Summary())
	slug := strings.TrimSuffix(filepath.Base(res.PartnerFile), ".yaml")
	commit := []string{res.PartnerFile}
	if copyTo != "" {
		commit = append(commit, copyTo)
	}
	commit = append(commit, filepath.Join(opts.Out, slug)+string(filepath.Separator), filepath.Join(opts.Out, output.LockName))
	for _, l := range pages.Listings {
		switch l.Action {
		case output.Create, output.Update:
			fmt.Fprintf(opts.IO.Out, "%s %s's entry in %s\n", map[output.Action]string{output.Create: "added", output.Update: "updated"}[l.Action], slug, l.File)
			commit = append(commit, l.File)
		case output.Conflict:
			fmt.Fprintf(opts.IO.ErrOut, "kept %s's entry in %s: it is not what partnerpages wrote (run `partnerpages absorb %s`, or `partnerpages generate --force %s`)\n", slug, l.File, slug, slug)
		}
	}
	fmt.Fprintf(opts.IO.Out, "Review the pages, then commit %s (the lock file lets generate tell a stale page from a hand-edited one; %s is a run lock: leave it out of git).\n",
		strings.Join(commit, ", "), filepath.Join(opts.Out, output.RunLockName))
	fmt.Fprintf(opts.IO.Out, "After editing the partner file, run: partnerpages generate %s\n", slug)
	if len(pages.Problems(false)) > 0 {
		return errSilent
	}
	return nil
}

// schemaRef returns the $schema path for a partner file in partnersDir: the
// project's schema/partner.schema.json when there is one, else a copy of the
// embedded schema beside the partner files (written if missing).
func schemaRef(partnersDir string) (ref, copyTo string) {
	if _, err := os.Stat(schema.File); err == nil {
		if rel, err := filepath.Rel(partnersDir, schema.File); err == nil {
			return filepath.ToSlash(rel), ""
		}
	}
	return "partner.schema.json", filepath.Join(partnersDir, "partner.schema.json")
}

func termWidth(io *IOStreams) int {
	if f, ok := io.Out.(*os.File); ok {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil {
			return w
		}
	}
	return 80
}
