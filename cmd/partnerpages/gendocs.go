package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// GenDocsOptions are the flags of the hidden `gen-docs` command, which the
// release build and CI use to write the man pages and the command reference.
type GenDocsOptions struct {
	ManDir      string
	MarkdownDir string
}

// NewCmdGenDocs is the hidden `gen-docs` command.
func NewCmdGenDocs(g *GlobalOptions) *cobra.Command {
	opts := &GenDocsOptions{}
	cmd := &cobra.Command{
		Use:   "gen-docs",
		Short: "Write the man pages and the Markdown command reference from the command tree",
		Example: `  partnerpages gen-docs --markdown docs/commands
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) partnerpages gen-docs --man dist/man/man1`,
		Args:        cobra.NoArgs,
		Hidden:      true,
		Annotations: map[string]string{noProject: "yes"},
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.ManDir == "" && opts.MarkdownDir == "" {
				return usagef("gen-docs: give --man DIR, --markdown DIR or both")
			}
			opts.ManDir, opts.MarkdownDir = g.At(opts.ManDir), g.At(opts.MarkdownDir)
			return runGenDocs(cmd.Root(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.ManDir, "man", "", "write section 1 man pages into `DIR` (dated by SOURCE_DATE_EPOCH when set)")
	cmd.Flags().StringVar(&opts.MarkdownDir, "markdown", "", "write the Markdown command reference into `DIR`")
	return cmd
}

// runGenDocs writes the documents of every visible command of root.
func runGenDocs(root *cobra.Command, opts *GenDocsOptions) error {
	root.DisableAutoGenTag = true // no build date in the files: they are compared in CI
	if opts.MarkdownDir != "" {
		if err := os.MkdirAll(opts.MarkdownDir, 0o755); err != nil {
			return problem(err)
		}
		if err := doc.GenMarkdownTree(root, opts.MarkdownDir); err != nil {
			return problem(fmt.Errorf("command reference: %w", err))
		}
	}
	if opts.ManDir != "" {
		if err := os.MkdirAll(opts.ManDir, 0o755); err != nil {
			return problem(err)
		}
		escapeForMan(root)
		header := &doc.GenManHeader{Title: "PARTNERPAGES", Section: "1", Source: "partnerpages " + readBuildInfo().Version, Manual: "partnerpages manual"}
		if err := doc.GenManTree(root, header, opts.ManDir); err != nil {
			return problem(fmt.Errorf("man pages: %w", err))
		}
	}
	return nil
}

// escapeForMan keeps placeholders such as <out>/<slug> in the descriptions:
// the man page converter reads Markdown, where they would be HTML tags.
func escapeForMan(c *cobra.Command) {
	c.Long = strings.ReplaceAll(c.Long, "<", `\<`)
	for _, sub := range c.Commands() {
		escapeForMan(sub)
	}
}
