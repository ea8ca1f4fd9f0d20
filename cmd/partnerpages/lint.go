package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/partnerpages/partnerpages/scaffold/lint"
	"github.com/partnerpages/partnerpages/scaffold/spelling"
)

// LintOptions are the flags of `lint`.
type LintOptions struct {
	*GlobalOptions
	Paths  []string
	Format string
	Site   string
	Strict bool
	Fix    bool
	DryRun bool
}

// NewCmdLint wires the flags of `lint` into LintOptions; the command runs
// runF when a test gives one, else runLint.
func NewCmdLint(g *GlobalOptions, runF func(*LintOptions) error) *cobra.Command {
	opts := &LintOptions{GlobalOptions: g}
	cmd := &cobra.Command{
		Use:   "lint [PATH...]",
		Short: "Check connection pages (generated or hand-written) for what hand-editing gets wrong",
		Long: `lint parses Markdown pages (files, or folders: every .md below them; default:
the --out folder) and reports, as path:line:col: rule: message,

On every page of a site (links, MDX safety, front matter, unfinished text, French):
  placeholder      TODO, {{ }}, "..." standing for words ("il faut ...")
  elision          French pages: "de Expedy" for "d'Expedy", "le application" for
                   "l'application", "que Orderix" for "qu'Orderix" (also ne, se,
                   lorsque, puisque, jusque), in text, headings and front matter values
  anchor           an in-page link to a missing {#id}
  link-form        relative links, links to the site's own domain, links with no
                   scheme ("www.example.com": the browser reads it as a path)
  front-matter     invalid YAML, no title
  mdx              HTML comments, stray { } < that break the site's MDX build
  code-span        a backtick that opens a code span and never closes it
                   (an e-mail then shows with a stray backtick)
  link-target      with --site: /docs/… and /apps/… links (FAQ pages included) that
                   do not resolve, localized slugs, #ids no heading has
  spelling         (warning) a word the page's language dictionary lacks (confim,
                   devotre), with the system's hunspell (Debian: hunspell
                   hunspell-en-gb hunspell-en-us hunspell-fr; without it the rule
                   is skipped with a note), and slips such as "To can connect";
                   names, acronyms, code, addresses, bold UI labels, the site's
                   vocabulary and the project's lint.words are left alone
  style            (warning) the site's style guide: an English heading that
                   capitalises a word the guide keeps in lower case ("Switch To
                   Location"), a meta title not "Page | Section | HubRise" or over
                   60 characters, a meta description with no full stop or over 160,
                   a notice not "**IMPORTANT NOTE:**" between two rules (---), a
                   platform UI label in capitals or of several words not in bold
On connect pages (connect-hubrise.md, connexion-hubrise.md, or titled so) also:
  placeholder      SOLUTION, [EPOS] the template left
  variant-marker   -- OR --, -- OU --, "option 1" lines of the template
  empty-step       a numbered step with no text
  step-numbering   steps neither all "1." nor 1, 2, 3…; numbered stage headings
                   ("## 2. Connect") that do not start at 1 or skip one
  name-mismatch    the product named differently in front matter and headings
                   (MiiPos for WiiPos), misspelt in the text (one letter off, or
                   two swapped: Qwetna); with --site, another partner's name in a
                   heading or the meta description, or a page in apps/X that
                   names apps/Y's product throughout (copied and not renamed)
  email-mismatch   give-access and contact e-mails differ, or an invalid address
  anchor           a link to another section than its text names; a heading whose
                   {#id} is another section's ("## Disconnect X {#connect}"); a link
                   into another app's #give-access or #contact (meant in-page)
  front-matter     missing keys; no path_override where the file name is not the
                   URL (a French page named connect-hubrise.md)
  outdated-ui      (warning) the platform's old give-access steps: the **Manager** role
                   picked from a list, the + icon, "Edit permissions" ("Modifier
                   les permissions"); the message names the current steps, from
                   the template set's ui labels

Each finding has a severity: error (the default), warning (outdated-ui) or
suggestion; the project file can change them. It exits 1 when it finds an
error (with --strict, a warning too), 0 otherwise. Text output names the
severity of warnings and suggestions ("rule: warning: message") and is
coloured on a terminal; --format github writes workflow annotations that
show on a pull request's lines, --format sarif a SARIF 2.1.0 log.`,
		Example: `  partnerpages lint                               # the generated pages (content/apps)
  partnerpages lint page.md other/folder
  partnerpages lint --site ../website/content ../website/content   # a whole site
  partnerpages lint --site ../website/content content/apps
  partnerpages lint --format json content/apps > findings.json
  partnerpages lint --format github              # in a GitHub Actions step
  partnerpages lint --format sarif > lint.sarif  # for code scanning`,
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, a := range args {
				opts.Paths = append(opts.Paths, opts.At(a))
			}
			opts.Site = opts.At(opts.Site)
			opts.Ctx = cmd.Context()
			return dispatch(runF, runLint, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text, json, github (workflow annotations) or sarif (SARIF 2.1.0)")
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "exit 1 on warnings too")
	cmd.Flags().BoolVar(&opts.Fix, "fix", false, "mend what has exactly one right fix (elision, step numbering, a missing path_override, site links with the domain or a localized slug), then report the rest")
	cmd.Flags().BoolVar(&opts.DryRun, "dry-run", false, "with --fix: print a diff of the fixes; write nothing")
	cmd.Flags().StringVar(&opts.Site, "site", "", "docs content tree (docs/<lang>/<file>.md, apps/<app>/<lang>/<file>.md) to resolve /docs/ and /apps/ links against")
	return cmd
}

func runLint(opts *LintOptions) error {
	switch opts.Format {
	case "text", "json", "github", "sarif":
	default:
		return usagef("--format must be text, json, github or sarif, not %q", opts.Format)
	}
	in, err := opts.Inputs()
	if err != nil {
		return err
	}
	lo, err := in.LintOptions(opts.Site)
	if err != nil {
		return problem(err)
	}
	if p := opts.Project; p != nil {
		lo.Severities = p.Lint.Rules
		for _, sk := range p.Lint.Skip {
			lo.Skip = append(lo.Skip, p.Path(sk))
		}
		lo.Words = map[string]bool{}
		for _, w := range p.Lint.Words {
			lo.Words[w] = true
		}
	}
	if lo.Severities[lint.RuleSpelling] != lint.SeverityOff {
		speller, err := spelling.Find([]string{"en", "fr"})
		if err != nil {
			fmt.Fprintf(opts.IO.ErrOut, "note: the spelling rule is skipped: %v\n", err)
		} else {
			defer speller.Close()
			lo.Speller = speller
		}
	}
	paths := opts.Paths
	if len(paths) == 0 {
		if err := opts.requireOut(); err != nil {
			return err
		}
		paths = []string{opts.Out}
	}
	if opts.DryRun && !opts.Fix {
		return usagef("--dry-run goes with --fix")
	}
	if opts.Fix {
		res, err := lint.FixFiles(paths, lo, !opts.DryRun)
		for _, r := range res {
			if opts.DryRun {
				fmt.Fprint(opts.IO.Out, r.Diff)
				continue
			}
			for _, c := range r.Changes {
				fmt.Fprintf(opts.IO.ErrOut, "fixed %s:%s\n", r.Path, c)
			}
		}
		if err != nil {
			return problem(err)
		}
		if opts.DryRun {
			return nil
		}
	}
	findings, checked, err := lint.RunCount(opts.Ctx, paths, lo)
	if err != nil {
		return err
	}
	if checked == 0 && len(findings) == 0 {
		return problem(fmt.Errorf("no page to lint in %s: lint reads Markdown pages (.md files)", strings.Join(paths, ", ")))
	}
	switch {
	case opts.Format == "json":
		err = lint.WriteJSON(opts.IO.Out, findings)
	case opts.Format == "github":
		err = lint.WriteGitHub(opts.IO.Out, findings)
	case opts.Format == "sarif":
		err = lint.WriteSARIF(opts.IO.Out, findings)
	case opts.IO.OutIsTerminal() && os.Getenv("NO_COLOR") == "":
		err = lint.WriteTextColored(opts.IO.Out, findings)
	default:
		err = lint.WriteText(opts.IO.Out, findings)
	}
	if err != nil {
		return problem(err)
	}
	if len(findings) > 0 && opts.Format == "text" {
		fmt.Fprintf(opts.IO.ErrOut, "%d finding(s): %d error(s), %d warning(s)\n", len(findings), lint.Errors(findings), len(findings)-lint.Errors(findings))
	}
	if len(findings) == 0 && opts.Format == "text" {
		fmt.Fprintf(opts.IO.ErrOut, "%d page(s) checked: no finding\n", checked)
	}
	if lint.Errors(findings, opts.Strict) > 0 {
		return errSilent
	}
	return nil
}
