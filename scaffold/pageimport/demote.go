package pageimport

import (
	"fmt"
	"strings"

	"github.com/partnerpages/partnerpages/scaffold/partner"
)

// demote keeps as written the typed sections that a partner file's
// validation errors implicate, so that import writes a file that validates
// whatever the page: a connection the languages describe differently, a
// disconnect with no button, a give-access section with no e-mail. When no
// error names a section, every typed section is kept as written. It reports
// whether anything changed; when nothing can, the errors stand.
func demote(g []pageOf, errs partner.ErrorList) bool {
	kinds := map[string]bool{}
	for _, e := range errs {
		for _, k := range implicated(e) {
			kinds[k] = true
		}
	}
	changed := keepAsWritten(g, errs, func(pt *part) bool { return kinds[pt.kind] })
	if !changed {
		changed = keepAsWritten(g, errs, func(pt *part) bool { return pt.kind != "" })
	}
	return changed
}

// implicated names the standard sections whose typed text an error is about.
func implicated(e partner.Error) []string {
	switch f := e.Field; {
	case strings.HasPrefix(f, "connection."), f == "connection":
		return []string{"connect", "give-access", "contact"}
	case strings.HasPrefix(f, "disconnect."), f == "disconnect":
		return []string{"disconnect"}
	case strings.HasPrefix(f, "support."):
		return []string{"give-access", "contact"}
	case f == "page" && strings.Contains(e.Msg, "connect section"):
		return []string{"connect"}
	}
	return nil
}

// keepAsWritten marks the typed parts that match as kept as written, with a
// note naming the first error.
func keepAsWritten(g []pageOf, errs partner.ErrorList, match func(*part) bool) bool {
	changed := false
	for _, p := range g {
		for i := range p.f.layout {
			pt := &p.f.layout[i]
			if pt.verbatim || !match(pt) {
				continue
			}
			pt.verbatim = true
			changed = true
			p.rep.Notes = append(p.rep.Notes, Note{Line: pt.line, Text: fmt.Sprintf("the %s section is kept as written: typed, the partner file would not validate (%s: %s)", pt.kind, errs[0].Field, errs[0].Msg)})
		}
	}
	return changed
}
