package integration_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// hookRepo is a docs repository whose .pre-commit-config.yaml takes the
// hooks from this project at its HEAD commit, as a team would from a tag.
type hookRepo struct {
	t   *testing.T
	dir string
	env []string
}

func (h *hookRepo) run(name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = h.dir, h.env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func (h *hookRepo) write(name, body string) {
	p := filepath.Join(h.dir, name)
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		h.t.Fatal(err)
	}
}

// commit stages everything and commits; the hooks decide.
func (h *hookRepo) commit(msg string) (string, error) {
	if out, err := h.run("git", "add", "-A"); err != nil {
		h.t.Fatalf("git add: %v\n%s", err, out)
	}
	return h.run("git", "commit", "-q", "-m", msg)
}

func newHookRepo(t *testing.T) *hookRepo {
	if os.Getenv("PARTNERPAGES_HOOKS") == "" {
		t.Skip("PARTNERPAGES_HOOKS=1 runs the pre-commit hooks (slow: pre-commit builds the tool); CI sets it")
	}
	if _, err := exec.LookPath("pre-commit"); err != nil {
		t.Fatal("PARTNERPAGES_HOOKS is set but pre-commit is not installed (apt-get install pre-commit)")
	}
	project, _ := filepath.Abs("..")
	rev, err := exec.Command("git", "-C", project, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "partnerpages")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/partnerpages").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	modcache, _ := exec.Command("go", "env", "GOMODCACHE").Output()
	h := &hookRepo{t: t, dir: t.TempDir(), env: append(os.Environ(),
		"PRE_COMMIT_HOME="+t.TempDir(), "GOMODCACHE="+strings.TrimSpace(string(modcache)),
		"GIT_AUTHOR_NAME=Writer", "GIT_AUTHOR_EMAIL=writer@docs.example",
		"GIT_COMMITTER_NAME=Writer", "GIT_COMMITTER_EMAIL=writer@docs.example")}
	h.write("partnerpages.yaml", "partners: partners\nout: content/apps\n")
	h.write("partners/orderix.yaml", "name: Orderix\nlanguages: [en]\nsupport:\n  email: care@orderix.example\n"+
		"connection:\n  mode: back-office\n  menu: [Settings, Integrations]\n  button: Link HubRise\n"+
		"disconnect:\n  button: Unlink\n")
	h.write(".pre-commit-config.yaml", "repos:\n  - repo: "+project+"\n    rev: "+strings.TrimSpace(string(rev))+
		"\n    hooks: [{id: partnerpages-check}, {id: partnerpages-lint}]\n")
	for _, args := range [][]string{{"git", "init", "-q"}, {bin, "generate"}, {"pre-commit", "install"}} {
		if out, err := h.run(args[0], args[1:]...); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
	}
	return h
}

func TestPreCommitHooksRefuseDriftAndLintErrors(t *testing.T) {
	h := newHookRepo(t)
	if out, err := h.commit("pages"); err != nil {
		t.Fatalf("a clean commit was refused: %v\n%s", err, out)
	}
	page := "content/apps/orderix/en/connect-hubrise.md"
	clean, _ := os.ReadFile(filepath.Join(h.dir, page))

	h.write(page, string(clean)+"\nOne more line, by hand.\n")
	out, err := h.commit("hand edit")
	if err == nil || !strings.Contains(out, "hand-edited: "+page) {
		t.Errorf("a hand-edited page was committed: %v\n%s", err, out)
	}
	h.write(page, string(clean))

	h.write("content/notes/checklist.md", "---\ntitle: Checklist\n---\n\nTODO: write the checklist.\n")
	out, err = h.commit("notes")
	if err == nil || !strings.Contains(out, "content/notes/checklist.md:5:1: placeholder:") {
		t.Errorf("a page with a lint error was committed: %v\n%s", err, out)
	}

	h.write("content/notes/checklist.md", "---\ntitle: Checklist\n---\n\nAsk the partner for a screenshot.\n")
	if out, err := h.commit("notes"); err != nil {
		t.Errorf("a clean commit was refused: %v\n%s", err, out)
	}
}
