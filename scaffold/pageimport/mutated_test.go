package pageimport

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/partnerpages/partnerpages/scaffold/lint"
	"github.com/partnerpages/partnerpages/scaffold/page"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
)

// longTests: with PARTNERPAGES_LONG_TESTS=1 (CI sets it) the property tests
// run at full size.
var longTests = os.Getenv("PARTNERPAGES_LONG_TESTS") == "1"

// realApps is the real site's apps folder, beside the project.
var realApps = filepath.Join("..", "..", "..", "shared", "reference", "site", "content", "apps")

// corpus is the pages the property tests start from, by partner: every
// connect page of the real site (when ../shared is there) and the shipped
// fixtures (the test pages and the shipped partners' regenerated pages).
func corpus(t *testing.T, o Options) [][]Page {
	t.Helper()
	var paths []string
	for _, name := range []string{"connect-hubrise.md", "connexion-hubrise.md"} {
		m, _ := filepath.Glob(filepath.Join(realApps, "*", "*", name))
		paths = append(paths, m...)
	}
	fixtures, _ := filepath.Glob(filepath.Join("testdata", "apps", "*", "*", "*.md"))
	structures, _ := filepath.Glob(filepath.Join("testdata", "structures", "*", "*", "*.md"))
	fixtures = append(fixtures, structures...)
	pages, failed := ReadPages(slices.Concat(paths, fixtures))
	if len(failed) > 0 {
		t.Fatalf("%s: %v", failed[0].Path, failed[0].Err)
	}
	shipped, _ := filepath.Glob(filepath.Join("..", "..", "partners", "*.yaml"))
	for _, file := range shipped {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		p, outs := renderYAML(t, o, file, data)
		for _, out := range outs {
			pages = append(pages, Page{Path: "apps/" + p.Slug.Value + "/" + out.Lang + "/" + out.Name, Data: out.Content})
		}
	}
	by := map[string][]Page{}
	var slugs []string
	for _, pg := range pages {
		slug := filepath.Base(filepath.Dir(filepath.Dir(pg.Path)))
		if by[slug] == nil {
			slugs = append(slugs, slug)
		}
		by[slug] = append(by[slug], pg)
	}
	slices.Sort(slugs)
	var out [][]Page
	for _, s := range slugs {
		out = append(out, by[s])
	}
	return out
}

// TestImportSurvivesMutatedPages is the import's totality property: from
// real and shipped pages, mutated at random as writers and tools change
// pages, import never panics, never refuses a page, and writes for every
// partner a file that validates; the pages rendered from that file keep
// every partner fact of the mutated pages and lint with no error. The
// oracle is the test's own: it loads and renders the YAML import wrote,
// and counts facts on the mutated page and the rendered one.
// PARTNERPAGES_MUTATED_OUT names a folder to write a sample of the
// rendered pages into, for CI's MDX compile.
func TestImportSurvivesMutatedPages(t *testing.T) {
	t.Parallel()
	o := testOptions(t)
	groups := corpus(t, o)
	cases := 120
	switch {
	case longTests:
		cases = 2000
	case raceDetector:
		cases = 24 // every mutation still runs, in go test -race ./... (CI runs the 2,000 without it)
	}
	seed := uint64(1)
	if s, err := strconv.ParseUint(os.Getenv("PARTNERPAGES_SEED"), 10, 64); err == nil {
		seed = s
	}
	sample := os.Getenv("PARTNERPAGES_MUTATED_OUT")
	used := map[string]int{}
	bad, reordered := 0, 0
	for c := range cases {
		r := rand.New(rand.NewPCG(seed, uint64(c)))
		g := groups[r.IntN(len(groups))]
		pages, names := mutateGroup(r, g)
		for _, n := range names {
			used[n[:strings.LastIndex(n, " (")]]++
		}
		problems, outs := checkImport(o, pages)
		if len(problems) > 0 && !slices.ContainsFunc(problems, func(p string) bool { return !strings.HasPrefix(p, reorder) }) {
			// a mutated page whose facts come back in another order: counted
			// and shown, not failed (see TestImportKeepsTheOrderOfFacts)
			if reordered++; reordered <= 3 {
				t.Logf("case %d (seed %d) of %s, %s:\n  %s", c, seed, pages[0].Path, strings.Join(names, ", "), strings.Join(problems, "\n  "))
			}
			problems = nil
		}
		if dir := os.Getenv("PARTNERPAGES_DUMP_CASE"); dir != "" && strings.HasSuffix(dir, fmt.Sprintf("/%d", c)) {
			dumpCase(t, dir, pages, outs)
		}
		if len(problems) > 0 {
			bad++
			if bad <= maxReported {
				t.Errorf("case %d (seed %d) of %s, %s:\n  %s", c, seed, pages[0].Path, strings.Join(names, ", "), strings.Join(problems, "\n  "))
			}
		}
		if sample != "" && c%10 == 0 {
			writeSample(t, filepath.Join(sample, fmt.Sprintf("case%04d", c)), outs)
		}
	}
	t.Logf("%d cases from %d partners, %d failed, %d with facts in another order; mutations applied: %v", cases, len(groups), bad, reordered, used)
	fmt.Printf("MUTATED IMPORT: %d cases from %d partners' pages, %d failed, %d with facts in another order, %d kinds of mutation applied\n", cases, len(groups), bad, reordered, len(used))
	if len(used) < len(mutations) && cases >= 100 { // the quick and full runs apply every kind
		t.Errorf("only %d of %d mutations were applied: %v", len(used), len(mutations), used)
	}
}

// maxReported is how many failing cases the test prints in full.
var maxReported = 5

func init() {
	if n, err := strconv.Atoi(os.Getenv("PARTNERPAGES_MAX_REPORTED")); err == nil {
		maxReported = n
	}
}

// mutateGroup mutates each page of a partner 0 to 3 times, at least one
// page at least once: so a section may go in one language only.
func mutateGroup(r *rand.Rand, g []Page) ([]Page, []string) {
	for {
		var out []Page
		var names []string
		for _, pg := range g {
			src, ns := mutate(r, string(pg.Data), r.IntN(4))
			out = append(out, Page{Path: pg.Path, Data: []byte(src)})
			for _, n := range ns {
				names = append(names, n+" ("+langDir(pg.Path)+")")
			}
		}
		if len(names) > 0 {
			return out, names
		}
	}
}

func langDir(path string) string { return filepath.Base(filepath.Dir(path)) }

// checkImport imports one partner's pages and lists what breaks the
// property; it returns the rendered pages.
func checkImport(o Options, pages []Page) (problems []string, outs []render.Output) {
	defer func() {
		if v := recover(); v != nil {
			problems = append(problems, fmt.Sprintf("panic: %v", v))
		}
	}()
	results, failed := Import(pages, o)
	for _, f := range failed {
		problems = append(problems, fmt.Sprintf("%s refused: %v", f.Path, f.Err))
	}
	if len(results) != 1 {
		return append(problems, fmt.Sprintf("%d partner files for one partner", len(results))), nil
	}
	res := results[0]
	p, errs := partner.Parse(res.File, res.YAML)
	if len(errs) == 0 {
		errs = partner.Resolve(p, o.Set.Languages())
	}
	if len(errs) > 0 {
		return append(problems, fmt.Sprintf("the partner file does not validate: %v\n%s", errs, res.YAML)), nil
	}
	outs, err := connectPages(o.Set, p)
	if err != nil {
		return append(problems, "render: "+err.Error()), nil
	}
	for _, pg := range pages {
		i := slices.IndexFunc(outs, func(out render.Output) bool { return out.Lang == langDir(pg.Path) })
		if i < 0 {
			problems = append(problems, pg.Path+": no page rendered in its language")
			continue
		}
		mutated, regen := page.Parse(pg.Path, pg.Data), page.Parse(pg.Path, outs[i].Content)
		had := errorsByRule(lint.Check(mutated, o.Lint))
		for _, f := range lint.Check(regen, o.Lint) {
			if f.Severity == lint.SeverityError {
				if had[f.Rule]--; had[f.Rule] < 0 {
					problems = append(problems, "rendered page: "+f.String())
				}
			}
		}
		before := PartnerFacts(mutated, o.Set, o.Lint.PlatformEmails)
		after := PartnerFacts(regen, o.Set, o.Lint.PlatformEmails)
		for _, f := range lostFacts(before, after) {
			problems = append(problems, fmt.Sprintf("%s:%d: lost %s", langDir(pg.Path), f.Line, f))
		}
		if a, b := commonOrder(before, after); !slices.Equal(a, b) {
			problems = append(problems, fmt.Sprintf("%s%s: the facts come in another order:\n    page:     %v\n    rendered: %v", reorder, langDir(pg.Path), a, b))
		}
	}
	return problems, outs
}

// commonOrder lists, in each page's order, the facts both pages hold once:
// the rendered page must say the page's facts in the page's order.
func commonOrder(orig, regen []page.Fact) ([]string, []string) {
	count := func(fs []page.Fact) map[string]int {
		n := map[string]int{}
		for _, f := range fs {
			n[f.String()]++
		}
		return n
	}
	no, nr := count(orig), count(regen)
	pick := func(fs []page.Fact) []string {
		var out []string
		for _, f := range fs {
			if k := f.String(); no[k] == 1 && nr[k] == 1 {
				out = append(out, k)
			}
		}
		return out
	}
	return pick(orig), pick(regen)
}

// reorder marks the problem of facts that come back in another order.
const reorder = "order: "

// TestImportKeepsTheOrderOfFacts: every real and shipped page, as it is,
// imports into a partner file whose page says the page's facts (labels,
// images, links, e-mails, headings) in the page's order, and keeps the
// other properties of the mutation test.
func TestImportKeepsTheOrderOfFacts(t *testing.T) {
	t.Parallel()
	o := testOptions(t)
	for i, g := range corpus(t, o) {
		if raceDetector && i%4 != 0 {
			continue // a quarter under go test -race: import runs on one goroutine; the plain run checks them all
		}
		if problems, _ := checkImport(o, g); len(problems) > 0 {
			t.Errorf("%s:\n  %s", g[0].Path, strings.Join(problems, "\n  "))
		}
	}
}

// errorsByRule counts the errors among findings, by rule: a defect the
// mutation itself made (a stage heading moved out of order, a link to a
// section it removed) is the mutated page's, and the page import wrote
// may keep it as written.
func errorsByRule(fs []lint.Finding) map[string]int {
	n := map[string]int{}
	for _, f := range fs {
		if f.Severity == lint.SeverityError {
			n[f.Rule]++
		}
	}
	return n
}

// dumpCase writes a case's mutated pages and rendered pages under dir, to
// look at a failure (PARTNERPAGES_DUMP_CASE=/tmp/cases/17 dumps case 17).
func dumpCase(t *testing.T, dir string, pages []Page, outs []render.Output) {
	for _, pg := range pages {
		path := filepath.Join(dir, "mutated", langDir(pg.Path), filepath.Base(pg.Path))
		_ = os.MkdirAll(filepath.Dir(path), 0o755)
		_ = os.WriteFile(path, pg.Data, 0o644)
	}
	writeSample(t, filepath.Join(dir, "rendered"), outs)
}

// writeSample writes rendered pages under dir, as the site lays them out.
func writeSample(t *testing.T, dir string, outs []render.Output) {
	for _, out := range outs {
		path := filepath.Join(dir, out.Lang, out.Name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, out.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestImportPagesOfDifferentStructures: two languages of a partner that
// differ in structure each keep their own, a fact one language gives serves
// the other (and is reported there), and the partner file validates and
// keeps every fact. Zorba's English page has no heading at all and no
// disconnect part, and its French page gives the e-mail in running text;
// RelayPOS's French page opens on an intermediary app and has no contact
// section, while its English page has numbered stages and an MDX comment.
func TestImportPagesOfDifferentStructures(t *testing.T) {
	t.Parallel()
	o := testOptions(t)
	for _, c := range []struct {
		slug, email, silent string              // the e-mail, and the language that does not give it
		only                map[string][]string // headings each language's page has, the other's not
	}{
		{"zorba", "aide@zorba.example", "en", map[string][]string{"fr": {"Déconnecter Zorba"}}},
		{"relaypos", "care@relaypos.example", "fr", map[string][]string{"en": {"Contact RelayPOS support", "3. Map your payment methods"}, "fr": {"Le Relay Agent"}}},
	} {
		paths, _ := filepath.Glob(filepath.Join("testdata", "structures", c.slug, "*", "connect-hubrise.md"))
		pages, failed := ReadPages(paths)
		if len(failed) > 0 || len(pages) != 2 {
			t.Fatalf("%s: %d pages read, %v", c.slug, len(pages), failed)
		}
		problems, outs := checkImport(o, pages)
		if len(problems) > 0 {
			t.Errorf("%s:\n  %s", c.slug, strings.Join(problems, "\n  "))
			continue
		}
		results, _ := Import(pages, o)
		if got := results[0].Partner.Email.Value; got != c.email {
			t.Errorf("%s: support e-mail %q, want %q", c.slug, got, c.email)
		}
		for _, pg := range results[0].Pages {
			said := slices.ContainsFunc(pg.Notes, func(n Note) bool { return strings.Contains(n.Text, "support e-mail") })
			if said != (pg.Lang == c.silent) {
				t.Errorf("%s (%s): a note on the e-mail taken from the other language: %v, want %v\n%v", c.slug, pg.Lang, said, pg.Lang == c.silent, pg.Notes)
			}
		}
		for _, out := range outs {
			heads := headingTexts(page.Parse(out.Name, out.Content))
			for lang, hs := range c.only {
				for _, h := range hs {
					if slices.Contains(heads, h) != (out.Lang == lang) {
						t.Errorf("%s (%s): heading %q on the page: %v, want %v\n%s", c.slug, out.Lang, h, !(out.Lang == lang), out.Lang == lang, out.Content)
					}
				}
			}
		}
	}
}

func headingTexts(p *page.Page) []string {
	var out []string
	for _, h := range p.Headings {
		out = append(out, h.Text)
	}
	return out
}

// TestImportKeepsTheOrderOfSteps: a partner step between the connect
// button and the platform's authorisation (Zorba's "Log in to your HubRise
// account" before Allow) must not move after the template's steps; the
// rendered page says the page's steps in the page's order.
func TestImportKeepsTheOrderOfSteps(t *testing.T) {
	t.Parallel()
	o := testOptions(t)
	paths, _ := filepath.Glob(filepath.Join("testdata", "structures", "zorba", "en", "connect-hubrise.md"))
	pages, _ := ReadPages(paths)
	_, outs := checkImport(o, pages)
	if len(outs) != 1 {
		t.Fatalf("%d pages rendered", len(outs))
	}
	got := string(outs[0].Content)
	// (typed as the platform's sign-in step, the words link the account)
	login, allow := strings.Index(got, "Log in to your "), strings.Index(got, "**Allow**")
	if login < 0 || allow < 0 || login > allow {
		t.Errorf("the login step no longer comes before Allow:\n%s", got)
	}
}

// TestImportTypesTheAppListRoute: the pages the template writes for a
// partner connected from HubRise's app list import back as that route, with
// the app's name in the list and the partner's own step, and the connect
// section stays the template's in both languages.
func TestImportTypesTheAppListRoute(t *testing.T) {
	t.Parallel()
	o := testOptions(t)
	_, outs := renderFile(t, o, filepath.Join("..", "render", "testdata", "partners", "appsy.yaml"))
	var pages []Page
	for _, out := range outs {
		pages = append(pages, Page{Path: "apps/appsy/" + out.Lang + "/" + out.Name, Data: out.Content})
	}
	results, failed := Import(pages, o)
	if len(failed) > 0 || len(results) != 1 || results[0].Partner == nil {
		t.Fatalf("import: %v %v", failed, results)
	}
	p := results[0].Partner
	if p.Connection.Mode.Value != partner.ModeAppList || p.Connection.App.In("en") != "Appsy Bridge" || p.Connection.App.In("fr") != "Appsy Bridge" {
		t.Errorf("mode %q, app %q/%q; want app-list, Appsy Bridge\n%s", p.Connection.Mode.Value, p.Connection.App.In("en"), p.Connection.App.In("fr"), results[0].YAML)
	}
	if got := p.Connection.ExtraSteps.In("en"); len(got) != 1 || !strings.Contains(got[0], "**Orders**") {
		t.Errorf("the partner's own step: %q\n%s", got, results[0].YAML)
	}
	for _, lang := range []string{"en", "fr"} {
		if !p.TypedSections(lang)["connect"] {
			t.Errorf("the %s connect section is kept as written:\n%s", lang, results[0].YAML)
		}
	}
}
