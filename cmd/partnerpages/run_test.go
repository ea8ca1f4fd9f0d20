package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// globals are the options every command shares, for a project in dir
// whose flags were resolved as the root command resolves them.
func globals(dir string) (*GlobalOptions, *bytes.Buffer, *bytes.Buffer) {
	ios, out, errOut := Test("")
	return &GlobalOptions{Ctx: context.Background(), IO: ios, WorkDir: dir,
		Partners: filepath.Join(dir, "partners"), Out: filepath.Join(dir, "content", "apps")}, out, errOut
}

// The run functions are called directly, as gh tests its commands: the
// options hold the folder and the streams, the result is what they print
// and the error they return.
func TestRunFunctionsDirectly(t *testing.T) {
	t.Parallel()
	dir := shippedPartners(t)
	steps := []struct {
		name     string
		run      func(g *GlobalOptions) error
		wantErr  error // errSilent: exit 1 with the reason printed
		wantOut  string
		wantErrs string
	}{
		{"check before anything is written",
			func(g *GlobalOptions) error {
				return runGenerate(&GenerateOptions{GlobalOptions: g, Check: true, Format: "text"})
			},
			errSilent, "missing: " + dir + "/content/apps/qwenta/fr/connect-hubrise.md", "4 page(s) missing or out of date"},
		{"generate",
			func(g *GlobalOptions) error { return runGenerate(&GenerateOptions{GlobalOptions: g, Format: "text"}) },
			nil, "4 pages: 4 created, 0 updated, 0 unchanged", ""},
		{"check after generate",
			func(g *GlobalOptions) error {
				return runGenerate(&GenerateOptions{GlobalOptions: g, Check: true, Format: "text"})
			},
			nil, "4 pages: 0 to be created, 0 to be updated, 4 unchanged", ""},
		{"validate every partner",
			func(g *GlobalOptions) error { return runValidate(&ValidateOptions{GlobalOptions: g}) },
			nil, "2 partner file(s) valid", ""},
		{"absorb with no edit",
			func(g *GlobalOptions) error { return runAbsorb(&AbsorbOptions{GlobalOptions: g}) },
			nil, "no page was edited by hand; nothing to absorb", ""},
	}
	for _, s := range steps {
		g, out, errOut := globals(dir)
		err := s.run(g)
		if !errors.Is(err, s.wantErr) || s.wantErr == nil && err != nil {
			t.Errorf("%s: error %v, want %v", s.name, err, s.wantErr)
		}
		if !strings.Contains(out.String(), s.wantOut) || !strings.Contains(errOut.String(), s.wantErrs) {
			t.Errorf("%s: printed\n%s\n%s", s.name, out.String(), errOut.String())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "apps", ".partnerpages.lock")); err != nil {
		t.Errorf("no lock file after generate: %v", err)
	}
}
