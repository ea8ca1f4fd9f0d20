package wizard

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/huh"

	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
)

// modeOptions describe each connection mode in one line.
var modeOptions = []huh.Option[string]{
	huh.NewOption("back-office — the restaurant connects it from the partner's back office", partner.ModeBackOffice),
	huh.NewOption("support — only the partner's support team can connect it", partner.ModeSupport),
	huh.NewOption("either — the support team can connect it, or the restaurant does it from the back office", partner.ModeEither),
	huh.NewOption("app-list — the restaurant connects it from the HubRise back office's app list", partner.ModeAppList),
}

var disconnectOptions = []huh.Option[string]{
	huh.NewOption("back-office — from the partner's back office (menu path and button)", partner.DisconnectBackOffice),
	huh.NewOption("hubrise — from the HubRise back office", partner.DisconnectHubRise),
	huh.NewOption("support — by asking the partner's support team", partner.DisconnectSupport),
}

// withoutSupport leaves out of opts the values that need the support
// sections (a page without them has no one to ask), when noSupport is set.
func withoutSupport(opts []huh.Option[string], noSupport bool) []huh.Option[string] {
	if !noSupport {
		return opts
	}
	var out []huh.Option[string]
	for _, o := range opts {
		if o.Value != partner.ModeSupport && o.Value != partner.ModeEither && o.Value != partner.DisconnectSupport {
			out = append(out, o)
		}
	}
	return out
}

var kindOptions = []huh.Option[string]{
	huh.NewOption("epos — a point of sale (EPOS)", "epos"),
	huh.NewOption("ordering — an online ordering solution", "ordering"),
	huh.NewOption("delivery — a delivery platform", "delivery"),
	huh.NewOption("other — any other app", "other"),
}

// step is one group of the form; skip hides it when it does not apply.
type step struct {
	part  string // the part of the form it belongs to, which "Edit the answers" offers
	skip  func(a *Answers) bool
	group func(a *Answers, env *formEnv) *huh.Group
}

// formEnv is what the steps need besides the answers.
type formEnv struct {
	accessible bool
	langs      []string
	categories []render.Category // the Apps page's, from site.yaml
	taken      func(string) bool
	// derivedSlug is the slug last suggested from the name, so that editing
	// the name refreshes a slug the writer did not choose.
	derivedSlug string
}

// input builds a text field bound to v. A prefilled value is kept when the
// writer just presses Enter; accessible mode, which does not show the value
// being edited, names it in the title.
func (env *formEnv) input(title, desc string, v *string, check func(string) error) *huh.Input {
	prefill := strings.TrimSpace(*v)
	if env.accessible && prefill != "" {
		title = fmt.Sprintf("%s [Enter keeps: %s]", title, prefill)
	}
	return huh.NewInput().Title(title).Description(desc).Value(v).Validate(func(s string) error {
		if check == nil {
			return nil
		}
		if strings.TrimSpace(s) == "" && prefill != "" {
			return check(prefill) // Enter keeps the prefilled value, which must be valid too
		}
		return check(s)
	})
}

var steps = []step{
	{part: "The partner", group: func(a *Answers, env *formEnv) *huh.Group {
		return huh.NewGroup(
			env.input("Product name", "As readers know it, e.g. Orderix. It appears in every heading.", &a.Name, CheckName),
		).Title("The partner")
	}},
	{part: "The partner", group: func(a *Answers, env *formEnv) *huh.Group {
		if a.Slug == "" || a.Slug == env.derivedSlug {
			a.Slug = partner.Slugify(a.Name)
			env.derivedSlug = a.Slug
		}
		if a.Kind == "" {
			a.Kind = partner.DefaultKind
		}
		return huh.NewGroup(
			env.input("Slug", fmt.Sprintf("Names the partner file and the output folder. Suggested from the name: %s", partner.Slugify(a.Name)),
				&a.Slug, func(s string) error { return CheckSlug(s, env.taken) }),
			env.input("Publisher (optional)", "The company behind the product, if it has another name (WiiPos is made by Arcsolu).", &a.Publisher, nil),
			huh.NewSelect[string]().Title("Kind").Options(kindOptions...).Value(&a.Kind),
		).Title("The partner")
	}},
	{part: "Support", group: func(a *Answers, env *formEnv) *huh.Group {
		return huh.NewGroup(
			huh.NewConfirm().Title("Leave out the support sections?").
				Description("The page then has no \"give access to support\" or \"contact support\" section, and needs no e-mail: for a partner whose team readers never contact.").
				Affirmative("Leave them out").Negative("Keep them").Value(&a.NoSupport),
		).Title("Support")
	}},
	{part: "Support", skip: func(a *Answers) bool { return a.NoSupport }, group: func(a *Answers, env *formEnv) *huh.Group {
		return huh.NewGroup(
			env.input("Support e-mail", "Readers grant this address access to their account and write to it.", &a.Email, CheckEmail),
		).Title("Support")
	}},
	{part: "Connection", group: func(a *Answers, _ *formEnv) *huh.Group {
		if a.Mode == "" || a.NoSupport && (a.Mode == partner.ModeSupport || a.Mode == partner.ModeEither) {
			a.Mode = partner.ModeBackOffice
		}
		return huh.NewGroup(
			huh.NewSelect[string]().Title("How is the partner connected?").Options(withoutSupport(modeOptions, a.NoSupport)...).Value(&a.Mode),
		).Title("Connection")
	}},
	{part: "Connection", skip: func(a *Answers) bool { return !a.UsesMenu() }, group: func(a *Answers, env *formEnv) *huh.Group {
		return huh.NewGroup(
			env.input("Back-office menu path", "The labels to click, separated by '>', e.g. Settings > Integrations > HubRise.", &a.Menu, CheckMenu),
			env.input("Connect button", "The label of the button that starts the connection.", &a.Button, CheckLabel("connect button")),
		).Title("Connection")
	}},
	{part: "Connection", skip: func(a *Answers) bool { return a.Mode != partner.ModeAppList }, group: func(a *Answers, env *formEnv) *huh.Group {
		return huh.NewGroup(
			env.input("Name in the HubRise app list (optional)", "Leave it empty when the list shows the product name; e.g. Mailchimp Bridge.", &a.App, CheckAppName),
		).Title("Connection")
	}},
	{part: "Disconnection", group: func(a *Answers, _ *formEnv) *huh.Group {
		if a.DisconnectMode == "" || a.NoSupport && a.DisconnectMode == partner.DisconnectSupport {
			a.DisconnectMode = partner.DefaultDisconnectMode(a.Mode)
		}
		return huh.NewGroup(
			huh.NewSelect[string]().Title("Where is the partner disconnected?").Options(withoutSupport(disconnectOptions, a.NoSupport)...).Value(&a.DisconnectMode),
		).Title("Disconnection")
	}},
	{part: "Disconnection", skip: func(a *Answers) bool { return !a.DisconnectUsesMenu() }, group: func(a *Answers, env *formEnv) *huh.Group {
		if strings.TrimSpace(a.DisconnectMenu) == "" {
			a.DisconnectMenu = a.Menu
		}
		return huh.NewGroup(
			env.input("Disconnect menu path", "Labels separated by '>'; prefilled with the connection's path.", &a.DisconnectMenu, CheckMenu),
			env.input("Disconnect button", "The label of the button that removes the connection.", &a.DisconnectButton, CheckLabel("disconnect button")),
		).Title("Disconnection")
	}},
	{part: "Languages", group: func(a *Answers, env *formEnv) *huh.Group {
		if len(a.Languages) == 0 {
			a.Languages = append([]string(nil), env.langs...)
		}
		opts := make([]huh.Option[string], len(env.langs))
		for i, l := range env.langs {
			opts[i] = huh.NewOption(l, l)
		}
		return huh.NewGroup(
			huh.NewMultiSelect[string]().Title(env.multiTitle("Languages")).
				Description("Pages are written in each selected language.").
				Options(opts...).Value(&a.Languages).
				Validate(func(ls []string) error {
					if len(ls) == 0 {
						return fmt.Errorf("select at least one language")
					}
					return nil
				}),
		).Title("Languages")
	}},
	{part: "Labels in each language", skip: func(a *Answers) bool { return len(a.Languages) < 2 || !a.UsesMenu() && !a.DisconnectUsesMenu() },
		group: func(a *Answers, env *formEnv) *huh.Group {
			var fields []huh.Field
			for _, lang := range a.Languages[1:] {
				if a.ByLang == nil {
					a.ByLang = map[string]*Labels{}
				}
				if a.ByLang[lang] == nil {
					l := a.LabelsIn(lang)
					if a.DisconnectFollowsMenu() {
						l.DisconnectMenu = "" // it follows this language's connect menu
					}
					a.ByLang[lang] = &l
				}
				own := a.ByLang[lang]
				desc := fmt.Sprintf("As the back office reads in %s; prefilled with the %s labels (Enter keeps them).", lang, a.Languages[0])
				if a.UsesMenu() {
					fields = append(fields,
						env.input(fmt.Sprintf("Back-office menu path (%s)", lang), desc, &own.Menu, CheckMenu),
						env.input(fmt.Sprintf("Connect button (%s)", lang), desc, &own.Button, CheckLabel("connect button")))
				}
				if a.DisconnectUsesMenu() {
					dmenu, check := desc, CheckMenu
					if a.DisconnectFollowsMenu() {
						dmenu = fmt.Sprintf("Enter: the same path as the connection in %s.", lang)
						check = func(s string) error {
							if strings.TrimSpace(s) == "" {
								return nil
							}
							return CheckMenu(s)
						}
					}
					fields = append(fields,
						env.input(fmt.Sprintf("Disconnect menu path (%s)", lang), dmenu, &own.DisconnectMenu, check),
						env.input(fmt.Sprintf("Disconnect button (%s)", lang), desc, &own.DisconnectButton, CheckLabel("disconnect button")))
				}
			}
			return huh.NewGroup(fields...).Title("Labels in each language")
		}},
}

// multiTitle explains accessible multi-select input, which huh leaves terse.
func (env *formEnv) multiTitle(title string) string {
	if env.accessible {
		return title + " (type a number to toggle it, 0 when done)"
	}
	return title
}

// keyMap makes Esc cancel, as well as Ctrl-C.
func keyMap() *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	// Esc is too near at hand to throw away a filled form: Ctrl-C cancels
	km.Quit = key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "cancel"))
	return km
}
