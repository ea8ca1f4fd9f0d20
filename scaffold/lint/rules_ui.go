package lint

import (
	"github.com/partnerpages/partnerpages/scaffold/page"

	"fmt"
	"regexp"
	"strings"
)

var (
	// roleContextRe finds a role being picked or a permission being given.
	roleContextRe = func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\b(r[oô]les?|permissions?|drop-?down|d[ée]roulante|access|accès)\b`)
	}()
	// plusIconRe finds the old UI's "+" button that added a user.
	plusIconRe = func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\bplus icon\b|\+ icon\b|\bic[oô]ne (\+|plus|«\s*\+\s*»)`)
	}()
	// userContextRe finds a user or permission being added.
	userContextRe = regexp.MustCompile(`(?i)\b(users?|utilisateurs?|permissions?)\b`)
	// editPermissionsRe finds the old UI's button, in French and English.
	editPermissionsRe = func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\b(modifier les permissions|edit permissions)\b`)
	}()
)

// outdatedUI finds a page that describes the platform's old give-access UI:
// the Manager role picked from a list, the + icon that added the user, or
// the "Edit permissions" ("Modifier les permissions") button. Its steps no longer match what
// readers see, so the page names the current steps (from the template set's
// UI labels) as the fix.
func (c *checker) outdatedUI() {
	for i := range c.p.Blocks {
		b := &c.p.Blocks[i]
		labels := c.p.Labels(b.Node)
		var what string
		switch {
		case hasLabel(labels, "Manager") && roleContextRe.MatchString(b.Text):
			what = "the **Manager** role picked from a list"
		case (plusIconRe.MatchString(b.Text) || hasLabel(labels, "+")) && userContextRe.MatchString(b.Text):
			what = "the **+** icon that added the user"
		case editPermissionsRe.MatchString(b.Text):
			what = "the **" + editPermissionsRe.FindStringSubmatch(b.Text)[1] + "** button"
		default:
			continue
		}
		c.addSeverity(c.p.PosIn(b, 0), RuleOutdatedUI, SeverityWarning, fmt.Sprintf(
			"describes the platform's old give-access steps (%s); the platform now reads: %s", what, c.currentGiveAccess()))
		return // one finding per page: the procedure is rewritten as a whole
	}
}

// currentGiveAccess names the platform's current give-access steps in the
// page's language, from the template set's UI labels.
func (c *checker) currentGiveAccess() string {
	lang := page.LangOf(c.p.Path)
	ui := c.o.UI[lang]
	if ui == nil {
		ui = c.o.UI["en"]
	}
	get := func(name string) string { return "**" + ui[name] + "**" }
	if ui == nil {
		return "open the settings, enter the e-mail in the permissions section, add the user and give it the technical partner role"
	}
	return strings.Join([]string{get("settings"), get("permissions"), "e-mail", get("add_user"), get("technical_partner"), get("set_permissions")}, " > ")
}

func hasLabel(labels []string, want string) bool {
	for _, l := range labels {
		if l == want {
			return true
		}
	}
	return false
}
