package render_test

import (
	"bytes"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/partnerpages/partnerpages/scaffold/lint"
	"github.com/partnerpages/partnerpages/scaffold/partner"
)

// FuzzRender renders a partner whose name, labels and extra step are
// arbitrary text, in every mode: every page's front matter must parse back
// to exactly the partner's name, and lint must find no text that breaks MDX
// and no broken front matter or anchors.
func FuzzRender(f *testing.F) {
	for _, s := range []string{"Qwenta", "{{ .Name }}", "<b>x</b>", "a: b # c", "- dash", "\"q\" 'q'", "x|y", `back\slash`, "🍕 مطعم", "*em* [l](u)", "{#give-access}"} {
		f.Add(s, "Réglages", "Connecter", "Step with **bold** and {braces}", uint8(0))
	}
	set := loadSet(f)
	f.Fuzz(func(t *testing.T, name, label, button, step string, mode uint8) {
		doc := map[string]any{
			"name":    name,
			"slug":    "fuzz",
			"support": map[string]any{"email": "help@fuzz.example"},
			"connection": map[string]any{
				"mode": partner.ConnectionModes[int(mode)%len(partner.ConnectionModes)],
			},
			"disconnect": map[string]any{"mode": partner.DisconnectModes[int(mode/3)%3]},
		}
		if c := doc["connection"].(map[string]any); c["mode"] != partner.ModeSupport && c["mode"] != partner.ModeAppList {
			c["menu"] = []string{label, label}
			c["button"] = button
			c["extra_steps"] = []string{step}
		}
		if d := doc["disconnect"].(map[string]any); d["mode"] == partner.DisconnectBackOffice {
			d["menu"] = []string{label}
			d["button"] = button
		}
		data, err := yaml.Marshal(doc)
		if err != nil {
			return
		}
		p, errs := partner.Parse("fuzz.yaml", data)
		if len(errs) == 0 {
			errs = partner.Resolve(p, set.Languages())
		}
		if len(errs) > 0 {
			return // invalid partner text is refused before rendering
		}
		out, err := set.Render(p)
		if err != nil {
			t.Fatal(err)
		}
		name = p.Name.In(p.Langs()[0]) // the name as the partner file gives it
		for _, o := range out {
			page := lint.Parse(o.Lang+"/"+o.Name, o.Content)
			if page.FMErr != nil {
				t.Fatalf("front matter does not parse for name %q: %v\n%s", name, page.FMErr, o.Content)
			}
			if got, _ := page.MetaName(); got != name && !strings.Contains(name, " | ") {
				t.Fatalf("meta.title names %q, want %q", got, name)
			}
			var meta struct {
				Meta struct{ Title string } `yaml:"meta"`
			}
			fm := bytes.SplitN(o.Content, []byte("\n---\n"), 2)[0]
			err := yaml.Unmarshal(bytes.TrimPrefix(fm, []byte("---\n")), &meta)
			// French typography may put a no-break space before a "!" of the name
			title := strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(meta.Meta.Title)
			if err != nil || !titleCarries(title, name) {
				t.Fatalf("meta.title %q does not carry the name %q (%v)", meta.Meta.Title, name, err)
			}
			for _, fd := range lint.Check(page, lint.DefaultOptions()) {
				switch fd.Rule {
				case lint.RuleMDX, lint.RuleFrontMatter, lint.RuleAnchor:
					t.Fatalf("%s\nname %q label %q button %q step %q\n%s", fd, name, label, button, step, o.Content)
				}
			}
		}
	})
}

// titleCarries reports whether a connect page's meta title is the page part,
// the name and the site name, the page part shortened only when the full
// title would pass the 60 characters the style guide allows.
func titleCarries(title, name string) bool {
	for _, parts := range [][2]string{{"Connect to HubRise", "Connect"}, {"Connexion à HubRise", "Connexion"}} {
		full := parts[0] + " | " + name + " | HubRise"
		if title == full {
			return len(full) <= 60
		}
		if title == parts[1]+" | "+name+" | HubRise" {
			return len(full) > 60
		}
	}
	return false
}
