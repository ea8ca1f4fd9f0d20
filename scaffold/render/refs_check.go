package render

import (
	"slices"
	"strings"

	"github.com/partnerpages/partnerpages/scaffold/partner"
)

// CheckRefs reports every reference of p's partner text to a platform
// step, phrase, UI label or link that the set lacks, with the file, line
// and field of the text that names it.
func (s *Set) CheckRefs(p *partner.Partner) partner.ErrorList {
	if !partnerHasRefs(p) {
		return nil // most files name none
	}
	var errs partner.ErrorList
	for mv := range p.MarkdownValues() {
		langs := p.Langs()
		if mv.Lang != "" {
			langs = []string{mv.Lang}
		}
		for _, l := range langs {
			errs = append(errs, s.checkText(p, mv.Value, mv.Field, l)...)
		}
	}
	errs.Sort()
	return dedupe(errs)
}

// checkText expands the references of one value in lang and reports the
// first that fails.
func (s *Set) checkText(p *partner.Partner, v partner.Scalar, field, lang string) partner.ErrorList {
	if !HasRefs(v.Value) || !slices.Contains(s.langs, lang) {
		return nil
	}
	view := s.NewView(p, lang)
	_, err := s.expandRefs(v.Value, view)
	if err == nil {
		return nil
	}
	at := v.Pos
	for i, line := range strings.Split(v.Value, "\n") {
		if _, e := s.expandRefs(line, view); e != nil {
			at = v.LineAt(i) // the line that holds the reference
			break
		}
	}
	return partner.ErrorList{{File: p.File, Line: at.Line, Col: at.Col, Field: field, Msg: err.Error()}}
}

// dedupe drops a problem reported twice (a value shared by the languages).
func dedupe(errs partner.ErrorList) partner.ErrorList {
	var out partner.ErrorList
	seen := map[string]bool{}
	for _, e := range errs {
		if k := e.Error(); !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	return out
}

// partnerHasRefs reports whether any partner text of p names a platform
// step, phrase, label or link.
func partnerHasRefs(p *partner.Partner) bool {
	for mv := range p.MarkdownValues() {
		if HasRefs(mv.Value.Value) {
			return true
		}
	}
	return false
}
