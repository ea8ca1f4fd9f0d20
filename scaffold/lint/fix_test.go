package lint

import (
	"strings"
	"testing"
)

// fixable is a French connect page, written for this test, with one of each
// defect that has exactly one right fix.
const fixable = `---
title: Connexion à HubRise
position: 2
layout: documentation
meta:
  title: Connexion à HubRise | Orka | HubRise
  description: Connecter Orka à HubRise.
---

## Connecter Orka

1. Dans le back-office de Orka, ouvrez **Réglages**.
2. Cliquez sur **Lier**.
2. Cliquez sur **Autoriser**.

## Déconnecter Orka

Voir [Bloquer une application](https://www.hubrise.com/fr/docs/connections#block-or-disconnect).
`

func TestFixMendsWhatHasOneRightFix(t *testing.T) {
	t.Parallel()
	o := DefaultOptions()
	before := Check(Parse("apps/orka/fr/connect-hubrise.md", []byte(fixable)), o)
	rules := map[string]bool{}
	for _, f := range before {
		rules[f.Rule] = true
	}
	for _, r := range []string{RuleElision, RuleStepNumbering, RuleFrontMatter, RuleLinkForm} {
		if !rules[r] {
			t.Fatalf("the test page has no %s defect: %v", r, before)
		}
	}
	fixed, changes := Fix(Parse("apps/orka/fr/connect-hubrise.md", []byte(fixable)), o)
	if after := Check(Parse("apps/orka/fr/connect-hubrise.md", fixed), o); len(after) > 0 {
		t.Errorf("still there after --fix:\n%s\n%s", lines(after), fixed)
	}
	for _, want := range []string{"path_override: connexion-hubrise\nposition: 2", "1. Dans le back-office d'Orka, ouvrez **Réglages**.\n1. Cliquez sur **Lier**.\n1. Cliquez sur **Autoriser**.", "(/docs/connections#block-or-disconnect)"} {
		if !strings.Contains(string(fixed), want) {
			t.Errorf("fixed page lacks %q:\n%s", want, fixed)
		}
	}
	if len(changes) != 5 {
		t.Errorf("changes: %v", changes)
	}
	// nothing else changes: the fixed page less the fixes is the original
	again, more := Fix(Parse("apps/orka/fr/connect-hubrise.md", fixed), o)
	if string(again) != string(fixed) || len(more) > 0 {
		t.Errorf("a second --fix changed more: %v", more)
	}
}

// TestFixLocalizedSlug: with the site map, a link written with a French
// path_override becomes the English path the site rewrites per language.
func TestFixLocalizedSlug(t *testing.T) {
	t.Parallel()
	o := DefaultOptions()
	o.Site = miniSite(t)
	src := strings.Replace(fixable, "(https://www.hubrise.com/fr/docs/connections#block-or-disconnect)", "(/docs/points-de-vente#location-name-and-id)", 1)
	fixed, changes := Fix(Parse("apps/orka/fr/connect-hubrise.md", []byte(src)), o)
	if !strings.Contains(string(fixed), "(/docs/locations#location-name-and-id)") {
		t.Errorf("the localized slug was not fixed: %v\n%s", changes, fixed)
	}
	for _, f := range Check(Parse("apps/orka/fr/connect-hubrise.md", fixed), o) {
		t.Errorf("after --fix: %s", f)
	}
}
