// Package lint checks connection pages, generated or hand-written, for the
// mistakes hand-editing makes: leftover placeholders and variant markers,
// broken step lists, names and e-mails that disagree, links the site cannot
// resolve, front matter the site needs, and text that breaks its MDX build.
// It reads pages through the shared page model (package page).
package lint

import "github.com/partnerpages/partnerpages/scaffold/page"

// The page model's types, as the rules use them.
type (
	// Page is a parsed page.
	Page = page.Page
	// Pos is a 1-based line and column.
	Pos = page.Pos
	// Block is a leaf block with text.
	Block = page.Block
	// Heading is a heading of a page.
	Heading = page.Heading
)

// Parse reads a page into the page model.
func Parse(path string, src []byte) *Page { return page.Parse(path, src) }
