package render

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Partner text may name the platform's own words instead of writing them,
// so that a change of the template set reaches them too:
//
//	<Platform step="allow" />    the step the set defines as step-allow
//	<Platform phrase="code" />   a phrase of a step (phrase-code)
//	<Platform ui="allow" />      a UI label of site.yaml, in bold
//	[Get Started](platform:get-started)   a link of site.yaml (signup: the signup URL, back-office: the back office's),
//	                                      with the query or fragment written after it
//
// Rendering replaces each by its text in the page's language.
var (
	refRe     = regexp.MustCompile(`<Platform (step|phrase|ui)="([A-Za-z0-9_-]*)" ?/>`)
	linkRefRe = regexp.MustCompile(`\]\(platform:([A-Za-z0-9_-]*)([?#][^)\s\[\]]*)?\)`) // a query or fragment holds no bracket: "#](platform:" is no fragment
)

// The link names of site.yaml's signup_url and back_office_url in partner text.
const (
	SignupLink     = "signup"
	BackOfficeLink = "back-office"
)

// HasRefs reports whether md names any of the platform's steps, phrases,
// labels or links.
func HasRefs(md string) bool {
	return strings.Contains(md, "<Platform ") || strings.Contains(md, "](platform:")
}

// CountRefs counts the references md makes to the platform's words.
func CountRefs(md string) int {
	return len(refRe.FindAllStringIndex(md, -1)) + len(linkRefRe.FindAllStringIndex(md, -1))
}

// StepRef is how partner text names the platform's step name.
func StepRef(name string) string { return `<Platform step="` + name + `" />` }

// PhraseRef is how partner text names the platform's phrase name.
func PhraseRef(name string) string { return `<Platform phrase="` + name + `" />` }

// UIRef is how partner text names the UI label name of site.yaml.
func UIRef(name string) string { return `<Platform ui="` + name + `" />` }

// LinkRef is the destination partner text links a platform page with.
func LinkRef(name string) string { return "platform:" + name }

// Steps lists the names of the platform steps (kind "step") or phrases
// ("phrase") the set defines in lang.
func (s *Set) Steps(lang, kind string) []string {
	var out []string
	if t := s.partials[lang]; t != nil {
		for _, d := range t.Templates() {
			if name, ok := strings.CutPrefix(d.Name(), kind+"-"); ok {
				out = append(out, name)
			}
		}
	}
	slices.Sort(out)
	return out
}

// Wording renders the platform's step or phrase name for v, as a page
// says it (before the page's typography).
func (s *Set) Wording(kind, name string, v View) (string, error) {
	t := s.partials[v.Lang]
	if t != nil {
		t = t.Lookup(kind + "-" + name)
	}
	if t == nil {
		return "", fmt.Errorf("<Platform %s=%q /> names no %s of the template set (it has: %s)", kind, name, kind, strings.Join(s.Steps(v.Lang, kind), ", "))
	}
	var b bytes.Buffer
	if err := t.Execute(&b, v); err != nil {
		return "", err
	}
	return b.String(), nil
}

// expandRefs replaces the references of md by the platform's words in v's
// language. References in code are text, and stay.
func (s *Set) expandRefs(md string, v View) (string, error) {
	if !HasRefs(md) {
		return md, nil
	}
	var first error
	fail := func(err error) {
		if first == nil {
			first = err
		}
	}
	out := outsideFences(md, func(b *strings.Builder, line string) {
		line = replaceOutsideSpans(line, refRe, func(m []string) string {
			if m[1] == "ui" {
				label, ok := v.UI[m[2]]
				if !ok {
					fail(fmt.Errorf("<Platform ui=%q /> names no UI label of site.yaml (%s)", m[2], strings.Join(sortedKeys(v.UI), ", ")))
					return m[0]
				}
				return "**" + label.String() + "**"
			}
			w, err := s.Wording(m[1], m[2], v)
			if err != nil {
				fail(err)
				return m[0]
			}
			return w
		})
		line = replaceOutsideSpans(line, linkRefRe, func(m []string) string {
			dest, err := s.linkOrSignup(m[1])
			if err != nil {
				fail(fmt.Errorf("(platform:%s): %w", m[1], err))
				return m[0]
			}
			return "](" + dest + m[2] + ")"
		})
		b.WriteString(line)
	})
	return out, first
}

// linkOrSignup is the destination of a platform link name.
func (s *Set) linkOrSignup(name string) (string, error) {
	if name == SignupLink {
		return s.Site.SignupURL, nil
	}
	if name == BackOfficeLink && s.Site.BackOfficeURL != "" {
		return s.Site.BackOfficeURL, nil
	}
	l, err := s.link(name)
	return string(l), err
}

// replaceOutsideSpans replaces the matches of re in line that are not in
// a code span.
func replaceOutsideSpans(line string, re *regexp.Regexp, f func([]string) string) string {
	idx := re.FindAllStringSubmatchIndex(line, -1)
	if idx == nil {
		return line
	}
	var b strings.Builder
	last := 0
	for _, m := range idx {
		if strings.Count(line[:m[0]], "`")%2 == 1 {
			continue
		}
		groups := make([]string, len(m)/2)
		for i := range groups {
			if m[2*i] >= 0 {
				groups[i] = line[m[2*i]:m[2*i+1]]
			}
		}
		b.WriteString(line[last:m[0]])
		b.WriteString(f(groups))
		last = m[1]
	}
	b.WriteString(line[last:])
	return b.String()
}

// expandView replaces the references of every partner text of v.
func (s *Set) expandView(v *View) error {
	var first error
	md := func(m *Markdown) {
		if !HasRefs(string(*m)) {
			return
		}
		out, err := s.expandRefs(string(*m), *v)
		if err != nil && first == nil {
			first = err
		}
		*m = Markdown(out)
	}
	list := func(ms []Markdown) {
		for i := range ms {
			md(&ms[i])
		}
	}
	md(&v.Intro)
	md(&v.Preamble)
	for name, text := range v.StepText {
		md(&text)
		v.StepText[name] = text
	}
	for _, ms := range v.StepsAfter {
		list(ms)
	}
	for _, ms := range append(v.own(), v.Disconnect.own()...) {
		list(ms)
	}
	if a := v.App; a != nil {
		for _, m := range []*Markdown{&a.Description, &a.FeaturesIntro, &a.FeaturesAfter, &a.WhyConnect, &a.Prerequisites} {
			md(m)
		}
		for i := range a.Features {
			md(&a.Features[i].Text)
		}
		for _, ns := range [][]NoticeView{a.TopNotices, a.Notices} {
			for i := range ns {
				md(&ns[i].Text)
			}
		}
		for i := range a.Sections {
			md(&a.Sections[i].Body)
		}
	}
	for i := range v.Parts {
		md(&v.Parts[i].Intro)
		md(&v.Parts[i].Body)
		list(v.Parts[i].Steps)
	}
	for i := range v.Sections {
		md(&v.Sections[i].Body)
	}
	return first
}
