package appimport

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/partnerpages/partnerpages/scaffold/appspage"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
)

// Folder is one app folder to read: its files by language.
type Folder struct {
	Slug           string
	Overviews      map[string][]byte           // lang → overview.md
	Customizations map[string][]byte           // lang → customization.yaml
	Entries        map[string][]appspage.Entry // lang → its entries on that language's Apps page
}

// Result is an app folder, read.
type Result struct {
	App   *partner.App
	Name  partner.Text // the name the overview gives the app (its meta title), for a folder without a connect page
	Langs []string     // the languages it has an overview in
	Notes []string     // what reading changed or could not keep as a value, for the writer
}

// Options are what reading needs besides the files.
type Options struct {
	Set  *render.Set
	Name partner.Text // the partner's name when its connect page was read; zero: from the overview
	// Connect is whether the partner's connect page says how it connects
	// from its mode (the template writes its connect section): then the
	// overview's connection line is the templates'; else it is kept as
	// written (app.connection_line).
	Connect bool
}

// Read reads an app folder into an app: block.
func Read(f Folder, o Options) (*Result, error) {
	res := &Result{App: &partner.App{}}
	pages := map[string]*overview{}
	for _, lang := range o.Set.Languages() {
		src, ok := f.Overviews[lang]
		if !ok {
			continue
		}
		ov, err := readOverview(f.Slug+"/"+lang+"/overview.md", lang, src, o.Set.Site.Typography[lang] == render.TypographyFrench)
		if err != nil {
			return nil, fmt.Errorf("%s/%s/overview.md: %w", f.Slug, lang, err)
		}
		pages[lang] = ov
		res.Langs = append(res.Langs, lang)
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("%s: no overview.md in any language of the template set", f.Slug)
	}
	name := o.Name
	if !name.Present() && name.ByLang == nil && name.Value.Value == "" {
		name = nameOf(pages, res.Langs)
	}
	if name.ByLang == nil && name.Value.Value == "" { // else the menu's name
		by := map[string]string{}
		for _, l := range res.Langs {
			var c struct {
				Name string `yaml:"name"`
			}
			if yaml.Unmarshal(f.Customizations[l], &c) == nil && c.Name != "" {
				by[l] = c.Name
			}
		}
		if len(by) == len(res.Langs) {
			name = partner.TextOf(res.Langs, by)
		}
	}
	r := &reader{res: res, set: o.Set, langs: res.Langs, name: name, connect: o.Connect, pages: pages}
	r.frontMatter()
	r.customization(f.Customizations)
	r.body()
	r.listings(f.Entries)
	res.Name = name
	return res, nil
}

// reader builds one app: block from the pages of every language.
type reader struct {
	res     *Result
	set     *render.Set
	langs   []string
	name    partner.Text
	connect bool
	pages   map[string]*overview
}

func (r *reader) note(format string, args ...any) {
	r.res.Notes = append(r.res.Notes, fmt.Sprintf(format, args...))
}

// text is a value per language, one value when they agree; languages
// with no value are left out.
func (r *reader) text(of func(lang string) string) partner.Text {
	by := map[string]string{}
	for _, l := range r.langs {
		by[l] = of(l)
	}
	return partner.SomeOf(r.langs, by)
}

var metaTitle = regexp.MustCompile(`^(Overview|Présentation générale|Aperçu) \| +(.+?) +\| HubRise$`)

// nameOf is the app's name as its overviews' meta titles give it.
func nameOf(pages map[string]*overview, langs []string) partner.Text {
	by := map[string]string{}
	for _, l := range langs {
		if m := metaTitle.FindStringSubmatch(pages[l].meta.title); m != nil {
			by[l] = m[2]
		}
	}
	if len(by) < len(langs) {
		return partner.Text{}
	}
	return partner.TextOf(langs, by)
}

func (r *reader) frontMatter() {
	a := r.res.App
	info := func(key string) partner.Text { return r.text(func(l string) string { return r.pages[l].info[key] }) }
	a.Availability, a.PriceRange, a.Website, a.Contact = info("availability"), info("price_range"), info("website"), info("contact")
	for _, l := range r.langs {
		if pg := r.pages[l]; pg.hasGallery {
			a.Gallery = partner.Scalars(pg.gallery)
			a.GalleryPos = partner.Pos{Line: 1}
			break
		}
	}
	// the meta text the template writes stays the template's
	a.Meta.Title = r.text(func(l string) string {
		t := r.pages[l].meta.title
		if m := metaTitle.FindStringSubmatch(t); m != nil && m[2] == r.name.In(l) {
			return ""
		}
		return t
	})
	a.Meta.Description = r.text(func(l string) string {
		d := r.pages[l].meta.description
		if platformMeta.MatchString(d) {
			return ""
		}
		return d
	})
}

// platformMeta is the meta description the platform's template gives every
// overview, in its versions.
var platformMeta = regexp.MustCompile(`^(.+ overview, reasons for connecting it to HubRise and summary of integrated features\.( Synchroni[sz]e data between your \S+ and your (other )?apps\.)?` +
	`|Aperçu de .+, raisons de le connecter à HubRise et résumé des fonctionnalités intégrées\.( Synchronisez les données entre votre .+ et vos (autres )?applications\.)?` +
	`|What .+ does, what connecting it to HubRise brings and the features of the integration\.` +
	`|Ce que fait .+, ce que sa connexion à HubRise vous apporte et les fonctionnalités de l'intégration\.)$`)

func (r *reader) customization(files map[string][]byte) {
	a := r.res.App
	a.Title = r.text(func(l string) string {
		var c struct {
			Name string `yaml:"name"`
		}
		if yaml.Unmarshal(files[l], &c) != nil || c.Name == r.name.In(l) || !utf8.ValidString(c.Name) {
			return ""
		}
		return c.Name
	})
}

// category is the id of the Apps page category titled title in lang, by
// the site's titles (case and a final s aside).
func (r *reader) category(title, lang string) (string, bool) {
	norm := func(s string) string { return strings.TrimSuffix(strings.ToLower(strings.TrimSpace(s)), "s") }
	for _, c := range r.set.Site.Categories {
		for _, l := range []string{lang, "en", "fr"} {
			if t := c.Title[l]; t != "" && norm(t) == norm(title) {
				return c.ID, true
			}
		}
	}
	return "", false
}

func (r *reader) listings(entries map[string][]appspage.Entry) {
	a := r.res.App
	first := r.langs[0]
	// the categories: where the Apps page lists the app, else the overview's
	for _, e := range entries[first] {
		if id, ok := r.category(e.Category, first); ok && !slices.ContainsFunc(a.Categories, func(s partner.Scalar) bool { return s.Value == id }) {
			a.Categories = append(a.Categories, partner.Scalar{Value: id})
		}
	}
	if len(a.Categories) == 0 {
		for _, l := range r.langs {
			if id, ok := r.category(r.pages[l].info["category"], l); ok {
				a.Categories = []partner.Scalar{{Value: id}}
				break
			}
		}
	}
	if len(a.Categories) == 0 {
		a.Categories = []partner.Scalar{{Value: "other-apps"}}
		r.note("category %q is not one of the Apps page's; it is now other-apps (choose one in app.category)", r.pages[first].info["category"])
	}
	if len(entries[first]) == 0 {
		if len(entries) > 0 { // the site has an Apps page, which does not list the app
			a.Listings = []partner.Listing{}
		}
		return
	}
	main := entries[first][0]
	a.Logo = partner.Scalar{Value: main.Logo}
	a.Summary = r.text(func(l string) string {
		return entryField(entries[l], 0, func(e appspage.Entry) string { return e.Description })
	})
	a.AdditionalInfo = r.text(func(l string) string {
		return entryField(entries[l], 0, func(e appspage.Entry) string { return e.AdditionalInfo })
	})
	// what the app's own fields make must be what the Apps page lists:
	// else the entries are listed one by one, with what differs
	got, want := map[string][]appspage.Entry{}, entries
	probe := &partner.Partner{Slug: partner.Scalar{Value: ""}, Name: r.name, App: a}
	for _, l := range r.langs {
		got[l] = r.entries(probe, l)
	}
	same := true
	for _, l := range r.langs {
		same = same && equalEntries(got[l], want[l])
	}
	if same {
		return
	}
	n := 0
	for _, l := range r.langs {
		n = max(n, len(want[l]))
	}
	for i := range n {
		ls := partner.Listing{}
		ls.Title = r.text(func(l string) string { return entryField(want[l], i, func(e appspage.Entry) string { return e.Title }) })
		ls.Website = r.text(func(l string) string {
			return entryField(want[l], i, func(e appspage.Entry) string { return e.Website })
		})
		ls.Summary = r.text(func(l string) string {
			return entryField(want[l], i, func(e appspage.Entry) string { return e.Description })
		})
		ls.AdditionalInfo = r.text(func(l string) string {
			return entryField(want[l], i, func(e appspage.Entry) string { return e.AdditionalInfo })
		})
		if i < len(want[first]) {
			ls.Logo = partner.Scalar{Value: want[first][i].Logo}
			if id, ok := r.category(want[first][i].Category, first); ok {
				ls.Category = partner.Scalar{Value: id}
			}
		}
		a.Listings = append(a.Listings, ls)
	}
}

// entries are the Apps page entries p's app: block makes in lang, with no
// documentation link (compared apart from it).
func (r *reader) entries(p *partner.Partner, lang string) []appspage.Entry {
	var out []appspage.Entry
	for _, l := range p.App.Entries(p.Name) {
		c, _ := r.set.Site.Category(l.Category.Value)
		out = append(out, appspage.Entry{Category: c.Title[lang], Website: l.Website.In(lang), Logo: l.Logo.Value,
			Title: cmp.Or(l.Title.In(lang), p.Name.In(lang)), Description: l.Summary.In(lang), AdditionalInfo: l.AdditionalInfo.In(lang)})
	}
	return out
}

func equalEntries(a, b []appspage.Entry) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		x.Documentation, y.Documentation = "", ""
		if x != y {
			return false
		}
	}
	return true
}

func entryField(es []appspage.Entry, i int, f func(appspage.Entry) string) string {
	if i >= len(es) {
		return ""
	}
	return f(es[i])
}
