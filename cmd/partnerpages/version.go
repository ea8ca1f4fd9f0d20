package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// buildVersion is set at build time with -ldflags "-X main.buildVersion=v1.2.3".
var buildVersion = ""

func version() string {
	if buildVersion != "" {
		return buildVersion
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

func newVersionCmd(g *GlobalOptions) *cobra.Command {
	return &cobra.Command{
		Use:         "version",
		Short:       "Print the version of partnerpages",
		Args:        cobra.NoArgs,
		Annotations: map[string]string{noProject: "yes"},
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(g.IO.Out, "partnerpages %s\n", version())
			return err
		},
	}
}
