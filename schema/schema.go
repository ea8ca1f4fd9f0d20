// Package schema ships the JSON Schema of partner files, for editors
// (yaml-language-server) and for the `$schema` comment of the partner files
// the wizard and import write.
package schema

import (
	_ "embed"
	"errors"
	"os"

	"github.com/partnerpages/partnerpages/scaffold/safefile"
)

// PartnerJSON is the JSON Schema (draft-07) of a partner file.
//
//go:embed partner.schema.json
var PartnerJSON []byte

// File is the schema's path inside the project.
const File = "schema/partner.schema.json"

// WriteCopy writes the schema to path unless a file is already there, so
// that partner files outside the project still point at a schema.
func WriteCopy(path string) error {
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return safefile.WriteAtomic(path, PartnerJSON)
}
