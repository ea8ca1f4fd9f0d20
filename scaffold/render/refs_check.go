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
	errs := s.checkStepNames(p)
	if !partnerHasRefs(p) {
		return errs // most files name none
	}
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

// checkStepNames reports a step of step_text, steps_after or skip_steps that the
// template set does not have in that language, with the one most likely meant.
func (s *Set) checkStepNames(p *partner.Partner) partner.ErrorList {
	var errs partner.ErrorList
	check := func(field, lang, name string, at partner.Pos) {
		steps := s.Steps(lang, "step")
		if !slices.Contains(s.langs, lang) || slices.Contains(steps, name) {
			return
		}
		hint := ""
		if best := partner.Closest(name, steps); best != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", best)
		}
		errs = append(errs, partner.Error{File: p.File, Line: at.Line, Col: at.Col, Field: field + "." + lang + "." + name,
			Msg: fmt.Sprintf("the template set has no step %q%s; its steps: %s", name, hint, strings.Join(steps, ", "))})
	}
	for lang, byName := range p.StepText {
		for name, v := range byName {
			check("step_text", lang, name, v.Pos)
		}
	}
	for lang, names := range p.SkipSteps {
		for _, name := range names {
			check("skip_steps", lang, name.Value, name.Pos)
		}
	}
	for lang, byName := range p.StepsAfter {
		for name, items := range byName {
			at := p.StepsAfterPos
			if len(items) > 0 {
				at = items[0].Pos // the line of its first step
			}
			check("steps_after", lang, name, at)
		}
	}
	errs.Sort()
	return errs
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
