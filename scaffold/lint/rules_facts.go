package lint

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/partnerpages/partnerpages/scaffold/email"
	"github.com/partnerpages/partnerpages/scaffold/page"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/wording"
)

// requiredFM are the front matter keys the docs site needs on a connect page.
var requiredFM = []string{"title", "path_override", "position", "layout", "meta.title", "meta.description"}

var yamlErrLine = regexp.MustCompile(`line (\d+)`)

func (c *checker) frontMatter() {
	p := c.p
	if !p.HasFM {
		c.add(Pos{Line: 1, Col: 1}, RuleFrontMatter, "no front matter: the page must start with a --- block holding title, path_override, position, layout and meta")
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
		c.add(Pos{Line: 1, Col: 1}, RuleFrontMatter, "front matter is empty or not a mapping of keys to values")
		return
	}
	if !c.connect {
		// any page of the site needs a title; the rest is the connect page's
		if n := p.FM("title"); n == nil || n.Kind != yaml.ScalarNode || strings.TrimSpace(n.Value) == "" {
			c.add(Pos{Line: 1, Col: 1}, RuleFrontMatter, "missing title")
		}
		return
	}
	for _, k := range requiredFM {
		n := p.FM(k)
		switch {
		case n == nil && k == "path_override":
			c.pathOverride()
		case n == nil:
			at := Pos{Line: 1, Col: 1}
			if strings.HasPrefix(k, "meta.") {
				if m := p.FM("meta"); m != nil {
					at = Pos{Line: p.FMPos(m).Line - 1, Col: 1} // the meta: line
				}
			}
			c.add(at, RuleFrontMatter, "missing "+k)
		case n.Kind != yaml.ScalarNode || strings.TrimSpace(n.Value) == "":
			c.add(p.FMPos(n), RuleFrontMatter, k+" is empty; give it a value")
		}
	}
}

// pathOverride reports a connect page without path_override whose file name
// is not its URL slug: a French page named connect-hubrise.md would be
// served at the English slug. A page named after its slug needs none.
func (c *checker) pathOverride() {
	lang := c.p.Lang()
	want, known := page.ConnectSlugs[lang]
	file := strings.TrimSuffix(path.Base(strings.ReplaceAll(c.p.Path, "\\", "/")), ".md")
	if known && file == want {
		return
	}
	hint := "the page's URL: connect-hubrise in English, connexion-hubrise in French"
	if known {
		hint = "this " + lang + " page's URL is " + want
	}
	c.add(Pos{Line: 1, Col: 1}, RuleFrontMatter, "missing path_override ("+hint+")")
}

// headingNameRes are the headings that name the product (wording.yaml).
var headingNameRes = wording.HeadingNames()

// toPlatformRe matches the end of "Connect X to HubRise" / "Connecter X à HubRise".
var toPlatformRe = wording.ToPlatform()

// generic words that start a heading's object when it does not name the product.
var notNames = wording.Words(func(l wording.Language) []string { return l.NotNames })

// HeadingName returns the product name a standard heading names ("Connect X", "Donner accès au support de X"), or "".
func HeadingName(text string) string {
	for _, re := range headingNameRes {
		if m := re.FindStringSubmatch(text); m != nil {
			name := strings.TrimSpace(m[1])
			name = strings.TrimSpace(toPlatformRe.ReplaceAllString(name, "")) // "Connect Mailchimp to HubRise"
			first := strings.ToLower(strings.Fields(name + " x")[0])
			if notNames[first] || strings.Contains(name, "SOLUTION") {
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
	// a no-break space inside a name (French typography, or a writer's
	// choice) is the same name as with an ordinary one
	spaced := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	if name, pos := c.p.MetaName(); name != "" && !strings.Contains(name, "SOLUTION") {
		uses = append(uses, nameUse{spaced(name), "meta.title", pos})
	}
	for _, h := range c.p.Headings {
		if name := HeadingName(h.Text); name != "" {
			uses = append(uses, nameUse{spaced(name), "heading", h.Pos})
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
		if u.name == main || related(u.name, main) || containsWord(u.name, c.platformName()) {
			continue // "Lightspeed Restaurant Bridge", "Melba by Foodmeup", "From the HubRise Back Office"
		}
		switch d := partner.Levenshtein(strings.ToLower(u.name), strings.ToLower(main)); {
		case d <= 2 && 3*d <= len([]rune(main)):
			c.add(u.pos, RuleNameMismatch, fmt.Sprintf("%s names the product %q, but the rest of the page calls it %q; use one name everywhere", u.where, u.name, main))
		case c.o.Site != nil:
			if app := c.o.Site.AppNamed(u.name); app != "" && app != pageApp(c.p.Path) {
				c.add(u.pos, RuleNameMismatch, fmt.Sprintf("%s names %q, another partner of the site (apps/%s), but this page is about %q: text copied from its page?", u.where, u.name, app, main))
			}
		}
		// any other words ("Connect Other Apps") name a part of the page, not the product
	}
	c.nearMisses(main)
}

// related reports whether one name contains the other as whole words:
// a product and its bridge, or a product and its maker.
func related(a, b string) bool {
	return containsWord(a, b) || containsWord(b, a)
}

// containsWord reports whether s contains word as whole words, ignoring case.
func containsWord(s, word string) bool {
	return containsWordCase(strings.ToLower(s), strings.ToLower(word))
}

// containsWordCase reports whether s contains word as whole words, in the same case.
func containsWordCase(ls, lw string) bool {
	if lw == "" {
		return false
	}
	for i := 0; ; {
		j := strings.Index(ls[i:], lw)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(lw)
		if (start == 0 || !isWordRune(ls[:start], true)) && (end == len(ls) || !isWordRune(ls[end:], false)) {
			return true
		}
		i = start + 1
	}
}

// isWordRune reports whether the rune touching the boundary (the last of s
// when last, else the first) is a letter or digit.
func isWordRune(s string, last bool) bool {
	var r rune
	if last {
		r, _ = utf8.DecodeLastRuneInString(s)
	} else {
		r, _ = utf8.DecodeRuneInString(s)
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// platformName is the platform's own name, which headings may name too
// ("Disconnect HubRise").
func (c *checker) platformName() string {
	if c.o.PlatformName != "" {
		return c.o.PlatformName
	}
	return "HubRise"
}

// pageApp returns the app a page belongs to (apps/<app>/…), or "".
func pageApp(path string) string {
	parts := strings.Split(strings.ReplaceAll(path, "\\", "/"), "/")
	for i := 0; i+1 < len(parts); i++ {
		if parts[i] == "apps" {
			return parts[i+1]
		}
	}
	return ""
}

var wordRe = regexp.MustCompile(`[\p{L}\p{N}]+`)

// nearMisses reports words one letter away from a one-word product name
// (MiiPos for WiiPos), or with two letters next to each other swapped
// (Qwetna for Qwenta): the kinds of slip copy-and-edit and typing make.
func (c *checker) nearMisses(name string) {
	if strings.ContainsAny(name, " -") || len([]rune(name)) < 5 {
		return
	}
	reported := map[Pos]bool{}
	for _, f := range c.findings {
		reported[Pos{Line: f.Line, Col: f.Col}] = true
	}
	check := func(text string, pos func(i int) Pos, where string) {
		for _, m := range wordRe.FindAllStringIndex(text, -1) {
			w := text[m[0]:m[1]]
			if len(w) != len(name) || strings.EqualFold(w, name) || inAddress(text, m[0], m[1]) ||
				partner.Levenshtein(w, name) != 1 && !swapped(w, name) {
				continue
			}
			if at := pos(m[0]); !reported[at] {
				c.add(at, RuleNameMismatch, fmt.Sprintf("%s%q looks like a misspelling of the product name %q", where, w, name))
			}
		}
	}
	for _, key := range []string{"meta.title", "meta.description", "title"} {
		if n := c.p.FM(key); n != nil && n.Kind == yaml.ScalarNode {
			check(n.Value, func(int) Pos { return c.p.FMPos(n) }, key+": ")
		}
	}
	for i := range c.p.Blocks {
		b := &c.p.Blocks[i]
		check(b.Text, func(j int) Pos { return c.p.PosIn(b, j) }, "")
	}
}

// swapped reports whether a is b with two neighbouring letters swapped.
func swapped(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return false
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	if i+1 >= len(ra) || ra[i] != rb[i+1] || ra[i+1] != rb[i] || ra[i] == ra[i+1] {
		return false
	}
	return string(ra[i+2:]) == string(rb[i+2:])
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

type emailUse struct {
	addr string
	pos  Pos
}

func (c *checker) emails() {
	uses := map[string][]emailUse{}
	for i := range c.p.Blocks {
		b := &c.p.Blocks[i]
		kind := page.SectionKind(b.Section)
		for _, m := range email.Meant(b.Text) {
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
