package wizard

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/huh"

	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
)

// AppAnswers are the answers about the rest of the app folder: the Apps
// page entry and the overview.
type AppAnswers struct {
	Category     string // a category id of site.yaml
	Website      string
	Logo         string // the Apps page logo's file name
	Contact      string
	Availability string
	PriceRange   string
	Features     []string          // platform features, "pull-orders +status"
	Summary      map[string]string // by language: the Apps page description
	Description  map[string]string // by language: the overview's Description
}

// The brief's lengths, which the form shows as the writer types.
const (
	summaryWords     = "30 to 35"
	descriptionWords = "150 to 300"
)

// featureOptions are the platform features, with their qualifiers, as the
// form offers them.
func featureOptions() []huh.Option[string] {
	labels := map[string]string{
		"pull-orders": "pull orders from HubRise", "push-orders": "push orders to HubRise",
		"pull-customers": "pull customer details from HubRise", "push-customers": "push customer details to HubRise",
		"pull-catalog": "pull the menu from a HubRise catalog", "push-catalog": "push the menu to a HubRise catalog",
		"sync-inventory": "keep inventory in sync", "sync-delivery-time": "keep the final delivery time in sync",
	}
	quals := map[string]string{"status": "with their status", "loyalty": "loyalty data included"}
	var opts []huh.Option[string]
	for _, k := range partner.FeatureKeys {
		opts = append(opts, huh.NewOption(labels[k], k))
		for _, q := range partner.PlatformFeatures[k] {
			opts = append(opts, huh.NewOption(labels[k]+", "+quals[q], k+" +"+q))
		}
	}
	return opts
}

// categoryOptions are the Apps page's categories, by their title in lang.
func categoryOptions(cats []render.Category, lang string) []huh.Option[string] {
	opts := make([]huh.Option[string], len(cats))
	for i, c := range cats {
		opts[i] = huh.NewOption(c.Title[lang]+" ("+c.ID+")", c.ID)
	}
	return opts
}

// wordCount says how many words s has against the brief's range.
func wordCount(s, brief string) string {
	return fmt.Sprintf("%d words (the brief asks for %s)", len(strings.Fields(s)), brief)
}

var appSteps = []step{
	{part: "App folder", group: func(a *Answers, _ *formEnv) *huh.Group {
		return huh.NewGroup(
			huh.NewConfirm().Title("Write its app folder too?").
				Description("The overview page, the docs menu entry and its entry on the Apps page, from the partner's description and features.").
				Affirmative("Yes").Negative("Connect page only").Value(&a.AppFolder),
		).Title("App folder")
	}},
	{part: "App folder", skip: func(a *Answers) bool { return !a.AppFolder }, group: func(a *Answers, env *formEnv) *huh.Group {
		if a.Folder.Category == "" && len(env.categories) > 0 {
			a.Folder.Category = env.categories[0].ID
		}
		return huh.NewGroup(
			huh.NewSelect[string]().Title("Apps page category").Options(categoryOptions(env.categories, env.langs[0])...).Value(&a.Folder.Category),
			env.input("Website", "The partner's site, e.g. https://orderix.example.", &a.Folder.Website, nil),
			env.input("Logo file (optional)", "The Apps page logo: a 250×130 PNG, e.g. orderix.png.", &a.Folder.Logo, nil),
			env.input("Sales contact (optional)", "An e-mail, a phone number or a contact page.", &a.Folder.Contact, nil),
			env.input("Availability (optional)", "Where it is sold, e.g. France, Belgium.", &a.Folder.Availability, nil),
			env.input("Price range (optional)", "e.g. From 29 € a month.", &a.Folder.PriceRange, nil),
		).Title("App folder")
	}},
	{part: "App folder", skip: func(a *Answers) bool { return !a.AppFolder }, group: func(a *Answers, env *formEnv) *huh.Group {
		return huh.NewGroup(
			huh.NewMultiSelect[string]().Title(env.multiTitle("Integration features")).
				Description("What the integration does; the templates word each one in every language.").
				Options(featureOptions()...).Value(&a.Folder.Features).Height(14),
		).Title("App folder")
	}},
	{part: "App folder", skip: func(a *Answers) bool { return !a.AppFolder }, group: func(a *Answers, env *formEnv) *huh.Group {
		if a.Folder.Summary == nil {
			a.Folder.Summary, a.Folder.Description = map[string]string{}, map[string]string{}
		}
		var fields []huh.Field
		for _, lang := range a.Languages {
			sum, desc := a.Folder.Summary[lang], a.Folder.Description[lang]
			s, d := &sum, &desc
			keep := func(into map[string]string) func(string) error {
				return func(v string) error { into[lang] = strings.TrimSpace(v); return nil } // the answer, once given
			}
			fields = append(fields,
				huh.NewText().Title(fmt.Sprintf("Apps page description (%s)", lang)).Lines(3).Value(s).Validate(keep(a.Folder.Summary)).
					DescriptionFunc(func() string { return wordCount(*s, summaryWords) }, s),
				huh.NewText().Title(fmt.Sprintf("Overview description (%s)", lang)).Lines(8).Value(d).Validate(keep(a.Folder.Description)).
					DescriptionFunc(func() string { return wordCount(*d, descriptionWords) }, d),
			)
		}
		return huh.NewGroup(fields...).Title("App folder: the partner's own text")
	}},
}

// appBlock is the partner file's app: block the answers make; nil without
// an app folder.
func (a *Answers) appBlock() *partner.App {
	if !a.AppFolder {
		return nil
	}
	one := func(s string) partner.Text { return partner.Text{Value: partner.Scalar{Value: strings.TrimSpace(s)}} }
	opt := func(s string) partner.Text {
		if strings.TrimSpace(s) == "" {
			return partner.Text{}
		}
		return one(s)
	}
	byLang := func(m map[string]string) partner.Text { return partner.SomeOf(a.Languages, m) }
	app := &partner.App{
		Categories: []partner.Scalar{{Value: a.Folder.Category}}, Website: opt(a.Folder.Website), Contact: opt(a.Folder.Contact),
		Availability: opt(a.Folder.Availability), PriceRange: opt(a.Folder.PriceRange),
		Summary: byLang(a.Folder.Summary), Description: byLang(a.Folder.Description),
	}
	if l := strings.TrimSpace(a.Folder.Logo); l != "" {
		app.Logo = partner.Scalar{Value: l}
	}
	for _, f := range a.Folder.Features {
		app.Features = append(app.Features, partner.ParseFeature(partner.Scalar{Value: f}))
	}
	return app
}

// checkFolder validates the app folder's answers, named by their flags.
func (a *Answers) checkFolder() []Problem {
	var ps []Problem
	if strings.TrimSpace(a.Folder.Category) == "" {
		ps = append(ps, Problem{"--category", fmt.Errorf("the Apps page category is required with --app-folder")})
	}
	for _, f := range a.Folder.Features {
		ft := partner.ParseFeature(partner.Scalar{Value: f})
		with, ok := partner.PlatformFeatures[ft.Key]
		if !ok {
			ps = append(ps, Problem{"--feature", fmt.Errorf("%q is not a platform feature: %s", f, strings.Join(partner.FeatureKeys, ", "))})
			continue
		}
		for _, q := range ft.With {
			if !slices.Contains(with, q) {
				ps = append(ps, Problem{"--feature", fmt.Errorf("%s does not take +%s", ft.Key, q)})
			}
		}
	}
	for flag, m := range map[string]map[string]string{"--summary": a.Folder.Summary, "--description": a.Folder.Description} {
		for l := range m {
			if !slices.Contains(a.Languages, l) && len(a.Languages) > 0 {
				ps = append(ps, Problem{flag, fmt.Errorf("%s=…: %q is not one of the partner's languages (%s)", l, l, strings.Join(a.Languages, ", "))})
			}
		}
	}
	return ps
}
