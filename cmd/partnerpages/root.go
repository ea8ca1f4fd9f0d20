package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/partnerpages/partnerpages/scaffold"
	"github.com/partnerpages/partnerpages/scaffold/output"
	"github.com/partnerpages/partnerpages/scaffold/render"
	"github.com/partnerpages/partnerpages/templates"
)

// GlobalOptions are the flags every command shares.
type GlobalOptions struct {
	IO        *IOStreams
	Partners  string
	Templates string
	Out       string
}

// Inputs opens the partners folder and the template set the flags name.
func (g *GlobalOptions) Inputs() (scaffold.Inputs, error) {
	in := scaffold.Inputs{Partners: output.DiskFS(g.Partners), PartnersDir: g.Partners, Templates: templates.FS}
	if g.Templates != "" {
		st, err := os.Stat(g.Templates)
		if err != nil {
			return in, problem(fmt.Errorf("--templates %s: %w", g.Templates, errors.Unwrap(err)))
		}
		if !st.IsDir() {
			return in, problem(fmt.Errorf("--templates %s: not a folder", g.Templates))
		}
		in.Templates = os.DirFS(g.Templates)
	}
	return in, nil
}

// TemplateSet returns the inputs and the loaded template set; a set that
// does not load is a problem (exit 1).
func (g *GlobalOptions) TemplateSet() (scaffold.Inputs, *render.Set, error) {
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

// NewRootCmd builds the command tree.
func NewRootCmd(io *IOStreams) *cobra.Command {
	g := &GlobalOptions{IO: io}
	root := &cobra.Command{
		Use:   "partnerpages",
		Short: "Write the partner connection pages of the HubRise docs from YAML",
		Long: `partnerpages writes every partner's "Connect to HubRise" page, in every
language, from one YAML file per partner (partners/<slug>.yaml) and one
shared template set. Pages land in <out>/<slug>/<lang>/connect-hubrise.md.`,
		Example: `  # write or refresh the pages of every partner
  partnerpages generate

  # fail in CI when a page is missing, stale or edited by hand
  partnerpages generate --check

  # check the partner files only
  partnerpages validate`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version(),
	}
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
		newNewCmd(g),
		newGenerateCmd(g),
		newValidateCmd(g),
		newLintCmd(g),
		newImportCmd(g),
		newTemplatesCmd(g),
		newVersionCmd(g),
	)
	return root
}

// Run executes the command line args and returns the process exit code.
func Run(ctx context.Context, args []string, io *IOStreams) int {
	root := NewRootCmd(io)
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
