package appimport

import (
	"testing"

	"github.com/partnerpages/partnerpages/scaffold/partner"
)

// FuzzRead: whatever overview and customization a folder holds, reading it
// never panics, and what it reads is a partner file that decodes; when that
// file validates (else import reports its problems, by field), it renders.
func FuzzRead(f *testing.F) {
	set := loadSet(f)
	f.Add([]byte("---\ntitle: Overview\nmeta:\n  title: Overview | Kiwi | HubRise\napp_info:\n  category: Point of Sales\n---\n\n## Description\n\nKiwi.\n\n## Integration Features\n\nWith Kiwi:\n\n- Pull orders from HubRise.\n- Own words.\n\n---\n\n**IMPORTANT NOTE:** Soon.\n\n---\n"), []byte("name: Kiwi\n"))
	f.Add([]byte("---\n---\n## Why Connect?\n\nA [x](/apps) HubRise.\n"), []byte("name: K\n"))
	f.Fuzz(func(t *testing.T, overview, custom []byte) {
		folder := Folder{Slug: "kiwi", Overviews: map[string][]byte{"en": overview, "fr": overview}, Customizations: map[string][]byte{"en": custom}}
		res, err := Read(folder, Options{Set: set, Name: partner.Text{Value: partner.Scalar{Value: "Kiwi"}}})
		if err != nil {
			return
		}
		yml, err := partner.Encode(&partner.Partner{Name: partner.Text{Value: partner.Scalar{Value: "Kiwi"}}, Slug: partner.Scalar{Value: "kiwi"}, Languages: partner.Scalars(res.Langs), App: res.App}, partner.Comments{})
		if err != nil {
			t.Fatal(err)
		}
		p, errs := partner.Parse("kiwi.yaml", yml)
		if len(errs) > 0 {
			t.Fatalf("what reading gives does not decode: %v\n%s", errs, yml)
		}
		if errs := partner.Resolve(p, set.Languages()); len(errs) > 0 {
			return // text the partner file refuses (a control character…): import says where
		}
		if _, err := set.Render(p); err != nil {
			t.Fatalf("what reading gives does not render: %v\n%s", err, yml)
		}
	})
}
