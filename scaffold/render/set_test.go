package render

import (
	"strings"
	"testing"
	"testing/fstest"
)

const site = "name: HubRise\nsupport_email: support@hubrise.com\nsignup_url: https://example.com/signup\nlinks: {get-started: /docs/get-started}\n"

func TestLoadRefusesUnsafeOrBrokenSets(t *testing.T) {
	t.Parallel()
	for name, tt := range map[string]struct {
		fs   fstest.MapFS
		want string
	}{
		"hidden page name":            {fstest.MapFS{"site.yaml": {Data: []byte(site)}, "en/.evil.md.tmpl": {Data: []byte("x")}}, "not a safe page file name"},
		"bad language dir":            {fstest.MapFS{"site.yaml": {Data: []byte(site)}, "English/p.md.tmpl": {Data: []byte("x")}}, "language code"},
		"no site.yaml":                {fstest.MapFS{"en/p.md.tmpl": {Data: []byte("x")}}, "site.yaml"},
		"unknown site key":            {fstest.MapFS{"site.yaml": {Data: []byte(site + "colour: red\n")}, "en/p.md.tmpl": {Data: []byte("x")}}, "colour"},
		"absolute link":               {fstest.MapFS{"site.yaml": {Data: []byte(strings.Replace(site, "/docs/get-started", "https://www.hubrise.com/docs/get-started", 1))}, "en/p.md.tmpl": {Data: []byte("x")}}, "root-relative"},
		"parse error":                 {fstest.MapFS{"site.yaml": {Data: []byte(site)}, "en/p.md.tmpl": {Data: []byte("{{if}}")}}, "en/p.md.tmpl"},
		"no pages":                    {fstest.MapFS{"site.yaml": {Data: []byte(site)}, "en/_partial.tmpl": {Data: []byte("x")}}, "no language folder"},
		"ui label missing a language": {fstest.MapFS{"site.yaml": {Data: []byte(site + "ui: {add_user: {en: Add User}}\n")}, "en/p.md.tmpl": {Data: []byte("x")}, "fr/p.md.tmpl": {Data: []byte("x")}}, `ui.add_user: no "fr" label`},
		"ui label name":               {fstest.MapFS{"site.yaml": {Data: []byte(site + "ui: {Add-User: {en: Add User}}\n")}, "en/p.md.tmpl": {Data: []byte("x")}}, "ui.Add-User: a label name"},
		"unknown typography":          {fstest.MapFS{"site.yaml": {Data: []byte(site + "typography: {fr: swiss}\n")}, "en/p.md.tmpl": {Data: []byte("x")}}, `typography.fr: unknown rule "swiss"`},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Load(tt.fs)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("want an error containing %q, got %v", tt.want, err)
			}
		})
	}
}
