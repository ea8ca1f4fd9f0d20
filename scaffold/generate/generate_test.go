package generate

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/partnerpages/partnerpages/scaffold/project"

	"github.com/partnerpages/partnerpages/scaffold/output"
	"github.com/partnerpages/partnerpages/templates"
)

const alpha = `name: Alpha
support: {email: help@alpha.example}
connection: {mode: support}
`

const beta = `name: Beta
languages: [fr]
support: {email: help@beta.example}
connection:
  mode: back-office
  menu: [Réglages, Intégrations]
  button: Connecter
disconnect: {button: Déconnecter}
`

type env struct {
	t        *testing.T
	partners fstest.MapFS
	out      string
}

func newEnv(t *testing.T) *env {
	return &env{t: t, partners: fstest.MapFS{
		"alpha.yaml": {Data: []byte(alpha)},
		"beta.yaml":  {Data: []byte(beta)},
	}, out: filepath.Join(t.TempDir(), "apps")}
}

func (e *env) opts() Options {
	return Options{Inputs: project.Inputs{Partners: e.partners, PartnersDir: "partners", Templates: templates.FS}, Out: e.out}
}

func (e *env) run(mod func(*Options)) *Result {
	e.t.Helper()
	o := e.opts()
	if mod != nil {
		mod(&o)
	}
	res, err := Run(context.Background(), o)
	if err != nil {
		e.t.Fatal(err)
	}
	return res
}

func (e *env) counts(res *Result) string {
	return res.Summary()
}

func (e *env) page(rel string) string { return filepath.Join(e.out, filepath.FromSlash(rel)) }

func TestGenerateCreatesThenLeavesUnchangedFilesAlone(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	if got := e.counts(e.run(nil)); got != "3 pages: 3 created, 0 updated, 0 unchanged" {
		t.Fatalf("first run: %s", got)
	}
	// age every page, so a rewrite would show in the modification time
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	for _, rel := range []string{"alpha/en/connect-hubrise.md", "alpha/fr/connect-hubrise.md", "beta/fr/connect-hubrise.md"} {
		if err := os.Chtimes(e.page(rel), old, old); err != nil {
			t.Fatal(err)
		}
	}
	lockBefore, _ := os.ReadFile(filepath.Join(e.out, output.LockName))
	if got := e.counts(e.run(nil)); got != "3 pages: 0 created, 0 updated, 3 unchanged" {
		t.Fatalf("second run: %s", got)
	}
	for _, rel := range []string{"alpha/en/connect-hubrise.md", "beta/fr/connect-hubrise.md"} {
		st, _ := os.Stat(e.page(rel))
		if !st.ModTime().Equal(old) {
			t.Errorf("%s was rewritten (mtime %v, want %v)", rel, st.ModTime(), old)
		}
	}
	lockAfter, _ := os.ReadFile(filepath.Join(e.out, output.LockName))
	if !bytes.Equal(lockBefore, lockAfter) {
		t.Error("lock file changed on a no-op run")
	}
}

func TestGenerateUpdatesStalePagesAndKeepsHandEdits(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.run(nil)
	// a partner change makes alpha's pages stale; beta is edited by hand
	e.partners["alpha.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(alpha, "help@alpha.example", "care@alpha.example", 1))}
	edited := e.page("beta/fr/connect-hubrise.md")
	if err := os.WriteFile(edited, []byte("my own words\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	check := e.run(func(o *Options) { o.Check = true })
	if got := len(check.Problems(true)); got != 3 {
		t.Errorf("--check: %d problems, want 2 stale + 1 hand-edited: %s", got, check.Summary())
	}
	if data, _ := os.ReadFile(e.page("alpha/en/connect-hubrise.md")); bytes.Contains(data, []byte("care@alpha")) {
		t.Error("--check wrote a page")
	}

	res := e.run(nil)
	if got := res.Summary(); got != "3 pages: 0 created, 2 updated, 0 unchanged, 1 hand-edited (kept)" {
		t.Errorf("run: %s", got)
	}
	if data, _ := os.ReadFile(edited); string(data) != "my own words\n" {
		t.Error("the hand-edited page was overwritten without --force")
	}
	if data, _ := os.ReadFile(e.page("alpha/en/connect-hubrise.md")); !bytes.Contains(data, []byte("care@alpha.example")) {
		t.Error("the stale page was not updated")
	}

	res = e.run(func(o *Options) { o.Force = true })
	if got := res.Summary(); got != "3 pages: 0 created, 1 updated, 2 unchanged" {
		t.Errorf("--force: %s", got)
	}
	if data, _ := os.ReadFile(edited); !bytes.Contains(data, []byte("Connecter Beta")) {
		t.Error("--force did not regenerate the hand-edited page")
	}
	if check := e.run(func(o *Options) { o.Check = true }); len(check.Problems(true)) != 0 {
		t.Errorf("--check after --force: %s", check.Summary())
	}
}

func TestGenerateCheckReportsMissingPagesAndWritesNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	res := e.run(func(o *Options) { o.Check = true })
	if got := len(res.Problems(true)); got != 3 {
		t.Errorf("want 3 missing pages, got %d", got)
	}
	if _, err := os.Stat(e.out); !os.IsNotExist(err) {
		t.Error("--check created the output folder")
	}
}

func TestGenerateDryRunAndDiffWriteNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.run(func(o *Options) { o.DryRun = true })
	var diff bytes.Buffer
	e.run(func(o *Options) { o.Diff = &diff })
	if _, err := os.Stat(e.out); !os.IsNotExist(err) {
		t.Error("--dry-run or --diff wrote to the output folder")
	}
	if !strings.Contains(diff.String(), "+++ b/"+e.out+"/beta/fr/connect-hubrise.md") || !strings.Contains(diff.String(), "+## Connecter Beta") {
		t.Errorf("diff lacks the new page:\n%s", diff.String())
	}
}

func TestGeneratePrune(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.run(nil)
	// alpha disappears; one of its pages was edited by hand
	delete(e.partners, "alpha.yaml")
	if err := os.WriteFile(e.page("alpha/fr/connect-hubrise.md"), []byte("edited\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := e.run(nil)
	if _, err := os.Stat(e.page("alpha/en/connect-hubrise.md")); err != nil {
		t.Error("a page was removed without --prune")
	}
	if res.Count(output.Prune) != 1 || res.Count(output.Orphan) != 1 {
		t.Errorf("without --prune: %s", res.Summary())
	}
	res = e.run(func(o *Options) { o.Prune = true })
	if _, err := os.Stat(e.page("alpha/en")); !os.IsNotExist(err) {
		t.Error("--prune left the unedited page (or its empty folder)")
	}
	if data, _ := os.ReadFile(e.page("alpha/fr/connect-hubrise.md")); string(data) != "edited\n" {
		t.Error("--prune removed a hand-edited page")
	}
	if res.Count(output.Orphan) != 1 {
		t.Errorf("with --prune: %s", res.Summary())
	}
	lock, err := output.ReadLock(e.out)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := lock.Pages["alpha/en/connect-hubrise.md"]; ok {
		t.Error("the pruned page is still in the lock")
	}
}

func TestGenerateWithSlugsLeavesOtherPartnersAlone(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	res := e.run(func(o *Options) { o.Slugs = []string{"beta"} })
	if got := res.Summary(); got != "1 page: 1 created, 0 updated, 0 unchanged" {
		t.Errorf("beta only: %s", got)
	}
	if _, err := os.Stat(e.page("alpha")); !os.IsNotExist(err) {
		t.Error("alpha was generated")
	}
	o := e.opts()
	o.Slugs = []string{"gamma"}
	if _, err := Run(context.Background(), o); err == nil || !strings.Contains(err.Error(), "no partner with slug gamma (known: alpha, beta)") {
		t.Errorf("unknown slug: %v", err)
	}
}

func TestGenerateWritesNothingWhenAnyPartnerIsInvalid(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.partners["broken.yaml"] = &fstest.MapFile{Data: []byte("name: Broken\nsupport: {email: nope}\nconnection: {mode: support}\n")}
	_, err := Run(context.Background(), e.opts())
	if err == nil || !strings.Contains(err.Error(), "partners/broken.yaml:2:18: support.email") {
		t.Fatalf("want the broken file's error with its line, got %v", err)
	}
	if _, err := os.Stat(e.out); !os.IsNotExist(err) {
		t.Error("pages were written although a partner file is invalid")
	}
}

func TestGenerateRefusesSymlinks(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	elsewhere := t.TempDir()
	if err := os.MkdirAll(e.out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(e.out, "beta")); err != nil {
		t.Fatal(err)
	}
	_, err := Run(context.Background(), e.opts())
	if err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Fatalf("want a refusal naming the link, got %v", err)
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) != 0 {
		t.Error("wrote through the symbolic link")
	}
}

func TestGenerateRefusesADamagedLock(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.run(nil)
	if err := os.WriteFile(filepath.Join(e.out, output.LockName), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Run(context.Background(), e.opts())
	if err == nil || !strings.Contains(err.Error(), "lock file is damaged") {
		t.Fatalf("got %v", err)
	}
}

func TestGenerateInterruptedLeavesConsistentState(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, e.opts()); err == nil {
		t.Fatal("want an interruption error")
	}
	// the next run finishes the job
	if got := e.run(nil).Summary(); got != "3 pages: 3 created, 0 updated, 0 unchanged" {
		t.Errorf("after interrupt: %s", got)
	}
}

func TestGenerateCountsProgress(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	for _, slugs := range [][]string{nil, {"beta"}} {
		p := &Progress{}
		e.run(func(o *Options) { o.Progress = p; o.Slugs = slugs })
		want := int64(2)
		if slugs != nil {
			want = 1
		}
		if p.Total() != want || p.Done() != want {
			t.Errorf("slugs %v: progress %d/%d, want %d/%d", slugs, p.Done(), p.Total(), want, want)
		}
	}
}

// TestEveryRunListsEveryPage: a run that writes and one that only checks
// both list each page with what became (or would become) of it.
func TestEveryRunListsEveryPage(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	first := e.run(nil)
	if len(first.Changes) != 3 || first.Count(output.Create) != 3 || !strings.HasPrefix(first.Summary(), "3 pages: 3 created") {
		t.Fatalf("first run: %d changes listed, summary %q", len(first.Changes), first.Summary())
	}
	edited := filepath.Join(e.out, "beta", "fr", "connect-hubrise.md")
	data, _ := os.ReadFile(edited)
	os.WriteFile(edited, append(data, "Une note.\n"...), 0o644)
	e.partners["alpha.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(alpha, "help@", "support@", 1))}
	res := e.run(nil)
	want := map[string]output.Action{"alpha/en/connect-hubrise.md": output.Update, "alpha/fr/connect-hubrise.md": output.Update, "beta/fr/connect-hubrise.md": output.Conflict}
	for _, c := range res.Changes {
		if want[c.Rel] != c.Action {
			t.Errorf("second run: %s %v, want %v", c.Rel, c.Action, want[c.Rel])
		}
	}
	if len(res.Changes) != 3 {
		t.Errorf("second run listed %d pages", len(res.Changes))
	}
	check := e.run(func(o *Options) { o.Check = true })
	if len(check.Changes) != 3 || check.Count(output.Unchanged) != 2 || check.Count(output.Conflict) != 1 {
		t.Errorf("check: %d changes listed, %s", len(check.Changes), check.Summary())
	}
}

// TestCheckFailsOnThePagesOfAPartnerThatIsGone: --check exits 1 on them
// (it said nothing unless given --prune); --prune then removes them.
func TestCheckFailsOnThePagesOfAPartnerThatIsGone(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.run(nil)
	delete(e.partners, "beta.yaml")
	check := e.run(func(o *Options) { o.Check = true })
	if probs := check.Problems(true); len(probs) != 1 || probs[0].Action != output.Prune || probs[0].Rel != "beta/fr/connect-hubrise.md" {
		t.Errorf("check: %v", probs)
	}
	e.run(func(o *Options) { o.Prune = true })
	if check := e.run(func(o *Options) { o.Check = true }); len(check.Problems(true)) != 0 {
		t.Errorf("after --prune: %v", check.Problems(true))
	}
}
