package scaffold

import (
	"strings"

	"github.com/partnerpages/partnerpages/scaffold/lint"
)

// LintOptions builds the lint rules' options from the template set's
// platform facts (support e-mail, site domains) and an optional content tree.
func (in Inputs) LintOptions(siteDir string) (lint.Options, error) {
	o := lint.DefaultOptions()
	set, err := in.LoadTemplates()
	if err != nil {
		return o, err
	}
	o.PlatformEmails = []string{strings.ToLower(set.Site.SupportEmail)}
	o.PlatformName = set.Site.Name
	o.UI = map[string]map[string]string{}
	for _, l := range set.Languages() {
		o.UI[l] = set.Site.UILabels(l)
	}
	if len(set.Site.Domains) > 0 {
		o.SiteHosts = set.Site.Domains
	}
	if siteDir != "" {
		site, err := lint.LoadSite(siteDir)
		if err != nil {
			return o, err
		}
		o.Site = site
	}
	return o, nil
}
