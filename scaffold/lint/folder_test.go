package lint

import (
	"bufio"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// writeFolder writes an app folder (content/apps/<slug>) and the Apps pages
// from files: path below content/ → text.
func writeFolder(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, text := range files {
		path := filepath.Join(root, "content", p)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(root, "content", "apps")
}

func writePNG(t *testing.T, path string, w, h int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
}

func overviewPage(title, name, category, contact, description, features, connected string) string {
	return fmt.Sprintf("---\ntitle: %s\npath_override: \"/\"\nposition: 1\nlayout: documentation\nmeta:\n  title: %s | %s | HubRise\n  description: About %s.\ngallery:\n  - __gallery-001.png\n  - __gallery-002.png\napp_info:\n  category: %s\n  contact: %s\n---\n\n## Description\n\n%s\n\n## Integration Features\n\nWith it:\n\n%s\n\n%s\n",
		title, title, name, name, category, contact, description, features, connected)
}

var appsPage = "content:\n  categories:\n    - title: %s\n      apps:\n        - website: https://kiwi.example\n          documentation: %s\n          logo: kiwi.png\n          title: %s\n          description: %s\n    - title: %s\n      apps:\n"

// words is n words of text.
func words(n int) string { return strings.TrimSpace(strings.Repeat("word ", n)) }

func TestAppFolderRules(t *testing.T) {
	good := map[string]string{
		"apps/kiwi/en/overview.md":        overviewPage("Overview", "Kiwi", "Point of Sales", "sales@kiwi.example", words(160), "- Pull orders from HubRise.\n- Push the menu into a HubRise catalog.", "Kiwi can be connected to HubRise from the Kiwi back office."),
		"apps/kiwi/fr/overview.md":        overviewPage("Présentation générale", "Kiwi", "Logiciels de caisse", "sales@kiwi.example", words(170), "- Recevoir les commandes de HubRise.\n- Envoyer un catalogue à HubRise.", "Kiwi peut être connecté à HubRise depuis le back-office de Kiwi."),
		"apps/kiwi/en/customization.yaml": "name: Kiwi\npath_override: kiwi\nlogo: __logo.png\n",
		"apps/kiwi/fr/customization.yaml": "name: Kiwi\npath_override: kiwi\nlogo: __logo.png\n",
		"apps/kiwi/en/connect-hubrise.md": "---\ntitle: Connect to HubRise\npath_override: connect-hubrise\nmeta:\n  title: Connect to HubRise | Kiwi | HubRise\n---\n\n## Connect Kiwi\n\nLog in to your Kiwi back office.\n",
		"en/apps.yaml":                    fmt.Sprintf(appsPage, "Point of Sales", "/apps/kiwi", "Kiwi", words(32), "Other Apps"),
		"fr/apps.yaml":                    fmt.Sprintf(appsPage, "Logiciels de caisse", "/fr/apps/kiwi", "Kiwi", words(40), "Autres applications"),
	}
	with := func(path, old, new string) map[string]string {
		out := map[string]string{}
		for k, v := range good {
			out[k] = v
		}
		if !strings.Contains(out[path], old) {
			t.Fatalf("%s has no %q", path, old)
		}
		out[path] = strings.Replace(out[path], old, new, 1)
		return out
	}
	tests := []struct {
		name  string
		files map[string]string
		rule  string // "" for none
		in    string // the message holds it
	}{
		{"a clean folder", good, "", ""},
		{"a name spelled two ways", with("apps/kiwi/fr/customization.yaml", "name: Kiwi", "name: KIWI"), RuleAppName, `"KIWI"`},
		{"a name of other words", with("apps/kiwi/fr/customization.yaml", "name: Kiwi", "name: Kiwi Bridge"), "", ""},
		{"a connection through support, said from the back office",
			with("apps/kiwi/en/connect-hubrise.md", "Log in to your Kiwi back office.", "Only the Kiwi support team can connect Kiwi to HubRise."), RuleAppConnection, "only through its support team"},
		{"a connection from HubRise's app list, said from the back office",
			with("apps/kiwi/en/connect-hubrise.md", "Log in to your Kiwi back office.", "In **CONNECTIONS**, click **View available apps**, then Kiwi."), RuleAppConnection, "app list"},
		{"features pulled in one language, pushed in the other",
			with("apps/kiwi/fr/overview.md", "Recevoir les commandes de HubRise.", "Envoyer les commandes à HubRise."), RuleAppFeatures, "pulls orders"},
		{"a contact mistyped in one language", with("apps/kiwi/fr/overview.md", "contact: sales@kiwi.example", "contact: sales@kiwii.example"), RuleAppContact, "sales@kiwii.example"},
		{"another contact in another language", with("apps/kiwi/fr/overview.md", "contact: sales@kiwi.example", "contact: ventes@kiwi.example"), "", ""},
		{"a category off the Apps page", with("apps/kiwi/en/overview.md", "category: Point of Sales", "category: Point of Sale"), RuleAppCategory, `"Point of Sale"`},
		{"a short description", with("apps/kiwi/en/overview.md", words(160), words(40)), RuleAppDescription, "40 words"},
		{"a long Apps page description", with("en/apps.yaml", words(32), words(60)), RuleAppDescription, "60 words"},
		{"a short French translation is not the brief's", with("apps/kiwi/fr/overview.md", words(170), words(90)), "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			apps := writeFolder(t, tt.files)
			fs := Folders([]string{apps}, DefaultOptions())
			if tt.rule == "" {
				if len(fs) > 0 {
					t.Fatalf("findings on a folder without the defect: %v", fs)
				}
				return
			}
			if !slices.ContainsFunc(fs, func(f Finding) bool { return f.Rule == tt.rule && strings.Contains(f.Message, tt.in) }) {
				t.Fatalf("no %s finding that says %q: %v", tt.rule, tt.in, fs)
			}
		})
	}
}

func TestAppFolderImages(t *testing.T) {
	apps := writeFolder(t, map[string]string{
		"apps/kiwi/en/overview.md":        overviewPage("Overview", "Kiwi", "Point of Sales", "a@kiwi.example", words(160), "- Pull orders from HubRise.", ""),
		"apps/kiwi/en/customization.yaml": "name: Kiwi\n",
	})
	dir := filepath.Join(apps, "kiwi", "en")
	writePNG(t, filepath.Join(dir, "__gallery-001.png"), 1600, 1000)
	writePNG(t, filepath.Join(dir, "__gallery-002.png"), 1600, 1000)
	writePNG(t, filepath.Join(dir, "__logo.png"), 250, 130)
	if fs := Folders([]string{apps}, DefaultOptions()); len(fs) > 0 {
		t.Fatalf("findings on images of the brief: %v", fs)
	}
	writePNG(t, filepath.Join(dir, "__gallery-002.png"), 1000, 1000)
	writePNG(t, filepath.Join(dir, "__logo.png"), 500, 500)
	fs := Folders([]string{apps}, DefaultOptions())
	var msgs []string
	for _, f := range fs {
		msgs = append(msgs, f.Message)
	}
	all := strings.Join(msgs, "\n")
	if !strings.Contains(all, "__gallery-002.png is 1000×1000") || !strings.Contains(all, "the logo is 500×500") || len(fs) != 2 {
		t.Fatalf("findings: %v", fs)
	}
}

// TestAppFolderRulesOnTheReferenceSite runs the folder rules on the copy
// of the platform's site: every finding is one a reader checked
// (testdata/app-folder-reviewed.txt), and every reviewed one is found.
func TestAppFolderRulesOnTheReferenceSite(t *testing.T) {
	t.Parallel()
	content := filepath.Join("..", "..", "..", "shared", "reference", "site", "content")
	if _, err := os.Stat(content); err != nil {
		t.Skip("no ../shared/reference/site beside the project")
	}
	fs, err := Run(context.Background(), []string{filepath.Join(content, "apps")}, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	reviewed := map[string]bool{}
	f, err := os.Open("testdata/app-folder-reviewed.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for sc := bufio.NewScanner(f); sc.Scan(); {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			reviewed[line] = true
		}
	}
	found := map[string]bool{}
	byRule := map[string]int{}
	for _, f := range fs {
		if !strings.HasPrefix(f.Rule, "app-") {
			continue
		}
		byRule[f.Rule]++
		rel, _ := filepath.Rel(content, f.Path)
		key := filepath.ToSlash(rel) + " " + strconv.Itoa(f.Line) + " " + f.Rule + " " + f.Message
		found[key] = true
		if !reviewed[key] {
			t.Errorf("an app folder finding nobody has read: %s", key)
		}
	}
	for key := range reviewed {
		if !found[key] {
			t.Errorf("a reviewed finding is no longer found: %s", key)
		}
	}
	t.Logf("APP FOLDER FINDINGS: %v", byRule)
}
