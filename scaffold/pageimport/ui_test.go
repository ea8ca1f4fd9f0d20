package pageimport

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/partnerpages/partnerpages/scaffold/lint"
)

// oldUIPage is a French connect page, written for this test, whose
// give-access steps describe the platform's old UI: the Manager role picked
// from a list, the + icon, the "Modifier les permissions" button.
const oldUIPage = `---
title: Connexion à HubRise
path_override: connexion-hubrise
position: 2
layout: documentation
meta:
  title: Connexion à HubRise | Caissa | HubRise
  description: Connecter Caissa à HubRise.
---

## Connecter Caissa

La connexion ne peut être établie que par l'équipe de support de Caissa.

## Donner accès au support de Caissa {#give-access}

1. Dans le back-office de HubRise, ouvrez **CONFIGURATION**.
1. Dans la section **Permissions**, saisissez aide@caissa.example et choisissez **Manager** dans la liste déroulante des rôles.
1. Cliquez sur l'icône **+** pour ajouter l'utilisateur.
1. Cliquez sur **Modifier les permissions**.

## Contacter le support de Caissa {#contact}

Écrivez à aide@caissa.example, avec support@hubrise.com en copie.

## Déconnecter Caissa

Vous pouvez déconnecter Caissa depuis le back-office de HubRise. Voir [Bloquer ou déconnecter une application](/docs/connections#block-or-disconnect).
`

// TestImportOldUIRegeneratesTheCurrentOne imports a page in the old
// give-access UI: the partner file keeps none of those steps (they are the
// template's), and the regenerated page shows the platform's current labels,
// which lint's outdated-ui rule no longer flags.
func TestImportOldUIRegeneratesTheCurrentOne(t *testing.T) {
	t.Parallel()
	o := testOptions(t)
	before := lint.Check(lint.Parse("apps/caissa/fr/connect-hubrise.md", []byte(oldUIPage)), o.Lint)
	if !hasRule(before, lint.RuleOutdatedUI) {
		t.Fatalf("lint does not see the old UI in the test page: %v", before)
	}
	results, failed := Import([]Page{{Path: "apps/caissa/fr/connect-hubrise.md", Data: []byte(oldUIPage)}}, o)
	if len(failed) > 0 || len(results) != 1 {
		t.Fatalf("import failed: %v", failed)
	}
	res := results[0]
	for _, old := range []string{"Manager", "Modifier les permissions", "**+**"} {
		if bytes.Contains(res.YAML, []byte(old)) {
			t.Errorf("the partner file keeps the old UI's %q:\n%s", old, res.YAML)
		}
	}
	page := string(res.Regenerated[0].Content)
	for _, label := range o.Set.Site.UILabels("fr") {
		if strings.Contains(page, label) {
			continue
		}
		if slices.Contains([]string{"Suivant", "Tous les points de vente", "Autoriser", "CONNEXIONS", "Voir les apps disponibles", "Connecter"}, label) {
			continue // connect-flow and app-list labels: a support-only page has no such steps
		}
		t.Errorf("the regenerated page lacks the current label %q:\n%s", label, page)
	}
	if strings.Contains(page, "Manager") || strings.Contains(page, "Modifier les permissions") {
		t.Errorf("the regenerated page still describes the old UI:\n%s", page)
	}
	after := lint.Check(lint.Parse("apps/caissa/fr/connect-hubrise.md", res.Regenerated[0].Content), o.Lint)
	if len(after) > 0 {
		t.Errorf("the regenerated page has findings: %v", after)
	}
}

func hasRule(fs []lint.Finding, rule string) bool {
	for _, f := range fs {
		if f.Rule == rule {
			return true
		}
	}
	return false
}
