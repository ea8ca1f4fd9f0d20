package render_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
	"github.com/partnerpages/partnerpages/templates"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenSources are the partner folders whose pages are kept as golden files:
// the test fixtures (every mode, both languages, hostile text) and the
// partners the project ships.
var goldenSources = []string{"testdata/partners", "../../partners"}

func loadSet(t testing.TB) *render.Set {
	t.Helper()
	set, err := render.Load(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func loadPartners(t testing.TB, set *render.Set, dir string) []*partner.Partner {
	t.Helper()
	ps, errs := partner.LoadDir(os.DirFS(dir), dir, set.Languages())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return ps
}

func TestGolden(t *testing.T) {
	t.Parallel()
	set := loadSet(t)
	seen := 0
	for _, dir := range goldenSources {
		for _, p := range loadPartners(t, set, dir) {
			outs, err := set.Render(p)
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range outs {
				seen++
				golden := filepath.Join("testdata", "golden", p.Slug.Value, o.Lang, o.Name)
				if *update {
					if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(golden, o.Content, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test ./scaffold/render -update to create it)", err)
				}
				if !bytes.Equal(want, o.Content) {
					t.Errorf("%s differs from the rendered page; if the change is intended, run go test ./scaffold/render -update and review the diff.\n--- got:\n%s", golden, o.Content)
				}
			}
		}
	}
	if seen < 9 {
		t.Errorf("rendered %d pages, want at least 9 (4 fixtures in en and fr, plus the shipped partners)", seen)
	}
}

// unescaped matches s where its first character is not backslash-escaped.
func unescaped(s string) *regexp.Regexp {
	return regexp.MustCompile(`(^|[^\\])` + regexp.QuoteMeta(s))
}

// frontMatter parses a page's front matter.
func frontMatter(t *testing.T, page []byte) map[string]any {
	t.Helper()
	parts := strings.SplitN(string(page), "---\n", 3)
	if len(parts) != 3 || parts[0] != "" {
		t.Fatalf("page does not start with front matter:\n%s", page)
	}
	var fm map[string]any
	if err := yaml.Unmarshal([]byte(parts[1]), &fm); err != nil {
		t.Fatalf("front matter is not valid YAML: %v\n%s", err, parts[1])
	}
	return fm
}

func TestOutputContract(t *testing.T) {
	t.Parallel()
	set := loadSet(t)
	for _, dir := range goldenSources {
		for _, p := range loadPartners(t, set, dir) {
			outs, err := set.Render(p)
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range outs {
				if o.Name != render.ConnectPage && !strings.HasPrefix(o.Name, "conn") {
					continue // the app folder's pages: TestAppFolderContract
				}
				page := string(o.Content)
				name := p.Name.In(o.Lang)
				fm := frontMatter(t, o.Content)
				wantPath := map[string]string{"en": "connect-hubrise", "fr": "connexion-hubrise"}[o.Lang]
				if fm["path_override"] != wantPath || fm["layout"] != "documentation" || fm["position"] != 2 {
					t.Errorf("%s/%s: front matter %v", p.Slug.Value, o.Lang, fm)
				}
				meta, _ := fm["meta"].(map[string]any)
				if title, _ := meta["title"].(string); !strings.HasSuffix(title, " | "+name+" | HubRise") {
					t.Errorf("%s/%s: meta.title %q does not read back the exact name %q", p.Slug.Value, o.Lang, title, name)
				}
				if d, _ := meta["description"].(string); !strings.Contains(d, name) {
					t.Errorf("%s/%s: meta.description %q lacks the name", p.Slug.Value, o.Lang, d)
				}
				if p.Page != nil {
					continue // schema v2: the partner file sets the sections (TestGolden covers them)
				}
				// sections in order, with the custom anchors
				give := strings.Index(page, "{#give-access}\n")
				contact := strings.Index(page, "{#contact}\n")
				connect := strings.Index(page, "\n## ")
				if !(connect > 0 && connect < give && give < contact) {
					t.Errorf("%s/%s: sections out of order (connect %d, give-access %d, contact %d)", p.Slug.Value, o.Lang, connect, give, contact)
				}
				for _, link := range []string{"(/docs/permissions)", "(/docs/locations#location-name-and-id)"} {
					if !strings.Contains(page, link) {
						t.Errorf("%s/%s: missing link %s", p.Slug.Value, o.Lang, link)
					}
				}
				if !strings.Contains(page, p.Email.Value) {
					t.Errorf("%s/%s: missing the support e-mail", p.Slug.Value, o.Lang)
				}
				body := strings.SplitN(page, "---\n", 3)[2]
				for _, bad := range []*regexp.Regexp{unescaped("<!--"), unescaped("{{"),
					regexp.MustCompile(`SOLUTION|-- OR --|-- OU --|hubrise\.com/[a-z]{2}/docs|\]\(docs/`)} {
					if loc := bad.FindStringIndex(body); loc != nil {
						t.Errorf("%s/%s: page body contains %q", p.Slug.Value, o.Lang, body[loc[0]:loc[1]])
					}
				}
			}
		}
	}
}

// TestAppFolderContract holds the overview and customization files to
// what the site reads: the overview's front matter, the category as the
// Apps page names it in that language, and the customization fields.
func TestAppFolderContract(t *testing.T) {
	t.Parallel()
	set := loadSet(t)
	seen := 0
	for _, dir := range goldenSources {
		for _, p := range loadPartners(t, set, dir) {
			outs, err := set.Render(p)
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range outs {
				where := p.Slug.Value + "/" + o.Lang + "/" + o.Name
				switch o.Name {
				case "overview.md":
					seen++
					fm := frontMatter(t, o.Content)
					if fm["path_override"] != "/" || fm["layout"] != "documentation" || fm["position"] != 1 {
						t.Errorf("%s: front matter %v", where, fm)
					}
					meta, _ := fm["meta"].(map[string]any)
					if title, _ := meta["title"].(string); !strings.HasSuffix(title, " | "+p.Name.In(o.Lang)+" | HubRise") {
						t.Errorf("%s: meta.title %q", where, title)
					}
					info, _ := fm["app_info"].(map[string]any)
					c, _ := set.Site.Category(p.App.Categories[0].Value)
					if info["category"] != c.Title[o.Lang] || c.Title[o.Lang] == "" {
						t.Errorf("%s: app_info.category %v, want %q", where, info["category"], c.Title[o.Lang])
					}
					if strings.Count(string(o.Content), "\n## ") == 0 && strings.Contains(string(o.Content), "<Link href=") {
						continue // a stub: the notice that the documentation is in another language
					}
					for _, h := range map[string][]string{"en": {"## Description", "## Integration Features", "## Why Connect?", "## Prerequisites"},
						"fr": {"## Description", "## Fonctionnalités de l'intégration", "## Pourquoi se connecter", "## Prérequis"}}[o.Lang] {
						if !strings.Contains(string(o.Content), "\n"+h) {
							t.Errorf("%s: no %q section", where, h)
						}
					}
				case "customization.yaml":
					var c map[string]any
					if err := yaml.Unmarshal(o.Content, &c); err != nil {
						t.Fatalf("%s: %v", where, err)
					}
					if c["path_override"] != p.Slug.Value || c["logo"] != "__logo.png" || c["name"] == "" {
						t.Errorf("%s: %v", where, c)
					}
				}
			}
		}
	}
	if seen == 0 {
		t.Fatal("no partner of the golden sources has an app: block")
	}
}
