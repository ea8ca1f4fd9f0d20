package pageimport

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/partnerpages/partnerpages/scaffold/page"
	"github.com/partnerpages/partnerpages/scaffold/render"
	"github.com/partnerpages/partnerpages/templates"
)

var updateReach = flag.Bool("update-reach", false, "rewrite testdata/reach.golden with the platform reach measured now")

// reachMark is appended to a platform label or link in the template set:
// a page the change reaches shows it at every occurrence.
const reachMark = "ZQX"

// platformElement is one thing of the platform that pages say: its forms
// on a page (per language), and the line of site.yaml that holds it, if
// the template set has it.
type platformElement struct {
	name  string
	forms map[string][]string // language → the texts a page says it with
	yaml  [2]string           // site.yaml line, and the same line marked; empty when the set lacks it
	// the template files that word it instead, each with the line and the
	// same line marked
	tmpl map[string][][2]string
	// lineMark: the change reaches a page when every line that says the
	// element carries the mark (a step the template set words, reworded)
	lineMark bool
	// re finds the element's wording, which the mark follows on a page the
	// change reaches
	re map[string]*regexp.Regexp
	// inSection: a page has the element when it has this standard section
	// (the procedure is said in the page's own, older words)
	inSection string
}

func bold(en, fr string) map[string][]string {
	return map[string][]string{"en": {"**" + en + "**"}, "fr": {"**" + fr + "**"}}
}

// platformElements are the rows of the platform-reach measure (issue 20).
var platformElements = []platformElement{
	{name: "the authorisation button (Allow)", forms: bold("Allow", "Autoriser"),
		yaml: [2]string{"allow: {en: Allow, fr: Autoriser}", "allow: {en: Allow" + reachMark + ", fr: Autoriser" + reachMark + "}"}},
	{name: "the location chooser (Choose location)", forms: bold("Choose location", "Tous les points de vente"),
		yaml: [2]string{"choose_location: {en: Choose location, fr: Tous les points de vente}", "choose_location: {en: Choose location" + reachMark + ", fr: Tous les points de vente" + reachMark + "}"}},
	{name: "the app list (CONNECTIONS > View available apps)", forms: map[string][]string{"en": {"**View available apps**"}, "fr": {"**Voir les apps disponibles**"}},
		yaml: [2]string{"view_available_apps: {en: View available apps, fr: Voir les apps disponibles}", "view_available_apps: {en: View available apps" + reachMark + ", fr: Voir les apps disponibles" + reachMark + "}"}},
	{name: "the give-access procedure (Set Permissions)", forms: bold("Set Permissions", "Définir les permissions"), inSection: "give-access",
		yaml: [2]string{"set_permissions: {en: Set Permissions, fr: Définir les permissions}", "set_permissions: {en: Set Permissions" + reachMark + ", fr: Définir les permissions" + reachMark + "}"}},
	{name: "the block-or-disconnect link", forms: map[string][]string{"en": {"/docs/connections#block-or-disconnect"}, "fr": {"/docs/connections#block-or-disconnect"}},
		yaml: [2]string{"block-or-disconnect: /docs/connections#block-or-disconnect", "block-or-disconnect: /docs/connections#block-or-disconnect" + reachMark}},
	{name: "the signup link", forms: map[string][]string{"en": {"https://manager.hubrise.com/signup"}, "fr": {"https://manager.hubrise.com/signup"}},
		yaml: [2]string{"signup_url: https://manager.hubrise.com/signup", "signup_url: https://manager.hubrise.com/signup" + reachMark}},
	{name: "the location name and ID link", forms: map[string][]string{"en": {"/docs/locations#location-name-and-id"}, "fr": {"/docs/locations#location-name-and-id"}},
		yaml: [2]string{"location-id: /docs/locations#location-name-and-id", "location-id: /docs/locations#location-name-and-id" + reachMark}},
	{name: "the code to copy back", re: map[string]*regexp.Regexp{
		"en": regexp.MustCompile(`(?i)(displayed|shown|displays a) code|code (displayed|shown|hubrise displays)`),
		"fr": regexp.MustCompile(`(?i)code affiché|affiche un code`)},
		tmpl: map[string][][2]string{
			"en/_steps.tmpl": {
				{`{{- define "phrase-code"}}the code HubRise displays{{end}}`, `{{- define "phrase-code"}}the code HubRise displays` + reachMark + `{{end}}`},
				{`{{- define "step-code"}}HubRise displays a code.{{end}}`, `{{- define "step-code"}}HubRise displays a code` + reachMark + `.{{end}}`},
			},
			"fr/_steps.tmpl": {
				{`{{- define "phrase-code"}}le code affiché par HubRise{{end}}`, `{{- define "phrase-code"}}le code affiché par HubRise` + reachMark + `{{end}}`},
				{`{{- define "step-code"}}HubRise affiche un code.{{end}}`, `{{- define "step-code"}}HubRise affiche un code` + reachMark + `.{{end}}`},
			},
		}},
}

// stepWording marks the wording of the template set's steps names, in
// both languages: a page shows the mark on a line the step wrote.
func stepWording(names ...string) map[string][][2]string {
	out := map[string][][2]string{}
	for _, lang := range []string{"en", "fr"} {
		for _, n := range names {
			def := `define "step-` + n + `"}}`
			out[lang+"/_steps.tmpl"] = append(out[lang+"/_steps.tmpl"], [2]string{def, def + reachMark})
		}
	}
	return out
}

// stepElements are the rows of the second table: a platform step reworded
// in the template set reaches the pages where every line saying it is
// the template's step (a label the partner's own sentence names does not
// count).
var stepElements = []platformElement{
	{name: "the authorisation step (Allow)", forms: bold("Allow", "Autoriser"), lineMark: true, tmpl: stepWording("allow", "authorise")},
	{name: "the location chooser step", forms: bold("Choose location", "Tous les points de vente"), lineMark: true, tmpl: stepWording("choose-location")},
	{name: "the app list step", forms: map[string][]string{"en": {"**View available apps**"}, "fr": {"**Voir les apps disponibles**"}}, lineMark: true, tmpl: stepWording("app-list")},
}

// has reports whether text says the element, and whether every place it
// does carries the mark.
func (e platformElement) has(text, lang string) (has, allMarked bool) {
	if e.lineMark {
		n, marked := 0, 0
		for _, line := range strings.Split(text, "\n") {
			for _, form := range e.forms[lang] {
				if strings.Contains(line, form) {
					n++
					if strings.Contains(line, reachMark) {
						marked++
					}
					break
				}
			}
		}
		return n > 0, n > 0 && marked == n
	}
	if re := e.re[lang]; re != nil {
		ms := re.FindAllStringIndex(text, -1)
		marked := 0
		for _, m := range ms {
			if strings.Contains(text[m[1]:min(len(text), m[1]+30)], reachMark) {
				marked++
			}
		}
		return len(ms) > 0, len(ms) > 0 && marked == len(ms)
	}
	marked, unmarked := 0, 0
	for _, form := range e.forms[lang] {
		markedForm := strings.TrimSuffix(form, "**") + reachMark
		if strings.HasSuffix(form, "**") {
			markedForm += "**"
		}
		m := strings.Count(text, markedForm)
		marked += m
		unmarked += strings.Count(text, form)
		if strings.Contains(markedForm, form) { // a link: the marked one contains it
			unmarked -= m
		}
	}
	return marked+unmarked > 0, marked > 0 && unmarked == 0
}

// markedSet is the embedded template set with the element's line of
// site.yaml marked.
func markedSet(t *testing.T, e platformElement) *render.Set {
	t.Helper()
	dir := t.TempDir()
	err := fs.WalkDir(templates.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(templates.FS, path)
		if err != nil {
			return err
		}
		for _, line := range e.tmpl[path] {
			if !strings.Contains(string(data), line[0]) {
				t.Fatalf("%s has no line %q any more: update the reach measure", path, line[0])
			}
			data = []byte(strings.Replace(string(data), line[0], line[1], 1))
		}
		if path == "site.yaml" && e.yaml[0] != "" {
			if !strings.Contains(string(data), e.yaml[0]) {
				t.Fatalf("site.yaml has no line %q any more: update the reach measure", e.yaml[0])
			}
			data = []byte(strings.Replace(string(data), e.yaml[0], e.yaml[1], 1))
		}
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(path)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, path), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	set, err := render.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// TestPlatformReach is the measure of issue 20: import every connect page
// of the real site, change one platform label or link where the template
// set keeps it, regenerate, and count the pages where every occurrence of
// it changed, against the pages that have it. A second table rewords the
// template set's steps instead, and counts the pages where every line that
// says the element is the template's step. It prints both tables, and
// fails when an element reaches fewer pages than testdata/reach.golden
// records (-update-reach rewrites it).
func TestPlatformReach(t *testing.T) {
	t.Parallel()
	if raceDetector {
		t.Skip("a report over the whole real site: the plain run (and CI's) gives its figures; import runs on one goroutine")
	}
	o := testOptions(t)
	var paths []string
	for _, name := range []string{"connect-hubrise.md", "connexion-hubrise.md"} {
		m, _ := filepath.Glob(filepath.Join(realApps, "*", "*", name))
		paths = append(paths, m...)
	}
	if len(paths) == 0 {
		t.Skip("no ../shared/reference/site beside the project")
	}
	pages, _ := ReadPages(paths)
	results, _ := Import(pages, o)
	table := reachTable(t, results, platformElements, "all")
	fmt.Print("PLATFORM REACH (pages where a platform change reaches every occurrence / pages that have it)\n" + table)
	steps := reachTable(t, results, stepElements, "all steps")
	fmt.Print("STEP WORDING REACH (pages where a rewording of the step reaches every line that says it / pages that say it)\n" + steps)
	table += steps
	golden := filepath.Join("testdata", "reach.golden")
	if *updateReach {
		if err := os.WriteFile(golden, []byte(table), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update-reach)", err)
	}
	was, now := reachCounts(string(want)), reachCounts(table)
	for name, w := range was {
		if n, ok := now[name]; !ok || n < w {
			t.Errorf("%s: reaches %d pages, %d before", name, n, w)
		}
	}
}

// reachTable measures elements over the imported results, one row each
// and a row of all.
func reachTable(t *testing.T, results []*Result, elements []platformElement, all string) string {
	t.Helper()
	var table strings.Builder
	totalReached, totalHave := 0, 0
	for _, e := range elements {
		set := markedSet(t, e)
		reached, have := 0, 0
		for _, res := range results {
			if res.Partner == nil {
				t.Fatalf("%s: %v", res.File, res.Problems)
			}
			outs, err := connectPages(set, res.Partner)
			if err != nil {
				t.Fatal(err)
			}
			for _, pg := range res.Pages {
				if ok, _ := e.has(string(pg.page.Src), pg.Lang); !ok && !hasSection(pg.page, e.inSection) {
					continue
				}
				have++
				if out := outputIn(outs, pg.Lang); out != nil {
					if _, all := e.has(string(out.Content), pg.Lang); all {
						reached++
					} else {
						t.Logf("%s: not reached on %s", e.name, pg.Path)
					}
				}
			}
		}
		totalReached, totalHave = totalReached+reached, totalHave+have
		fmt.Fprintf(&table, "%-52s %3d / %d\n", e.name, reached, have)
	}
	fmt.Fprintf(&table, "%-52s %3d / %d\n", all, totalReached, totalHave)
	return table.String()
}

// hasSection reports whether p has the standard section kind ("" never).
func hasSection(p *page.Page, kind string) bool {
	if kind == "" {
		return false
	}
	for _, h := range p.Headings {
		if h.Level <= 2 && (page.SectionKind(h.ID) == kind || page.SectionKind(h.Text) == kind) {
			return true
		}
	}
	return false
}

var reachRowRe = regexp.MustCompile(`^(.*?)\s+(\d+) / \d+$`)

// reachCounts reads the reached counts of a printed table, by row.
func reachCounts(table string) map[string]int {
	out := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(table), "\n") {
		if m := reachRowRe.FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[2])
			out[m[1]] = n
		}
	}
	return out
}
