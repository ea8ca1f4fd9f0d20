package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/partnerpages/partnerpages/scaffold/lint"
)

// LintOptions are the flags of `lint`.
type LintOptions struct {
	*GlobalOptions
	Paths  []string
	Format string
	Site   string
}

func newLintCmd(g *GlobalOptions) *cobra.Command {
	opts := &LintOptions{GlobalOptions: g}
	cmd := &cobra.Command{
		Use:   "lint [PATH...]",
		Short: "Check connection pages (generated or hand-written) for what hand-editing gets wrong",
		Long: `lint parses Markdown pages (files, or folders: every .md below them; default:
the --out folder) and reports, as path:line:col: rule: message,

On every page of a site (links, MDX safety, front matter, unfinished text, French):
  placeholder      TODO, {{ }}, "..." standing for words ("il faut ...")
  elision          French pages: "de Expedy" for "d'Expedy", "le application" for
                   "l'application", in text, headings and front matter values
  anchor           an in-page link to a missing {#id}
  link-form        relative links, links to the site's own domain, links with no
                   scheme ("www.example.com": the browser reads it as a path)
  front-matter     invalid YAML, no title
  mdx              HTML comments, stray { } < that break the site's MDX build
  link-target      with --site: /docs/… and /apps/… links (FAQ pages included) that
                   do not resolve, localized slugs, #ids no heading has
On connect pages (connect-hubrise.md, connexion-hubrise.md, or titled so) also:
  placeholder      SOLUTION, [EPOS] the template left
  variant-marker   -- OR --, -- OU --, "option 1" lines of the template
  empty-step       a numbered step with no text
  step-numbering   steps neither all "1." nor 1, 2, 3…
  name-mismatch    the product named differently in front matter and headings
                   (MiiPos for WiiPos), or, with --site, another partner's name
  email-mismatch   give-access and contact e-mails differ, or an invalid address
  anchor           a link to another section than its text names; a heading whose
                   {#id} is another section's ("## Disconnect X {#connect}")
  front-matter     missing keys; no path_override where the file name is not the
                   URL (a French page named connect-hubrise.md)
  outdated-ui      (warning) the platform's old give-access steps: the **Manager** role
                   picked from a list, the + icon, "Modifier les permissions"; the
                   message names the current steps, from the template set's ui labels

It exits 1 when it finds an error, 0 when the pages are clean or have
warnings only (printed as "rule: warning: message").`,
		Example: `  partnerpages lint                               # the generated pages (content/apps)
  partnerpages lint page.md other/folder
  partnerpages lint --site ../website/content ../website/content   # a whole site
  partnerpages lint --site ../website/content content/apps
  partnerpages lint --format json content/apps > findings.json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			return runLint(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text or json")
	cmd.Flags().StringVar(&opts.Site, "site", "", "docs content tree (docs/<lang>/<file>.md, apps/<app>/<lang>/<file>.md) to resolve /docs/ and /apps/ links against")
	return cmd
}

func runLint(opts *LintOptions) error {
	if opts.Format != "text" && opts.Format != "json" {
		return usagef("--format must be text or json, not %q", opts.Format)
	}
	in, err := opts.Inputs()
	if err != nil {
		return err
	}
	lo, err := in.LintOptions(opts.Site)
	if err != nil {
		return problem(err)
	}
	paths := opts.Paths
	if len(paths) == 0 {
		paths = []string{opts.Out}
	}
	findings := lint.Run(paths, lo)
	if opts.Format == "json" {
		err = lint.WriteJSON(opts.IO.Out, findings)
	} else {
		err = lint.WriteText(opts.IO.Out, findings)
	}
	if err != nil {
		return problem(err)
	}
	if len(findings) > 0 && opts.Format == "text" {
		fmt.Fprintf(opts.IO.ErrOut, "%d finding(s): %d error(s), %d warning(s)\n", len(findings), lint.Errors(findings), len(findings)-lint.Errors(findings))
	}
	if lint.Errors(findings) > 0 {
		return errSilent
	}
	return nil
}
