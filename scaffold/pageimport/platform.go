package pageimport

import (
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/partnerpages/partnerpages/scaffold/page"
	"github.com/partnerpages/partnerpages/scaffold/render"
	"github.com/partnerpages/partnerpages/scaffold/wording"
)

// Import types the platform's words wherever partner text says them, so
// that a change of the template set reaches them: a step or sentence the
// template set words (its step-* templates, exactly as rendered for this
// partner) becomes <Platform step=…/>; in a page read for the first time,
// a sentence of a step that only says the platform's authorisation (the
// location chooser, catalogs, Allow) or its app list does too; the phrase
// of the code HubRise displays becomes <Platform phrase=…/>; a bold label
// of the platform's UI, <Platform ui=…/>; a link to a platform page of
// site.yaml, platform:name.

// platformLabels are the site.yaml UI labels that only the platform shows:
// a partner's back office may have its own Next or Connect button, never
// these.
var platformLabels = []string{"allow", "choose_location", "view_available_apps", "connections", "set_permissions", "technical_partner", "add_user"}

// formerLabels are labels the platform's authorisation page once showed
// (lint's outdated-ui knows them too), by the site.yaml name of today's: a
// step that says one is the platform's step, which the template words
// with today's label.
var formerLabels = map[string]string{
	"Authorise": "allow", "Authorize": "allow",
	"Choose location section": "choose_location", "Choisissez le point de vente": "choose_location",
}

var (
	allowSentence    = wording.Phrase("allow_sentence")
	locationSentence = wording.Phrase("location_sentence")
	catalogSentence  = wording.Phrase("catalog_sentence")
	appListSentence  = wording.Phrase("app_list_step")
	signInSentence   = wording.Phrase("sign_in_sentence")
	codeSentence     = wording.Phrase("code_sentence")
	linkTextRe       = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	codePhrase       = wording.Phrase("code_phrase")
	linkDestRe       = regexp.MustCompile(`\]\(([^)\s]+)\)`)
	markerRe         = regexp.MustCompile(`^(\s*(?:\d+[.)]|[-*+])\s+)(.*)$`)
)

// typer types the partner text of one language.
type typer struct {
	set   *render.Set
	lang  string
	exact bool              // only what renders byte for byte the same (absorb)
	disc  bool              // typing a disconnect procedure: its menu and button steps, not the connection's
	steps []wordingOf       // the set's steps as rendered for the partner, longest first
	ui    map[string]string // label → site.yaml name, the platform's own
	links map[string]string // destination → site.yaml link name
	email string            // the partner's support e-mail: kept text names it, so a change of it reaches there
}

type wordingOf struct{ name, text string }

// newTyper prepares the typing of view's language.
func newTyper(set *render.Set, view render.View, exact bool) *typer {
	t := &typer{set: set, lang: view.Lang, exact: exact, ui: map[string]string{}, links: map[string]string{}}
	if w, err := set.Wording("phrase", "support-email", view); err == nil && w == string(view.Email) && w != "" {
		if c, err := set.Wording("phrase", "support-email-code", view); err == nil && c == "`"+w+"`" {
			t.email = w
		}
	}
	for _, name := range set.Steps(view.Lang, "step") {
		// a fact the partner file lacks leaves an empty label or path
		if w, err := set.Wording("step", name, view); err == nil && w != "" && !strings.Contains(w, "****") && !strings.Contains(w, " .") {
			t.steps = append(t.steps, wordingOf{name, w})
		}
	}
	sort.SliceStable(t.steps, func(i, j int) bool { return len(t.steps[i].text) > len(t.steps[j].text) })
	for _, name := range platformLabels {
		if l := set.Site.UI[name][view.Lang]; l != "" {
			t.ui[l] = name
		}
	}
	for name, dest := range set.Site.Links {
		t.links[dest] = name
	}
	t.links[set.Site.SignupURL] = render.SignupLink
	if set.Site.BackOfficeURL != "" {
		t.links[set.Site.BackOfficeURL] = render.BackOfficeLink
	}
	return t
}

// within returns the typer of a procedure of section kind.
func (t *typer) within(kind string) *typer {
	c := *t
	c.disc = kind == "disconnect"
	return &c
}

// markdown types a Markdown text: the first line of each list item as a
// step, and labels, links and phrases everywhere outside code.
func (t *typer) markdown(md string) string {
	if md == "" {
		return md
	}
	// a line before it, so that a thematic break on top is not front matter
	p := page.Parse("", []byte("\n"+md))
	steps := map[int]bool{} // 1-based lines that are a one-line item's text
	_ = ast.Walk(p.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if li, ok := n.(*ast.ListItem); ok && entering {
			if c := li.FirstChild(); c != nil && c.Lines().Len() > 0 {
				// its first line is a step when it ends a sentence (an
				// image or a sentence may follow on the next)
				first := c.Lines().At(0)
				if end := strings.TrimRight(string(first.Value(p.Body)), " \n"); c.Lines().Len() == 1 || strings.HasSuffix(end, ".") || strings.HasSuffix(end, ":") {
					steps[p.At(first.Start).Line-1] = true
				}
			}
		}
		return ast.WalkContinue, nil
	})
	lines := strings.Split(md, "\n")
	for i, line := range lines {
		if p.InCodeBlock(i + 2) {
			continue
		}
		if m := markerRe.FindStringSubmatch(line); m != nil && steps[i+1] {
			lines[i] = m[1] + t.step(m[2])
			continue
		}
		lines[i] = t.inline(line)
	}
	return strings.Join(lines, "\n")
}

// stepText types one step written as a partner file's list item: its first
// line is the step, the lines under it hang under it.
func (t *typer) stepText(md string) string {
	first, rest, more := strings.Cut(md, "\n")
	out := t.step(first)
	if more {
		out += "\n" + t.markdown(rest)
	}
	return out
}

// step types the text of one step.
func (t *typer) step(s string) string {
	for _, w := range t.steps {
		// a whole step the set words, code spans and all (the e-mail to type)
		if s == w.text && !strings.HasSuffix(w.name, "menu") && !strings.HasSuffix(w.name, "button") {
			return render.StepRef(w.name)
		}
	}
	if strings.Contains(s, "`") {
		return t.inline(s)
	}
	for _, w := range t.steps {
		if menuOrButton := strings.HasSuffix(w.name, "menu") || strings.HasSuffix(w.name, "button"); menuOrButton && (!t.exact || t.disc != strings.HasPrefix(w.name, "disconnect-")) {
			// the same menu may open both procedures; and a menu or button
			// read from a page's text kept as written is a guess, which only
			// a partner file absorb merges into vouches for
			continue
		}
		if i := strings.Index(s, w.text); i >= 0 && (i == 0 || s[i-1] == ' ') && (i+len(w.text) == len(s) || s[i+len(w.text)] == ' ') {
			return t.step(s[:i]) + render.StepRef(w.name) + t.step(s[i+len(w.text):])
		}
	}
	if !t.exact {
		s = t.sentences(s)
	}
	return t.inline(s)
}

// sentence kinds of the platform's authorisation and app list
const (
	kindNone = iota
	kindAuth
	kindAppList
	kindSignIn
	kindCode
)

// sentences types the runs of a step's sentences that only say the
// platform's authorisation or its app list.
func (t *typer) sentences(s string) string {
	parts := splitSentences(s)
	var out []string
	for i := 0; i < len(parts); {
		kind, allow, label := t.sentenceKind(parts[i])
		if kind == kindNone {
			out = append(out, parts[i])
			i++
			continue
		}
		j := i + 1
		for j < len(parts) {
			k, a, l := t.sentenceKind(parts[j])
			if k != kind {
				break
			}
			allow, label = allow || a, label || l
			j++
		}
		switch {
		case kind == kindAppList:
			out = append(out, render.StepRef("app-list"))
		case kind == kindSignIn:
			out = append(out, render.StepRef("sign-in"))
		case kind == kindCode:
			out = append(out, render.StepRef("code"))
		case allow && (j-i > 1 || label):
			out = append(out, render.StepRef("authorise"))
		case allow:
			out = append(out, render.StepRef("allow"))
		case label:
			out = append(out, render.StepRef("choose-location"))
		default:
			out = append(out, parts[i:j]...)
		}
		i = j
	}
	return strings.Join(out, " ")
}

// sentenceKind tells what of the platform's a sentence says: its kind, and
// whether it clicks Allow or names the location chooser. A sentence with
// a fact of the partner's is the partner's.
func (t *typer) sentenceKind(s string) (kind int, allow, chooser bool) {
	if t.partnerFact(s) {
		return kindNone, false, false
	}
	plain := strings.ToLower(linkTextRe.ReplaceAllString(strings.ReplaceAll(s, "**", ""), "$1"))
	if signInSentence.MatchString(plain) && t.set.Site.BackOfficeURL != "" {
		return kindSignIn, false, false
	}
	if codeSentence.MatchString(plain) {
		return kindCode, false, false
	}
	labels := map[string]bool{}
	for _, m := range boldRe.FindAllStringSubmatch(s, -1) {
		labels[t.ui[m[1]]] = true
		labels[formerLabels[m[1]]] = true
	}
	if labels["view_available_apps"] || appListSentence.MatchString(plain) {
		return kindAppList, false, false
	}
	allow = labels["allow"] || allowSentence.MatchString(plain)
	chooser = labels["choose_location"]
	if allow || chooser || locationSentence.MatchString(plain) || catalogSentence.MatchString(plain) || labels["next"] {
		return kindAuth, allow, chooser
	}
	return kindNone, false, false
}

// partnerFact reports whether a sentence holds a fact of the partner's:
// a bold label of its own, an image, an e-mail, code, or a link outside
// the platform's pages.
func (t *typer) partnerFact(s string) bool {
	if strings.ContainsAny(s, "@`") || strings.Contains(s, "![") || strings.Contains(s, "<") {
		return true
	}
	for _, m := range boldRe.FindAllStringSubmatch(s, -1) {
		if !t.uiLabel(m[1]) {
			return true
		}
	}
	for _, m := range linkDestRe.FindAllStringSubmatch(s, -1) {
		u, err := url.Parse(m[1])
		if err != nil || strings.HasPrefix(m[1], "/apps/") || u.Host != "" && u.Hostname() != "hubrise.com" && !strings.HasSuffix(u.Hostname(), ".hubrise.com") {
			return true
		}
	}
	return false
}

// uiLabel reports whether l is one of the platform's UI labels in any language.
func (t *typer) uiLabel(l string) bool {
	for _, byLang := range t.set.Site.UI {
		for _, v := range byLang {
			if v == l {
				return true
			}
		}
	}
	return slices.Contains(oldUILabels, l)
}

// inline types the labels, links and phrases of a line, outside code spans.
func (t *typer) inline(line string) string {
	line = NameEmail(line, t.email)
	if strings.Contains(line, "`") {
		return line // code spans: left as written
	}
	line = boldRe.ReplaceAllStringFunc(line, func(m string) string {
		if name, ok := t.ui[m[2:len(m)-2]]; ok {
			return render.UIRef(name)
		}
		return m
	})
	line = linkDestRe.ReplaceAllStringFunc(line, func(m string) string {
		if ref := t.linkRef(m[2 : len(m)-1]); ref != "" {
			return "](" + ref + ")"
		}
		return m
	})
	if w, err := t.set.Wording("phrase", "code", render.View{Lang: t.lang}); err == nil && strings.Contains(line, w) {
		line = strings.ReplaceAll(line, w, render.PhraseRef("code"))
	} else if !t.exact {
		line = codePhrase.ReplaceAllString(line, render.PhraseRef("code"))
	}
	return line
}

// linkRef is the platform link a destination names, with its query or
// fragment (?locale=fr-FR), or "".
func (t *typer) linkRef(dest string) string {
	if name, ok := t.links[dest]; ok {
		return render.LinkRef(name)
	}
	for value, name := range t.links {
		if rest, ok := strings.CutPrefix(dest, value); ok && rest != "" && (rest[0] == '?' || rest[0] == '#' && !strings.Contains(value, "#")) {
			return render.LinkRef(name) + rest
		}
	}
	return ""
}

// splitSentences cuts a step's text after each '.', '!' or '?' that a
// space and a capital, a bold label or a link follow, outside bold text
// and links.
func splitSentences(s string) []string {
	var out []string
	start, bold, bracket := 0, false, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '*' && i+1 < len(s) && s[i+1] == '*':
			bold = !bold
			i++
		case c == '[':
			bracket++
		case c == ']' && bracket > 0:
			bracket--
		case (c == '.' || c == '!' || c == '?') && !bold && bracket == 0 && i+2 < len(s) && s[i+1] == ' ' && startsSentence(s[i+2:]):
			out = append(out, s[start:i+1])
			start = i + 2
		}
	}
	return append(out, s[start:])
}

// startsSentence reports whether s starts like a sentence.
func startsSentence(s string) bool {
	if strings.HasPrefix(s, "**") || strings.HasPrefix(s, "[") {
		return true
	}
	for _, r := range s {
		return r >= 'A' && r <= 'Z' || r > 0x7f && strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r)
	}
	return false
}

// NameEmail names the partner's support e-mail wherever text writes it
// (outside code, or as a code span of its own), so that a change of
// support.email reaches the text: <Platform phrase="support-email" />.
func NameEmail(text, email string) string {
	if email == "" {
		return text
	}
	text = strings.ReplaceAll(text, "`"+email+"`", render.PhraseRef("support-email-code"))
	if strings.Contains(text, "`") {
		return text // other code spans: left as written
	}
	return replaceWord(text, email, render.PhraseRef("support-email"))
}

// replaceWord replaces each occurrence of word in line that is not part of
// a longer word or address (a letter, digit, '.', '@', '-' or '_' beside it).
func replaceWord(line, word, with string) string {
	var b strings.Builder
	for {
		i := strings.Index(line, word)
		if i < 0 {
			b.WriteString(line)
			return b.String()
		}
		end := i + len(word)
		if (i == 0 || !addressByte(line[i-1])) && (end == len(line) || !addressByte(line[end]) || line[end] == '.' && (end+1 == len(line) || line[end+1] == ' ')) {
			b.WriteString(line[:i] + with)
		} else {
			b.WriteString(line[:end])
		}
		line = line[end:]
	}
}

func addressByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '@' || c == '-' || c == '_'
}
