package main

import (
	"fmt"
	"net"
	"os/exec"
	"runtime"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/partnerpages/partnerpages/scaffold/lint"
	"github.com/partnerpages/partnerpages/scaffold/preview"
)

// PreviewOptions are the flags of `preview`.
type PreviewOptions struct {
	*GlobalOptions
	Slugs  []string
	Port   int
	Open   bool
	Site   string
	Static string // --html: write static HTML here instead of serving
	Pages  string // the generated pages' folder (default: the project's output folder)
}

// NewCmdPreview wires the flags of `preview` into PreviewOptions; the command
// runs runF when a test gives one, else runPreview.
func NewCmdPreview(g *GlobalOptions, runF func(*PreviewOptions) error) *cobra.Command {
	opts := &PreviewOptions{GlobalOptions: g}
	cmd := &cobra.Command{
		Use:               "preview [SLUG...]",
		ValidArgsFunction: g.completeSlugs,
		Short:             "See every partner's pages as the site shows them, languages side by side, live while you edit",
		Long: `preview serves, on 127.0.0.1 only, an index of the project's partners and a
page for each: the partner file beside its page in every language, rendered
to HTML as the site shows it (headings with their {#id}, steps, bold labels,
images from the pages folder, the site's <InlineImage> and <Link>), with the
front matter's title and meta, each lint finding at its block, the sections
the template does not write marked (a template change will not reach them),
and whether the page on disk is current, stale or edited by hand. A page
on disk that differs from the templates' rendering (stale, or edited by
hand) is shown as the file holds it, with that file's own lint findings and
how many lines differ.

When a partner file, a template or a page changes, the open browser reloads
within a second; a partner file that does not validate shows its errors.
preview reads the project and never writes into it; --html DIR writes the
same pages as static HTML into a folder of their own instead.

The generated pages' folder is the project's output folder (or --pages DIR).`,
		Example: `  partnerpages preview                      # every partner, on a free port
  partnerpages preview qwenta --port 8080 --open
  partnerpages preview --site ../website/content   # check site links against the real site
  partnerpages preview --html /tmp/pages-review    # static HTML for a pull request`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Slugs = args
			opts.Static, opts.Site = opts.At(opts.Static), opts.At(opts.Site)
			if (cmd.Flags().Changed("html") || cmd.Flags().Changed("out")) && opts.Static == "" {
				return usagef("--html needs a folder for the static HTML")
			}
			if opts.Pages == "" {
				opts.Pages = opts.pagesDir()
			}
			opts.Ctx = cmd.Context()
			return dispatch(runF, runPreview, opts)
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.Port, "port", 0, "port on 127.0.0.1 (default: a free one)")
	f.BoolVar(&opts.Open, "open", false, "open the preview in the browser")
	f.StringVar(&opts.Site, "site", "", "docs content tree to resolve /docs/ and /apps/ links against (broken ones are shown)")
	f.StringVar(&opts.Static, "html", "", "write the preview as static HTML into `DIR` and exit, instead of serving it")
	// --out was this flag's first name; it shadows the global --out (the
	// pages folder, which preview names --pages), so it only stays working
	f.StringVar(&opts.Static, "out", "", "the same as --html")
	_ = f.MarkDeprecated("out", "use --html DIR (the global --out names the pages folder elsewhere; here it is --pages)")
	f.StringVar(&opts.Pages, "pages", "", "folder of the generated pages, for their images and state (default: the project's output folder)")
	return cmd
}

// pagesDir is the generated pages' folder: the project's, as the global
// --out would give, which preview's own --out shadows.
func (opts *PreviewOptions) pagesDir() string {
	if p := opts.Project; p != nil {
		out := p.Out
		if out == "" {
			out = "content/apps"
		}
		return opts.fromWD(p.Path(out))
	}
	return "content/apps"
}

func runPreview(opts *PreviewOptions) error {
	ctx := opts.Ctx
	in, err := opts.Inputs()
	if err != nil {
		return err
	}
	po := preview.Options{Partners: in.Partners, PartnersDir: in.PartnersDir, Pages: opts.Pages, Slugs: opts.Slugs,
		Templates: in.LoadTemplates, Lint: func() (lint.Options, error) { return in.LintOptions(opts.Site) }}
	st := preview.Load(po)
	if missing := missingSlugs(st, opts.Slugs); len(missing) > 0 {
		return problem(fmt.Errorf("no partner with slug %s (known: %s); nothing was written", strings.Join(missing, ", "), strings.Join(knownSlugs(opts.Partners), ", ")))
	}
	if opts.Static != "" {
		files, err := preview.WriteStatic(opts.Static, opts.Pages, st)
		if err != nil {
			return problem(err)
		}
		fmt.Fprintf(opts.IO.Out, "wrote %d files into %s; open %s/index.html\n", len(files), opts.Static, opts.Static)
		for _, p := range st.Problems {
			fmt.Fprintln(opts.IO.ErrOut, "error: "+p)
		}
		if len(st.Problems) > 0 {
			return errSilent // the pages show the problem; a script sees exit 1
		}
		return nil
	}
	l, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(opts.Port)))
	if err != nil {
		return problem(fmt.Errorf("cannot listen on 127.0.0.1:%d: %w", opts.Port, err))
	}
	srv := preview.NewServer(po)
	watched := []string{opts.Partners, opts.Pages}
	if opts.Templates != "" {
		watched = append(watched, opts.Templates)
	}
	w, err := preview.NewWatcher(watched...)
	if err != nil {
		fmt.Fprintf(opts.IO.ErrOut, "live reload is off: %v\n", err)
		w = nil
	}
	url := "http://" + l.Addr().String() + "/"
	fmt.Fprintf(opts.IO.Out, "previewing %s at %s (Ctrl-C to stop)\n", opts.Partners, url)
	if opts.Open {
		openBrowser(url)
	}
	return srv.Serve(ctx, l, w)
}

// openBrowser asks the desktop to open url; a failure only loses the tab.
func openBrowser(url string) {
	name, args := "xdg-open", []string{url}
	switch runtime.GOOS {
	case "darwin":
		name = "open"
	case "windows":
		name, args = "rundll32", []string{"url.dll,FileProtocolHandler", url}
	}
	exec.Command(name, args...).Start()
}

// missingSlugs returns the slugs asked for that the project lacks.
func missingSlugs(st *preview.State, slugs []string) []string {
	var out []string
	for _, s := range slugs {
		if st.Find(s) == nil {
			out = append(out, s)
		}
	}
	return out
}
