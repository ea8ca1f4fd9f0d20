package partner

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSyntaxErrorsInAWritersWords: the parser's words ("found character
// that cannot start any token") become what the writer did and where.
func TestSyntaxErrorsInAWritersWords(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, file, want string }{
		{"tab indent", "name: A\nsupport:\n\temail: x@y.example\n",
			"p.yaml:3:1: line 3 is indented with a tab; YAML indents with spaces"},
		{"tab on line 7, after a flow list", "name: T\nsupport:\n  email: a@b.example\nconnection:\n  mode: back-office\n  menu: [A]\n\tbutton: Go\n",
			"p.yaml:7:1: line 7 is indented with a tab; YAML indents with spaces"},
		{"tab after spaces", "name: A\nsupport:\n  \temail: x@y.example\n",
			"p.yaml:3:3: line 3 is indented with a tab; YAML indents with spaces"},
		{"key indented too far", "name: A\nsupport:\n  email: x@y.example\n    mode: x\n",
			"p.yaml:4:5: line 4 is indented more than line 3, which has a value already; indent it as far as the keys beside it"},
		{"top-level key indented", "name: A\n  kind: epos\n",
			"p.yaml:2:3: line 2 is indented more than line 1, which has a value already; indent it as far as the keys beside it"},
		{"colon in a value", "name: A\nbutton: Connect: now\n",
			`p.yaml:2:9: the value on line 2 holds ": "; put it in quotes ("Connect: now")`},
		{"unclosed quote", "name: \"A\nkind: epos\n",
			"p.yaml:1:7: a quoted value is not closed: add the closing quote"},
		{"unclosed list", "name: [a, b\nkind: x\n",
			"p.yaml:1:7: the list or mapping opened on line 1 is not closed: end it with ] on the same line"},
		{"line without a colon", "name: A\nfoo\nkind: b\n",
			`p.yaml:2:1: line 2 has no "key: value"; write the key, a colon and a space before the value (or remove the line)`},
		{"a list item among keys", "name: A\n- x\n",
			`p.yaml:2:1: line 2: a key was expected; a list item ("- ") or a line indented differently from the keys around it does not belong here`},
		{"binary file", "name: A\nkind: \x00\x01\x02",
			"p.yaml:2:7: control character U+0000; the file is not a text file (is it a partner YAML file?)"},
		{"invalid UTF-8", "name: A\nbutton: Caf\xe9\n",
			"p.yaml:2:12: byte 0xe9 is not UTF-8 text; save the file as UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := Parse("p.yaml", []byte(tc.file))
			if len(errs) != 1 || errs[0].Error() != tc.want {
				t.Errorf("got %v\nwant %s", errs, tc.want)
			}
		})
	}
}

// TestErrorsSuggestAndFollowTheirCause: a mistyped value gets the value it
// meant; a field reported missing only because its key was mistyped is not
// reported twice; missing fields come after the problems that have a line.
func TestErrorsSuggestAndFollowTheirCause(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, file, want string }{
		{"mode one letter off", "name: A\nsupport: {email: a@b.example}\nconnection: {mode: backoffice, menu: [M], button: B}\ndisconnect: {button: U}\n",
			`a.yaml:3:20: connection.mode: "backoffice" is not one of: back-office, support, either, app-list (did you mean "back-office"?)`},
		{"kind in capitals", "name: A\nkind: EPOS\nsupport: {email: a@b.example}\nconnection: {mode: support}\n",
			`a.yaml:2:7: kind: "EPOS" is not one of: epos, ordering, delivery, other (did you mean "epos"?)`},
		{"mistyped key, no restated missing", "name: A\nsupport:\n  emial: a@b.example\nconnection: {mode: support}\n",
			`a.yaml:3:3: support.emial: unknown field (did you mean "email"?)`},
		{"missing after the lines", "support:\n  emial: a@b.example\nconnection: {mode: support}\n",
			"a.yaml:2:3: support.emial: unknown field (did you mean \"email\"?)\na.yaml: name: missing; this field is required"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "a.yaml"), []byte(tc.file), 0o644)
			_, errs := Load(os.DirFS(dir), "a.yaml", "a.yaml", []string{"en", "fr"})
			if got := errs.Error(); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestInvisibleCharactersAreRefused: a bidirectional control or a
// zero-width character makes a name read as another; no name or label may
// hold one.
func TestInvisibleCharactersAreRefused(t *testing.T) {
	t.Parallel()
	for _, r := range []rune{'\u202E', '\u200B', '\u2066', '\u200F', '\u00AD'} {
		src := "name: \"Ord" + string(r) + "erix\"\nsupport: {email: a@b.example}\nconnection: {mode: back-office, menu: [\"Set" + string(r) + "tings\"], button: B}\ndisconnect: {button: U}\n"
		_, errs := Decode("a.yaml", []byte(src), []string{"en"})
		if len(errs) < 2 || !strings.Contains(errs[0].Error(), "a.yaml:1:7: name: contains an invisible character") ||
			!strings.Contains(errs[1].Error(), "connection.menu[1]") {
			t.Errorf("%U: %v", r, errs)
		}
	}
	if _, errs := Decode("a.yaml", []byte("name: \"مطعم Orderix\"\nsupport: {email: a@b.example}\nconnection: {mode: support}\n"), []string{"en"}); len(errs) > 0 {
		t.Errorf("a name in Arabic script is refused: %v", errs)
	}
}
