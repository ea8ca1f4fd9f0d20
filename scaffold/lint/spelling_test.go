package lint

import (
	"slices"
	"strings"
	"testing"

	"github.com/partnerpages/partnerpages/scaffold/page"
)

// fakeSpeller knows the words of a small list per language, and, as
// hunspell does, their capitalised forms: the tests' dictionary, apart
// from the code under test.
type fakeSpeller map[string][]string

func (f fakeSpeller) Unknown(lang string, words []string) ([]string, error) {
	var out []string
	for _, w := range words {
		if !slices.Contains(f[lang], w) && !slices.Contains(f[lang], strings.ToLower(w)) && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out, nil
}

func TestSpelling(t *testing.T) {
	t.Parallel()
	dict := fakeSpeller{
		"en": strings.Fields("the to connect click and then log into your account write open menu settings pick page button from can sends"),
		"fr": strings.Fields("cliquez sur connecter votre compte de établissement ouvrez le menu réglages puis"),
	}
	for _, c := range []struct {
		name, path, body string
		want             []string // the words reported, in order
	}{
		{"slips", "apps/x/en/connect-hubrise.md", "1. Clik the button, then confim your account.\n", []string{"Clik", "confim"}},
		{"a name starts a sentence", "apps/x/en/connect-hubrise.md", "Zorblax sends the menu. Open Zorblax.\n\n## Zorblax\n\n- Blorp (Germany)\n- Uber Eats\n", nil},
		{"capitalised and acronyms are names", "apps/x/en/connect-hubrise.md", "1. Open Zorblax, then the ZQR menu.\n", nil},
		{"code, addresses, files, numbers", "apps/x/en/connect-hubrise.md", "Write `qwzx` to help@qwzx.example, open qwzx.md or /docs/qwzx, then pick qwzx2.\n", nil},
		{"a bold label is the UI's", "apps/x/en/connect-hubrise.md", "1. Click **Logiciel de caisse**.\n", nil},
		{"french elision", "apps/x/fr/connect-hubrise.md", "Ouvrez le menu de l'établissement, puis devotre compte.\n", []string{"devotre"}},
		{"the site's vocabulary and the page's name", "apps/x/en/connect-hubrise.md", "---\ntitle: Connect to HubRise\nmeta:\n  title: Connect to HubRise | dotdigital | HubRise\n---\n\nPick dotdigital from the dropdown.\n", nil},
		{"a slip the dictionary cannot see", "apps/x/en/connect-hubrise.md", "To can connect your account, log in.\n", []string{"To can"}},
	} {
		o := DefaultOptions()
		o.Speller = dict
		var got []string
		for _, f := range Check(page.Parse(c.path, []byte(c.body)), o) {
			if f.Rule == RuleSpelling {
				w, _, _ := strings.Cut(strings.TrimPrefix(f.Message, `"`), `"`)
				got = append(got, w)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: reported %q, want %q", c.name, got, c.want)
		}
	}
}

func TestSpellingProjectWords(t *testing.T) {
	t.Parallel()
	o := DefaultOptions()
	o.Speller = fakeSpeller{"en": {"open", "the"}}
	o.Words = map[string]bool{"webhook": true}
	for _, f := range Check(page.Parse("apps/x/en/connect-hubrise.md", []byte("Open the webhook.\n")), o) {
		if f.Rule == RuleSpelling {
			t.Errorf("a project word was reported: %s", f)
		}
	}
}
