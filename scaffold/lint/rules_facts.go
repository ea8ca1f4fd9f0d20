package lint

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/partnerpages/partnerpages/scaffold/partner"
)

// requiredFM are the front matter keys the docs site needs on a connect page.
var requiredFM = []string{"title", "path_override", "position", "layout", "meta.title", "meta.description"}

var yamlErrLine = regexp.MustCompile(`line (\d+)`)

func (c *checker) frontMatter() {
	p := c.p
	if !p.HasFM {
		c.add(Pos{1, 1}, RuleFrontMatter, "no front matter: the page must start with a --- block holding title, path_override, position, layout and meta")
		return
	}
	if p.FMErr != nil {
		pos := Pos{Line: 2, Col: 1}
		var line int
		if m := yamlErrLine.FindStringSubmatch(p.FMErr.Error()); m != nil {
			fmt.Sscan(m[1], &line)
			pos.Line = line + 1
		}
		c.add(pos, RuleFrontMatter, "front matter is not valid YAML ("+strings.TrimPrefix(p.FMErr.Error(), "yaml: ")+"); quote values that contain ': ' or start with a special character")
		return
	}
	if p.FrontMatter == nil {
		c.add(Pos{1, 1}, RuleFrontMatter, "front matter is empty or not a mapping of keys to values")
		return
	}
	for _, k := range requiredFM {
		n := p.FM(k)
		switch {
		case n == nil:
			at := Pos{1, 1}
			if strings.HasPrefix(k, "meta.") {
				if m := p.FM("meta"); m != nil {
					at = Pos{Line: p.fmPos(m).Line - 1, Col: 1} // the meta: line
				}
			}
			hint := ""
			if k == "path_override" {
				hint = " (the page's URL: connect-hubrise in English, connexion-hubrise in French)"
			}
			c.add(at, RuleFrontMatter, "missing "+k+hint)
		case n.Kind != yaml.ScalarNode || strings.TrimSpace(n.Value) == "":
			c.add(p.fmPos(n), RuleFrontMatter, k+" is empty; give it a value")
		}
	}
}

// MetaName returns the product name in meta.title ("… | Name | HubRise").
func (p *Page) MetaName() (string, Pos) {
	n := p.FM("meta.title")
	if n == nil || n.Kind != yaml.ScalarNode {
		return "", Pos{}
	}
	v := n.Value
	first, last := strings.Index(v, " | "), strings.LastIndex(v, " | ")
	if first < 0 || first == last {
		return "", Pos{}
	}
	return strings.TrimSpace(v[first+3 : last]), p.fmPos(n)
}

var headingNameRes = []*regexp.Regexp{
	regexp.MustCompile(`^(?i:connect|connecter)\s+(.+)$`),
	regexp.MustCompile(`^(?i:disconnect|déconnecter)\s+(.+)$`),
	regexp.MustCompile(`^(?i:grant access to)\s+(.+?)\s+(?i:support)$`),
	regexp.MustCompile(`^(?i:contact)\s+(.+?)\s+(?i:support)$`),
	regexp.MustCompile(`^(?i:donner accès au support)\s+(?:de\s+|d'|d’)?(.+)$`),
	regexp.MustCompile(`^(?i:contacter le support)\s+(?:de\s+|d'|d’)?(.+)$`),
}

// generic words that start a heading's object when it does not name the product.
var notNames = []string{"to", "à", "a", "an", "the", "your", "votre", "vos", "les", "des", "un", "une", "la", "le"}

// HeadingName returns the product name a standard heading names ("Connect X", "Donner accès au support de X"), or "".
func HeadingName(text string) string {
	for _, re := range headingNameRes {
		if m := re.FindStringSubmatch(text); m != nil {
			name := strings.TrimSpace(m[1])
			first := strings.ToLower(strings.Fields(name + " x")[0])
			if slices.Contains(notNames, first) || strings.Contains(name, "SOLUTION") {
				return ""
			}
			return name
		}
	}
	return ""
}

type nameUse struct {
	name  string
	where string
	pos   Pos
}

func (c *checker) names() {
	var uses []nameUse
	if name, pos := c.p.MetaName(); name != "" && !strings.Contains(name, "SOLUTION") {
		uses = append(uses, nameUse{name, "meta.title", pos})
	}
	for _, h := range c.p.Headings {
		if name := HeadingName(h.Text); name != "" {
			uses = append(uses, nameUse{name, "heading", h.Pos})
		}
	}
	if len(uses) == 0 {
		return
	}
	votes := map[string]int{}
	for _, u := range uses {
		votes[u.name]++
	}
	main := uses[0].name // the front matter wins a tie
	for _, u := range uses {
		if votes[u.name] > votes[main] {
			main = u.name
		}
	}
	for _, u := range uses {
		if u.name != main {
			c.add(u.pos, RuleNameMismatch, fmt.Sprintf("%s names the product %q, but the rest of the page calls it %q; use one name everywhere", u.where, u.name, main))
		}
	}
	c.nearMisses(main)
}

var wordRe = regexp.MustCompile(`[\p{L}\p{N}]+`)

// nearMisses reports words one letter away from a one-word product name
// (MiiPos for WiiPos): the kind of slip copy-and-edit makes.
func (c *checker) nearMisses(name string) {
	if strings.ContainsAny(name, " -") || len([]rune(name)) < 5 {
		return
	}
	reported := map[Pos]bool{}
	for _, f := range c.findings {
		reported[Pos{f.Line, f.Col}] = true
	}
	check := func(text string, pos func(i int) Pos, where string) {
		for _, m := range wordRe.FindAllStringIndex(text, -1) {
			w := text[m[0]:m[1]]
			if len(w) != len(name) || strings.EqualFold(w, name) || partner.Levenshtein(w, name) != 1 || inAddress(text, m[0], m[1]) {
				continue
			}
			if at := pos(m[0]); !reported[at] {
				c.add(at, RuleNameMismatch, fmt.Sprintf("%s%q looks like a misspelling of the product name %q", where, w, name))
			}
		}
	}
	for _, key := range []string{"meta.title", "meta.description", "title"} {
		if n := c.p.FM(key); n != nil && n.Kind == yaml.ScalarNode {
			check(n.Value, func(int) Pos { return c.p.fmPos(n) }, key+": ")
		}
	}
	for i := range c.p.Blocks {
		b := &c.p.Blocks[i]
		check(b.Text, func(j int) Pos { return c.p.PosIn(b, j) }, "")
	}
}

// inAddress reports whether text[start:end] is part of an e-mail address,
// a domain or a URL (help@qwenta.ch, qwenta.com), where names are lower case.
func inAddress(text string, start, end int) bool {
	near := func(i int) byte {
		if i < 0 || i >= len(text) {
			return ' '
		}
		return text[i]
	}
	return near(start-1) == '@' || near(end) == '@' || near(start-1) == '.' || near(start-1) == '/' ||
		near(end) == '.' && end+1 < len(text) && isLetter(text[end+1])
}

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

var emailRe = regexp.MustCompile(`[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+`)

type emailUse struct {
	addr string
	pos  Pos
}

func (c *checker) emails() {
	uses := map[string][]emailUse{}
	for i := range c.p.Blocks {
		b := &c.p.Blocks[i]
		kind := SectionKind(b.Section)
		for _, m := range emailRe.FindAllStringIndex(b.Text, -1) {
			addr := strings.TrimRight(b.Text[m[0]:m[1]], ".")
			pos := c.p.PosIn(b, m[0])
			if !partner.ValidEmail(addr) {
				c.add(pos, RuleEmailMismatch, fmt.Sprintf("%q is not a valid e-mail address", addr))
				continue
			}
			if slices.Contains(c.o.PlatformEmails, strings.ToLower(addr)) {
				continue
			}
			uses[kind] = append(uses[kind], emailUse{strings.ToLower(addr), pos})
		}
	}
	give, contact := uses["give-access"], uses["contact"]
	if len(give) == 0 || len(contact) == 0 {
		return
	}
	giveSet := map[string]bool{}
	for _, u := range give {
		giveSet[u.addr] = true
	}
	for _, u := range contact {
		if !giveSet[u.addr] {
			c.add(u.pos, RuleEmailMismatch, fmt.Sprintf("the contact section gives %s, but the give-access section gives %s; the reader must reach the team they gave access to", u.addr, give[0].addr))
		}
	}
}
