package lint

import (
	"fmt"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/aymanbagabas/go-udiff"
	"github.com/yuin/goldmark/ast"

	"github.com/partnerpages/partnerpages/scaffold/page"
	"github.com/partnerpages/partnerpages/scaffold/safefile"
)

// Change is one fix lint --fix made on a line.
type Change struct {
	Line          int
	Rule          string
	Before, After string
}

// Fixable are the rules whose findings have exactly one right fix.
var Fixable = []string{RuleElision, RuleStepNumbering, RuleFrontMatter, RuleLinkForm, RuleLinkTarget}

// Fix returns the page with the defects that have exactly one right fix
// mended, touching nothing else on their lines: French elision, step
// numbering (every step "1.", as the site renumbers them), a missing
// path_override where the page's language gives its slug, and site links
// written with the site's own domain or a localized slug (the English path,
// from o.Site when given). Other findings are left for the writer.
func Fix(p *Page, o Options) ([]byte, []Change) {
	findings := Check(p, o)
	lines := strings.SplitAfter(string(p.Src), "\n")
	var changes []Change
	set := func(n int, rule, after string) {
		if n < 1 || n > len(lines) || lines[n-1] == after {
			return
		}
		changes = append(changes, Change{Line: n, Rule: rule, Before: strings.TrimRight(lines[n-1], "\n"), After: strings.TrimRight(after, "\n")})
		lines[n-1] = after
	}

	// elision, at the positions lint found
	var elisions []Finding
	for _, f := range findings {
		if f.Rule == RuleElision {
			elisions = append(elisions, f)
		}
	}
	if len(elisions) > 0 {
		fixed := strings.SplitAfter(string(FixElisions(p.Src, elisions)), "\n")
		for i := range lines {
			if i < len(fixed) && fixed[i] != lines[i] {
				set(i+1, RuleElision, fixed[i])
			}
		}
	}

	// step numbering: the lists lint found misnumbered become all "1."
	bad := map[int]bool{}
	for _, f := range findings {
		if f.Rule == RuleStepNumbering {
			bad[f.Line] = true
		}
	}
	if len(bad) > 0 {
		_ = ast.Walk(p.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			list, ok := n.(*ast.List)
			if !entering || !ok || !list.IsOrdered() {
				return ast.WalkContinue, nil
			}
			var markers []int
			hit := false
			for _, st := range p.Steps(list) {
				if st.Numbered {
					markers = append(markers, st.Marker.Line)
					hit = hit || bad[st.Marker.Line]
				}
			}
			if hit {
				for _, line := range markers {
					set(line, RuleStepNumbering, stepMarkerRe.ReplaceAllString(lines[line-1], "${1}1${2}"))
				}
			}
			return ast.WalkContinue, nil
		})
	}

	// site links: the site's own domain, and localized slugs
	for _, l := range p.Links {
		if l.Image {
			continue
		}
		dest := siteLink(l.Dest, o)
		if dest == l.Dest {
			continue
		}
		rule := RuleLinkForm
		if strings.HasPrefix(l.Dest, "/") {
			rule = RuleLinkTarget
		}
		for n := l.Line; n <= len(lines) && n < l.Line+3; n++ {
			if old := "](" + l.Dest + ")"; strings.Contains(lines[n-1], old) {
				set(n, rule, strings.Replace(lines[n-1], old, "]("+dest+")", 1))
				break
			}
		}
	}

	// a missing path_override, inserted after the title (last: it adds a line)
	for _, f := range findings {
		if f.Rule != RuleFrontMatter || !strings.HasPrefix(f.Message, "missing path_override") {
			continue
		}
		slug, ok := page.ConnectSlugs[p.Lang()]
		if !ok || p.FM("title") == nil {
			continue
		}
		at := p.FMPos(p.FM("title")).Line
		changes = append(changes, Change{Line: at + 1, Rule: RuleFrontMatter, After: "path_override: " + slug})
		lines = slices.Insert(lines, at, "path_override: "+slug+"\n")
	}
	return []byte(strings.Join(lines, "")), changes
}

// stepMarkerRe matches an ordered list marker at the start of a line.
var stepMarkerRe = regexp.MustCompile(`^(\s*)[0-9]+([.)]\s)`)

// siteLink returns the link as the site wants it: root-relative for the
// site's own domain (less the language prefix), and the English path for a
// localized slug when the site map knows it.
func siteLink(dest string, o Options) string {
	out := dest
	if u, err := url.Parse(dest); err == nil && (u.Scheme == "http" || u.Scheme == "https") && slices.Contains(o.SiteHosts, strings.ToLower(u.Hostname())) {
		path := langPrefix.ReplaceAllString(u.EscapedPath(), "/")
		if !strings.HasPrefix(path, "/docs") && !strings.HasPrefix(path, "/apps") {
			return dest // the home page, the blog: not a docs page
		}
		out = path
		if u.Fragment != "" {
			out += "#" + u.Fragment
		}
	}
	if o.Site != nil {
		target, frag, _ := strings.Cut(out, "#")
		if english, ok := o.Site.localized[strings.Trim(target, "/")]; ok {
			out = "/" + english + suffix(frag)
		}
	}
	return out
}

// String formats a change for the report.
func (c Change) String() string {
	if c.Before == "" {
		return fmt.Sprintf("%d: %s: added %q", c.Line, c.Rule, c.After)
	}
	return fmt.Sprintf("%d: %s: %q → %q", c.Line, c.Rule, c.Before, c.After)
}

// FixResult is what Fix changed in one file.
type FixResult struct {
	Path    string
	Changes []Change
	Diff    string // unified diff of the change
}

// FixFiles fixes every page the arguments name and, when write is set,
// rewrites the changed ones atomically.
func FixFiles(args []string, o Options, write bool) ([]FixResult, error) {
	files, _ := Files(args)
	var out []FixResult
	for _, f := range files {
		if skipped(f, o.Skip) {
			continue
		}
		data, err := safefile.Read(f, page.MaxSize)
		if err != nil {
			continue // lint reports it
		}
		fixed, changes := Fix(Parse(f, data), o)
		if len(changes) == 0 {
			continue
		}
		out = append(out, FixResult{Path: f, Changes: changes, Diff: udiff.Unified("a/"+f, "b/"+f, string(data), string(fixed))})
		if write {
			if err := safefile.ReplaceFile(filepath.Dir(f), f, fixed); err != nil { // never through a link out of its folder
				return out, err
			}
		}
	}
	return out, nil
}
