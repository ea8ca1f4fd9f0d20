package partner

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
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
  email: Support@Octopus-Caisse.FR   # as the publisher writes it

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
		}, strings.Replace(src, "  steps_before_button: [Pick the venue.]\n", "  steps_before_button:\n    en: [Pick the venue.]\n    fr: [Choisissez l'établissement.]\n", 1)},
		{"a step added where there were none", func(e *Editor) error {
			l, err := e.ListIn([]string{"disconnect", "extra_steps"}, "fr")
			if err != nil {
				return err
			}
			l.Insert(0, "Fermez la caisse.")
			return e.Set([]string{"step_text", "fr", "menu"}, "Ouvrez **Réglages**.")
		}, src + "  extra_steps:\n    en: []\n    fr: [Fermez la caisse.]\nstep_text:\n  fr:\n    menu: Ouvrez **Réglages**.\n"},
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

// TestEditorWithoutEditIsTheFile: a file with no edit comes back byte for
// byte, for every partner file of the repository and its test data.
func TestEditorWithoutEditIsTheFile(t *testing.T) {
	t.Parallel()
	var files []string
	for _, glob := range []string{"../../partners/*.yaml", "../render/testdata/partners/*.yaml", "testdata/*.yaml"} {
		m, _ := filepath.Glob(glob)
		files = append(files, m...)
	}
	if len(files) < 5 {
		t.Fatalf("only %d partner files found", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		e, err := NewEditor(src, []string{"en", "fr"})
		if err != nil {
			continue // not a mapping: the loader's to explain
		}
		if got, err := e.Bytes(); err != nil || string(got) != string(src) {
			t.Errorf("%s: %v\n--- got:\n%s", f, err, got)
		}
	}
}

// FuzzEditorOneStep edits one item of a list in one language of any
// partner-like file: the result is valid YAML holding the new item there,
// and every other value as it was.
func FuzzEditorOneStep(f *testing.F) {
	f.Add("name: A\nconnection:\n  steps_before_button: [a, b]   # c\n\ndisconnect: {button: X}\n", "new step")
	f.Add("# top\nname: A\n\nconnection: {steps_before_button: {en: [a], fr: [b]}}\n", "x: y")
	f.Fuzz(func(t *testing.T, src, item string) {
		var plain map[string]any
		if yaml.Unmarshal([]byte(src), &plain) != nil {
			return // a file the loader refuses (a key twice)
		}
		e, err := NewEditor([]byte(src), []string{"en", "fr"})
		if err != nil {
			return
		}
		l, err := e.ListIn([]string{"connection", "steps_before_button"}, "fr")
		if err != nil {
			return
		}
		l.Insert(0, item)
		out, err := e.Bytes()
		if err != nil {
			return
		}
		var doc map[string]any
		if err := yaml.Unmarshal(out, &doc); err != nil {
			t.Fatalf("not YAML: %v\n%s", err, out)
		}
		doc, _ = names(doc).(map[string]any)
		plain, _ = names(plain).(map[string]any)
		steps := stepsOf(doc)
		fr, _ := steps["fr"].([]any)
		if len(fr) == 0 || fr[0] != item {
			t.Fatalf("fr's first step is %#v, want %q\n%s", steps["fr"], item, out)
		}
		if !reflect.DeepEqual(withoutSteps(doc), withoutSteps(plain)) {
			t.Fatalf("a value other than the steps changed:\n--- before:\n%s\n--- after:\n%s", src, out)
		}
	})
}

// names makes every mapping of a decoded file keyed by text, as the
// loader reads keys (`0:` is the name "0").
func names(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, x := range v {
			out[k] = names(x)
		}
		return out
	case map[any]any:
		out := map[string]any{}
		for k, x := range v {
			out[fmt.Sprint(k)] = names(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = names(x)
		}
		return out
	}
	return v
}

// stepsOf is connection.steps_before_button of a decoded file, by language.
func stepsOf(doc map[string]any) map[string]any {
	conn, _ := doc["connection"].(map[string]any)
	steps, _ := conn["steps_before_button"].(map[string]any)
	return steps
}

// withoutSteps is a decoded file without connection.steps_before_button;
// an empty connection is no connection (the edit may be what created it).
func withoutSteps(doc map[string]any) map[string]any {
	out := maps.Clone(doc)
	conn, _ := doc["connection"].(map[string]any)
	conn = maps.Clone(conn)
	delete(conn, "steps_before_button")
	if len(conn) > 0 {
		out["connection"] = conn
	} else if doc["connection"] == nil || conn != nil {
		delete(out, "connection")
	}
	return out
}
