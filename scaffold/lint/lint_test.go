package lint

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cleanPage is a connect page in the house style, written for these tests.
const cleanPage = `---
title: Connect to HubRise
path_override: connect-hubrise
position: 2
layout: documentation
meta:
  title: Connect to HubRise | Brewly | HubRise
  description: How to connect Brewly to HubRise.
---

## Connect Brewly

1. In the Brewly back office, go to **Setup** > **Partners**.
1. Click **Enable HubRise**.

## Grant Access to Brewly Support {#give-access}

1. In the **Permissions** section, type ` + "`desk@brewly.example`" + `.
1. Click **Add User**.

## Contact Brewly Support {#contact}

Write to desk@brewly.example with support@hubrise.com in copy. See [Location Name and ID](/docs/locations#location-name-and-id) and [Grant Access to Brewly Support](#give-access).

## Disconnect Brewly

You can block the connection instead. See [Block or Disconnect an App](/docs/connections#block-or-disconnect).
`

// with returns cleanPage with old replaced by new (which must be found).
func with(t *testing.T, old, new string) string {
	t.Helper()
	if !strings.Contains(cleanPage, old) {
		t.Fatalf("test page lacks %q", old)
	}
	return strings.Replace(cleanPage, old, new, 1)
}

func TestCleanPageHasNoFindings(t *testing.T) {
	t.Parallel()
	if fs := Check(Parse("clean.md", []byte(cleanPage)), DefaultOptions()); len(fs) > 0 {
		t.Errorf("findings on a clean page:\n%v", fs)
	}
}

func TestRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		old, new  string
		rule      string
		line, col int
		msg       string
	}{
		{"placeholder in heading", "## Connect Brewly", "## Connect SOLUTION", RulePlaceholder, 11, 12, "SOLUTION"},
		{"french elision by hand", "Connect Brewly\n\n1.", "Connect Brewly\n\nDisconnect lSOLUTION here.\n\n1.", RulePlaceholder, 13, 12, "lSOLUTION"},
		{"bracket placeholder", "Write to", "Your [EPOS] is ready. Write to", RulePlaceholder, 23, 6, "[EPOS]"},
		{"ellipsis step", "1. Click **Enable HubRise**.", "1. Click on ...", RulePlaceholder, 14, 13, `"..."`},
		{"todo", "Write to", "TODO: check. Write to", RulePlaceholder, 23, 1, "TODO"},
		{"template syntax", "Write to", "{{ .Name }} Write to", RulePlaceholder, 23, 1, "{{"},
		{"placeholder in front matter", "| Brewly | HubRise", "| SOLUTION | HubRise", RulePlaceholder, 7, 10, "meta.title"},
		{"variant marker EN", "## Disconnect Brewly\n", "## Disconnect Brewly\n\n-- OR --\n", RuleVariantMarker, 27, 1, "-- OR --"},
		{"variant marker FR escaped", "## Disconnect Brewly\n", "## Disconnect Brewly\n\n\\-- OU --\n", RuleVariantMarker, 27, 2, "-- OU --"},
		{"variant option", "## Connect Brewly\n", "## Connect Brewly\n\n-- CONNECT - option 2 --\n", RuleVariantMarker, 13, 1, "option 2"},
		{"empty step", "1. Click **Enable HubRise**.\n", "1. Click **Enable HubRise**.\n1.\n", RuleEmptyStep, 15, 1, "empty step"},
		{"repeated number", "1. Click **Enable HubRise**.\n", "2. Click **Enable HubRise**.\n2. Wait.\n", RuleStepNumbering, 15, 1, "numbered 2 where 3"},
		{"mixed ones", "1. Click **Enable HubRise**.\n", "1. Click **Enable HubRise**.\n3. Wait.\n", RuleStepNumbering, 15, 1, "numbered 3 where 1"},
		{"name mismatch", "| Brewly | HubRise", "| Brewli | HubRise", RuleNameMismatch, 7, 10, `"Brewli"`},
		{"name misspelt in text", "Write to desk", "Brewlu answers. Write to desk", RuleNameMismatch, 23, 1, "misspelling"},
		{"email mismatch", "Write to desk@brewly.example", "Write to help@brewly.example", RuleEmailMismatch, 23, 10, "help@brewly.example"},
		{"invalid email", "Write to desk@brewly.example", "Write to desk@brewly", RuleEmailMismatch, 23, 10, "not a valid"},
		{"anchor missing", "(#give-access)", "(#give-acces)", RuleAnchor, 23, 134, "#give-acces"},
		{"anchor text names another section", "[Grant Access to Brewly Support](#give-access)", "[Contact Brewly Support](#give-access)", RuleAnchor, 23, 134, `names the "Contact Brewly Support" section`},
		{"relative link", "(/docs/locations#location-name-and-id)", "(docs/locations#location-name-and-id)", RuleLinkForm, 23, 69, "relative link"},
		{"own domain", "(/docs/connections#block-or-disconnect)", "(https://www.hubrise.com/fr/docs/connexions#bloquer)", RuleLinkForm, 27, 44, "/docs/connexions#bloquer"},
		{"no front matter", "---\ntitle: Connect to HubRise\npath_override: connect-hubrise\nposition: 2\nlayout: documentation\nmeta:\n  title: Connect to HubRise | Brewly | HubRise\n  description: How to connect Brewly to HubRise.\n---\n", "", RuleFrontMatter, 1, 1, "no front matter"},
		{"missing path_override", "path_override: connect-hubrise\n", "", RuleFrontMatter, 1, 1, "path_override"},
		{"missing description", "  description: How to connect Brewly to HubRise.\n", "", RuleFrontMatter, 6, 1, "meta.description"},
		{"invalid yaml", "position: 2", "position: [2", RuleFrontMatter, 3, 1, "not valid YAML"},
		{"html comment", "Write to", "<!-- note --> Write to", RuleMDX, 23, 1, "HTML comments"},
		{"brace", "Write to", "Costs {price}. Write to", RuleMDX, 23, 7, "JavaScript expression"},
		{"stray angle", "Write to", "Under 5 < 6. Write to", RuleMDX, 23, 9, `"<"`},
		{"export line", "## Disconnect Brewly\n", "## Disconnect Brewly\n\nexport const x = fetch(\"https://a.example/\")\n", RuleMDX, 27, 1, "import or export"},
		{"import line", "## Disconnect Brewly\n", "## Disconnect Brewly\n\nimport X from \"y\"\n", RuleMDX, 27, 1, "import or export"},
		{"script tag", "Write to", "<script>alert(1)</script> Write to", RuleMDX, 23, 1, "<script> runs or embeds code"},
		{"unknown component", "Write to", `<Tracker id="1" /> Write to`, RuleMDX, 23, 1, "<Tracker> is not a component"},
		{"javascript link", "Write to", "[x](javascript:alert(1)) Write to", RuleMDX, 23, 2, "javascript: URL"},
		{"vbscript image", "Write to", "![x](VBScript:run) Write to", RuleMDX, 23, 3, "vbscript: URL"},
		{"javascript in a component", "Write to", `<Link href="javascript:alert(1)">x</Link> Write to`, RuleMDX, 23, 7, "javascript: URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := Check(Parse("p.md", []byte(with(t, tt.old, tt.new))), DefaultOptions())
			for _, f := range fs {
				if f.Rule == tt.rule && f.Line == tt.line && f.Col == tt.col && strings.Contains(f.Message, tt.msg) {
					return
				}
			}
			t.Errorf("want p.md:%d:%d: %s: …%s…; got:\n%s", tt.line, tt.col, tt.rule, tt.msg, lines(fs))
		})
	}
}

// TestANoBreakSpaceInANameIsTheSameName: "Carré POS" in the meta title and
// "Carré\u00a0POS" in a heading are one name (a false name-mismatch before).
func TestANoBreakSpaceInANameIsTheSameName(t *testing.T) {
	t.Parallel()
	page := strings.ReplaceAll(cleanPage, "Brewly", "Carré POS")
	page = strings.Replace(page, "## Connect Carré POS", "## Connect Carré\u00a0POS", 1)
	for _, f := range Check(Parse("p.md", []byte(page)), DefaultOptions()) {
		if f.Rule == RuleNameMismatch {
			t.Errorf("%s", f)
		}
	}
	// a real difference is still one
	page = strings.Replace(page, "## Connect Carré\u00a0POS", "## Connect Carre\u00a0POS", 1)
	found := false
	for _, f := range Check(Parse("p.md", []byte(page)), DefaultOptions()) {
		found = found || f.Rule == RuleNameMismatch
	}
	if !found {
		t.Error("Carre POS against Carré POS is no longer a finding")
	}
}

// TestCodeRuleSparesText: words and code that only look like code stay clean.
func TestCodeRuleSparesText(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"Export the menu, then import it again.",
		"1. export inside a step is text",
		"Type `<script>` or `export const x` in the console.",
		"See the [exporter](https://a.example/javascript-guide).",
		`The icon <InlineImage width="20" height="20">![Gear](./g.png)</InlineImage> here.`,
		`Also <Link href="/apps/brewly" addLocalePrefix={false}>in English</Link>.`,
	} {
		page := with(t, "Write to", text+"\n\nWrite to")
		for _, f := range Check(Parse("p.md", []byte(page)), DefaultOptions()) {
			if f.Rule == RuleMDX {
				t.Errorf("%q: %s", text, f)
			}
		}
	}
}

func TestEscapedTextIsNotFlagged(t *testing.T) {
	t.Parallel()
	page := with(t, "Write to", `Use \{braces\}, \<tags\>, \[brackets\] and `+"`{code} <x>`"+`. Write to`)
	if fs := Check(Parse("p.md", []byte(page)), DefaultOptions()); len(fs) > 0 {
		t.Errorf("escaped text flagged:\n%s", lines(fs))
	}
}

func lines(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintln(&b, f.String())
	}
	return b.String()
}

// testSite writes a content tree: the doc pages named in
// ../shared/reference/site-docs (their titles, path overrides and heading ids).
func testSite(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	src := "../../../shared/reference/site-docs"
	files, _ := filepath.Glob(filepath.Join(src, "*.headings.txt"))
	if len(files) == 0 {
		t.Skip("../shared/reference/site-docs not present")
	}
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), ".headings.txt") // en-get-started
		lang, name, _ := strings.Cut(base, "-")
		data, _ := os.ReadFile(f)
		var fm, body strings.Builder
		fm.WriteString("---\n")
		for _, line := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(line, "#") {
				body.WriteString(line + "\n\n")
			} else if line != "" {
				fm.WriteString(line + "\n")
			}
		}
		fm.WriteString("---\n\n")
		dir := filepath.Join(root, "docs", lang)
		os.MkdirAll(dir, 0o755)
		os.WriteFile(filepath.Join(dir, name+".md"), []byte(fm.String()+body.String()), 0o644)
	}
	app := filepath.Join(root, "apps", "brewly", "en")
	os.MkdirAll(app, 0o755)
	os.WriteFile(filepath.Join(app, "connect-hubrise.md"), []byte(cleanPage), 0o644)
	return root
}

func TestLinkTargetWithSite(t *testing.T) {
	t.Parallel()
	site, err := LoadSite(testSite(t))
	if err != nil {
		t.Fatal(err)
	}
	o := DefaultOptions()
	o.Site = site
	tests := []struct {
		dest, want string
	}{
		{"/docs/locations#location-name-and-id", ""},
		{"/docs/get-started", ""},
		{"/apps/brewly/connect-hubrise#give-access", ""},
		{"/docs/comment-demarrer", "localized slug; link to the English file name /docs/get-started"},
		{"/docs/points-de-vente#location-name-and-id", "link to the English file name /docs/locations#location-name-and-id"},
		{"/docs/locations#nom-et-identifiant", "not a custom heading id of docs/en/locations.md"},
		{"/docs/nowhere", "no page docs/<lang>/nowhere.md"},
		{"/apps/brewly/connect-hubrise#nope", "not a custom heading id of apps/brewly/en/connect-hubrise.md"},
	}
	for _, tt := range tests {
		page := with(t, "(/docs/locations#location-name-and-id)", "("+tt.dest+")")
		var got []Finding
		for _, f := range Check(Parse("apps/x/en/connect-hubrise.md", []byte(page)), o) {
			if f.Rule == RuleLinkTarget {
				got = append(got, f)
			}
		}
		switch {
		case tt.want == "" && len(got) > 0:
			t.Errorf("%s: unexpected %v", tt.dest, got)
		case tt.want != "" && (len(got) != 1 || !strings.Contains(got[0].Message, tt.want) || got[0].Line != 23):
			t.Errorf("%s: want one finding on line 23 with %q, got %v", tt.dest, tt.want, got)
		}
	}
}

// The acceptance check of the lint issue: the seed pages' defects, each on its line.
func TestSeedDefectsAreFoundOnTheirLines(t *testing.T) {
	t.Parallel()
	seeds := "../../../shared/reference/seeds/"
	if _, err := os.Stat(seeds); err != nil {
		t.Skip("../shared/reference not present")
	}
	o := DefaultOptions()
	site, err := LoadSite(testSite(t))
	if err != nil {
		t.Fatal(err)
	}
	o.Site = site
	want := []struct {
		file string
		line int
		rule string
	}{
		{"000_dde4f9ef89fc26c0.txt", 17, RulePlaceholder},
		{"000_dde4f9ef89fc26c0.txt", 19, RuleVariantMarker},
		{"000_dde4f9ef89fc26c0.txt", 21, RulePlaceholder},
		{"000_dde4f9ef89fc26c0.txt", 26, RuleStepNumbering},
		{"000_dde4f9ef89fc26c0.txt", 55, RuleEmptyStep},
		{"004_14a3288be596f1a2.txt", 1, RuleFrontMatter},
		{"004_14a3288be596f1a2.txt", 6, RuleNameMismatch},
		{"004_14a3288be596f1a2.txt", 14, RuleLinkTarget},
		{"004_14a3288be596f1a2.txt", 15, RuleAnchor},
		{"004_14a3288be596f1a2.txt", 16, RuleAnchor},
		{"004_14a3288be596f1a2.txt", 36, RuleLinkForm},
		{"004_14a3288be596f1a2.txt", 40, RuleLinkForm},
	}
	found := map[string]bool{}
	for _, file := range []string{"000_dde4f9ef89fc26c0.txt", "004_14a3288be596f1a2.txt"} {
		data, err := os.ReadFile(seeds + file)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range Check(Parse(file, data), o) {
			found[fmt.Sprintf("%s:%d:%s", file, f.Line, f.Rule)] = true
		}
	}
	for _, w := range want {
		if !found[fmt.Sprintf("%s:%d:%s", w.file, w.line, w.rule)] {
			t.Errorf("missed %s:%d: %s", w.file, w.line, w.rule)
		}
	}
}

// Generated pages must never be flagged: lint every golden page.
func TestGoldenPagesAreClean(t *testing.T) {
	t.Parallel()
	var flagged []Finding
	for _, f := range run(t, []string{"../render/testdata/golden"}) {
		// the hostile partner's name is 60 characters of separators and
		// markup: no meta text can hold it in the style guide's form and length
		if f.Rule == RuleStyle && strings.Contains(f.Path, "/hostile/") {
			continue
		}
		flagged = append(flagged, f)
	}
	if len(flagged) > 0 {
		t.Errorf("lint flags generated pages:\n%s", lines(flagged))
	}
	files, _ := Files([]string{"../render/testdata/golden"})
	if len(files) < 9 {
		t.Errorf("linted only %d golden pages", len(files))
	}
}

// Clean real pages stay clean; the known defect of quick-up-en is reported.
func TestReferencePages(t *testing.T) {
	t.Parallel()
	dir := "../../../shared/reference/pages/"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/reference not present")
	}
	got := map[string][]Finding{}
	for _, f := range run(t, []string{dir}) {
		got[filepath.Base(f.Path)] = append(got[filepath.Base(f.Path)], f)
	}
	if len(got["zelty-en.md"]) > 0 {
		t.Errorf("zelty-en.md should be clean:\n%s", lines(got["zelty-en.md"]))
	}
	// These describe the old give-access UI (Manager picked from a list):
	// one warning each; Expedy and MiiPos also miss French elisions, for the
	// product ("support de Expedy") and its publisher ("de Arcsoft").
	wantElisions := map[string][]int{"expedy-fr.md": {30, 43, 45}, "miipos-fr.md": {19}}
	for _, old := range []string{"akk-softtech-en.md", "miipos-fr.md", "expedy-fr.md", "kezia-fr.md"} {
		var warnings int
		var elisions []int
		for _, f := range got[old] {
			switch {
			case f.Rule == RuleOutdatedUI && f.Severity == SeverityWarning:
				warnings++
			case f.Rule == RuleElision:
				elisions = append(elisions, f.Line)
			default:
				t.Errorf("%s: unexpected %s", old, f)
			}
		}
		if warnings != 1 || fmt.Sprint(elisions) != fmt.Sprint(wantElisions[old]) {
			t.Errorf("%s: want one outdated-ui warning and elisions on lines %v, got:\n%s", old, wantElisions[old], lines(got[old]))
		}
	}
	if q := got["quick-up-en.md"]; len(q) != 1 || q[0].Line != 65 || q[0].Rule != RulePlaceholder {
		t.Errorf("quick-up-en.md: want the literal [receiving orders from HubRise] on line 65, got:\n%s", lines(q))
	}
}

func TestUnreadableFileIsAFinding(t *testing.T) {
	t.Parallel()
	fs := run(t, []string{filepath.Join(t.TempDir(), "missing.md")})
	if len(fs) != 1 || fs[0].Rule != RuleRead {
		t.Errorf("got %v", fs)
	}
}

// run lints the files and folders args with the default options.
func run(t *testing.T, args []string) []Finding {
	t.Helper()
	fs, err := Run(context.Background(), args, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

func TestRunStopsWhenInterrupted(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if fs, err := Run(ctx, []string{"../render/testdata/golden"}, DefaultOptions()); err == nil || fs != nil {
		t.Errorf("an interrupted run went on: %d findings, %v", len(fs), err)
	}
}
