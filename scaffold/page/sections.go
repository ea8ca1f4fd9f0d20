package page

import "github.com/partnerpages/partnerpages/scaffold/wording"

// SectionKind classifies a section by its id or heading text: "connect",
// "give-access", "contact", "disconnect", or "" for any other, in the words
// of any language the wording knows.
func SectionKind(s string) string { return wording.SectionKind(s) }
