// Package templates holds the default template set, embedded in the binary.
package templates

import (
	"embed"
	"io/fs"
)

//go:embed site.yaml all:en all:fr
var files embed.FS

// FS is the default template set: site.yaml and one folder per language.
var FS fs.FS = files
