package lint

import (
	"strings"
	"testing"
)

func TestOutdatedUI(t *testing.T) {
	t.Parallel()
	ui := map[string]map[string]string{
		"en": {"settings": "SETTINGS", "permissions": "Permissions", "add_user": "Add User", "technical_partner": "Technical Partner", "set_permissions": "Set Permissions"},
		"fr": {"settings": "CONFIGURATION", "permissions": "Permissions", "add_user": "Ajouter l'utilisateur", "technical_partner": "Partenaire technique", "set_permissions": "Définir les permissions"},
	}
	cases := []struct {
		name, path, step string
		flagged          bool
		mentions         string // in the message
	}{
		{"role picked from a list", "apps/x/en/p.md", "1. In **Permissions**, enter `a@b.example` and choose **Manager** in the list of roles.", true, "**Add User**"},
		{"role in code, French", "apps/x/fr/p.md", "1. Dans la section **Permissions**, ajoutez a@b.example avec le rôle `Manager` de la liste déroulante.", true, "**Ajouter l'utilisateur**"},
		{"plus icon adds the user", "apps/x/en/p.md", "1. Click the plus icon to add the user.", true, "the **+** icon"},
		{"bold plus adds the user, French", "apps/x/fr/p.md", "1. Cliquez sur **+** pour ajouter l'utilisateur.", true, "**Partenaire technique**"},
		{"old French button", "apps/x/fr/p.md", "1. Cliquez sur **Modifier les permissions**.", true, "Modifier les permissions"},
		{"French page named -fr", "pages/x-fr.md", "1. Cliquez sur **Modifier les permissions**.", true, "**CONFIGURATION**"},
		{"current steps", "apps/x/en/p.md", "1. Click **Add User**, then pick **Technical Partner**.", false, ""},
		{"a product named Catalog Manager", "apps/x/en/p.md", "1. Open **Catalog Manager** and set the roles.", false, ""},
		{"Manager outside any role", "apps/x/en/p.md", "1. Ask your **Manager** to open the back office.", false, ""},
		{"a partner's own plus button", "apps/x/en/p.md", "1. Click the plus icon to add a product to the menu.", false, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := strings.Replace(cleanPage, "1. Click **Add User**.", c.step, 1)
			var got []Finding
			for _, f := range Check(Parse(c.path, []byte(src)), Options{UI: ui}) {
				if f.Rule == RuleOutdatedUI {
					got = append(got, f)
				}
			}
			if !c.flagged {
				if len(got) > 0 {
					t.Errorf("false finding: %v", got)
				}
				return
			}
			if len(got) != 1 || got[0].Line != 19 || got[0].Severity != SeverityWarning || !strings.Contains(got[0].Message, c.mentions) {
				t.Fatalf("want one warning on line 19 mentioning %q, got %v", c.mentions, got)
			}
			if !strings.Contains(got[0].String(), "outdated-ui: warning: ") {
				t.Errorf("text form: %s", got[0])
			}
		})
	}
}

func TestWarningsDoNotCountAsErrors(t *testing.T) {
	t.Parallel()
	fs := []Finding{{Rule: RuleOutdatedUI, Severity: SeverityWarning}, {Rule: RuleAnchor, Severity: SeverityError}, {Rule: RuleRead}}
	if n := Errors(fs); n != 2 {
		t.Errorf("Errors = %d, want 2", n)
	}
}
