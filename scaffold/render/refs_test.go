package render

import (
	"strings"
	"testing"

	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/templates"
)

// TestPlatformRefs renders partner text that names the platform's words:
// each reference becomes the words the test expects, written out here,
// and a reference to something the set lacks fails with its name.
func TestPlatformRefs(t *testing.T) {
	t.Parallel()
	set, err := Load(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		lang, in, want, err string
	}{
		{"en", `1. <Platform step="allow" />`, "1. Click **Allow**.", ""},
		{"fr", `1. <Platform step="allow" />`, "1. Cliquez sur **Autoriser**.", ""},
		{"en", `Click <Platform ui="next" /> twice.`, "Click **Next** twice.", ""},
		{"en", `1. Paste <Platform phrase="code" /> here.`, "1. Paste the code HubRise displays here.", ""},
		{"en", `See [it](platform:location-id).`, "See [it](/docs/locations#location-name-and-id).", ""},
		{"en", `Sign up [here](platform:signup).`, "Sign up [here](https://manager.hubrise.com/signup).", ""},
		{"en", "Type `<Platform step=\"allow\" />` to name it.", "Type `<Platform step=\"allow\" />` to name it.", ""},
		{"en", "```\n<Platform step=\"allow\" />\n```", "```\n<Platform step=\"allow\" />\n```", ""},
		{"en", `1. <Platform step="app-connect" />`, "1. In the list of apps, select **Zed**, then click **Connect**.", ""},
		{"en", `1. <Platform step="alow" />`, "", `names no step of the template set (it has: access-add-user`},
		{"en", `<Platform ui="allowed" />`, "", `names no UI label of site.yaml`},
		{"en", `[x](platform:nowhere)`, "", `link "nowhere" is not in site.yaml links`},
	}
	for _, c := range cases {
		p := &partner.Partner{File: "zed.yaml", Name: partner.Text{Value: partner.Scalar{Value: "Zed"}}}
		v := set.NewView(p, c.lang)
		got, err := set.expandRefs(c.in, v)
		switch {
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%s %q: error %v, want one with %q", c.lang, c.in, err, c.err)
		case c.err == "" && err != nil:
			t.Errorf("%s %q: %v", c.lang, c.in, err)
		case c.err == "" && got != c.want:
			t.Errorf("%s %q:\n got %q\nwant %q", c.lang, c.in, got, c.want)
		}
	}
}

// TestRenderNamesTheFileOfABadRef: a partner file naming a step the set
// lacks does not render, and the error names the file and the language.
func TestRenderNamesTheFileOfABadRef(t *testing.T) {
	t.Parallel()
	set, err := Load(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	p, errs := partner.Parse("partners/zed.yaml", []byte("name: Zed\nkind: epos\nsupport:\n  email: a@zed.example\nconnection:\n  mode: support\npage:\n  - title: Extra\n    body: '1. <Platform step=\"nope\" />'\n  - give-access\n  - contact\n"))
	if len(errs) == 0 {
		errs = partner.Resolve(p, set.Languages())
	}
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	_, err = set.Render(p)
	if err == nil || !strings.Contains(err.Error(), "partners/zed.yaml: en page:") || !strings.Contains(err.Error(), `step="nope"`) {
		t.Fatalf("got %v", err)
	}
}

// TestCheckRefsNamesTheLine: a bad reference in a block of text is
// reported at its own line of the partner file, once for a value both
// languages share; one inside fenced code is text.
func TestCheckRefsNamesTheLine(t *testing.T) {
	t.Parallel()
	set, err := Load(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	src := "name: Zed\nkind: epos\nsupport:\n  email: a@zed.example\nconnection:\n  mode: support\npage:\n  - title: Extra\n    body: |-\n      First line.\n\n      1. <Platform step=\"nope\" />\n\n      ```\n      <Platform step=\"fine-in-code\" />\n      ```\n  - give-access\n  - contact\n"
	p, errs := partner.Parse("partners/zed.yaml", []byte(src))
	if len(errs) == 0 {
		errs = partner.Resolve(p, set.Languages())
	}
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	got := set.CheckRefs(p)
	if len(got) != 1 || got[0].Line != 12 || got[0].Field != "page[1].body" || !strings.Contains(got[0].Msg, `step="nope"`) {
		t.Fatalf("got %v", got)
	}
}

// FuzzExpandRefs: partner text with any references expands without a
// panic, and what it expands to names no reference any more (expanding it
// again changes nothing).
func FuzzExpandRefs(f *testing.F) {
	set, err := Load(templates.FS)
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{`1. <Platform step="allow" />`, "`<Platform ui=\"allow\" />` and <Platform ui=\"allow\" />", "[a](platform:signup?x=1)", "```\n<Platform step=\"x\" />\n```\n<Platform phrase=\"code\" />", `<Platform step="" />`} {
		f.Add(s, "fr")
	}
	f.Fuzz(func(t *testing.T, md, lang string) {
		if lang != "en" && lang != "fr" {
			lang = "en"
		}
		v := set.NewView(&partner.Partner{Name: partner.Text{Value: partner.Scalar{Value: "Zed"}}}, lang)
		out, err := set.expandRefs(md, v)
		if err != nil {
			return
		}
		again, err := set.expandRefs(out, v)
		if err != nil || again != out {
			t.Fatalf("expanding %q twice: %q then %q (%v)", md, out, again, err)
		}
	})
}
