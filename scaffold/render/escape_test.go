package render

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestEscapeText(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Qwenta":            "Qwenta",
		"Café Étoile":       "Café Étoile",
		"<b>{x}</b>":        `&lt;b\>\{x\}&lt;/b\>`,
		"*a* _b_ `c`":       "\\*a\\* \\_b\\_ \\`c\\`",
		"[x](y)":            `\[x\](y)`,
		"a|b ~~c~~ #1":      `a\|b \~\~c\~\~ \#1`,
		`back\slash`:        `back\\slash`,
		"Fish & Chips":      "Fish & Chips",
		"&amp; &#38;":       `\&amp; \&\#38;`,
		"🍕 مطعم \"quoted\"": "🍕 مطعم \"quoted\"",
		// MDX reads a line that starts with import or export as JavaScript
		"export const x = 1": "&#101;xport const x = 1",
		"import{a}":          `&#105;mport\{a\}`,
		"import":             "&#105;mport",
		"Export Pro":         "Export Pro",
		"exporter":           "exporter",
		"an export":          "an export",
		// after a bare URL a backslash is part of the link, so < is an entity
		"https://x.example/<shop-id>": `https://x.example/&lt;shop-id\>`,
	} {
		if got := EscapeText(in); got != want {
			t.Errorf("EscapeText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEscapeMDX(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"plain **bold** text":              "plain **bold** text",
		"a <!-- c --> b":                   `a &lt;!-- c --> b`,
		"x {y} z":                          `x \{y\} z`,
		"keep `{code} <x>` as is":          "keep `{code} <x>` as is",
		"``a ` {b}`` {c}":                  "``a ` {b}`` \\{c\\}",
		"unclosed ` {tick}":                "unclosed ` \\{tick\\}",
		"already \\{escaped}":              "already \\{escaped\\}",
		"```\n{fenced} <code>\n```\n{out}": "```\n{fenced} <code>\n```\n\\{out\\}",
		"~~~js\n<x/>\n~~~~\n<y/>":          "~~~js\n<x/>\n~~~~\n&lt;y/>",
		"![img](./images/a.png) <Comp />":  `![img](./images/a.png) &lt;Comp />`,
		// the site's own component, opened and closed on the line, and MDX comments
		`the icon <InlineImage width="20" height="20">![Gear](../images/g.png)</InlineImage> here`: `the icon <InlineImage width="20" height="20">![Gear](../images/g.png)</InlineImage> here`,
		`<InlineImage width="20">![a](b.png)` + "\n</InlineImage>":                                 `&lt;InlineImage width="20">![a](b.png)` + "\n&lt;/InlineImage>",
		`<InlineImage width={20}>![a](b.png)</InlineImage>`:                                        `&lt;InlineImage width=\{20\}>![a](b.png)&lt;/InlineImage>`,
		`<InlineImage>{x}</InlineImage>`:                                                           `&lt;InlineImage>\{x\}&lt;/InlineImage>`,
		`<InlineImages>x</InlineImages>`:                                                           `&lt;InlineImages>x&lt;/InlineImages>`,
		"a {/* note */} b":                                                                         "a {/* note */} b",
		"a {/* {x} */} b":                                                                          `a \{/* \{x\} */\} b`,
		"a {/* open":                                                                               `a \{/* open`,
	} {
		if got := EscapeMDX(in); got != want {
			t.Errorf("EscapeMDX(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFrenchElision(t *testing.T) {
	t.Parallel()
	for in, want := range map[string][2]string{
		"Qwenta":  {"de Qwenta", "le Qwenta"},
		"Expedy":  {"d'Expedy", "l'Expedy"},
		"Orderix": {"d'Orderix", "l'Orderix"},
		"Arcsolu": {"d'Arcsolu", "l'Arcsolu"},
		"Élodie":  {"d'Élodie", "l'Élodie"},
		"HubRise": {"de HubRise", "le HubRise"},
		"Yumi":    {"de Yumi", "le Yumi"},
		"":        {"de ", "le "},
	} {
		if got := string(De(Plain(in))); got != want[0] {
			t.Errorf("De(%q) = %q, want %q", in, got, want[0])
		}
		if got := string(Le(in)); got != want[1] {
			t.Errorf("Le(%q) = %q, want %q", in, got, want[1])
		}
	}
}

func TestYAMLValue(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want string }{
		{"Connexion à HubRise | Qwenta | HubRise", "Connexion à HubRise | Qwenta | HubRise"},
		{"l'accès", "l'accès"},
		{"- dash", `"- dash"`},
		{"key: value", `"key: value"`},
		{"a #comment", `"a #comment"`},
		{"'quoted'", `"'quoted'"`},
		{"yes", `"yes"`},
		{"Off", `"Off"`},
		{"1:20", `"1:20"`},
		{"-1", `"-1"`},
		{".5", `".5"`},
		{"123", `"123"`},
		{"{x}", `"{x}"`},
		{"", `""`},
	} {
		if got := string(YAMLValue(tt.in)); got != tt.want {
			t.Errorf("YAMLValue(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestMenuAndCode(t *testing.T) {
	t.Parallel()
	if got := Menu([]Plain{"Réglages", "Intégrations"}); got != "**Réglages** > **Intégrations**" {
		t.Errorf("Menu = %q", got)
	}
	if got := Code("a`b"); got != "``a`b``" {
		t.Errorf("Code = %q", got)
	}
	if got := Step(Markdown("line one\nline {two}")); got != "line one\n   line \\{two\\}" {
		t.Errorf("Step = %q", got)
	}
}

// TestYAMLValueReadsBack checks, with a YAML parser, that every value the
// helper writes reads back as the original string.
func TestYAMLValueReadsBack(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"Connexion à HubRise | Qwenta | HubRise", "a: b", "a #b", "#a", "- x", "? x", "x:", "'q'", `"q"`, "%x", "@x", "`x`", "yes", "No", "~", "null", "1.5", "0x1F", "1:20", ".inf", "a\\b", `C:\path`, "<b>{x}</b>", "&a *b !c |d >e", "🍕 مطعم", "a  b", "tab\there", "new\nline", "x # y", "{{.Name}}"} {
		out := string(YAMLValue(s))
		var got map[string]any
		if err := yaml.Unmarshal([]byte("v: "+out), &got); err != nil {
			t.Errorf("%q written as %s does not parse: %v", s, out, err)
			continue
		}
		if got["v"] != s {
			t.Errorf("%q written as %s reads back as %#v", s, out, got["v"])
		}
	}
}
