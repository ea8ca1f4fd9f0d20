package render

import (
	"fmt"
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
	text := func(t partner.Text, field string) {
		if t.ByLang == nil {
			for _, l := range p.Langs() {
				errs = append(errs, s.checkText(p, t.Value, field, l)...)
			}
			return
		}
		for l, v := range t.ByLang {
			errs = append(errs, s.checkText(p, v, field+"."+l, l)...)
		}
	}
	list := func(ls partner.List, field string) {
		if ls.ByLang == nil {
			for i, it := range ls.Items {
				for _, l := range p.Langs() {
					errs = append(errs, s.checkText(p, it, fmt.Sprintf("%s[%d]", field, i+1), l)...)
				}
			}
			return
		}
		for l, items := range ls.ByLang {
			for i, it := range items {
				errs = append(errs, s.checkText(p, it, fmt.Sprintf("%s.%s[%d]", field, l, i+1), l)...)
			}
		}
	}
	text(p.Preamble, "preamble")
	text(p.Connection.Intro, "connection.intro")
	for _, o := range p.Connection.Own() {
		list(*o.List, "connection."+o.Key)
	}
	for _, o := range p.Disconnect.Own() {
		list(*o.List, "disconnect."+o.Key)
	}
	for i, pt := range p.Page {
		f := fmt.Sprintf("page[%d]", i+1)
		text(pt.Intro, f+".intro")
		text(pt.Body, f+".body")
		list(pt.Steps, f+".steps")
	}
	for i, sec := range p.Sections {
		text(sec.Body, fmt.Sprintf("sections[%d].body", i+1))
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
	at := partner.Pos{Line: v.Line, Col: v.Col}
	// a text of several lines is a block, whose first line is under its key:
	// name the line that holds the reference
	if lines := strings.Split(v.Value, "\n"); len(lines) > 1 && at.Line > 0 {
		for i, line := range lines {
			if _, e := s.expandRefs(line, view); e != nil {
				at = partner.Pos{Line: v.Line + 1 + i}
				break
			}
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
	text := func(t partner.Text) bool {
		if HasRefs(t.Value.Value) {
			return true
		}
		for _, v := range t.ByLang {
			if HasRefs(v.Value) {
				return true
			}
		}
		return false
	}
	list := func(l partner.List) bool {
		for _, it := range l.Items {
			if HasRefs(it.Value) {
				return true
			}
		}
		for _, items := range l.ByLang {
			for _, it := range items {
				if HasRefs(it.Value) {
					return true
				}
			}
		}
		return false
	}
	if text(p.Preamble) || text(p.Connection.Intro) {
		return true
	}
	for _, o := range append(p.Connection.Own(), p.Disconnect.Own()...) {
		if list(*o.List) {
			return true
		}
	}
	for _, pt := range p.Page {
		if text(pt.Intro) || text(pt.Body) || list(pt.Steps) {
			return true
		}
	}
	for _, sec := range p.Sections {
		if text(sec.Body) {
			return true
		}
	}
	return false
}
