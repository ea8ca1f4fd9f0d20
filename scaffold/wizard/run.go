package wizard

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/huh"

	"github.com/partnerpages/partnerpages/scaffold/pagepath"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/project"
	"github.com/partnerpages/partnerpages/scaffold/render"
	"github.com/partnerpages/partnerpages/scaffold/safefile"
	"github.com/partnerpages/partnerpages/schema"
)

// ErrCancelled means the writer cancelled (Ctrl-C, Esc, end of input, or
// "Cancel" at the confirm); nothing was written.
var ErrCancelled = errors.New("cancelled; nothing was written")

// ProblemsError lists the missing or invalid answers of a --yes run.
type ProblemsError []Problem

// Error names each problem by its flag, one per line.
func (e ProblemsError) Error() string {
	lines := make([]string, len(e))
	for i, p := range e {
		lines[i] = p.Flag + ": " + p.Err.Error()
	}
	return "cannot create the partner; nothing was written:\n  " + strings.Join(lines, "\n  ")
}

// Options configure one run of the wizard.
type Options struct {
	// Templates loads the template set the pages are rendered with.
	Templates   func() (*render.Set, error)
	In          io.Reader
	Out         io.Writer
	Interactive bool   // show the form; false with --yes
	Accessible  bool   // huh's line-by-line mode (screen readers, scripts)
	Plain       bool   // preview without colours
	Width       int    // terminal width for the preview
	PartnersDir string // where the partner file is written
	OutDir      string // where the pages are written
	LockFile    string // the output folder's lock file, which generating the pages updates
	SchemaRef   string // $schema path written at the top of the partner file
	SchemaCopy  string // if set and missing, the JSON Schema is written there (beside the partners)
	Force       bool   // replace an existing partner file (a page edited by hand is still kept)
	DryRun      bool   // print the partner file and the files a run would write; write nothing
}

// Result is what the wizard wrote.
type Result struct {
	PartnerFile string
	Slug        string
}

// Run collects the answers (with the form, or from a as given), shows a
// preview, and on confirmation writes the partner file and its pages.
// Nothing is written unless every answer is valid and the writer confirms.
func Run(ctx context.Context, o Options, a *Answers) (*Result, error) {
	set, err := o.Templates()
	if err != nil {
		return nil, err
	}
	var existing []*partner.Partner
	var errs partner.ErrorList
	if _, err := os.Stat(o.PartnersDir); !errors.Is(err, os.ErrNotExist) {
		// a project's first partner: no folder yet, nothing to clash with
		in := project.Inputs{Partners: safefile.DirFS(o.PartnersDir, partner.MaxFileSize), PartnersDir: o.PartnersDir}
		existing, errs = in.LoadPartners(set)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("the existing partner files must be valid before a new one is added; nothing was written:\n%w", errs)
	}
	taken := func(slug string) bool {
		if o.Force {
			return false
		}
		for _, p := range existing {
			if p.Slug.Value == slug {
				return true
			}
		}
		_, err := os.Lstat(filepath.Join(o.PartnersDir, slug+".yaml"))
		return err == nil
	}

	var p *partner.Partner
	var outs []render.Output
	if o.Interactive {
		p, outs, err = interact(ctx, o, a, set, taken)
	} else {
		p, outs, err = build(a, o, set, taken)
	}
	if err != nil {
		return nil, err
	}
	if o.DryRun {
		fmt.Fprintf(o.Out, "%s\n%s\nwould write:\n  %s\n", filepath.Join(o.PartnersDir, p.Slug.Value+".yaml"), a.YAML(o.SchemaRef),
			strings.Join(FilesToWrite(o, p.Slug.Value, outs), "\n  "))
		return &Result{Slug: p.Slug.Value}, nil
	}
	// The writer confirmed: finish writing even if interrupted now (the
	// caller generates the pages the same way), so the partner file never
	// exists without its pages.
	return write(context.WithoutCancel(ctx), o, a, p)
}

// build validates the answers and renders the partner's pages.
func build(a *Answers, o Options, set *render.Set, taken func(string) bool) (*partner.Partner, []render.Output, error) {
	if ps := a.Check(set.Languages(), taken); len(ps) > 0 {
		return nil, nil, ProblemsError(ps)
	}
	file := filepath.Join(o.PartnersDir, a.SlugOrDefault()+".yaml")
	p, errs := partner.Parse(file, a.YAML(o.SchemaRef))
	if p != nil {
		errs = append(errs, partner.Resolve(p, set.Languages())...)
	}
	if len(errs) > 0 {
		return nil, nil, fmt.Errorf("the answers do not make a valid partner file; nothing was written:\n%w", errs)
	}
	outs, err := set.Render(p)
	if err != nil {
		return nil, nil, err
	}
	return p, outs, nil
}

// interact runs the form groups, the preview and the confirm, until the
// writer confirms (or cancels).
func interact(ctx context.Context, o Options, a *Answers, set *render.Set, taken func(string) bool) (*partner.Partner, []render.Output, error) {
	in := o.In
	var lr *lineReader
	if o.Accessible {
		lr = newLineReader(ctx, o.In)
		in = lr
	}
	run := func(g *huh.Group) error {
		f := huh.NewForm(g).WithInput(in).WithOutput(o.Out).WithAccessible(o.Accessible).WithKeyMap(keyMap()).WithShowHelp(true)
		err := f.RunWithContext(ctx)
		switch {
		case ctx.Err() != nil || errors.Is(err, huh.ErrUserAborted):
			return ErrCancelled
		case lr != nil && lr.ended:
			return fmt.Errorf("input ended before every question was answered: %w", ErrCancelled)
		}
		return err
	}
	env := &formEnv{accessible: o.Accessible, langs: set.Languages(), taken: taken, categories: set.Site.Categories}
	var parts map[string]bool // the parts of the form to ask (nil: all)
	for {
		for _, s := range append(steps, appSteps...) {
			if parts != nil && !parts[s.part] || s.skip != nil && s.skip(a) {
				continue
			}
			if err := run(s.group(a, env)); err != nil {
				return nil, nil, err
			}
		}
		p, outs, err := build(a, o, set, taken)
		if err != nil {
			var ps ProblemsError
			if errors.As(err, &ps) {
				parts = partsOf(ps)
				fmt.Fprintf(o.Out, "%v\nLet's go over those answers again.\n\n", err)
				continue
			}
			return nil, nil, err
		}
		for _, out := range outs {
			if !strings.HasSuffix(out.Name, ".md") {
				fmt.Fprintf(o.Out, "\n%s (%s):\n%s", out.Name, out.Lang, out.Content)
				continue
			}
			if view, err := Preview(out.Content, o.Width, o.Plain); err == nil {
				fmt.Fprintf(o.Out, "\nPreview of %s (%s):\n%s", out.Name, out.Lang, view)
			}
		}
		files := FilesToWrite(o, p.Slug.Value, outs)
		fmt.Fprintf(o.Out, "\nFiles to write:\n  %s\n\n", strings.Join(files, "\n  "))
		choice := "write"
		confirm := huh.NewGroup(
			huh.NewSelect[string]().
				Title(fmt.Sprintf("Write these %d files?", len(files))).
				Options(
					huh.NewOption("Write them", "write"),
					huh.NewOption("Edit the answers", "edit"),
					huh.NewOption("Cancel, write nothing", "cancel"),
				).Value(&choice),
		)
		if err := run(confirm); err != nil {
			return nil, nil, err
		}
		switch choice {
		case "write":
			return p, outs, nil
		case "cancel":
			return nil, nil, ErrCancelled
		}
		part := ""
		if err := run(huh.NewGroup(huh.NewSelect[string]().Title("Which answers?").Options(partOptions()...).Value(&part))); err != nil {
			return nil, nil, err
		}
		parts = map[string]bool{part: true}
		if part == "" {
			parts = nil
		}
	}
}

// partOptions offers all of the form, then each of its parts in order.
func partOptions() []huh.Option[string] {
	opts := []huh.Option[string]{huh.NewOption("All of them", "")}
	seen := map[string]bool{}
	for _, s := range append(steps, appSteps...) {
		if !seen[s.part] {
			seen[s.part] = true
			opts = append(opts, huh.NewOption(s.part, s.part))
		}
	}
	return opts
}

// partsOf returns the parts of the form that set the answers of problems.
func partsOf(ps ProblemsError) map[string]bool {
	byFlag := map[string]string{"--name": "The partner", "--slug": "The partner", "--publisher": "The partner", "--kind": "The partner",
		"--email": "Support", "--no-support": "Support", "--mode": "Connection", "--menu": "Connection", "--button": "Connection",
		"--app": "Connection", "--disconnect": "Disconnection", "--disconnect-menu": "Disconnection", "--disconnect-button": "Disconnection",
		"--lang": "Languages", "--app-folder": "App folder", "--category": "App folder", "--website": "App folder", "--logo": "App folder",
		"--feature": "App folder", "--summary": "App folder", "--description": "App folder"}
	parts := map[string]bool{}
	for _, p := range ps {
		flag, lang, _ := strings.Cut(p.Flag, " (")
		switch part, ok := byFlag[flag]; {
		case lang != "":
			parts["Labels in each language"] = true
		case flag == "--no-support": // refused for the modes: those, or the choice itself
			parts[part], parts["Connection"], parts["Disconnection"] = true, true, true
		case ok:
			parts[part] = true
		default:
			return nil // not one of the form's: ask it all
		}
	}
	return parts
}

// FilesToWrite lists every file a run writes for slug: the partner file,
// the JSON Schema copy beside it when there is none yet, the pages, and the
// output folder's lock file (LockFile).
func FilesToWrite(o Options, slug string, outs []render.Output) []string {
	files := []string{filepath.Join(o.PartnersDir, slug+".yaml")}
	if o.SchemaCopy != "" {
		if _, err := os.Stat(o.SchemaCopy); errors.Is(err, os.ErrNotExist) {
			files = append(files, o.SchemaCopy)
		}
	}
	for _, out := range outs {
		files = append(files, filepath.Join(o.OutDir, filepath.FromSlash(pagepath.Path{Slug: slug, Lang: out.Lang, File: out.Name}.Rel())))
	}
	if o.LockFile != "" {
		files = append(files, o.LockFile)
	}
	return files
}

// write saves the partner file (and the schema copy); the caller generates
// its pages.
func write(ctx context.Context, o Options, a *Answers, p *partner.Partner) (*Result, error) {
	file := filepath.Join(o.PartnersDir, p.Slug.Value+".yaml")
	if _, err := os.Lstat(file); err == nil && !o.Force {
		return nil, fmt.Errorf("%s already exists; nothing was written (use --force to replace it)", file)
	}
	if err := os.MkdirAll(o.PartnersDir, 0o755); err != nil {
		return nil, err
	}
	if err := safefile.ReplaceFile(o.PartnersDir, file, a.YAML(o.SchemaRef)); err != nil {
		return nil, err
	}
	if o.SchemaCopy != "" {
		if err := schema.WriteCopy(o.SchemaCopy); err != nil {
			return nil, err
		}
	}
	return &Result{PartnerFile: file, Slug: p.Slug.Value}, nil
}
