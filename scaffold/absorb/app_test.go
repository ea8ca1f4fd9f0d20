package absorb

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/partnerpages/partnerpages/scaffold/appspage"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
)

// appFixture is the test partner with a whole app folder, its file and
// its pages.
func appFixture(t *testing.T) (*render.Set, *partner.Partner, []byte, map[string]render.Output) {
	t.Helper()
	set, ps := absorbFixtures(t)
	for _, p := range ps {
		if p.Slug.Value != "folio" {
			continue
		}
		src, err := os.ReadFile(p.File)
		if err != nil {
			t.Fatal(err)
		}
		outs, err := set.Render(p)
		if err != nil {
			t.Fatal(err)
		}
		pages := map[string]render.Output{}
		for _, o := range outs {
			pages[o.Lang+"/"+o.Name] = o
		}
		return set, p, src, pages
	}
	t.Fatal("no folio partner")
	return nil, nil, nil, nil
}

func TestAbsorbAppFolderReadsTheRenderingBack(t *testing.T) {
	set, ps := absorbFixtures(t)
	n := 0
	for _, p := range ps {
		if p.App == nil {
			continue
		}
		n++
		src, _ := os.ReadFile(p.File)
		got, _, err := App(set, p, src, AppEdits{Files: map[string]map[string][]byte{}, Entries: map[string][]appspage.Entry{}})
		if err != nil {
			t.Fatalf("%s: %v", p.File, err)
		}
		if !bytes.Equal(got, src) {
			t.Errorf("%s: reading its own pages back changes the file:\n%s", p.File, got)
		}
	}
	if n == 0 {
		t.Fatal("no partner with app:")
	}
}

func TestAbsorbAppFolder(t *testing.T) {
	set, p, src, pages := appFixture(t)
	replace := func(key, old, new string) map[string]map[string][]byte {
		lang, name, _ := strings.Cut(key, "/")
		c := string(pages[key].Content)
		if !strings.Contains(c, old) {
			t.Fatalf("%s has no %q", key, old)
		}
		return map[string]map[string][]byte{lang: {name: []byte(strings.Replace(c, old, new, 1))}}
	}
	entries, _ := set.Listings(p, "en")
	longer := append([]appspage.Entry(nil), entries...)
	longer[0].Description = "Folio is a till for cafés."
	tests := []struct {
		name   string
		edits  AppEdits
		want   []string // lines the new file has
		absent []string // lines it no longer has
	}{
		{"a word of the description", AppEdits{Files: replace("en/overview.md", "small cafés and bakeries. It", "small cafés, bakeries and bars. It")},
			[]string{"      Folio is a till for small cafés, bakeries and bars. It runs"}, nil},
		{"a platform feature added", AppEdits{Files: replace("fr/overview.md", "- Synchroniser l'inventaire avec HubRise.\n", "- Synchroniser l'inventaire avec HubRise.\n- Synchroniser l'heure de livraison finale avec HubRise.\n")},
			[]string{"    - {feature: sync-delivery-time, languages: [fr]}"}, nil},
		{"the menu's name", AppEdits{Files: replace("en/customization.yaml", "name: Folio", "name: Folio Till")},
			[]string{"  title:", "    en: Folio Till"}, nil},
		{"a notice removed", AppEdits{Files: replace("en/overview.md", "---\n\n**IMPORTANT NOTE:** The full documentation of this integration is coming soon.\n\n---\n\n", "")},
			[]string{"    - kind: doc-soon\n      languages: [fr]"}, []string{"    - doc-soon"}},
		{"the Apps page description", AppEdits{Entries: map[string][]appspage.Entry{"en": longer}},
			[]string{"    en: Folio is a till for cafés."}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, q, err := App(set, p, src, tt.edits)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(got), w) {
					t.Errorf("the file has no line %q:\n%s", w, got)
				}
			}
			for _, w := range tt.absent {
				if strings.Contains(string(got), w+"\n") {
					t.Errorf("the file still has %q:\n%s", w, got)
				}
			}
			// the connect pages and the other language are as before
			outs, _ := set.Render(q)
			for _, o := range outs {
				if _, edited := tt.edits.Files[o.Lang][o.Name]; edited {
					continue
				}
				if !bytes.Equal(o.Content, pages[o.Lang+"/"+o.Name].Content) {
					t.Errorf("%s/%s changed:\n%s", o.Lang, o.Name, firstDifference(pages[o.Lang+"/"+o.Name].Content, o.Content))
				}
			}
			if !strings.Contains(string(got), "# Folio: an EPOS with its whole app folder") {
				t.Errorf("the file's comments are gone:\n%s", got)
			}
		})
	}
}
