package render

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/templates"
)

// copySet copies the embedded template set into a map file system, with
// edit applied to site.yaml.
func copySet(t *testing.T, edit func(string) string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(templates.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(templates.FS, p)
		if p == SiteFile {
			data = []byte(edit(string(data)))
		}
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestOneUILabelEditReachesEveryPageOfItsLanguage renames one platform
// button in site.yaml and renders every test partner: each French page
// says the new label and none the old one, and no English page changes.
func TestOneUILabelEditReachesEveryPageOfItsLanguage(t *testing.T) {
	t.Parallel()
	const old, renamed = "fr: \"Ajouter l'utilisateur\"", "fr: Inviter le partenaire"
	base, err := Load(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	edited, err := Load(copySet(t, func(s string) string {
		if !strings.Contains(s, old) {
			t.Fatalf("site.yaml has no %s", old)
		}
		return strings.Replace(s, old, renamed, 1)
	}))
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/partners/*.yaml")
	files = append(files, "../../partners/qwenta.yaml", "../../partners/wiipos.yaml")
	fr := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		p, errs := partner.Parse(file, data)
		if len(errs) == 0 {
			errs = partner.Resolve(p, base.Languages())
		}
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		before, err1 := base.Render(p)
		after, err2 := edited.Render(p)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		for i := range after {
			page, was := string(after[i].Content), string(before[i].Content)
			switch after[i].Lang {
			case "fr":
				if !strings.Contains(was, "Ajouter l'utilisateur") {
					continue // a page without a give-access section
				}
				fr++
				if !strings.Contains(page, "**Inviter le partenaire**") || strings.Contains(page, "Ajouter l'utilisateur") {
					t.Errorf("%s fr: the renamed label did not reach the page", file)
				}
				if strings.Replace(page, "Inviter le partenaire", "Ajouter l'utilisateur", -1) != was {
					t.Errorf("%s fr: more than the label changed", file)
				}
			default:
				if page != was {
					t.Errorf("%s %s: a French label edit changed this page", file, after[i].Lang)
				}
			}
		}
	}
	if fr < 5 {
		t.Fatalf("only %d French pages rendered", fr)
	}
}
