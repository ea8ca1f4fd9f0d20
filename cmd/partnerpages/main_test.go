package main

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// run executes the command line in dir and returns exit code, stdout,
// stderr, with paths shown from dir as a writer working there sees them.
func run(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	ios, out, errOut := Test("")
	code := runWith(t, dir, ios, args...)
	return code, fromDir(dir, out.String()), fromDir(dir, errOut.String())
}

// fromDir shows the paths in s that start in dir relative to dir.
func fromDir(dir, s string) string {
	return strings.ReplaceAll(s, dir+string(filepath.Separator), "")
}

// runWith executes the command line in dir with the given streams.
func runWith(t *testing.T, dir string, ios *IOStreams, args ...string) int {
	t.Helper()
	return RunIn(context.Background(), dir, args, ios)
}

// shippedPartners makes a folder with the shipped partners copied in.
func shippedPartners(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "partners"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"qwenta.yaml", "wiipos.yaml"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "partners", f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "partners", f), data, 0o644)
	}
	return dir
}

func TestGenerateCheckExitCodes(t *testing.T) {
	t.Parallel()
	dir := shippedPartners(t)
	if code, out, _ := run(t, dir, "generate", "--check"); code != exitProblem || !strings.Contains(out, "missing: content/apps/qwenta/fr/connect-hubrise.md") {
		t.Errorf("check before generate: exit %d\n%s", code, out)
	}
	if code, out, errOut := run(t, dir, "generate"); code != exitOK || !strings.Contains(out, "4 pages: 4 created, 0 updated, 0 unchanged") {
		t.Errorf("generate: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, _ := run(t, dir, "generate", "--check"); code != exitOK {
		t.Errorf("check after generate: exit %d\n%s", code, out)
	}
	page := filepath.Join(dir, "content/apps/wiipos/fr/connect-hubrise.md")
	os.WriteFile(page, []byte("edited\n"), 0o644)
	// --check points to absorb for a hand edit, which generate would only keep
	if code, _, errOut := run(t, dir, "generate", "--check"); code != exitProblem ||
		!strings.Contains(errOut, "1 page(s) edited by hand; run `partnerpages absorb`") || strings.Contains(errOut, "out of date") {
		t.Errorf("check with a hand edit: exit %d\n%s", code, errOut)
	}
	code, _, errOut := run(t, dir, "generate")
	if code != exitProblem || !strings.Contains(errOut, "hand-edited: content/apps/wiipos/fr/connect-hubrise.md") {
		t.Errorf("hand edit: exit %d\n%s", code, errOut)
	}
}

func TestGenerateCheckAnnotatesForGitHub(t *testing.T) {
	t.Parallel()
	dir := shippedPartners(t)
	code, out, _ := run(t, dir, "generate", "--check", "--format", "github")
	want := "::error file=content/apps/qwenta/fr/connect-hubrise.md,title=partnerpages generate::missing: content/apps/qwenta/fr/connect-hubrise.md\n"
	if code != exitProblem || !strings.Contains(out, want) {
		t.Errorf("missing pages: exit %d\n%s", code, out)
	}
	run(t, dir, "generate")
	os.WriteFile(filepath.Join(dir, "content/apps/wiipos/fr/connect-hubrise.md"), []byte("edited\n"), 0o644)
	code, out, _ = run(t, dir, "generate", "--check", "--format", "github")
	if code != exitProblem || !strings.Contains(out, "::error file=content/apps/wiipos/fr/connect-hubrise.md,title=partnerpages generate::hand-edited: ") {
		t.Errorf("hand-edited page: exit %d\n%s", code, out)
	}
	if code, _, _ := run(t, dir, "generate", "--format", "xml"); code != exitUsage {
		t.Errorf("--format xml: exit %d", code)
	}
}

func TestValidateReportsFileLineAndExits1(t *testing.T) {
	t.Parallel()
	dir := shippedPartners(t)
	os.WriteFile(filepath.Join(dir, "partners", "bad.yaml"), []byte("name: Bad\nsupport:\n  emial: x@y.co\nconnection: {mode: support}\n"), 0o644)
	code, _, errOut := run(t, dir, "validate")
	if code != exitProblem || !strings.Contains(errOut, `partners/bad.yaml:3:3: support.emial: unknown field (did you mean "email"?)`) {
		t.Errorf("exit %d\n%s", code, errOut)
	}
	if code, out, _ := run(t, dir, "validate", "qwenta", "partners/wiipos.yaml"); code != exitOK || !strings.Contains(out, "2 partner file(s) valid") {
		t.Errorf("exit %d\n%s", code, out)
	}
	// generate refuses too, and writes nothing
	if code, _, _ := run(t, dir, "generate"); code != exitProblem {
		t.Errorf("generate with an invalid partner: exit %d", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "content")); !os.IsNotExist(err) {
		t.Error("generate wrote pages although a partner file is invalid")
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	t.Parallel()
	dir := shippedPartners(t)
	for _, args := range [][]string{{"generate", "--nope"}, {"frobnicate"}, {"templates", "export"}, {"generate", "--check", "--force"}} {
		if code, _, _ := run(t, dir, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}

func TestTemplatesExportRoundTrip(t *testing.T) {
	t.Parallel()
	dir := shippedPartners(t)
	if code, out, errOut := run(t, dir, "templates", "export", "tpl"); code != exitOK || !strings.Contains(out, "tpl/fr/_connect.tmpl") {
		t.Fatalf("export: exit %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut := run(t, dir, "templates", "export", "tpl"); code != exitProblem || !strings.Contains(errOut, "already exists") {
		t.Errorf("second export: exit %d %s", code, errOut)
	}
	// the exported set renders the same pages as the embedded one
	run(t, dir, "generate")
	if code, out, _ := run(t, dir, "--templates", "tpl", "generate"); code != exitOK || !strings.Contains(out, "4 unchanged") {
		t.Errorf("generate with exported templates: exit %d\n%s", code, out)
	}
	if code, out, _ := run(t, dir, "--templates", "tpl", "templates", "list"); code != exitOK || !strings.Contains(out, "languages: [en fr]") {
		t.Errorf("list: exit %d\n%s", code, out)
	}
}

func TestVersion(t *testing.T) {
	t.Parallel()
	code, out, _ := run(t, t.TempDir(), "version")
	if code != exitOK || !strings.HasPrefix(out, "partnerpages ") || !strings.Contains(out, runtime.Version()) {
		t.Errorf("exit %d %q", code, out)
	}
	// --version prints the same line; -v is not --version
	if code, again, _ := run(t, t.TempDir(), "--version"); code != exitOK || again != out {
		t.Errorf("--version: exit %d %q, want %q", code, again, out)
	}
	if code, _, _ := run(t, t.TempDir(), "-v"); code != exitUsage {
		t.Errorf("-v on the bare command: exit %d, want a usage error", code)
	}
}

func TestBuildInfoString(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   BuildInfo
		want string
	}{
		{BuildInfo{Version: "dev", Go: "go1.26.8 linux/amd64"}, "partnerpages dev (go1.26.8 linux/amd64)"},
		{BuildInfo{Version: "1.2.0", Commit: "0123456789abcdef0123", Date: "2026-12-01T10:00:00Z", Go: "go1.26.8 darwin/arm64"},
			"partnerpages 1.2.0 (commit 0123456789ab, 2026-12-01T10:00:00Z, go1.26.8 darwin/arm64)"},
		{BuildInfo{Version: "dev", Commit: "0123456789abcdef0123+dirty", Go: "go1.26.8 linux/amd64"},
			"partnerpages dev (commit 0123456789ab+dirty, go1.26.8 linux/amd64)"},
	} {
		if got := tc.in.String(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestGenDocsWritesEveryVisibleCommand(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if code, _, errOut := run(t, dir, "gen-docs", "--man", "man", "--markdown", "md"); code != exitOK {
		t.Fatalf("exit %d %s", code, errOut)
	}
	for _, f := range []string{"man/partnerpages.1", "man/partnerpages-generate.1", "man/partnerpages-lint.1", "md/partnerpages_generate.md", "md/partnerpages_import.md"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "md/partnerpages_gen-docs.md")); err == nil {
		t.Error("the hidden gen-docs command has a page of its own")
	}
	md, _ := os.ReadFile(filepath.Join(dir, "md/partnerpages_generate.md"))
	if !strings.Contains(string(md), "--check") || strings.Contains(string(md), "Auto generated") {
		t.Errorf("generate reference:\n%s", md)
	}
}

// TestCommandReferenceIsCurrent compares docs/commands with what the command
// tree writes now; run `go run ./cmd/partnerpages gen-docs --markdown docs/commands` after changing a command.
func TestCommandReferenceIsCurrent(t *testing.T) {
	t.Parallel()
	committed := filepath.Join("..", "..", "docs", "commands")
	dir := t.TempDir()
	if code, _, errOut := run(t, dir, "gen-docs", "--markdown", "md"); code != exitOK {
		t.Fatalf("exit %d %s", code, errOut)
	}
	fresh, _ := filepath.Glob(filepath.Join(dir, "md", "*.md"))
	old, _ := filepath.Glob(filepath.Join(committed, "*.md"))
	if len(fresh) != len(old) {
		t.Errorf("docs/commands has %d pages, the command tree %d: regenerate it", len(old), len(fresh))
	}
	for _, f := range fresh {
		want, _ := os.ReadFile(f)
		got, err := os.ReadFile(filepath.Join(committed, filepath.Base(f)))
		if err != nil || string(got) != string(want) {
			t.Errorf("docs/commands/%s is not current: run `go run ./cmd/partnerpages gen-docs --markdown docs/commands`", filepath.Base(f))
		}
	}
}

func TestLintCommand(t *testing.T) {
	t.Parallel()
	dir := shippedPartners(t)
	run(t, dir, "generate")
	if code, out, errOut := run(t, dir, "lint"); code != exitOK || out != "" {
		t.Errorf("lint on generated pages: exit %d\n%s%s", code, out, errOut)
	}
	bad := filepath.Join(dir, "bad.md")
	os.WriteFile(bad, []byte("---\ntitle: Connect to HubRise\n---\n\n## Connect SOLUTION\n\n1. a\n1.\n"), 0o644)
	code, out, _ := run(t, dir, "lint", "bad.md", "content/apps")
	if code != exitProblem || !strings.Contains(out, "bad.md:5:12: placeholder:") || !strings.Contains(out, "bad.md:8:1: empty-step:") {
		t.Errorf("exit %d\n%s", code, out)
	}
	code, out, _ = run(t, dir, "lint", "--format", "json", "bad.md")
	if code != exitProblem || !strings.Contains(out, `"rule": "empty-step"`) {
		t.Errorf("json: exit %d\n%s", code, out)
	}
	if code, _, _ := run(t, dir, "lint", "--format", "xml"); code != exitUsage {
		t.Errorf("bad format: exit %d", code)
	}
	if code, out, _ := run(t, dir, "lint", "missing.md"); code != exitProblem || !strings.Contains(out, "missing.md:1:1: read:") {
		t.Errorf("missing file: exit %d %s", code, out)
	}
}

func TestNewRefusesWithoutTerminalAndWritesWithYes(t *testing.T) {
	t.Parallel()
	dir := shippedPartners(t)
	run(t, dir, "generate")
	code, _, errOut := run(t, dir, "new")
	if code != exitUsage || !strings.Contains(errOut, "needs a terminal") {
		t.Errorf("no terminal: exit %d %s", code, errOut)
	}
	code, _, errOut = run(t, dir, "new", "--yes", "--name", "Orderix")
	if code != exitProblem || !strings.Contains(errOut, "--email:") || !strings.Contains(errOut, "--mode:") {
		t.Errorf("--yes with missing values: exit %d %s", code, errOut)
	}
	code, out, errOut := run(t, dir, "new", "--yes", "--name", "Orderix", "--email", "care@orderix.example",
		"--mode", "back-office", "--menu", "Réglages > Intégrations", "--button", "Lier HubRise",
		"--disconnect-button", "Délier", "--lang", "en,fr")
	if code != exitOK || !strings.Contains(out, "wrote partners/orderix.yaml") || !strings.Contains(out, "2 pages: 2 created") {
		t.Errorf("--yes: exit %d\n%s%s", code, out, errOut)
	}
	// what to commit: every file it wrote but the run lock
	if want := "then commit partners/orderix.yaml, partners/partner.schema.json, content/apps/orderix/, content/apps/.partnerpages.lock ("; !strings.Contains(out, want) ||
		!strings.Contains(out, "content/apps/.partnerpages.run is a run lock: leave it out of git") {
		t.Errorf("the advice does not name what to commit:\n%s", out)
	}
	if code, _, _ := run(t, dir, "generate", "--check"); code != exitOK {
		t.Errorf("generate --check after new: exit %d", code)
	}
	if code, _, errOut := run(t, dir, "new", "--yes", "--name", "Orderix", "--email", "x@y.co", "--mode", "support"); code != exitProblem || !strings.Contains(errOut, "already exists") {
		t.Errorf("existing partner: exit %d %s", code, errOut)
	}
	// --force replaces the partner file, not a page edited by hand
	page := filepath.Join(dir, "content/apps/orderix/fr/connect-hubrise.md")
	edited, _ := os.ReadFile(page)
	edited = append(edited, "\nUne ligne écrite à la main.\n"...)
	os.WriteFile(page, edited, 0o644)
	code, out, errOut = run(t, dir, "new", "--yes", "--force", "--name", "Orderix", "--email", "x@y.co", "--mode", "support")
	if got, _ := os.ReadFile(page); code != exitProblem || string(got) != string(edited) || !strings.Contains(errOut, "kept content/apps/orderix/fr/connect-hubrise.md: it was edited by hand") {
		t.Errorf("new --force over a hand-edited page: exit %d, page kept %v\n%s%s", code, string(got) == string(edited), out, errOut)
	}
}

func TestLintFix(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src, err := os.ReadFile("../../scaffold/lint/testdata/fixable/apps/orka/fr/connect-hubrise.md")
	if err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "apps", "orka", "fr", "connect-hubrise.md")
	os.MkdirAll(filepath.Dir(page), 0o755)
	os.WriteFile(page, src, 0o644)
	code, out, _ := run(t, dir, "lint", "--fix", "--dry-run", "apps")
	if code != exitOK || !strings.Contains(out, "+path_override: connexion-hubrise") {
		t.Fatalf("--fix --dry-run: exit %d\n%s", code, out)
	}
	if now, _ := os.ReadFile(page); string(now) != string(src) {
		t.Fatal("--dry-run wrote the page")
	}
	code, out, errOut := run(t, dir, "lint", "--fix", "apps")
	if code != exitOK || out != "" || !strings.Contains(errOut, "fixed apps/orka/fr/connect-hubrise.md:12: elision:") {
		t.Fatalf("--fix: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, _ := run(t, dir, "lint", "apps"); code != exitOK || out != "" {
		t.Fatalf("lint after --fix: exit %d\n%s", code, out)
	}
}

// TestOutsideAProjectPointsToInit: a newcomer running a command in a folder
// that is not a docs repository is told what to run, not the OS's words.
func TestOutsideAProjectPointsToInit(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, args := range [][]string{{"generate"}, {"validate"}, {"generate", "--check"}} {
		code, _, errOut := run(t, dir, args...)
		if code != exitProblem || !strings.Contains(errOut, "no partnerpages.yaml in this folder or above it") ||
			!strings.Contains(errOut, "partnerpages init") || !strings.Contains(errOut, "partnerpages new") {
			t.Errorf("%v: exit %d\n%s", args, code, errOut)
		}
	}
	code, out, errOut := run(t, dir, "lint")
	if code != exitProblem || strings.Contains(out, ":1:1: read:") || !strings.Contains(errOut, "content/apps: no such folder") || !strings.Contains(errOut, "partnerpages init") {
		t.Errorf("lint: exit %d\n%s%s", code, out, errOut)
	}
	// in a project without pages yet, lint says to generate them
	run(t, dir, "init")
	os.Remove(filepath.Join(dir, "partners"))
	if code, _, errOut := run(t, dir, "generate"); code != exitProblem || !strings.Contains(errOut, "partnerpages.yaml names does not exist") {
		t.Errorf("generate without the project's partners folder: exit %d\n%s", code, errOut)
	}
	if code, _, errOut := run(t, dir, "lint"); code != exitProblem || !strings.Contains(errOut, "run 'partnerpages generate' to write the pages first") {
		t.Errorf("lint before generate: exit %d\n%s", code, errOut)
	}
}

// TestAnUnknownSlugIsSaidWithTheKnownOnes: validate and preview say which
// slugs there are, as generate does, and write nothing.
func TestAnUnknownSlugIsSaidWithTheKnownOnes(t *testing.T) {
	t.Parallel()
	dir := shippedPartners(t)
	for _, args := range [][]string{{"validate", "octopus"}, {"preview", "octopus", "--html", "static"}, {"generate", "octopus"}} {
		code, _, errOut := run(t, dir, args...)
		if code != exitProblem || !strings.Contains(errOut, "no partner with slug octopus") || !strings.Contains(errOut, "qwenta, wiipos") {
			t.Errorf("%v: exit %d\n%s", args, code, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "static")); err == nil {
		t.Error("preview wrote files for an unknown slug")
	}
}

// TestShellCompletionOffersPartnerSlugs: `partnerpages generate <TAB>`
// lists the project's partners, from any folder of the project.
func TestShellCompletionOffersPartnerSlugs(t *testing.T) {
	t.Parallel()
	dir := shippedPartners(t)
	run(t, dir, "init")
	os.MkdirAll(filepath.Join(dir, "content", "apps"), 0o755)
	for _, c := range []struct {
		in   string
		args []string
		want string
	}{
		{dir, []string{"__complete", "generate", ""}, "qwenta\nwiipos\n:4\n"},
		{dir, []string{"__complete", "generate", "w"}, "wiipos\n:4\n"},
		{dir, []string{"__complete", "generate", "qwenta", ""}, "wiipos\n:4\n"},
		{filepath.Join(dir, "content", "apps"), []string{"__complete", "preview", "q"}, "qwenta\n:4\n"},
		{dir, []string{"__complete", "validate", "q"}, "qwenta\n:0\n"},
	} {
		if _, out, _ := run(t, c.in, c.args...); out != c.want {
			t.Errorf("%v: %q, want %q", c.args, out, c.want)
		}
	}
}

// TestHelpShowsWhatACommandUses: the folder flags stay out of the help of
// the commands that ignore them, and every command group has examples.
func TestHelpShowsWhatACommandUses(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, c := range []struct {
		args          []string
		want, notWant string
	}{
		{[]string{"version", "--help"}, "Examples:", "--partners"},
		{[]string{"completion", "bash", "--help"}, "completion bash", "--templates"},
		{[]string{"generate", "--help"}, "--partners", ""},
		{[]string{"templates", "--help"}, "partnerpages templates export templates", ""},
		{[]string{"new", "--help"}, "the project file's languages", ""},
	} {
		_, out, _ := run(t, dir, c.args...)
		if !strings.Contains(out, c.want) || c.notWant != "" && strings.Contains(out, c.notWant) {
			t.Errorf("%v: want %q and no %q in:\n%s", c.args, c.want, c.notWant, out)
		}
	}
}

// TestNewDryRunWritesNothing: new --dry-run prints the partner file and the
// files it would write, and writes none.
func TestNewDryRunWritesNothing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	code, out, errOut := run(t, dir, "new", "--yes", "--dry-run", "--name", "Dry Run", "--mode", "support", "--email", "d@dry.example")
	if code != exitOK || !strings.Contains(out, "name: Dry Run") || !strings.Contains(out, "content/apps/dry-run/fr/connect-hubrise.md") || !strings.Contains(errOut, "nothing was written") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("--dry-run wrote %v", entries)
	}
}

// TestAnExportedSetIsNamedOrPointedAt: templates export inside a project
// names the set in its project file, and generate says so when a templates
// folder lies unused beside the partners.
func TestAnExportedSetIsNamedOrPointedAt(t *testing.T) {
	t.Parallel()
	dir := shippedPartners(t)
	run(t, dir, "templates", "export", "templates")
	if _, _, errOut := run(t, dir, "generate"); strings.Contains(errOut, "holds a template set") {
		t.Errorf("a note of a set that is the embedded one, unedited:\n%s", errOut)
	}
	site := filepath.Join(dir, "templates", "site.yaml")
	data, err := os.ReadFile(site)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(site, []byte(strings.Replace(string(data), "name: HubRise", "name: HubRise Edited", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, errOut := run(t, dir, "generate"); !strings.Contains(errOut, "templates holds a template set, but this run renders with the embedded one") {
		t.Errorf("no note of the unused, edited set:\n%s", errOut)
	}
	proj := t.TempDir()
	run(t, proj, "init")
	if code, out, _ := run(t, proj, "templates", "export", "tpl"); code != exitOK || !strings.Contains(out, `added "templates: tpl"`) {
		t.Errorf("export in a project: exit %d\n%s", code, out)
	}
	data, _ = os.ReadFile(filepath.Join(proj, "partnerpages.yaml"))
	if !strings.HasSuffix(string(data), "templates: tpl\n") || !strings.Contains(string(data), "# the project's languages") {
		t.Errorf("project file:\n%s", data)
	}
	if _, out, _ := run(t, proj, "templates", "list"); !strings.Contains(out, "template set: tpl") {
		t.Errorf("the set is not in use:\n%s", out)
	}
}
