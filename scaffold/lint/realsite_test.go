package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeTree writes files (path → content) under a new folder.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, content := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// miniSite is a content tree laid out as the real site is, written for
// these tests: doc pages, app pages, app FAQ pages, localized slugs.
func miniSite(t *testing.T) *Site {
	t.Helper()
	fm := func(title, override, metaName string) string {
		s := "---\ntitle: " + title + "\n"
		if override != "" {
			s += "path_override: " + override + "\n"
		}
		if metaName != "" {
			s += "meta:\n  title: Connect | " + metaName + " | HubRise\n"
		}
		return s + "---\n\n"
	}
	root := writeTree(t, map[string]string{
		"docs/en/locations.md":                    fm("Locations", "", "") + "## Name and ID {#location-name-and-id}\n",
		"docs/fr/locations.md":                    fm("Points de vente", "points-de-vente", "") + "## Nom et identifiant {#location-name-and-id}\n",
		"docs/faqs/en/reset-password.md":          fm("Reset", "", "") + "## Steps {#steps}\n",
		"apps/tabla/en/connect-hubrise.md":        fm("Connect to HubRise", "connect-hubrise", "Tabla") + "## Connect Tabla {#connect}\n",
		"apps/tabla/fr/connect-hubrise.md":        fm("Connexion à HubRise", "connexion-hubrise", "Tabla") + "## Connecter Tabla {#connect}\n",
		"apps/tabla/faqs/en/auto-accept.md":       fm("Auto-accept", "auto-accept", "") + "## Turn It On {#turn-on}\n",
		"apps/tabla/faqs/fr/auto-accept.md":       fm("Acceptation", "acceptation-automatique", "") + "## L'activer {#turn-on}\n",
		"apps/plato/en/connect-hubrise.md":        fm("Connect to HubRise", "connect-hubrise", "Plato") + "## Connect Plato\n",
		"apps/plato/faqs/en/sync-menus-faster.md": fm("Sync", "sync-menus", "") + "## Why\n",
		"apps/tabla/en/overview.md":               fm("Overview", "/", "Tabla"),
		"apps/tabla/en/terminology.md":            fm("Terminology", "", ""),
	})
	s, err := LoadSite(root)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestNoFalseFindingsOnRealPageForms holds, in our own words, each kind of
// finding that lint used to raise on the real site although the page was
// right. Each case must give no finding of its rule.
func TestNoFalseFindingsOnRealPageForms(t *testing.T) {
	t.Parallel()
	site := miniSite(t)
	const connectEN = "---\ntitle: Connect to HubRise\nposition: 2\nlayout: documentation\nmeta:\n  title: Connect to HubRise | Tabla | HubRise\n  description: Connect Tabla.\n---\n\n"
	const connectFR = "---\ntitle: Connexion à HubRise\nposition: 2\nlayout: documentation\nmeta:\n  title: Connexion à HubRise | Tabla | HubRise\n  description: Connecter Tabla.\n---\n\n"
	cases := []struct {
		name, path, page, rule string
	}{
		{"English connect page named connect-hubrise.md needs no path_override", "apps/tabla/en/connect-hubrise.md", connectEN + "## Connect Tabla\n", RuleFrontMatter},
		{"French connect page named connexion-hubrise.md needs no path_override", "apps/tabla/fr/connexion-hubrise.md", connectFR + "## Connecter Tabla\n", RuleFrontMatter},
		{"link to an app's FAQ page", "apps/tabla/en/connect-hubrise.md", connectEN + "See [auto-accept](/apps/tabla/faqs/auto-accept#turn-on).\n", RuleLinkTarget},
		{"link to the site's FAQ page", "apps/tabla/en/connect-hubrise.md", connectEN + "See [this FAQ](/docs/faqs/reset-password#steps).\n", RuleLinkTarget},
		{"link to an app's FAQ list", "apps/tabla/en/connect-hubrise.md", connectEN + "See [the FAQs](/apps/tabla/faqs).\n", RuleLinkTarget},
		{"link to an FAQ by its English path_override", "apps/tabla/en/connect-hubrise.md", connectEN + "See [sync](/apps/plato/faqs/sync-menus).\n", RuleLinkTarget},
		{"link to a custom heading id of another language's page", "apps/tabla/fr/connect-hubrise.md", connectFR + "Voir [l'activer](/apps/tabla/faqs/auto-accept#turn-on).\n", RuleLinkTarget},
		{"heading naming the product and HubRise", "apps/tabla/en/connect-hubrise.md", connectEN + "## Connect Tabla to HubRise\n", RuleNameMismatch},
		{"heading naming the product's bridge", "apps/tabla/en/connect-hubrise.md", connectEN + "## Connect Tabla Bridge\n", RuleNameMismatch},
		{"sub-route heading from the platform", "apps/tabla/en/connect-hubrise.md", connectEN + "## Connect Tabla\n\n### Connect From the HubRise Back Office\n", RuleNameMismatch},
		{"heading about other apps", "apps/tabla/en/connect-hubrise.md", connectEN + "## Connect Tabla\n\n## Connect Other Apps\n", RuleNameMismatch},
		{"disconnecting the platform", "apps/tabla/en/connect-hubrise.md", connectEN + "## Disconnect HubRise\n", RuleNameMismatch},
		{"meta title naming the product with its maker", "apps/tabla/en/connect-hubrise.md", strings.Replace(connectEN, "| Tabla |", "| Tabla by Mesa Labs |", 1) + "## Connect Tabla\n\n## Disconnect Tabla\n", RuleNameMismatch},
		{"an FAQ listing options", "apps/tabla/faqs/en/find-id.md", "---\ntitle: Find Your ID\n---\n\nOption 1: open the app.\n\nOption 2: ask support.\n", RuleVariantMarker},
		{"a terminology page", "apps/tabla/en/terminology.md", "---\ntitle: Terminology\nposition: 5\n---\n\n## Order\n", RuleFrontMatter},
		{"an overview page with the platform's old screens", "apps/tabla/en/overview.md", "---\ntitle: Overview\n---\n\nPick **Manager** in the list of roles.\n", RuleOutdatedUI},
		{"a bridge app named for the product it bridges", "apps/plato-bridge/en/connect-hubrise.md", strings.ReplaceAll(connectEN, "Tabla", "Plato") + "## Connect Plato\n", RuleNameMismatch},
		{"a description naming the product and another app", "apps/tabla/en/connect-hubrise.md", strings.Replace(connectEN, "Connect Tabla.", "Send Plato orders to Tabla.", 1) + "## Connect Tabla\n", RuleNameMismatch},
		{"a link to another app's FAQ", "apps/tabla/en/connect-hubrise.md", connectEN + "See [Plato's FAQ](/apps/plato/faqs/sync-menus).\n", RuleAnchor},
		{"stage headings counting from 1", "apps/tabla/en/connect-hubrise.md", connectEN + "## 1. Install the Bridge\n\n## 2. Connect Tabla\n\n### 2.1 Test\n", RuleStepNumbering},
		{"an escaped backtick", "apps/tabla/en/connect-hubrise.md", connectEN + "Type a \\` before the code.\n", RuleCodeSpan},
		{"a backtick inside a longer code span", "apps/tabla/en/connect-hubrise.md", connectEN + "Type ``a ` b`` as shown.\n", RuleCodeSpan},
		{"a backtick in a fenced block", "apps/tabla/en/connect-hubrise.md", connectEN + "```\nrun `this\n```\n", RuleCodeSpan},
		{"a name of the same letters in another order, not next to each other", "apps/tabla/en/connect-hubrise.md", connectEN + "## Connect Tabla\n\nOpen Bltaa.\n", RuleNameMismatch},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := DefaultOptions()
			o.Site = site
			for _, f := range Check(Parse(c.path, []byte(c.page)), o) {
				if f.Rule == c.rule {
					t.Errorf("false finding: %s", f)
				}
			}
		})
	}
}

// TestRealDefectClasses holds the defects lint used to miss, in our own
// words; each fails without its rule.
func TestRealDefectClasses(t *testing.T) {
	t.Parallel()
	site := miniSite(t)
	const connectEN = "---\ntitle: Connect to HubRise\nposition: 2\nlayout: documentation\nmeta:\n  title: Connect to HubRise | Tabla | HubRise\n  description: Connect Tabla.\n---\n\n"
	const connectFR = "---\ntitle: Connexion à HubRise\npath_override: connexion-hubrise\nposition: 2\nlayout: documentation\nmeta:\n  title: Connexion à HubRise | Tabla | HubRise\n  description: Connecter Tabla.\n---\n\n"
	cases := []struct {
		name, path, page, rule string
		line                   int
		msg                    string
	}{
		{"French connect page named in English, no path_override", "apps/tabla/fr/connect-hubrise.md", strings.Replace(connectFR, "path_override: connexion-hubrise\n", "", 1), RuleFrontMatter, 1, "connexion-hubrise"},
		{"unfinished prose", "apps/tabla/fr/connect-hubrise.md", connectFR + "## Connecter Tabla\n\nPour connecter Tabla, il faut ...\n", RulePlaceholder, 13, `"..."`},
		{"TODO in an FAQ", "apps/tabla/faqs/en/x.md", "---\ntitle: X\n---\n\nTODO explain the sync.\n", RulePlaceholder, 5, "TODO"},
		{"a disconnect heading with the connect id", "apps/tabla/en/connect-hubrise.md", connectEN + "## Connect Tabla\n\n## Disconnect Tabla {#connect}\n", RuleAnchor, 12, "{#connect} names the connect section"},
		{"a link with no scheme", "apps/tabla/en/connect-hubrise.md", connectEN + "Visit [their site](www.tabla.example/signup).\n", RuleLinkForm, 10, "https://www.tabla.example/signup"},
		{"a bare domain", "apps/tabla/en/connect-hubrise.md", connectEN + "Visit [their site](tabla.example).\n", RuleLinkForm, 10, "has no scheme"},
		{"a heading naming another partner of the site", "apps/tabla/en/connect-hubrise.md", connectEN + "## Connect Tabla\n\n## Disconnect Tabla\n\n## Contact Plato Support\n", RuleNameMismatch, 14, "another partner"},
		{"a localized slug in a link to an FAQ", "apps/tabla/fr/connect-hubrise.md", connectFR + "Voir [ici](/apps/tabla/faqs/acceptation-automatique).\n", RuleLinkTarget, 11, "/apps/tabla/faqs/auto-accept"},
		{"elision of the partner's name", "apps/tabla/fr/connect-hubrise.md", strings.ReplaceAll(connectFR, "Tabla", "Orka") + "## Contacter le support de Orka {#contact}\n", RuleElision, 11, "d'Orka"},
		{"elision in an overview's description", "apps/orka/fr/overview.md", "---\ntitle: Présentation\nmeta:\n  description: Les atouts de Orka.\n---\n", RuleElision, 4, "meta.description"},
		{"a meta description naming another app", "apps/tabla/en/connect-hubrise.md", strings.Replace(connectEN, "Connect Tabla.", "Plato sends its orders through HubRise.", 1) + "## Connect Tabla\n", RuleNameMismatch, 7, `meta.description names "Plato" (apps/plato)`},
		{"a page naming another app's product throughout", "apps/tabla/en/connect-hubrise.md", strings.ReplaceAll(connectEN, "Tabla", "Plato") + "## Connect Plato\n\n## Disconnect Plato\n", RuleNameMismatch, 6, "copied from there"},
		{"a link into another app's give-access section", "apps/tabla/en/connect-hubrise.md", connectEN + "## Connect Tabla\n\n1. Give access, see [Give Access](/apps/plato/connect-hubrise#give-access).\n", RuleAnchor, 12, "write (#give-access)"},
		{"the name misspelt once, two letters swapped", "apps/tabla/en/connect-hubrise.md", connectEN + "## Connect Tabla\n\n1. Open Talba and go to **Settings**.\n", RuleNameMismatch, 12, `"Talba" looks like a misspelling of the product name "Tabla"`},
		{"stage headings starting at 2", "apps/tabla/en/connect-hubrise.md", connectEN + "## 2. Install the Bridge\n\n## 3. Connect Tabla\n", RuleStepNumbering, 10, "first numbered heading is 2"},
		{"stage headings skipping one", "apps/tabla/en/connect-hubrise.md", connectEN + "## 1. Install the Bridge\n\n## 3. Connect Tabla\n", RuleStepNumbering, 12, "numbered 3 where 2 was expected"},
		{"an unclosed backtick around an e-mail", "apps/tabla/en/connect-hubrise.md", connectEN + "## Contact Tabla Support {#contact}\n\nWrite to `help@tabla.example for help.\n", RuleCodeSpan, 12, "never closes"},
		{"the older give-access button in English", "apps/tabla/en/connect-hubrise.md", connectEN + "## Give Access to Tabla Support {#give-access}\n\n1. Click **Edit permissions** and choose the access.\n", RuleOutdatedUI, 12, "**Edit permissions**"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := DefaultOptions()
			o.Site = site
			fs := Check(Parse(c.path, []byte(c.page)), o)
			for _, f := range fs {
				if f.Rule == c.rule && f.Line == c.line && strings.Contains(f.Message, c.msg) {
					return
				}
			}
			t.Errorf("want %s on line %d with %q, got:\n%s", c.rule, c.line, c.msg, lines(fs))
		})
	}
}
