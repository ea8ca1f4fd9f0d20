// Package synth makes synthetic partner files for benchmarks: every
// connection mode, both languages, some with an extra section.
package synth

import "fmt"

// Partner returns the YAML of synthetic partner number i.
func Partner(i int) []byte {
	modes := []string{"back-office", "support", "either"}
	mode := modes[i%3]
	body := fmt.Sprintf("name: Partner %05d\npublisher: Maker %d\nkind: %s\nsupport:\n  email: help%d@partner%05d.example\nconnection:\n  mode: %s\n",
		i, i, []string{"epos", "ordering", "delivery", "other"}[i%4], i, i, mode)
	if mode != "support" {
		body += fmt.Sprintf("  menu:\n    en: [Settings, Integrations, HubRise %d]\n    fr: [Réglages, Intégrations, HubRise %d]\n  button: {en: Connect, fr: Connecter}\ndisconnect:\n  button: {en: Disconnect, fr: Déconnecter}\n", i, i)
	}
	if i%10 == 0 {
		body += "sections:\n  - after: connect\n    anchor: test-orders\n    title: {en: Test Orders, fr: Tester les commandes}\n    body: {en: \"Send a **test order** and check it.\", fr: \"Passez une **commande test** et vérifiez-la.\"}\n"
	}
	return []byte(body)
}

// FileName is the file name of synthetic partner number i.
func FileName(i int) string { return fmt.Sprintf("partner-%05d.yaml", i) }
