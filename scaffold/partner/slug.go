package partner

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// SlugPattern is what a slug must match: it names the output folder and the
// partner file, so it can never hold a path separator or start with a dot.
var SlugPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

var langPattern = regexp.MustCompile(`^[a-z]{2,3}(-[a-z0-9]{2,8})*$`)

// ValidLang reports whether s looks like a language code (en, fr, pt-br).
func ValidLang(s string) bool { return langPattern.MatchString(s) }

// letters that Unicode decomposition does not reduce to ASCII.
var foldSpecial = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i",
}

// Slugify derives a slug from a product name the way the docs site does:
// accents dropped, lower case, and every run of other characters becomes one
// '-' (Café Étoile → cafe-etoile). It returns "" when nothing is left.
func Slugify(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(strings.ToLower(name)) {
		if unicode.Is(unicode.Mn, r) {
			continue // a combining accent
		}
		s := string(r)
		if f, ok := foldSpecial[r]; ok {
			s = f
		} else if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteString(s)
	}
	return b.String()
}
