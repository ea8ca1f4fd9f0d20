package lint

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/partnerpages/partnerpages/scaffold/page"
	"github.com/partnerpages/partnerpages/scaffold/render"
	"github.com/partnerpages/partnerpages/templates"
)

func TestStyleRules(t *testing.T) {
	t.Parallel()
	const fm = "---\ntitle: T\nmeta:\n  title: %s\n  description: %s\n---\n\n"
	meta := func(title, desc string) string {
		return strings.Replace(strings.Replace(fm, "%s", title, 1), "%s", desc, 1)
	}
	ok := meta("Overview | Lumo | HubRise", "Lumo and HubRise, together.")
	for _, c := range []struct {
		name, path, body string
		want             []string // a part of each style finding's message, in order
	}{
		{"clean", "apps/x/en/overview.md", ok + "## Connect Lumo to the Back Office\n\n---\n\n**IMPORTANT NOTE:** Read this.\n\n---\n", nil},
		{"a minor word capitalised", "apps/x/en/overview.md", ok + "## Switch To Location Level Invoicing\n", []string{`write "to" in lower case`}},
		{"first, after a colon or a dash, last: kept", "apps/x/en/overview.md", ok + "## The Menu: A Guide\n\n## Option 1 - The Tablet\n\n## Log In To\n", nil},
		{"French headings: another language's rules", "apps/x/fr/overview.md", ok + "## Connecter Le Logiciel\n", nil},
		{"meta title form", "apps/x/en/overview.md", meta("Overview | Lumo", "Lumo."), []string{"write it as"}},
		{"meta title length", "apps/x/en/overview.md", meta("A Very Long Page Title Indeed for Testing | Lumo Restaurant Suite | HubRise", "Lumo."), []string{"keep it to 60"}},
		{"meta description", "apps/x/en/overview.md", meta("Overview | Lumo | HubRise", "Lumo and HubRise"), []string{"full stop"}},
		{"meta description length", "apps/x/en/overview.md", meta("Overview | Lumo | HubRise", strings.Repeat("word ", 33)+"end."), []string{"search engines cut it after 160"}},
		{"notice colon", "apps/x/en/overview.md", ok + "---\n\n**IMPORTANT NOTE**: Read this.\n\n---\n", []string{"colon goes inside the bold"}},
		{"notice case", "apps/x/en/overview.md", ok + "---\n\n**Important note:** Read this.\n\n---\n", []string{"marker **IMPORTANT NOTE:**"}},
		{"notice rules", "apps/x/fr/overview.md", ok + "---\n\n**REMARQUE IMPORTANTE :** Lisez.\n\n## Suite\n", []string{"two horizontal rules"}},
	} {
		var got []string
		for _, f := range Check(page.Parse(c.path, []byte(c.body)), DefaultOptions()) {
			if f.Rule == RuleStyle {
				got = append(got, f.Message)
			}
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: %d findings, want %d: %q", c.name, len(got), len(c.want), got)
			continue
		}
		for i := range got {
			if !strings.Contains(got[i], c.want[i]) {
				t.Errorf("%s: %q, want it to say %q", c.name, got[i], c.want[i])
			}
		}
	}
}

// TestUILabelsInBold: the platform's labels that cannot pass for plain
// words are written in bold; in a heading or in code they are left alone.
func TestUILabelsInBold(t *testing.T) {
	t.Parallel()
	o := DefaultOptions()
	o.UI = map[string]map[string]string{"en": {"settings": "SETTINGS", "add_user": "Add User", "next": "Next"}}
	body := "---\ntitle: T\n---\n\n## Open SETTINGS\n\n1. Open SETTINGS, then click **Add User**.\n1. Click Next, then `Add User`.\n1. Click Add User.\n"
	var got []string
	for _, f := range Check(page.Parse("apps/x/en/p.md", []byte(body)), o) {
		if f.Rule == RuleStyle {
			got = append(got, strconv.Itoa(f.Line)+" "+f.Message[:strings.Index(f.Message, ":")])
		}
	}
	want := []string{`7 the platform's UI label "SETTINGS"`, `9 the platform's UI label "Add User"`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestStyleOnTheReferenceSite lints the reference site: its style
// findings must be exactly those read and judged true
// (testdata/style-reviewed.txt).
func TestStyleOnTheReferenceSite(t *testing.T) {
	t.Parallel()
	content := filepath.Join("..", "..", "..", "shared", "reference", "site", "content")
	if _, err := os.Stat(content); err != nil {
		t.Skip("no ../shared/reference/site beside the project")
	}
	set, err := render.Load(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	o := DefaultOptions()
	o.UI = map[string]map[string]string{}
	for _, l := range set.Languages() {
		o.UI[l] = set.Site.UILabels(l) // the platform's labels, for the bold rule
	}
	fs, err := Run(context.Background(), []string{content}, o)
	if err != nil {
		t.Fatal(err)
	}
	reviewed := map[string]bool{}
	f, err := os.Open("testdata/style-reviewed.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for sc := bufio.NewScanner(f); sc.Scan(); {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			reviewed[line] = true
		}
	}
	found := map[string]bool{}
	for _, f := range fs {
		if f.Rule != RuleStyle {
			continue
		}
		rel, _ := filepath.Rel(content, f.Path)
		key := filepath.ToSlash(rel) + " " + strconv.Itoa(f.Line) + " " + f.Message
		found[key] = true
		if !reviewed[key] {
			t.Errorf("a style finding nobody has read: %s", f)
		}
	}
	for key := range reviewed {
		if !found[key] {
			t.Errorf("a reviewed finding is no longer found: %s", key)
		}
	}
	t.Logf("style on the reference site: %d findings, all in the reviewed list", len(found))
}
