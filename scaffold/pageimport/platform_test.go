package pageimport

import (
	"testing"

	"github.com/partnerpages/partnerpages/scaffold/partner"
)

// TestTypePlatformWords: the sentences, phrases, labels and links of the
// platform's that partner text says become references, and the partner's
// own words stay; absorb (exact) names only what renders the same. The
// wanted text is written out here.
func TestTypePlatformWords(t *testing.T) {
	t.Parallel()
	o := testOptions(t)
	doc := &partner.Partner{Name: partner.Text{Value: partner.Scalar{Value: "Zed"}}, Languages: partner.Scalars([]string{"en", "fr"})}
	cases := []struct {
		lang  string
		exact bool
		in    string
		want  string
	}{
		{"en", false, "1. Click **Allow** to grant Zed access to your registered location on HubRise. If your account has multiple locations, expand the **Choose location** section to select the desired location, and then click **Allow**.",
			`1. <Platform step="authorise" />`},
		{"fr", false, "1. Cliquez sur **Autoriser** pour donner à Zed l'accès aux données HubRise de votre restaurant. Si votre compte possède plusieurs points de vente, développez **Tous les points de vente** et choisissez le point de vente à connecter, puis cliquez sur **Autoriser**.",
			`1. <Platform step="authorise" />`},
		{"en", false, "1. Review the permissions and click **Allow**. This takes you back to the Zed dashboard.",
			`1. <Platform step="allow" /> This takes you back to the Zed dashboard.`},
		{"en", false, "1. Select **CONNECTIONS**, then **View available apps**.", `1. <Platform step="app-list" />`},
		{"fr", false, "1. Connectez-vous à votre [compte HubRise](https://manager.hubrise.com).", `1. <Platform step="sign-in" />`},
		{"en", false, "1. Click **Connect HubRise** in Zed.", "1. Click **Connect HubRise** in Zed."},
		{"en", false, "1. Select the location, then click **Allow** in **Zed Admin**.", `1. Select the location, then click <Platform ui="allow" /> in **Zed Admin**.`},
		{"en", false, "1. Copy the displayed code into Zed.", `1. Copy <Platform phrase="code" /> into Zed.`},
		{"fr", false, "1. Copiez le code affiché dans Zed.", `1. Copiez <Platform phrase="code" /> dans Zed.`},
		{"en", false, "See [Get Started](/docs/get-started) or [sign up](https://manager.hubrise.com/signup?locale=fr-FR).",
			"See [Get Started](platform:get-started) or [sign up](platform:signup?locale=fr-FR)."},
		{"en", false, "Type `**Allow**` to name it.", "Type `**Allow**` to name it."},
		{"en", false, "```\n1. Click **Allow**.\n```", "```\n1. Click **Allow**.\n```"},
		{"en", false, "1. Pick the catalog Zed uses.", "1. Pick the catalog Zed uses."},
		{"en", false, "1. Click **Allow**.\n   ![The page](./a.png)", "1. <Platform step=\"allow\" />\n   ![The page](./a.png)"},
		{"en", false, "1. Click **Authorize** to let Zed in.", `1. <Platform step="allow" />`},
		{"en", false, "1. Sign in with your HubRise credentials.", `1. <Platform step="sign-in" />`},
		{"en", false, "1. HubRise displays a code. Copy it into **Key** in Zed.", `1. <Platform step="code" /> Copy it into **Key** in Zed.`},
		{"fr", false, "1. HubRise affiche un code. Copiez-le, puis collez-le dans Zed.", `1. <Platform step="code" /> Copiez-le, puis collez-le dans Zed.`},
		{"en", true, "1. Click **Allow** to grant Zed access.", `1. Click <Platform ui="allow" /> to grant Zed access.`},
		{"en", true, "1. Click **Allow**.", `1. <Platform step="allow" />`},
		{"en", true, "1. Click **Allow**. Then wait.", `1. <Platform step="allow" /> Then wait.`},
		{"fr", true, "1. Vous revenez dans Zed, désormais connecté à HubRise.", `1. <Platform step="connected" />`},
	}
	for _, c := range cases {
		ty := newTyper(o.Set, o.Set.NewView(doc, c.lang), c.exact)
		if got := ty.markdown(c.in); got != c.want {
			t.Errorf("%s (exact %v) %q:\n got %q\nwant %q", c.lang, c.exact, c.in, got, c.want)
		}
	}
}
