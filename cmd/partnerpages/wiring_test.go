package main

import (
	"reflect"
	"testing"

	"github.com/spf13/cobra"
)

// TestFlagsWireIntoOptions runs each command with a runF that keeps the
// options it gets: the flags and arguments land in the fields they name,
// and the command's context is passed on, without running the engine.
func TestFlagsWireIntoOptions(t *testing.T) {
	t.Parallel()
	io, _, _ := Test("")
	for _, c := range []struct {
		name string
		cmd  func(g *GlobalOptions, got *any) *cobra.Command
		args []string
		want any
	}{
		{"generate", func(g *GlobalOptions, got *any) *cobra.Command {
			return NewCmdGenerate(g, func(o *GenerateOptions) error { *got = *o; return nil })
		}, []string{"--check", "--format", "github", "qwenta", "wiipos"},
			GenerateOptions{Slugs: []string{"qwenta", "wiipos"}, Check: true, Format: "github"}},
		{"generate --diff --prune -v", func(g *GlobalOptions, got *any) *cobra.Command {
			return NewCmdGenerate(g, func(o *GenerateOptions) error { *got = *o; return nil })
		}, []string{"--diff", "--prune", "-v"},
			GenerateOptions{Slugs: []string{}, Diff: true, Prune: true, Verbose: true, Format: "text"}},
		{"lint", func(g *GlobalOptions, got *any) *cobra.Command {
			return NewCmdLint(g, func(o *LintOptions) error { *got = *o; return nil })
		}, []string{"--strict", "--fix", "--dry-run", "docs/a.md"},
			LintOptions{Paths: []string{"docs/a.md"}, Strict: true, Fix: true, DryRun: true, Format: "text"}},
		{"absorb", func(g *GlobalOptions, got *any) *cobra.Command {
			return NewCmdAbsorb(g, func(o *AbsorbOptions) error { *got = *o; return nil })
		}, []string{"--dry-run", "qwenta"},
			AbsorbOptions{Slugs: []string{"qwenta"}, DryRun: true}},
		{"import", func(g *GlobalOptions, got *any) *cobra.Command {
			return NewCmdImport(g, func(o *ImportOptions) error { *got = *o; return nil })
		}, []string{"--dry-run", "site/apps"},
			ImportOptions{Args: []string{"site/apps"}, DryRun: true}},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := &GlobalOptions{IO: io, Out: "content/apps"}
			var got any
			cmd := c.cmd(g, &got)
			cmd.SetArgs(c.args)
			if err := cmd.Execute(); err != nil {
				t.Fatal(err)
			}
			if got == nil {
				t.Fatal("runF was not called")
			}
			v := reflect.ValueOf(&got).Elem().Elem()
			cp := reflect.New(v.Type()).Elem()
			cp.Set(v)
			gf := cp.FieldByName("GlobalOptions")
			if gf.Interface().(*GlobalOptions).Ctx == nil {
				t.Error("the command's context was not passed on")
			}
			gf.Set(reflect.Zero(gf.Type())) // compare the command's own fields
			if !reflect.DeepEqual(cp.Interface(), c.want) {
				t.Errorf("options:\n got  %+v\n want %+v", cp.Interface(), c.want)
			}
		})
	}
}
