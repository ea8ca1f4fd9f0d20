package partner

import (
	"testing"
)

// TestEditorKeepsWhatItDoesNotTouch edits one language's step and adds a
// per-language step text: every other line of the file, its comments,
// blank lines, flow lists and spelling, is the original's.
func TestEditorKeepsWhatItDoesNotTouch(t *testing.T) {
	t.Parallel()
	src := `# Octopus Caisse: connected from its back office.
name: Octopus Caisse   # as the publisher spells it
languages: [en, fr]

support:
  email: Support@Octopus-Caisse.FR

connection:
  mode: back-office
  menu: [Réglages, Connecteurs]   # same in both languages
  button: HubRise
  # before the button
  steps_before_button: [Pick the venue.]
disconnect:
  button: {en: Disconnect, fr: Déconnecter}
`
	for _, c := range []struct {
		name string
		edit func(e *Editor) error
		want string
	}{
		{"a step of one language", func(e *Editor) error {
			l, err := e.ListIn([]string{"connection", "steps_before_button"}, "fr")
			if err != nil {
				return err
			}
			l.Set(0, "Choisissez l'établissement.")
			return nil
		}, `# Octopus Caisse: connected from its back office.
name: Octopus Caisse   # as the publisher spells it
languages: [en, fr]

support:
  email: Support@Octopus-Caisse.FR

connection:
  mode: back-office
  menu: [Réglages, Connecteurs]   # same in both languages
  button: HubRise
  # before the button
  steps_before_button:
    en: [Pick the venue.]
    fr: [Choisissez l'établissement.]
disconnect:
  button: {en: Disconnect, fr: Déconnecter}
`},
		{"a step added where there were none", func(e *Editor) error {
			l, err := e.ListIn([]string{"disconnect", "extra_steps"}, "fr")
			if err != nil {
				return err
			}
			l.Insert(0, "Fermez la caisse.")
			return e.Set([]string{"step_text", "fr", "menu"}, "Ouvrez **Réglages**.")
		}, `# Octopus Caisse: connected from its back office.
name: Octopus Caisse   # as the publisher spells it
languages: [en, fr]

support:
  email: Support@Octopus-Caisse.FR

connection:
  mode: back-office
  menu: [Réglages, Connecteurs]   # same in both languages
  button: HubRise
  # before the button
  steps_before_button: [Pick the venue.]
disconnect:
  button: {en: Disconnect, fr: Déconnecter}
  extra_steps:
    en: []
    fr: [Fermez la caisse.]
step_text:
  fr:
    menu: Ouvrez **Réglages**.
`},
		{"one language's text of a flow mapping", func(e *Editor) error {
			return e.SetIn([]string{"disconnect", "button"}, "fr", "Déconnecter HubRise")
		}, "DISCONNECT"},
	} {
		e, err := NewEditor([]byte(src), []string{"en", "fr"})
		if err != nil {
			t.Fatal(err)
		}
		if err := c.edit(e); err != nil {
			t.Fatal(err)
		}
		got, err := e.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		want := c.want
		if want == "DISCONNECT" {
			want = src[:len(src)-len("  button: {en: Disconnect, fr: Déconnecter}\n")] + "  button: {en: Disconnect, fr: Déconnecter HubRise}\n"
		}
		if string(got) != want {
			t.Errorf("%s:\n--- got:\n%s--- want:\n%s", c.name, got, want)
		}
	}
}
