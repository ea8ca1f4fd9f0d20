package main

import (
	"fmt"
	"path/filepath"

	"github.com/partnerpages/partnerpages/scaffold/project"
	"github.com/partnerpages/partnerpages/templates"
	"github.com/spf13/cobra"
)

// TemplatesOptions are the arguments of `templates list|export`.
type TemplatesOptions struct {
	*GlobalOptions
	Dir   string
	Force bool
}

// NewCmdTemplates wires the flags of `templates list` and `templates export`
// into TemplatesOptions; they run runF when a test gives one.
func NewCmdTemplates(g *GlobalOptions, runF func(*TemplatesOptions) error) *cobra.Command {
	opts := &TemplatesOptions{GlobalOptions: g}
	cmd := &cobra.Command{
		Use:   "templates",
		Short: "List the template set, or export the embedded one to customize it",
		Example: `  partnerpages templates list                       # the set in use: embedded, or --templates DIR
  partnerpages templates export templates           # a copy to edit, beside the project file
  partnerpages generate --templates templates       # then render with it`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmd.Help()
		},
	}
	list := &cobra.Command{
		Use:   "list",
		Short: "List the languages, pages and partials of the template set",
		Example: `  partnerpages templates list
  partnerpages templates list --templates my-templates`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return dispatch(runF, runTemplatesList, opts) },
	}
	export := &cobra.Command{
		Use:   "export DIR",
		Short: "Write the embedded template set to DIR as a starting point",
		Long: `export writes the embedded template set to DIR. Edit it, then pass
--templates DIR to generate. Existing files are not overwritten without --force.`,
		Example: `  partnerpages templates export my-templates
  partnerpages generate --templates my-templates`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = opts.At(args[0])
			return dispatch(runF, runTemplatesExport, opts)
		},
	}
	export.Flags().BoolVar(&opts.Force, "force", false, "overwrite files that already exist in DIR")
	cmd.AddCommand(list, export)
	return cmd
}

func runTemplatesList(opts *TemplatesOptions) error {
	_, set, err := opts.TemplateSet()
	if err != nil {
		return err
	}
	source := "embedded"
	if opts.Templates != "" {
		source = opts.Templates
	}
	fmt.Fprintf(opts.IO.Out, "template set: %s\nlanguages: %v\n", source, set.Languages())
	for _, f := range set.Files() {
		fmt.Fprintln(opts.IO.Out, "  "+f)
	}
	return nil
}

func runTemplatesExport(opts *TemplatesOptions) error {
	written, err := templates.Export(opts.Dir, opts.Force)
	for _, f := range written {
		fmt.Fprintf(opts.IO.Out, "wrote %s\n", f)
	}
	if err != nil {
		return problem(err)
	}
	p := opts.Project
	switch {
	case p == nil:
		fmt.Fprintf(opts.IO.Out, "to render with it: partnerpages generate --templates %s (or name it in partnerpages.yaml, which `partnerpages init` writes)\n", opts.Dir)
	case p.Templates == "":
		rel, err := project.SetTemplates(p, opts.Dir)
		if err != nil {
			return problem(fmt.Errorf("the set was exported, but %s could not name it: %w; add \"templates: %s\" to it", p.File, err, filepath.ToSlash(opts.Dir)))
		}
		fmt.Fprintf(opts.IO.Out, "added \"templates: %s\" to %s: every command now renders with this set\n", rel, p.File)
	default:
		fmt.Fprintf(opts.IO.Out, "%s names the set %s; to use this one instead, change its templates: line to %s\n", p.File, p.Templates, opts.Dir)
	}
	return nil
}
