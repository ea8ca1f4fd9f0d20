// Package email knows what an e-mail address is: the one pattern the partner
// file's validation, the page model, lint and import all use.
package email

import (
	"regexp"
	"strings"
)

// pattern is an address support teams actually use, and nothing that could
// carry Markdown or MDX syntax into a page: a local part, an @, a domain
// with a top-level part of two letters or more.
const pattern = `[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`

var (
	inText = regexp.MustCompile(pattern)
	whole  = regexp.MustCompile(`^` + pattern + `$`)
	// meant: what a writer meant as an address, valid or not (a missing
	// top-level part, a doubled dot), for lint to report
	meant = regexp.MustCompile(`[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+`)
)

// Valid reports whether s is a plain e-mail address (no display name).
func Valid(s string) bool {
	return whole.MatchString(s) && !strings.Contains(s, "..") && !strings.HasPrefix(s, ".")
}

// Find returns the addresses in text, in order.
func Find(text string) []string { return inText.FindAllString(text, -1) }

// Is reports whether s holds an address.
func Is(s string) bool { return inText.MatchString(s) }

// Meant returns the spans of text a writer meant as addresses, valid or not.
func Meant(text string) [][]int { return meant.FindAllStringIndex(text, -1) }
