package pageimport

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/partnerpages/partnerpages/scaffold/partner"
)

// anchorRe is what a heading id in a partner file may be.
var anchorRe = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// v1Shaped reports whether the pages fit schema v1: nothing before the
// first heading, the four standard sections in their order, all typed and
// with the template's headings, partner sections between them.
func v1Shaped(pages []pageOf) bool {
	var shape []string // every page has its partner sections in the same places
	for i, p := range pages {
		var kinds []string
		for _, pt := range p.f.layout {
			kinds = append(kinds, pt.kind)
		}
		if i > 0 && !slices.Equal(kinds, shape) {
			return false
		}
		shape = kinds
	}
	for _, p := range pages {
		if p.f.preamble != "" {
			return false
		}
		var kinds []string
		for _, pt := range p.f.layout {
			if pt.verbatim || pt.keepTitle {
				return false
			}
			if pt.kind != "" {
				kinds = append(kinds, pt.kind)
				if pt.anchor != "" && !defaultID(pt.kind, pt.anchor) {
					return false
				}
			}
		}
		if !slices.Equal(kinds, partner.SectionPlaces) || p.f.layout[0].kind != "connect" {
			return false
		}
	}
	return true
}

// slot is one entry of the merged layout: the part of each language that
// has it.
type slot struct {
	kind string
	by   map[string]*part // language → its part
}

// mergeLayouts aligns the layouts of every language into one list: parts of
// the same kind at the same place are one slot, with a value per language;
// the rest appear in their own languages only. Each language's order is kept.
func mergeLayouts(pages []pageOf) []slot {
	var merged []slot
	for _, p := range pages {
		lang := p.f.lang
		var next []slot
		parts := p.f.layout
		// longest common subsequence of kinds between merged and parts
		n, m := len(merged), len(parts)
		lcs := make([][]int, n+1)
		for a := range lcs {
			lcs[a] = make([]int, m+1)
		}
		for a := n - 1; a >= 0; a-- {
			for b := m - 1; b >= 0; b-- {
				if same(merged[a], parts[b]) {
					lcs[a][b] = lcs[a+1][b+1] + 1
				} else {
					lcs[a][b] = max(lcs[a+1][b], lcs[a][b+1])
				}
			}
		}
		a, b := 0, 0
		for a < n || b < m {
			switch {
			case a < n && b < m && same(merged[a], parts[b]) && lcs[a][b] == lcs[a+1][b+1]+1:
				merged[a].by[lang] = &parts[b]
				next = append(next, merged[a])
				a, b = a+1, b+1
			case b < m && (a == n || lcs[a][b+1] >= lcs[a+1][b]):
				next = append(next, slot{kind: parts[b].kind, by: map[string]*part{lang: &parts[b]}})
				b++
			default:
				next = append(next, merged[a])
				a++
			}
		}
		merged = next
	}
	// A standard section appears once in each language's page; where the
	// languages place it differently, each keeps its own place (the parts
	// then name their languages).
	// A standard section is typed in the languages whose part the template
	// can say; the others keep their own text (an edit in one language
	// leaves the other typed).
	return merged
}

// same reports whether a part of one language is the slot of another's:
// the same standard section, or partner sections with the same heading id
// (or both without one).
func same(s slot, p part) bool {
	if s.kind != p.kind {
		return false
	}
	if s.kind != "" {
		return true
	}
	for _, q := range s.by {
		return q.anchor == p.anchor
	}
	return true
}

// pageParts writes the merged layout as the partner file's page list.
func pageParts(langs []string, slots []slot, notes *partner.Comments, note func(string)) []partner.Part {
	parts := []partner.Part{}
	for _, s := range slots {
		var in []string
		for _, l := range langs {
			if s.by[l] != nil {
				in = append(in, l)
			}
		}
		text := func(get func(*part) string) partner.Text {
			m := map[string]string{}
			for _, lang := range in {
				m[lang] = get(s.by[lang])
			}
			return partner.TextOf(in, m)
		}
		first := s.by[in[0]]
		anchor := ""
		for _, l := range in {
			if a := s.by[l].anchor; a != "" && !defaultID(s.kind, a) && anchor == "" {
				anchor = a
			}
		}
		if anchor != "" && (!anchorRe.MatchString(anchor) || (s.kind == "" && (anchor == "give-access" || anchor == "contact"))) {
			note(fmt.Sprintf("heading id {#%s} of %q is not one a partner file can give; dropped", anchor, first.title))
			anchor = ""
		}
		keepTitle := slices.ContainsFunc(in, func(l string) bool { return s.by[l].keepTitle || s.by[l].verbatim })
		pt := partner.Part{Standard: partner.Scalar{Value: s.kind}, Anchor: partner.Scalar{Value: anchor}}
		if s.kind == "" || keepTitle {
			pt.Title = text(func(p *part) string { return p.title })
		}
		if len(in) < len(langs) {
			pt.Languages = partner.Scalars(in)
		}
		var own []string // the languages whose part is kept as written
		for _, l := range in {
			if s.by[l].verbatim {
				own = append(own, l)
			} else if o := s.by[l].own; o != nil && s.kind != "" {
				// the file's own intro and steps in a language not edited
				if o.intro != "" {
					if pt.Intro.ByLang == nil {
						pt.Intro.ByLang = map[string]partner.Scalar{}
					}
					pt.Intro.ByLang[l] = partner.Scalar{Value: o.intro}
				}
				if len(o.steps) > 0 {
					if pt.Steps.ByLang == nil {
						pt.Steps.ByLang = map[string][]partner.Scalar{}
					}
					pt.Steps.ByLang[l] = partner.Scalars(o.steps)
				}
			}
		}
		switch {
		case s.kind == "" || len(own) == len(in):
			pt.Body = text(func(p *part) string { return p.body })
		case len(own) > 0:
			pt.Body = partner.Text{ByLang: map[string]partner.Scalar{}}
			for _, l := range own {
				pt.Body.ByLang[l] = partner.Scalar{Value: s.by[l].body}
			}
		}
		if s.kind != "" && len(own) > 0 {
			notes.Head[fmt.Sprintf("page[%d].body", len(parts)+1)] = "kept as written: the template cannot say this section, and a template change will not reach it"
			if len(own) < len(in) {
				notes.Head[fmt.Sprintf("page[%d].body", len(parts)+1)] = "kept as written in " + strings.Join(own, ", ") + " only: the template writes the section in the other languages"
			}
		}
		parts = append(parts, pt)
	}
	return parts
}

// defaultID reports whether id is the heading id the template gives the
// standard section kind itself (give-access and contact have one).
func defaultID(kind, id string) bool {
	return id == kind && (kind == "give-access" || kind == "contact")
}
