package main

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/partnerpages/partnerpages/scaffold/output"
	"github.com/partnerpages/partnerpages/scaffold/project"
	"github.com/partnerpages/partnerpages/templates"
)

// InitOptions are the flags of `init`.
type InitOptions struct {
	*GlobalOptions
	Dir       string // where to write the project file
	Export    string // export the embedded template set to this folder ("" = no)
	Languages []string
	Force     bool

	partnersGiven, outGiven bool // --partners and --out were on the command line
}

// NewCmdInit wires the flags of `init` into InitOptions; the command runs
// runF when a test gives one, else runInit.
func NewCmdInit(g *GlobalOptions, runF func(*InitOptions) error) *cobra.Command {
	opts := &InitOptions{GlobalOptions: g}
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Make DIR (default: here) a partnerpages project: partnerpages.yaml and a partners folder",
		Long: `init writes partnerpages.yaml in DIR (default: the working folder) and
creates the partners folder beside it. Every command run in DIR or below
then finds the file, as git finds .git, and takes from it the partners
folder, the output folder, the templates folder and the languages, with
paths relative to the file. Flags given to a command override the file.

--partners and --out set the folders written into the file (defaults:
partners, content/apps). --export-templates exports the embedded template
set beside the file (to "templates", or to --export-templates=FOLDER) for
you to customise, and records it (init's --templates, its first name, does
the same: everywhere else --templates names a set to render with). An existing project file is kept unless --force; in a project that has
one, --export-templates exports the set and names it in the file.`,
		Example: `  # in the root of a docs repository
  partnerpages init

  # pages straight into the site's content, customised templates, French only
  partnerpages init --out content/apps --export-templates --lang fr

  # then, from any subfolder, with no flags
  partnerpages new
  partnerpages generate`,
		Args:        cobra.MaximumNArgs(1),
		Annotations: map[string]string{noProject: "yes"},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = opts.At(".")
			if len(args) == 1 {
				opts.Dir = opts.At(args[0])
			}
			opts.Ctx = cmd.Context()
			opts.partnersGiven, opts.outGiven = cmd.Flags().Changed("partners"), cmd.Flags().Changed("out")
			return dispatch(runF, runInit, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Export, "export-templates", "", `export the embedded template set beside the project file and use it (bare flag: "templates")`)
	f.Lookup("export-templates").NoOptDefVal = "templates"
	f.StringVar(&opts.Export, "templates", "", "the same as --export-templates")
	f.Lookup("templates").NoOptDefVal = "templates"
	_ = f.MarkDeprecated("templates", "use --export-templates (elsewhere --templates names a set to render with)")
	f.StringSliceVar(&opts.Languages, "lang", project.Defaults.Languages, "the project's languages, repeatable or comma-separated")
	f.BoolVar(&opts.Force, "force", false, "replace an existing partnerpages.yaml")
	return cmd
}

func runInit(opts *InitOptions) error {
	p := project.Defaults
	p.Languages = opts.Languages
	if opts.partnersGiven {
		p.Partners = filepath.ToSlash(opts.Partners)
	}
	if opts.outGiven {
		p.Out = filepath.ToSlash(opts.Out)
	}
	p.Templates = filepath.ToSlash(opts.Export)
	file := filepath.Join(opts.Dir, project.FileName)
	if _, err := os.Stat(file); err == nil && !opts.Force && opts.Export != "" {
		return exportIntoProject(opts, file)
	}
	res, err := project.Init(opts.Dir, p, opts.Force, []string{output.RunLockName, output.JournalName})
	if err != nil {
		return problem(fmt.Errorf("%w\nnothing was written", err))
	}
	out := opts.IO.Out
	if len(res.Templates) > 0 {
		fmt.Fprintf(out, "exported the template set: %d files in %s\n", len(res.Templates), filepath.Join(opts.Dir, filepath.FromSlash(p.Templates)))
	}
	fmt.Fprintf(out, "wrote %s\n", res.File)
	fmt.Fprintf(out, "partner files go in %s, pages in %s\n", res.Partners, res.Out)
	if len(res.Ignored) > 0 {
		fmt.Fprintf(out, "added to .gitignore: %s\n", strings.Join(res.Ignored, ", "))
	}
	fmt.Fprintf(out, "commit %s, the partner files, the pages and %s; the run lock %s and a killed run's journal %s stay out of git (.gitignore)\n",
		res.File, path.Join(p.Out, output.LockName), path.Join(p.Out, output.RunLockName), path.Join(p.Out, output.JournalName))
	fmt.Fprintln(out, "next: partnerpages new (a new partner) or partnerpages import PAGE... (existing pages), from any folder of the project")
	return nil
}

// exportIntoProject is init --export-templates in a project that has its
// file: the set is exported beside it and named in it, the rest of the
// file kept.
func exportIntoProject(opts *InitOptions, file string) error {
	p, err := project.Load(file)
	if err != nil {
		return problem(err)
	}
	if p.Templates != "" {
		return problem(fmt.Errorf("%s already names the template set %s; nothing was written (templates export DIR writes another copy)", file, p.Templates))
	}
	dir := filepath.Join(opts.Dir, opts.Export)
	written, err := templates.Export(dir, false)
	if err != nil {
		return problem(fmt.Errorf("%w\nnothing was recorded in %s", err, file))
	}
	fmt.Fprintf(opts.IO.Out, "exported the template set: %d files in %s\n", len(written), dir)
	rel, err := project.SetTemplates(p, dir)
	if err != nil {
		return problem(fmt.Errorf("the set was exported, but %s could not name it: %w; add \"templates: %s\" to it", file, err, filepath.ToSlash(opts.Export)))
	}
	fmt.Fprintf(opts.IO.Out, "added \"templates: %s\" to %s (the rest of it kept): every command now renders with this set\n", rel, file)
	return nil
}
