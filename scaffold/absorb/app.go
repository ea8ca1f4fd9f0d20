package absorb

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/partnerpages/partnerpages/scaffold/appimport"
	"github.com/partnerpages/partnerpages/scaffold/appspage"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
)

// AppEdits are hand edits of a partner's app folder: its overview and
// customization files by language and file name, and its Apps page entries
// by language, as they are on the pages.
type AppEdits struct {
	Files   map[string]map[string][]byte // lang → file name → content
	Entries map[string][]appspage.Entry  // lang → entries
}

// empty reports whether there is no edit.
func (e AppEdits) empty() bool { return len(e.Files) == 0 && len(e.Entries) == 0 }

// App takes the hand edits of p's app folder back into its partner file
// yml: the folder is read again as import reads it, with the edited files
// and entries in place of what the file renders, and the app: block is
// replaced by what the reading gives. The result renders every edited file
// and entry as edited; otherwise it is an error that says where.
func App(set *render.Set, p *partner.Partner, yml []byte, edits AppEdits) ([]byte, *partner.Partner, error) {
	if p.App == nil {
		return nil, nil, fmt.Errorf("%w: %s has no app: block", ErrCannot, p.File)
	}
	outs, err := set.Render(p)
	if err != nil {
		return nil, nil, err
	}
	f := appimport.Folder{Slug: p.Slug.Value, Overviews: map[string][]byte{}, Customizations: map[string][]byte{}, Entries: map[string][]appspage.Entry{}}
	for _, o := range outs {
		content := o.Content
		if e, ok := edits.Files[o.Lang][o.Name]; ok {
			content = render.Tidy(e)
		}
		switch o.Name {
		case "overview.md":
			f.Overviews[o.Lang] = content
		case "customization.yaml":
			f.Customizations[o.Lang] = content
		}
	}
	for _, lang := range p.AppLangs() {
		es, ok := edits.Entries[lang]
		if !ok {
			if es, err = set.Listings(p, lang); err != nil {
				return nil, nil, err
			}
		}
		f.Entries[lang] = es
	}
	res, err := appimport.Read(f, appimport.Options{Set: set, Name: p.Name, Connect: p.HasConnectPage() && p.Uses("connect")})
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrCannot, err)
	}
	res.App.Languages = p.App.Languages
	out, err := appimport.Attach(yml, p.AppLangs(), res.App)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrCannot, err)
	}
	q, errs := partner.Parse(p.File, out)
	if len(errs) == 0 {
		errs = partner.Resolve(q, set.Languages())
	}
	if len(errs) > 0 {
		return nil, nil, fmt.Errorf("%w: the partner file would not validate: %v", ErrCannot, errs)
	}
	q.SHA256 = p.SHA256
	return out, q, verifyApp(set, q, f, edits)
}

// verifyApp checks that q renders each edited file and entry as edited.
func verifyApp(set *render.Set, q *partner.Partner, f appimport.Folder, edits AppEdits) error {
	outs, err := set.Render(q)
	if err != nil {
		return err
	}
	for lang, files := range edits.Files {
		for name := range files {
			want := f.Overviews[lang]
			if name == "customization.yaml" {
				want = f.Customizations[lang]
			}
			i := slices.IndexFunc(outs, func(o render.Output) bool { return o.Lang == lang && o.Name == name })
			if i < 0 {
				return fmt.Errorf("%w: %s/%s would no longer be written", ErrCannot, lang, name)
			}
			if !bytes.Equal(outs[i].Content, want) {
				return fmt.Errorf("%w: %s/%s would come back as %s", ErrCannot, lang, name, firstDifference(want, outs[i].Content))
			}
		}
	}
	for lang, want := range edits.Entries {
		got, err := set.Listings(q, lang)
		if err != nil {
			return err
		}
		if appspage.Hash(undocumented(got)) != appspage.Hash(undocumented(want)) {
			return fmt.Errorf("%w: the %s Apps page entries would come back otherwise (a field the partner file cannot hold: edit app: in the partner file instead)", ErrCannot, lang)
		}
	}
	return nil
}

// undocumented is entries without their documentation links, which the
// tool writes from the slug.
func undocumented(es []appspage.Entry) []appspage.Entry {
	out := slices.Clone(es)
	for i := range out {
		out[i].Documentation = ""
	}
	return out
}
