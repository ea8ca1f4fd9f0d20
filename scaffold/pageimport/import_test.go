package pageimport

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// want is what an import must recover from a page.
type want struct {
	name, email, mode, dmode string
	menu                     []string
	button                   string
	kept                     []string // substrings of the partner file: partner-specific text kept as written
}

func importPaths(t *testing.T, o Options, paths ...string) ([]*Result, []*PageReport) {
	t.Helper()
	pages, failed := ReadPages(paths)
	if len(failed) > 0 {
		t.Fatalf("%s: %v", failed[0].Path, failed[0].Err)
	}
	return Import(pages, o)
}

func checkResult(t *testing.T, res *Result, w want) {
	t.Helper()
	var rep bytes.Buffer
	res.Write(&rep, true)
	if !res.OK() {
		t.Fatalf("import not clean:\n%s\n%s", rep.String(), res.YAML)
	}
	p := res.Partner
	lang := p.Langs()[0]
	got := want{name: p.Name.In(lang), email: p.Email.Value, mode: p.Connection.Mode.Value, dmode: p.Disconnect.Mode.Value,
		menu: p.Connection.Menu.In(lang), button: p.Connection.Button.In(lang)}
	if got.name != w.name || got.email != w.email || got.mode != w.mode || got.dmode != w.dmode || got.button != w.button || !slices.Equal(got.menu, w.menu) {
		t.Errorf("recovered %+v\nwant      %+v\n%s", got, w, res.YAML)
	}
	for _, k := range w.kept {
		if !bytes.Contains(res.YAML, []byte(k)) {
			t.Errorf("partner file lacks %q:\n%s", k, res.YAML)
		}
	}
	for _, out := range res.Regenerated {
		for _, k := range w.kept {
			if strings.HasPrefix(k, "![") && !bytes.Contains(out.Content, []byte(k)) && out.Lang == lang {
				t.Errorf("regenerated %s page lacks %q", out.Lang, k)
			}
		}
	}
}

// TestImportFixtures imports hand-written pages in the house style, in two
// languages, with partner-specific steps, images and an extra section.
func TestImportFixtures(t *testing.T) {
	t.Parallel()
	o := testOptions(t)
	results, failed := importPaths(t, o, "testdata/apps")
	if len(failed) > 0 {
		t.Fatalf("%s: %v", failed[0].Path, failed[0].Err)
	}
	if len(results) != 2 {
		t.Fatalf("got %d partners, want brewly and tillo", len(results))
	}
	checkResult(t, results[0], want{name: "Brewly", email: "team@brewly.example", mode: "back-office", dmode: "back-office",
		menu: []string{"Admin", "Add-ons"}, button: "Link HubRise",
		kept: []string{"Online Orders", "![The HubRise tile](./images/001-brewly-tile.png)", "Print test", "![A test ticket](./images/002-brewly-ticket.png)",
			"Open the HubRise tile.", "Confirm with **Yes**.", "anchor: payments", "![Payment mapping](./images/003-brewly-payments.png)",
			"fr: [Admin, Options]", "Lier HubRise", "Délier HubRise"}})
	checkResult(t, results[1], want{name: "Tillo", email: "ops@tillo.example", mode: "either", dmode: "support",
		menu: []string{"Integrations"}, button: "Connect HubRise", kept: []string{"publisher: Tillo Labs", "fr: [Intégrations]"}})
	if p := results[0].Partner; !slices.Equal(p.Connection.Menu.In("fr"), []string{"Admin", "Options"}) || len(p.Sections) != 1 || p.Sections[0].After.Value != "contact" {
		t.Errorf("brewly: per-language menu or section placement lost: %v %v", p.Connection.Menu.In("fr"), p.Sections)
	}
}

// TestImportReference imports the platform's real pages and the two seed
// pages (when ../shared/reference is there, as in CI): each must give a valid
// partner file whose regenerated page keeps every e-mail, label, image and
// extra section of the original, with none of its lint defects.
func TestImportReference(t *testing.T) {
	t.Parallel()
	ref := filepath.Join("..", "..", "..", "shared", "reference")
	if _, err := os.Stat(ref); err != nil {
		t.Skip("no ../shared/reference beside the project")
	}
	o := testOptions(t)
	o.Emails = map[string]string{"zelty": "support@zelty.example"} // the Zelty page names no e-mail
	tests := []struct {
		file string
		want want
	}{
		{"pages/akk-softtech-en.md", want{name: "AKK Softtech", email: "akksofttechuk@hotmail.com", mode: "support", dmode: "support"}},
		{"pages/miipos-fr.md", want{name: "MiiPos", email: "contact@arcsolu.com", mode: "support", dmode: "hubrise", kept: []string{"publisher: Arcsolu"}}},
		{"pages/quick-up-en.md", want{name: "Quick Up", email: "support@quickup.uk", mode: "either", dmode: "back-office",
			menu: []string{"Settings", "User Store List", "Add User Store"}, button: "Submit",
			kept: []string{"Create User Store", "./images/001-quickup-connection.png", "Yes, remove it!", "red bin icon"}}},
		{"pages/expedy-fr.md", want{name: "Expedy", email: "support@expedy.fr", mode: "back-office", dmode: "back-office",
			menu: []string{"Imprimantes"}, button: "Cliquez pour connecter cette imprimante à un de vos comptes HubRise",
			kept: []string{"./images/001-expedy-hubrise-disconnected.png", "./images/002-expedy-hubrise-connected.png", "title: Tester la connexion", "10 dernières requêtes API", "button: Déconnecter"}}},
		{"pages/kezia-fr.md", want{name: "Kezia II", email: "licencekezia@jdc.fr", mode: "back-office", dmode: "back-office",
			menu: []string{"Fichier", "Paramètres", "Commandes Web"}, button: "Nouvelle Connexion à HubRise",
			kept: []string{"slug: kezia", "publisher: JDC", "installer le module HubRise", "**Actif**", "./images/001-kezia-hubrise-connection.png",
				"title: Configurer les actions de caisse", "./images/002-kezia-order-configuration.png", "button: Déconnexion"}}},
		{"pages/zelty-en.md", want{name: "Zelty", email: "support@zelty.example", mode: "back-office", dmode: "back-office",
			menu: []string{"MarketPlace"}, button: "Activer (Connect)", kept: []string{"./images/005-2x-zelty-connect-to-hubrise.png", "Désactiver (Disable)", "Confirm when prompted."}}},
		{"seeds/000_dde4f9ef89fc26c0.txt", want{name: "Qwenta", email: "help@qwenta.ch", mode: "back-office", dmode: "back-office",
			menu: []string{"Etablissements"}, button: "Connecter à HubRise", kept: []string{"**Modifier**", "**Logiciel de caisse**", "**Configuration**", "button: Déconnecter HubRise"}}},
		{"seeds/004_14a3288be596f1a2.txt", want{name: "WiiPos", email: "contact@arcsolu.com", mode: "support", dmode: "hubrise", kept: []string{"publisher: Arcsolu"}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			results, failed := importPaths(t, o, filepath.Join(ref, tt.file))
			if len(failed) > 0 {
				t.Fatalf("%v", failed[0].Err)
			}
			checkResult(t, results[0], tt.want)
			if len(results[0].Pages[0].Findings) == 0 && strings.Contains(tt.file, "seeds") {
				t.Errorf("the seed page's lint defects were not reported")
			}
		})
	}
}

// TestImportNeverRefuses imports pages the template cannot say: each gives
// a valid partner file whose regenerated page keeps every partner fact, and
// what the template cannot say is kept as written at its place.
func TestImportNeverRefuses(t *testing.T) {
	t.Parallel()
	o := testOptions(t)
	tests := []struct {
		name, path, page string
		kept             []string // in the regenerated page
		notInFile        string   // must not be in the partner file
	}{
		{"no name anywhere", "apps/acme-pos/en/connect-hubrise.md", "# Hello\n\nSome text about **Acme**.\n",
			[]string{"Some text about **Acme**."}, ""},
		{"no e-mail, so no support sections", "p-en.md", "---\nmeta:\n  title: Connect | Acme | HubRise\n---\n\n## Connect Acme\n\n1. In the Acme back office, click **Apps**.\n1. Click **Link**. You are redirected to HubRise.\n",
			[]string{"**Apps**", "**Link**"}, "support:"},
		{"no button: the connect section kept as written", "p-en.md", "## Connect Acme\n\n1. Do something.\n\n## Contact Acme Support {#contact}\n\nWrite to a@acme.example.\n",
			[]string{"1. Do something.", "a@acme.example"}, ""},
		{"a partner image in give-access", "acme-en.md", "## Connect Acme\n\nOnly the Acme support team can connect it.\n\n## Grant Access to Acme Support {#give-access}\n\n1. Add `a@acme.example`.\n   ![Acme's own screen](./images/001-acme.png)\n\n## Contact Acme Support {#contact}\n\nWrite to a@acme.example.\n",
			[]string{"./images/001-acme.png"}, ""},
		{"no headings at all", "apps/dinó/fr/connect-hubrise.md", "---\nmeta:\n  title: Connexion | Dinó | HubRise\n---\n\nBientôt, vous pourrez connecter Dinó vous-même.\n\nEn attendant, écrivez à aide@dino.example.\n",
			[]string{"Bientôt, vous pourrez connecter Dinó vous-même.", "aide@dino.example"}, ""},
		// an autolink used to panic: the import read its address without the page's text
		{"an e-mail autolink in contact", "apps/foo/en/connect-hubrise.md", "---\nmeta:\n  title: Connect | Foo | HubRise\n---\n\n## Connect Foo\n\nAsk support.\n\n## Contact Foo Support {#contact}\n\nWrite to <help@foo.example>.\n",
			[]string{"help@foo.example"}, ""},
		// a meta title with an empty part used to panic
		{"an empty part in the meta title", "apps/foo/en/connect-hubrise.md", "---\nmeta:\n  title: Connect to HubRise | | HubRise\n---\n\n## Connect Foo\n\nAsk support at help@foo.example.\n",
			[]string{"help@foo.example"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			results, failed := Import([]Page{{Path: tt.path, Data: []byte(tt.page)}}, o)
			if len(failed) > 0 || len(results) != 1 {
				t.Fatalf("refused: %v", failed)
			}
			res := results[0]
			var rep bytes.Buffer
			res.Write(&rep, true)
			if !res.OK() {
				t.Fatalf("import not clean:\n%s\n%s", rep.String(), res.YAML)
			}
			for _, k := range tt.kept {
				if !bytes.Contains(res.Regenerated[0].Content, []byte(k)) {
					t.Errorf("regenerated page lacks %q:\n%s\n%s", k, res.Regenerated[0].Content, res.YAML)
				}
			}
			if tt.notInFile != "" && bytes.Contains(res.YAML, []byte(tt.notInFile)) {
				t.Errorf("partner file has %q:\n%s", tt.notInFile, res.YAML)
			}
		})
	}
}
