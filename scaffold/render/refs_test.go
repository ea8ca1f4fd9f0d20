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
		{"en", `1. <Platform step="alow" />`, "", `names no step of the template set (en/: allow, app-connect`},
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
