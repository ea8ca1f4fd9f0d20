package render

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"text/template"

	"github.com/partnerpages/partnerpages/scaffold/french"
)

// raw returns the unescaped text of a template value.
func raw(v any) string {
	switch x := v.(type) {
	case Plain:
		return string(x)
	case Markdown:
		return string(x)
	case Safe:
		return string(x)
	case string:
		return x
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

// funcs are the helpers every template may call.
func (s *Set) funcs() template.FuncMap {
	plain := func(f func(string) string) func(any) Plain {
		return func(v any) Plain { return Plain(f(raw(v))) }
	}
	return template.FuncMap{
		"bold":    Bold,
		"menu":    Menu,
		"code":    Code,
		"yaml":    YAMLValue,
		"de":      De,
		"le":      Le,
		"que":     elider("que"),
		"ne":      elider("ne"),
		"se":      elider("se"),
		"lorsque": elider("lorsque"),
		"puisque": elider("puisque"),
		"jusque":  elider("jusque"),
		"au":      plain(french.Au),
		"du":      plain(french.Du),
		"step":    Step,
		"typed":   s.typed,
		"md":      func(v any) Safe { return Safe(EscapeText(raw(v))) },
		"link":    s.link,
		"upper":   plain(strings.ToUpper),
		"id":      HeadingID,
	}
}

// HeadingID renders a heading's custom id, " {#id}": the section's own id,
// else the template's default for it, else nothing.
func HeadingID(own, def string) Safe {
	if own == "" {
		own = def
	}
	if own == "" {
		return ""
	}
	return Safe(" {#" + own + "}")
}

// Bold renders a UI label in bold, escaped: **Save**.
func Bold(label any) Safe {
	return Safe("**" + EscapeText(raw(label)) + "**")
}

// Menu renders a menu path as **A** > **B** > **C**.
func Menu(path []Plain) Safe {
	parts := make([]string, len(path))
	for i, p := range path {
		parts[i] = string(Bold(p))
	}
	return Safe(strings.Join(parts, " > "))
}

// Code renders text as an inline code span, choosing a fence longer than any
// backtick run inside it.
func Code(v any) Safe {
	s := raw(v)
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		pad = " "
	}
	return Safe(fence + pad + s + pad + fence)
}

// YAMLValue joins its arguments' raw text into one front matter value: plain
// when YAML reads it back unchanged, double-quoted otherwise.
func YAMLValue(parts ...any) Safe {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(raw(p))
	}
	s := b.String()
	if plainYAML(s) {
		return Safe(s)
	}
	return Safe(strconv.Quote(s))
}

// plainYAML reports whether s can be written as a plain YAML scalar and read
// back as the same string, by YAML 1.1 and 1.2 readers alike. It is
// conservative: anything doubtful is quoted, which is always correct.
func plainYAML(s string) bool {
	if s == "" || strings.TrimSpace(s) != s {
		return false
	}
	// indicators that change the meaning of a scalar's first character
	if strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`+.0123456789~", rune(s[0])) {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || !unicode.IsPrint(r) && r != ' ' {
			return false
		}
	}
	// YAML 1.1 readers (the site's front matter parser among them) read these
	// as booleans or nulls.
	switch strings.ToLower(s) {
	case "y", "n", "yes", "no", "on", "off", "true", "false", "null":
		return false
	}
	return true
}

// De returns the French "de <word>", elided to "d'<word>" before a vowel.
func De(word any, how ...string) Plain { return Plain(french.Elide("de", raw(word), how...)) }

// Le returns the French article "le <word>", elided to "l'<word>" before a vowel.
func Le(word any) Plain { return Plain(french.Elide("le", raw(word))) }

// elider returns the template helper for a French word that elides before a
// vowel: {{que .Name}} is "que Qwenta" or "qu'Orderix".
func elider(word string) func(any, ...string) Plain {
	return func(v any, how ...string) Plain { return Plain(french.Elide(word, raw(v), how...)) }
}

// Step renders Markdown as the body of a numbered list item: lines after the
// first are indented so they stay inside the item.
func Step(v any) Safe {
	s := strings.TrimSpace(fmt.Sprint(v)) // fmt.Sprint escapes Markdown values for MDX
	return Safe(strings.ReplaceAll(s, "\n", "\n   "))
}

// skipped stands for a platform step the page leaves out (skip_steps): a
// control character no partner text may hold, so its line is found and
// dropped whole when the page is finished.
const skipped Safe = "\x00skipped\x00"

// dropSkipped removes the lines of the steps a page leaves out.
func dropSkipped(page []byte) []byte {
	if !bytes.Contains(page, []byte(skipped)) {
		return page
	}
	var out [][]byte
	for _, line := range bytes.SplitAfter(page, []byte("\n")) {
		if !bytes.Contains(line, []byte(skipped)) {
			out = append(out, line)
		}
	}
	return bytes.Join(out, nil)
}

// typed writes the platform step name for v: the page's own words for it
// (the partner file's step_text), else the template set's, or nothing when
// the page leaves it out (skip_steps); then, as steps of their own, the
// partner's steps that follow it (steps_after).
func (s *Set) typed(name string, v View) (Safe, error) {
	var out Safe
	if v.Skip[name] {
		out = skipped // its line goes when the page is finished
	} else if own, ok := v.StepText[name]; ok {
		out = Step(own)
	} else {
		w, err := s.Wording("step", name, v)
		if err != nil {
			return "", err
		}
		out = Safe(w)
	}
	for _, it := range v.StepsAfter[name] {
		out += "\n1. " + Step(it)
	}
	return out, nil
}

// link returns the site path of a named link target from site.yaml.
func (s *Set) link(name string) (Safe, error) {
	p, ok := s.Site.Links[name]
	if !ok {
		return "", fmt.Errorf("link %q is not in site.yaml links (have: %s)", name, strings.Join(sortedKeys(s.Site.Links), ", "))
	}
	return Safe(p), nil
}
