package appimport

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/aymanbagabas/go-udiff/lcs"
	"github.com/yuin/goldmark/ast"

	"github.com/partnerpages/partnerpages/scaffold/page"
	"github.com/partnerpages/partnerpages/scaffold/partner"
)

// rawNotice is a notice read: its kind, and its text as written.
type rawNotice struct {
	partner.Notice
	raw string
}

// langPart is what one language's overview says in a part of the page.
type langPart struct {
	description, featuresIntro, featuresAfter, why, prerequisites string
	connectionLine                                                string
	anchors                                                       map[string]string // section → its custom id
	features                                                      []string          // the bullets, as written
	topNotices, notices                                           []rawNotice
	sections                                                      []section
}

func (r *reader) body() {
	parts := map[string]*langPart{}
	for _, l := range r.langs {
		parts[l] = r.readBody(r.pages[l])
	}
	a := r.res.App
	a.Description = r.text(func(l string) string { return parts[l].description })
	a.FeaturesIntro = r.text(func(l string) string { return parts[l].featuresIntro })
	a.FeaturesAfter = r.text(func(l string) string { return parts[l].featuresAfter })
	a.WhyConnect = r.text(func(l string) string { return parts[l].why })
	a.Prerequisites = r.text(func(l string) string { return parts[l].prerequisites })
	a.ConnectionLine = r.text(func(l string) string { return parts[l].connectionLine })
	for _, l := range r.langs {
		for section, id := range parts[l].anchors {
			if a.Anchors == nil {
				a.Anchors = map[string]partner.Scalar{}
			}
			a.Anchors[section] = partner.Scalar{Value: id} // ids are the same in every language, as links name them
		}
	}
	a.Features = r.features(parts)
	a.Notices = append(r.notices(parts, func(p *langPart) []rawNotice { return p.topNotices }),
		r.notices(parts, func(p *langPart) []rawNotice { return p.notices })...)
	r.sections(parts)
}

// readBody splits one overview into its parts.
func (r *reader) readBody(ov *overview) *langPart {
	p := &langPart{}
	for _, b := range notices(ov.top, &p.topNotices, true) {
		p.description = join(p.description, b.md) // text before the first heading stays, first in the description
	}
	for _, s := range ov.sections {
		kind := sectionKind(s.title)
		if s.id != "" && kind != "" {
			if p.anchors == nil {
				p.anchors = map[string]string{}
			}
			p.anchors[kind] = s.id
		}
		switch kind {
		case "description":
			p.description = join(p.description, joinBlocks(s.blocks))
		case "features":
			r.featuresSection(ov.lang, s.blocks, p)
		case "why":
			for _, b := range s.blocks {
				if !platformParagraph(b.md) {
					p.why = join(p.why, b.md)
				}
			}
			if defaultWhy[ov.lang] != nil && defaultWhy[ov.lang].MatchString(spaces(p.why)) {
				p.why = ""
			}
		case "prerequisites":
			p.prerequisites = joinBlocks(s.blocks)
			if r.defaultPrerequisites(ov.lang, p.prerequisites) {
				p.prerequisites = ""
			}
		default:
			p.sections = append(p.sections, s)
		}
	}
	return p
}

// featuresSection reads Integration Features: the line before the list,
// the list, then what follows it (a diagram, notices, the connection line).
func (r *reader) featuresSection(lang string, bs []block, p *langPart) {
	list := slices.IndexFunc(bs, func(b block) bool { return b.kind == "list" })
	if list < 0 {
		list = len(bs)
	}
	intro := joinBlocks(bs[:list])
	if !r.defaultIntro(lang, intro) {
		p.featuresIntro = intro
	}
	if list < len(bs) {
		for it := bs[list].node.FirstChild(); it != nil; it = it.NextSibling() {
			if item, ok := it.(*ast.ListItem); ok {
				p.features = append(p.features, itemText(r.pages[lang], item))
			}
		}
		for _, b := range notices(bs[list+1:], &p.notices, false) {
			if b.kind == "para" && connectionSentence.MatchString(spaces(b.md)) {
				if !r.connect && !strings.Contains(b.md, "/connect-hubrise)") { // no mode that says it: the page's own line
					p.connectionLine = join(p.connectionLine, b.md)
				}
				continue // else the templates write it from the connect page's mode (theirs links that page)
			}
			p.featuresAfter = join(p.featuresAfter, b.md)
		}
	}
}

// itemText is a list item's Markdown, as written after its marker.
func itemText(ov *overview, item *ast.ListItem) string {
	var parts []string
	for c := item.FirstChild(); c != nil; c = c.NextSibling() {
		parts = append(parts, strings.TrimSpace(page.MarkdownOf(ov.body, c)))
	}
	return strings.Join(parts, "\n\n")
}

// notices takes the ruled notices out of bs (rules, then notice
// paragraphs) into out, and returns the other blocks. top notices about
// the documentation keep their kind; a note there is placed at the top.
func notices(bs []block, out *[]rawNotice, top bool) []block {
	var rest []block
	for i, b := range bs {
		switch {
		case b.kind == "notice":
			raw := noticeStart.ReplaceAllString(b.md, "")
			n := classifyNotice(raw)
			if top && n.Kind.Value == "note" {
				n.Place = partner.Scalar{Value: "top"}
			}
			*out = append(*out, rawNotice{n, raw})
		case b.kind == "rule" && (i > 0 && bs[i-1].kind == "notice" || i+1 < len(bs) && bs[i+1].kind == "notice"):
			// the rules around a notice: the template writes them
		default:
			rest = append(rest, b)
		}
	}
	return rest
}

// features aligns each language's bullets: the same platform feature in
// two languages is one feature, a bullet in the page's own words is paired
// with the next one of the other language, and a bullet one language has
// alone is listed in that language only.
func (r *reader) features(parts map[string]*langPart) []partner.Feature {
	// a stub overview (a notice that the documentation is in another
	// language, nothing else) lists no feature: it says nothing of them
	var langs []string
	for _, l := range r.langs {
		if !r.stub(l) {
			langs = append(langs, l)
		}
	}
	var slots []map[string]string // each: language → the bullet
	for _, l := range langs {
		slots = alignSlots(slots, parts[l].features, l)
	}
	var out []partner.Feature
	for _, slot := range slots {
		var typed *partner.Feature
		same := true
		for _, l := range langs {
			text, ok := slot[l]
			if !ok {
				continue
			}
			f, isTyped := classifyFeature(text)
			switch {
			case !isTyped:
				same = false
			case typed == nil:
				typed = &f
			case typed.String() != f.String():
				same = false
			}
		}
		if same && typed != nil {
			if len(slot) < len(langs) { // listed in some languages only
				typed.Languages = []partner.Scalar{}
				for _, l := range langs {
					if _, ok := slot[l]; ok {
						typed.Languages = append(typed.Languages, partner.Scalar{Value: l})
					}
				}
			}
			out = append(out, *typed)
			continue
		}
		out = append(out, partner.Feature{Text: r.text(func(l string) string { return slot[l] })})
	}
	return out
}

// stub reports whether lang's overview is a stub: no section, and a
// notice that the documentation is written in another language.
func (r *reader) stub(lang string) bool {
	ov := r.pages[lang]
	if len(ov.sections) > 0 {
		return false
	}
	for _, b := range ov.top {
		if b.kind == "notice" && classifyNotice(noticeStart.ReplaceAllString(b.md, "")).Kind.Value == "one-language" {
			return true
		}
	}
	return false
}

// signature is what aligning bullets compares: a platform feature by its
// key and qualifiers, any other bullet as the page's own.
func signature(text string) string {
	if f, ok := classifyFeature(text); ok {
		return f.String()
	}
	return "(own)"
}

// alignSlots adds one language's bullets to the slots of the languages
// before it, by the longest common run of signatures.
func alignSlots(slots []map[string]string, items []string, lang string) []map[string]string {
	if len(slots) == 0 {
		for _, it := range items {
			slots = append(slots, map[string]string{lang: it})
		}
		return slots
	}
	a := make([]string, len(slots))
	for i, s := range slots {
		for _, v := range s {
			a[i] = signature(v) // any language's: the slots agree
			break
		}
	}
	b := make([]string, len(items))
	for i, it := range items {
		b[i] = signature(it)
	}
	var out []map[string]string
	ai, bi := 0, 0
	same := func(n int) {
		for range n {
			slots[ai][lang] = items[bi]
			out = append(out, slots[ai])
			ai, bi = ai+1, bi+1
		}
	}
	for _, d := range lcs.DiffLines(a, b) {
		same(d.Start - ai)
		for ; ai < d.End; ai++ {
			out = append(out, slots[ai])
		}
		for ; bi < d.ReplEnd; bi++ {
			out = append(out, map[string]string{lang: items[bi]})
		}
	}
	same(len(a) - ai)
	return out
}

// notices merges each language's notices: one of the platform's kinds
// shown in every language is one notice; a planned feature or a note is
// one notice when every language has it at that place, else one per
// language.
func (r *reader) notices(parts map[string]*langPart, of func(*langPart) []rawNotice) []partner.Notice {
	var out []partner.Notice
	seen := map[string]bool{}
	for _, l := range r.langs {
		for i, n := range of(parts[l]) {
			key := fmt.Sprintf("%s/%s/%d", n.Kind.Value, n.Lang.Value, i)
			if n.Kind.Value == "planned" || n.Kind.Value == "note" {
				key = fmt.Sprintf("text/%d", i)
			} else {
				key = n.Kind.Value + "/" + n.Lang.Value
			}
			if seen[key] {
				continue
			}
			seen[key] = true
			merged := n.Notice
			var in []partner.Scalar
			texts := map[string]string{}
			kinds := map[string]bool{}
			for _, l2 := range r.langs {
				for j, m := range of(parts[l2]) {
					match := m.Kind.Value == n.Kind.Value && m.Lang.Value == n.Lang.Value
					if n.Kind.Value == "planned" || n.Kind.Value == "note" {
						match = j == i && (m.Kind.Value == "planned" || m.Kind.Value == "note")
					}
					if match {
						in = append(in, partner.Scalar{Value: l2})
						texts[l2] = m.Text.Value.Value
						kinds[m.Kind.Value] = true
						if m.Kind.Value == "note" && m.Place.Value != "" {
							merged.Place = m.Place
						}
						break
					}
				}
			}
			if n.Kind.Value == "planned" || n.Kind.Value == "note" {
				if len(kinds) > 1 { // planned in one language, a note in another: a note in both
					merged.Kind = partner.Scalar{Value: "note"}
					for _, l2 := range r.langs {
						for j, m := range of(parts[l2]) {
							if j == i {
								texts[l2] = strings.TrimSpace(m.raw)
							}
						}
					}
				}
				merged.Text = r.text(func(l string) string { return texts[l] })
			}
			if len(in) < len(r.langs) && !(n.Kind.Value == "one-language" && len(in) == len(r.langs)-1) {
				merged.Languages = in
			}
			out = append(out, merged)
		}
	}
	return out
}

// sections aligns the sections of its own the overview has in each
// language, by order.
func (r *reader) sections(parts map[string]*langPart) {
	n := 0
	for _, p := range parts {
		n = max(n, len(p.sections))
	}
	for i := range n {
		at := func(l string) *section {
			if i < len(parts[l].sections) {
				return &parts[l].sections[i]
			}
			return nil
		}
		s := partner.Section{
			Anchor: partner.Scalar{Value: func() string {
				for _, l := range r.langs {
					if s := at(l); s != nil && s.id != "" {
						return s.id
					}
				}
				return ""
			}()},
			Title: r.text(func(l string) string {
				if s := at(l); s != nil {
					return s.title
				}
				return ""
			}),
			Body: r.text(func(l string) string {
				if s := at(l); s != nil {
					return joinBlocks(s.blocks)
				}
				return ""
			}),
		}
		r.res.App.Sections = append(r.res.App.Sections, s)
	}
}

var defaultIntros = map[string]*regexp.Regexp{
	"en": regexp.MustCompile(`^(Connecting (.+) to HubRise allows your (.+) to:|With (.+) connected to HubRise, your (.+) can:)$`),
	"fr": regexp.MustCompile(`^(Connecter (.+) à HubRise permet à votre (.+) de :|En connectant (.+) à HubRise, votre (.+) peut :)$`),
}

// defaultIntro reports whether the line before the features is the
// platform's, for this app's name and kind: the template writes it.
func (r *reader) defaultIntro(lang, intro string) bool {
	re := defaultIntros[lang]
	if re == nil {
		return false
	}
	m := re.FindStringSubmatch(spaces(intro))
	if m == nil {
		return false
	}
	name, noun := m[2]+m[4], m[3]+m[5]
	return name == r.name.In(lang) && slices.ContainsFunc(r.kindNouns(lang), func(n string) bool { return n == noun })
}

func (r *reader) kindNouns(lang string) []string {
	var out []string
	for _, byLang := range r.set.Site.Nouns {
		out = append(out, byLang[lang])
	}
	return out
}

var defaultPrereq = map[string]*regexp.Regexp{
	"en": regexp.MustCompile(`^To (?:establish a connection between|connect) (.+?) (?:and|to) HubRise, you (?:(?:must have an existing|need an?) (.+?) account|need an account with (.+?))\.$`),
	"fr": regexp.MustCompile(`^Pour (?:permettre la connexion entre|connecter) (.+?) (?:et|à) HubRise, (?:vous devez disposer d'un compte|il vous faut un compte) (.+?)(?: existant)?\.$`),
}

// defaultPrerequisites reports whether Prerequisites is the platform's
// sentence for this app: the template writes it.
func (r *reader) defaultPrerequisites(lang, text string) bool {
	re := defaultPrereq[lang]
	if re == nil {
		return false
	}
	m := re.FindStringSubmatch(spaces(text))
	if m != nil && len(m) > 3 && m[2] == "" { // "…, you need an account with X."
		m[2] = m[3]
	}
	return m != nil && m[1] == r.name.In(lang) && m[2] == r.name.In(lang)
}

// defaultWhy is the templates' first paragraph of Why Connect?, written
// when the partner file has none of its own.
var defaultWhy = map[string]*regexp.Regexp{
	"en": regexp.MustCompile(`^Connected to HubRise, your .+ works with the other apps you use every day, with no copying between them\.$`),
	"fr": regexp.MustCompile(`^En connectant .+ à HubRise, votre .+ travaille avec les autres applications que vous utilisez chaque jour, sans rien recopier de l'une à l'autre\.$`),
}

func join(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n\n" + b
}
