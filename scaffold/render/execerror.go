package render

import (
	"fmt"
	"path"
	"reflect"
	"regexp"
	"strings"

	"github.com/partnerpages/partnerpages/scaffold/partner"
)

// execErrorRe reads text/template's execution error: the template's name,
// line and column, then what went wrong. A step called through a helper
// (typed) nests its own error in the caller's; the last one is the place.
var execErrorRe = regexp.MustCompile(`template: ([^:]+):(\d+):(\d+): executing "[^"]*" at <([^>]*)>: `)

// fieldErrorRe is text/template's word for a field a View lacks.
var fieldErrorRe = regexp.MustCompile(`can't evaluate field (\w+) in type`)

// templateError says where in the template set a page failed to render, in
// the words of the one who edits the templates: the file, line and column,
// and for an unknown field the one it most likely means.
func (s *Set) templateError(lang string, err error, partnerFile, page string) error {
	all := execErrorRe.FindAllStringSubmatchIndex(err.Error(), -1)
	if all == nil {
		return fmt.Errorf("%s: rendering %s: %w", partnerFile, page, err)
	}
	last, text := all[len(all)-1], err.Error()
	m := []string{text[last[0]:last[1]], text[last[2]:last[3]], text[last[4]:last[5]], text[last[6]:last[7]], text[last[8]:last[9]], text[last[1]:]}
	file := path.Join(lang, m[1]+TemplateExt) // a page template is named for its page
	if !strings.HasSuffix(page, "/"+m[1]+TemplateExt) {
		file = path.Join(lang, "_"+m[1]+TemplateExt) // a partial
	}
	msg := m[5]
	if f := fieldErrorRe.FindStringSubmatch(msg); f != nil {
		msg = fmt.Sprintf("%s: no such field", m[4])
		if best := partner.Closest(f[1], viewFields()); best != "" {
			msg += fmt.Sprintf(" (did you mean .%s?)", best)
		}
	}
	return fmt.Errorf("%s:%s:%s: %s (while rendering the %s page of %s)", s.shown(file), m[2], m[3], msg, lang, partnerFile)
}

// viewFields names the fields a template may read of a View.
func viewFields() []string {
	var out []string
	t := reflect.TypeOf(View{})
	for i := range t.NumField() {
		if f := t.Field(i); f.IsExported() {
			out = append(out, f.Name)
		}
	}
	return out
}

// shown is how messages name a file of the set: under the folder it was
// loaded from, or as the embedded set's.
func (s *Set) shown(file string) string {
	if s.Dir == "" {
		return "the embedded template set's " + file
	}
	return path.Join(s.Dir, file)
}
