// Package schema ships the JSON Schema of partner files, for editors
// (yaml-language-server) and for the wizard's `$schema` comment.
package schema

import _ "embed"

// PartnerJSON is the JSON Schema (draft-07) of a partner file.
//
//go:embed partner.schema.json
var PartnerJSON []byte

// File is the schema's path inside the project.
const File = "schema/partner.schema.json"
