package page

import "strings"

// SectionKind classifies a section by its id or heading text: "connect", "give-access", "contact", "disconnect", or "" for any other.
func SectionKind(s string) string {
	l := strings.ToLower(s)
	switch {
	case l == "give-access" || strings.Contains(l, "access") || strings.Contains(l, "accès"):
		return "give-access"
	case l == "contact" || strings.HasPrefix(l, "contact"):
		return "contact"
	case strings.Contains(l, "disconnect") || strings.Contains(l, "déconnect"):
		return "disconnect"
	case strings.HasPrefix(l, "connect"):
		return "connect"
	}
	return ""
}
