package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/safefile"
)

// ValidateOptions are the arguments of `validate`.
type ValidateOptions struct {
	*GlobalOptions
	Args []string
}

// NewCmdValidate wires the flags of `validate` into ValidateOptions; the command runs
// runF when a test gives one, else runValidate.
func NewCmdValidate(g *GlobalOptions, runF func(*ValidateOptions) error) *cobra.Command {
	opts := &ValidateOptions{GlobalOptions: g}
	return &cobra.Command{
		Use:               "validate [SLUG|FILE...]",
		ValidArgsFunction: g.completeSlugs,
		Short:             "Check partner files and report every problem with file:line:col",
		Long: `validate checks partner files against the partner schema (v1 or v2) and the template set's
languages. With no argument it checks every file of the partners folder
(and that no two share a slug); arguments are slugs or file paths.`,
		Example: `  partnerpages validate                      # every partner file
  partnerpages validate qwenta               # partners/qwenta.yaml
  partnerpages validate ~/drafts/new.yaml    # any file`,
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, a := range args {
				if partner.IsPartnerFile(a) || strings.ContainsRune(a, os.PathSeparator) {
					a = opts.At(a) // a file, not a slug
				}
				opts.Args = append(opts.Args, a)
			}
			opts.Ctx = cmd.Context()
			return dispatch(runF, runValidate, opts)
		},
	}
}

func runValidate(opts *ValidateOptions) error {
	in, set, err := opts.TemplateSet()
	if err != nil {
		return err
	}
	var ps []*partner.Partner
	var errs partner.ErrorList
	if len(opts.Args) == 0 {
		if err := opts.requirePartners(); err != nil {
			return err
		}
		ps, errs = in.LoadPartners(set)
	} else {
		for _, a := range opts.Args {
			dir, name := opts.Partners, a+".yaml"
			if partner.IsPartnerFile(a) || strings.ContainsRune(a, os.PathSeparator) {
				dir, name = filepath.Dir(a), filepath.Base(a)
			} else if _, err := os.Stat(filepath.Join(dir, name)); errors.Is(err, os.ErrNotExist) {
				if _, err := os.Stat(filepath.Join(dir, a+".yml")); err != nil {
					return problem(fmt.Errorf("no partner with slug %s in %s (known: %s); give a file's path to validate another file", a, dir, strings.Join(knownSlugs(dir), ", ")))
				}
				name = a + ".yml"
			}
			p, e := partner.Load(safefile.DirFS(dir, partner.MaxFileSize), name, filepath.Join(dir, name), set.Languages())
			errs = append(errs, e...)
			if p != nil {
				ps = append(ps, p)
			}
		}
		errs = append(errs, partner.Duplicates(ps)...)
		for _, p := range ps {
			errs = append(errs, set.CheckRefs(p)...)
		}
	}
	if len(errs) > 0 {
		errs.Sort()
		for _, e := range errs {
			fmt.Fprintln(opts.IO.ErrOut, e.Error())
		}
		fmt.Fprintf(opts.IO.ErrOut, "%d problem(s) found\n", len(errs))
		return errSilent
	}
	fmt.Fprintf(opts.IO.Out, "%d partner file(s) valid\n", len(ps))
	return nil
}

// knownSlugs lists the partner files of dir by name, without extension.
func knownSlugs(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		if partner.IsPartnerFile(e.Name()) && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, strings.TrimSuffix(e.Name(), filepath.Ext(e.Name())))
		}
	}
	return out
}
