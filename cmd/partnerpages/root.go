package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/project"
	"github.com/partnerpages/partnerpages/scaffold/render"
	"github.com/partnerpages/partnerpages/scaffold/safefile"
	"github.com/partnerpages/partnerpages/templates"
)

// GlobalOptions are the flags every command shares.
type GlobalOptions struct {
	Ctx       context.Context // the command's context: cancelled by Ctrl-C
	IO        *IOStreams
	WorkDir   string // the working folder relative paths start from ("": the process's)
	Partners  string
	Templates string
	Out       string
	Languages []string         // the project's languages ("" flags: from the project file)
	Project   *project.Project // the project file in force, nil when there is none
}

// dispatch runs runF when a test gave one (to see the options the flags
// made), else the command's own run function: gh's NewCmdX(f, runF) pattern.
func dispatch[O any](runF, run func(O) error, opts O) error {
	if runF != nil {
		return runF(opts)
	}
	return run(opts)
}

// applyProject finds partnerpages.yaml from the working folder upward and
// fills every global flag the command line did not set from it. Paths in the
// file are relative to the file; they are shown relative to the working folder.
func (g *GlobalOptions) applyProject(cmd *cobra.Command) error {
	wd, err := g.wd()
	if err != nil {
		return problem(err)
	}
	file, err := project.Find(wd)
	if err != nil {
		return problem(err)
	}
	if file == "" {
		return nil
	}
	p, err := project.Load(file)
	if err != nil {
		return problem(fmt.Errorf("project file:\n%w", err))
	}
	g.Project = p
	fromWD := g.fromWD
	set := func(flag string, dst *string, val, def string) {
		if cmd.Flags().Changed(flag) {
			return
		}
		if val == "" {
			val = def
		}
		if val != "" {
			*dst = fromWD(p.Path(val))
		}
	}
	set("partners", &g.Partners, p.Partners, project.Defaults.Partners)
	set("out", &g.Out, p.Out, project.Defaults.Out)
	set("templates", &g.Templates, p.Templates, "")
	g.Languages = p.Languages
	return nil
}

// At returns path as seen from the working folder: as given when it is
// absolute or the working folder is the process's, else joined to it.
func (g *GlobalOptions) At(path string) string {
	if g.WorkDir == "" || path == "" || filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(g.WorkDir, path)
}

// wd returns the working folder as an absolute path.
func (g *GlobalOptions) wd() (string, error) {
	if g.WorkDir != "" {
		return filepath.Abs(g.WorkDir)
	}
	return os.Getwd()
}

// resolve makes the folder flags paths from the working folder.
func (g *GlobalOptions) resolve() {
	g.Partners, g.Out, g.Templates = g.At(g.Partners), g.At(g.Out), g.At(g.Templates)
}

// fromWD shows a path relative to the working folder when it can.
func (g *GlobalOptions) fromWD(path string) string {
	if g.WorkDir != "" {
		return path // resolve joins it to the working folder
	}
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	if rel, err := filepath.Rel(wd, path); err == nil {
		return rel
	}
	return path
}

// Inputs opens the partners folder and the template set the flags name.
func (g *GlobalOptions) Inputs() (project.Inputs, error) {
	in := project.Inputs{Partners: safefile.DirFS(g.Partners, partner.MaxFileSize), PartnersDir: g.Partners, Templates: templates.FS, Languages: g.Languages}
	if g.Templates != "" {
		st, err := os.Stat(g.Templates)
		if err != nil {
			return in, problem(fmt.Errorf("--templates %s: %w", g.Templates, errors.Unwrap(err)))
		}
		if !st.IsDir() {
			return in, problem(fmt.Errorf("--templates %s: not a folder", g.Templates))
		}
		in.Templates, in.TemplatesDir = safefile.DirFS(g.Templates, render.MaxTemplateSize), g.Templates
	}
	return in, nil
}

// TemplateSet returns the inputs and the loaded template set; a set that
// does not load is a problem (exit 1).
func (g *GlobalOptions) TemplateSet() (project.Inputs, *render.Set, error) {
	in, err := g.Inputs()
	if err != nil {
		return in, nil, err
	}
	set, err := in.LoadTemplates()
	if err != nil {
		return in, nil, problem(err)
	}
	return in, set, nil
}

// requirePartners explains a partners folder that does not exist, which is
// what a newcomer running a command outside a docs repository meets first.
func (g *GlobalOptions) requirePartners() error {
	if _, err := os.Stat(g.Partners); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if g.Project != nil {
		return problem(fmt.Errorf("%s: the partners folder %s names does not exist; create it, or add a partner with `partnerpages new`", g.Partners, g.Project.File))
	}
	return problem(fmt.Errorf(`%s: no partners folder here, and no partnerpages.yaml in this folder or above it.
  In a docs repository, run 'partnerpages init' once, then 'partnerpages new' to add a partner;
  or name the folder with --partners DIR`, g.Partners))
}

// requireOut explains an output folder that does not exist yet, for
// commands that read the pages.
func (g *GlobalOptions) requireOut() error {
	if _, err := os.Stat(g.Out); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	hint := "run 'partnerpages generate' to write the pages first, or name the pages or folders to lint"
	if g.Project == nil {
		if _, err := os.Stat(g.Partners); errors.Is(err, fs.ErrNotExist) {
			hint = "no partnerpages.yaml in this folder or above it: in a docs repository, run 'partnerpages init', then 'partnerpages new'; or name the pages or folders to lint"
		}
	}
	return problem(fmt.Errorf("%s: no such folder, so there is nothing to lint;\n  %s", g.Out, hint))
}

// noProject annotates commands that run without reading a project file.
const noProject = "partnerpages/no-project"

// newRootCmd builds the command tree for commands run in the folder dir
// ("": the process's working folder).
func newRootCmd(io *IOStreams, dir string) *cobra.Command {
	g := &GlobalOptions{IO: io, WorkDir: dir}
	root := &cobra.Command{
		Use:   "partnerpages",
		Short: "Write the partner connection pages of the HubRise docs from YAML",
		Long: `partnerpages writes every partner's "Connect to HubRise" page, in every
language, from one YAML file per partner (partners/<slug>.yaml) and one
shared template set. Pages land in <out>/<slug>/<lang>/connect-hubrise.md.

Inside a docs repository, a project file (partnerpages.yaml, written by
'partnerpages init') names the partners, output and templates folders and
the languages; every command finds it from the working folder upward, so it
runs from any subfolder with no flags. Flags override it.`,
		Example: `  # set up a docs repository once, then run commands from anywhere in it
  partnerpages init --templates

  # write or refresh the pages of every partner
  partnerpages generate

  # fail in CI when a page is missing, stale or edited by hand
  partnerpages generate --check

  # check the partner files only
  partnerpages validate`,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			defer g.resolve()
			if cmd.Annotations[noProject] != "" {
				return nil
			}
			return g.applyProject(cmd)
		},
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       readBuildInfo().Version,
	}
	// --version prints the line `version` prints; it has no -v, which means
	// --verbose on the commands that have one.
	root.SetVersionTemplate(readBuildInfo().String() + "\n")
	root.Flags().Bool("version", false, "print the version, the commit and the Go version")
	root.SetIn(io.In)
	root.SetOut(io.Out)
	root.SetErr(io.ErrOut)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usagef("%v\nRun '%s --help' for usage.", err, c.CommandPath())
	})
	pf := root.PersistentFlags()
	pf.StringVar(&g.Partners, "partners", "partners", "folder of partner YAML files")
	pf.StringVar(&g.Templates, "templates", "", "template set folder (default: the embedded set)")
	pf.StringVar(&g.Out, "out", "content/apps", "output folder for the pages")
	addProfileFlags(root)

	root.AddCommand(
		NewCmdInit(g, nil),
		NewCmdNew(g, nil),
		NewCmdGenerate(g, nil),
		NewCmdAbsorb(g, nil),
		NewCmdValidate(g, nil),
		NewCmdLint(g, nil),
		NewCmdImport(g, nil),
		NewCmdTemplates(g, nil),
		NewCmdPreview(g, nil),
		NewCmdVersion(g),
		NewCmdGenDocs(g),
	)
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "version" || c.Name() == "completion" || c.Name() == "gen-docs" {
			hideGlobalFlags(c)
		}
	}
	return root
}

// hideGlobalFlags keeps the project's folder flags out of the help of c and
// its subcommands, which do not use them.
func hideGlobalFlags(c *cobra.Command) {
	def := c.HelpFunc()
	c.SetHelpFunc(func(cmd *cobra.Command, args []string) {
		cmd.InheritedFlags().VisitAll(func(f *pflag.Flag) {
			if f.Name == "partners" || f.Name == "out" || f.Name == "templates" {
				f.Hidden = true
			}
		})
		def(cmd, args)
	})
}

// Run executes the command line args and returns the process exit code.
func Run(ctx context.Context, args []string, io *IOStreams) int { return RunIn(ctx, "", args, io) }

// RunIn is Run in the working folder dir: relative paths, in flags,
// arguments and the project file's search, start there.
func RunIn(ctx context.Context, dir string, args []string, io *IOStreams) int {
	root := newRootCmd(io, dir)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	code := exitCode(ctx, err)
	switch {
	case err == nil || errors.Is(err, errSilent) || errors.Is(err, errCancelled):
	case code == exitInterrupted:
		fmt.Fprintln(io.ErrOut, "interrupted; nothing was left half-written")
	default:
		fmt.Fprintln(io.ErrOut, "error: "+err.Error())
	}
	return code
}

// completeSlugs completes a command's slug arguments with the partner files
// of the project's partners folder (shell completion runs no pre-run, so
// the project file is read here).
func (g *GlobalOptions) completeSlugs(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if err := g.applyProject(cmd); err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	g.resolve()
	var out []string
	for _, s := range knownSlugs(g.Partners) {
		if strings.HasPrefix(s, toComplete) && !slices.Contains(args, s) {
			out = append(out, s)
		}
	}
	if cmd.Name() == "validate" || cmd.Name() == "absorb" {
		return out, cobra.ShellCompDirectiveDefault // a file's path, or a page's, is an argument too
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// noteUnusedTemplates says so when a template set lies in the project's
// templates folder while the run renders with the embedded one (an export
// nobody named: its edits would reach no page).
func (g *GlobalOptions) noteUnusedTemplates() {
	if g.Templates != "" {
		return
	}
	dir := g.At(".")
	if g.Project != nil {
		dir = g.Project.Dir
	}
	folder := filepath.Join(dir, "templates")
	if _, err := os.Stat(filepath.Join(folder, render.SiteFile)); err != nil {
		return
	}
	if own, err := render.Load(os.DirFS(folder)); err == nil {
		if embedded, err := render.Load(templates.FS); err == nil && own.Digest == embedded.Digest {
			return // the embedded set itself (this repository's templates/, or an export left as it was)
		}
	}
	where := "add \"templates: templates\" to " + project.FileName
	if g.Project == nil {
		where = "pass --templates " + g.fromWD(folder)
	}
	fmt.Fprintf(g.IO.ErrOut, "note: %s holds a template set, but this run renders with the embedded one; to use it, %s\n", g.fromWD(folder), where)
}
