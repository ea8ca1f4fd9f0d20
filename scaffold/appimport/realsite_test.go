package appimport

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/partnerpages/partnerpages/scaffold/appspage"
	"github.com/partnerpages/partnerpages/scaffold/lint"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
	"github.com/partnerpages/partnerpages/templates"
)

// referenceSite is the copy of the platform's site, when it is beside the
// project.
const referenceSite = "../../../shared/reference/site/content"

func loadSet(t testing.TB) *render.Set {
	t.Helper()
	set, err := render.Load(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// ReadReferenceFolder reads one app folder of the reference copy.
func readReferenceFolder(t *testing.T, slug string, entries map[string]*appspage.Page) Folder {
	t.Helper()
	f := Folder{Slug: slug, Overviews: map[string][]byte{}, Customizations: map[string][]byte{}, Entries: map[string][]appspage.Entry{}}
	for _, lang := range []string{"en", "fr"} {
		dir := filepath.Join(referenceSite, "apps", slug, lang)
		if data, err := os.ReadFile(filepath.Join(dir, "overview.md")); err == nil {
			f.Overviews[lang] = data
		}
		if data, err := os.ReadFile(filepath.Join(dir, "customization.yaml")); err == nil {
			f.Customizations[lang] = data
		}
		if p := entries[lang]; p != nil {
			f.Entries[lang] = p.Entries(slug)
		}
	}
	return f
}

// fact is one thing an overview tells readers, as the oracle reads it:
// independently of the importer (its own patterns, plain text).
type fact struct{ kind, value string }

var (
	oracleVerb   = regexp.MustCompile(`(?i)\b(pull|receive|recevoir|push|send|envoyer|synchroni[sz]e|synchroniser|keep)\b`)
	oracleObject = regexp.MustCompile(`(?i)\b(orders?|commandes?|customers?|clients?|menu|catalog|catalogue|inventory|inventaire|delivery|livraison)\b`)
	oracleQual   = regexp.MustCompile(`(?i)\b(status(es)?|statuts?|loyalty|fidélité)\b`)
	oracleToHR   = regexp.MustCompile(`(?i)\bHubRise\b`)
)

// featureFact is a bullet as a signature when it is one of the platform's
// (a verb, an object and HubRise, nothing else named), else its text.
func featureFact(text string) fact {
	plain := strings.ReplaceAll(text, "\u00a0", " ")
	verb, obj := oracleVerb.FindString(plain), oracleObject.FindString(plain)
	others := regexp.MustCompile(`\b[A-Z][a-zA-Z]+\b`).FindAllString(plain, -1)
	named := slices.DeleteFunc(others, func(w string) bool {
		return w == "HubRise" || oracleVerb.MatchString(w) || w == "Keep"
	})
	if verb == "" || obj == "" || !oracleToHR.MatchString(plain) || len(named) > 0 {
		return fact{"feature-text", text}
	}
	// the direction is where HubRise stands: orders from HubRise come in,
	// orders into HubRise go out (whatever the verb: "recevoir … dans HubRise")
	dir := "sync"
	switch {
	case regexp.MustCompile(`(?i)(^|\s)(into|to|dans|à|vers) (a |un catalogue )?HubRise\b`).MatchString(plain):
		dir = "out"
	case regexp.MustCompile(`(?i)(^|\s)(from|de|depuis|d'un catalogue) (a )?HubRise\b`).MatchString(plain):
		dir = "in"
	}
	o := strings.ToLower(obj)
	o = map[string]string{"order": "orders", "commande": "orders", "commandes": "orders", "customer": "customers", "client": "customers", "clients": "customers",
		"catalog": "menu", "catalogue": "menu", "inventaire": "inventory", "livraison": "delivery"}[o] + map[bool]string{true: o}[!slices.Contains([]string{"order", "commande", "commandes", "customer", "client", "clients", "catalog", "catalogue", "inventaire", "livraison"}, o)]
	var quals []string
	for _, q := range oracleQual.FindAllString(plain, -1) {
		q = strings.ToLower(q)
		q = map[string]string{"statut": "status", "statuts": "status", "statuses": "status", "fidélité": "loyalty"}[q] + map[bool]string{true: q}[q == "status" || q == "loyalty"]
		quals = append(quals, q)
	}
	return fact{"feature", dir + " " + o + " " + strings.Join(quals, "+")}
}

var oracleNotice = regexp.MustCompile(`^\*\*(IMPORTANT NOTE|REMARQUE IMPORTANTE)[\s\x{a0}]*:?[\s\x{a0}]*\*\*[\s\x{a0}]*:?[\s\x{a0}]*`)

// noticeFact is a notice as its subject when it is about the
// documentation (the platform's), else its text.
func noticeFact(text string) fact {
	t := strings.ToLower(text)
	switch {
	case strings.Contains(t, "only</link>") || strings.Contains(t, "uniquement</link>"):
		return fact{"notice", "one-language " + regexp.MustCompile(`href="([^"]+)"`).FindStringSubmatch(text)[1]}
	case strings.Contains(t, "review") || strings.Contains(t, "audit"):
		return fact{"notice", "in-review"}
	case strings.HasPrefix(t, "the integration is in progress") || strings.HasPrefix(t, "intégration en cours") || strings.Contains(t, "being built") || strings.Contains(t, "en cours de réalisation"):
		return fact{"notice", "in-progress"}
	case strings.Contains(t, "documentation") && (strings.Contains(t, "soon") || strings.Contains(t, "bientôt")):
		return fact{"notice", "doc-soon"}
	case strings.Contains(t, "documentation") && (strings.Contains(t, "in progress") || strings.Contains(t, "rédaction") || strings.Contains(t, "being written")):
		return fact{"notice", "doc-writing"}

	}
	if m := regexp.MustCompile(`^(.+?) will be supported`).FindStringSubmatch(text); m != nil {
		return fact{"notice-planned", m[1]}
	}
	return fact{"notice-text", strings.TrimSpace(text)}
}

// overviewFacts lists what an overview tells readers. appsCategory is the
// category the app must have ("" when the page's own is checked apart,
// "*" for the page's own).
func overviewFacts(t *testing.T, src []byte, appsCategory string) []fact {
	parts := strings.SplitN(string(src), "---\n", 3)
	if len(parts) < 3 {
		t.Fatalf("no front matter:\n%s", src)
	}
	var fm struct {
		Meta    map[string]string `yaml:"meta"`
		Gallery []string          `yaml:"gallery"`
		AppInfo map[string]any    `yaml:"app_info"`
	}
	if err := yaml.Unmarshal([]byte(parts[1]), &fm); err != nil {
		t.Fatal(err)
	}
	var out []fact
	out = append(out, fact{"meta-title", fm.Meta["title"]})
	if d := fm.Meta["description"]; !strings.Contains(d, "reasons for connecting it to HubRise") && !strings.Contains(d, "raisons de le connecter") &&
		!strings.Contains(d, "what connecting it to HubRise brings") && !strings.Contains(d, "ce que sa connexion à HubRise") {
		out = append(out, fact{"meta-description", d})
	}
	for _, g := range fm.Gallery {
		out = append(out, fact{"gallery", g})
	}
	for k, v := range fm.AppInfo {
		s := strings.TrimSpace(fmt.Sprint(v))
		if v == nil || s == "" {
			continue
		}
		if k == "category" && appsCategory != "*" {
			if appsCategory == "" {
				continue // not on the Apps page: checked apart
			}
			s = appsCategory // the Apps page's category is the app's
		}
		out = append(out, fact{"info." + k, s})
	}
	sec := ""
	for _, block := range regexp.MustCompile(`\n\s*\n`).Split(parts[2], -1) {
		block = strings.TrimSpace(block)
		switch {
		case block == "" || block == "---":
		case strings.HasPrefix(block, "## "):
			sec = strings.ToLower(strings.TrimPrefix(block, "## "))
			if !slices.ContainsFunc([]string{"description", "integration features", "fonctionnalités", "why connect", "pourquoi se connecter", "prerequisites", "prérequis"},
				func(p string) bool { return strings.HasPrefix(sec, p) }) {
				out = append(out, fact{"section", regexp.MustCompile(`\s*\{#.*\}$`).ReplaceAllString(strings.TrimPrefix(block, "## "), "")})
			}
		case oracleNotice.MatchString(block):
			out = append(out, noticeFact(oracleNotice.ReplaceAllString(block, "")))
		case strings.HasPrefix(block, "- ") && (strings.HasPrefix(sec, "integration features") || strings.HasPrefix(sec, "fonctionnalités")):
			for _, item := range strings.Split(block, "\n- ") {
				out = append(out, featureFact(strings.TrimPrefix(strings.TrimSpace(item), "- ")))
			}
		case strings.HasPrefix(sec, "why connect") || strings.HasPrefix(sec, "pourquoi"):
			if !strings.Contains(block, "](/apps)") {
				out = append(out, fact{"text", block})
			}
		case strings.HasPrefix(sec, "integration features") || strings.HasPrefix(sec, "fonctionnalités"):
			if !strings.HasSuffix(strings.ReplaceAll(block, "\u00a0", " "), ":") && !regexp.MustCompile(`(?i)(can be|peut être) connecté|connects to HubRise|se connecte à HubRise|connecter .* à HubRise depuis`).MatchString(block) {
				out = append(out, fact{"text", block})
			}
		case strings.HasPrefix(sec, "prerequisites") || strings.HasPrefix(sec, "prérequis"):
			if !regexp.MustCompile(`(?i)^(To (establish a connection between|connect) .+ HubRise, you (must have an existing|need an?) .+ account\.|To connect .+ to HubRise, you need an account with .+\.|Pour (permettre la connexion entre|connecter) .+ HubRise, (vous devez disposer d'un compte|il vous faut un compte) .+\.)$`).MatchString(strings.ReplaceAll(block, "\u00a0", " ")) {
				out = append(out, fact{"text", block})
			}
		default:
			out = append(out, fact{"text", block})
		}
	}
	for i := range out {
		// as readers see it: a no-break space is a space, runs of spaces one
		out[i].value = strings.Join(strings.Fields(strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(out[i].value)), " ")
	}
	return out
}

// TestEveryReferenceAppFolderImportsWithItsFacts reads every app folder
// of the reference copy, writes its partner file, renders its overview
// and customization again, and looks for every fact of the originals in
// what the tool writes.
func TestEveryReferenceAppFolderImportsWithItsFacts(t *testing.T) {
	apps, err := os.ReadDir(filepath.Join(referenceSite, "apps"))
	if err != nil {
		t.Skipf("no reference site: %v", err)
	}
	set := loadSet(t)
	pages := map[string]*appspage.Page{}
	for _, lang := range []string{"en", "fr"} {
		src, err := os.ReadFile(filepath.Join(referenceSite, lang, appspage.FileName))
		if err != nil {
			t.Fatal(err)
		}
		if pages[lang], err = appspage.Parse(src); err != nil {
			t.Fatal(err)
		}
	}
	folders, overviews, facts, kept, custom, corrected := 0, 0, 0, 0, 0, 0
	features, typedFeatures, notices, typedNotices, stable := 0, 0, 0, 0, 0
	for _, d := range apps {
		slug := d.Name()
		f := readReferenceFolder(t, slug, pages)
		if len(f.Overviews) == 0 {
			continue
		}
		folders++
		res, err := Read(f, Options{Set: set})
		if err != nil {
			t.Errorf("%s: %v", slug, err)
			continue
		}
		for _, f := range res.App.Features {
			features++
			if f.Key != "" {
				typedFeatures++
			}
		}
		for _, n := range res.App.Notices {
			notices++
			if n.Kind.Value != "note" {
				typedNotices++
			}
		}
		p := &partner.Partner{File: slug + ".yaml", Name: res.Name, Slug: partner.Scalar{Value: slug}, Languages: partner.Scalars(res.Langs), App: res.App}
		yml, err := partner.Encode(p, partner.Comments{})
		if err != nil {
			t.Fatal(err)
		}
		q, errs := partner.Parse(p.File, yml)
		if len(errs) == 0 {
			errs = partner.Resolve(q, set.Languages())
		}
		if len(errs) > 0 {
			t.Errorf("%s: the partner file does not validate: %v\n%s", slug, errs, yml)
			continue
		}
		outs, err := set.Render(q)
		if err != nil {
			t.Errorf("%s: %v", slug, err)
			continue
		}
		// what the tool writes reads back as the same file: an absorb of
		// an unedited folder changes nothing
		again := Folder{Slug: slug, Overviews: map[string][]byte{}, Customizations: map[string][]byte{}, Entries: f.Entries}
		for _, o := range outs {
			switch o.Name {
			case "overview.md":
				again.Overviews[o.Lang] = o.Content
			case "customization.yaml":
				again.Customizations[o.Lang] = o.Content
			}
		}
		if res2, err := Read(again, Options{Set: set, Name: q.Name}); err != nil {
			t.Errorf("%s: reading what the tool wrote: %v", slug, err)
		} else if yml2, _ := partner.Encode(&partner.Partner{File: p.File, Name: res.Name, Slug: p.Slug, Languages: p.Languages, App: res2.App}, partner.Comments{}); string(yml2) != string(yml) {
			t.Errorf("%s: what the tool wrote reads back otherwise:\n%s\n---\n%s", slug, lineDiff(string(yml), string(yml2)), lineDiff(string(yml2), string(yml)))
		} else {
			stable++
		}
		for _, o := range outs {
			orig := filepath.Join(referenceSite, "apps", slug, o.Lang, o.Name)
			src, err := os.ReadFile(orig)
			if err != nil {
				t.Errorf("%s: the tool writes %s, which the site does not have", slug, orig)
				continue
			}
			switch o.Name {
			case "customization.yaml":
				var a, b map[string]any
				_ = yaml.Unmarshal(src, &a)
				_ = yaml.Unmarshal(o.Content, &b)
				if fmt.Sprint(a) != fmt.Sprint(b) {
					t.Errorf("%s/%s/customization.yaml: %v, the tool writes %v", slug, o.Lang, a, b)
				} else {
					custom++
				}
			case "overview.md":
				overviews++
				// the category: the Apps page's for the app, by its place in
				// the page's list (the same in every language); else the
				// overview's when it is one of the page's
				cat := ""
				titles := pages[o.Lang].Categories()
				if es := f.Entries["en"]; len(es) > 0 {
					if i := slices.Index(pages["en"].Categories(), es[0].Category); i >= 0 {
						cat = titles[i]
					}
				}
				before, after := overviewFacts(t, src, cat), overviewFacts(t, o.Content, "*")
				for _, fa := range before {
					facts++
					if i := slices.Index(after, fa); i >= 0 {
						kept++
						after = slices.Delete(after, i, i+1)
						continue
					}
					t.Errorf("%s/%s/overview.md: %s %q is not in what the tool writes", slug, o.Lang, fa.kind, fa.value)
				}
				if cat != "" && !strings.Contains(string(src), "category: "+cat+"\n") {
					corrected++
				}
				if cat == "" && !slices.ContainsFunc(titles, func(c string) bool { return strings.Contains(string(src), "category: "+c+"\n") }) {
					corrected++ // not on the Apps page, in no category of it: the tool's must be one
					if !slices.ContainsFunc(titles, func(c string) bool { return strings.Contains(string(o.Content), "category: "+c+"\n") }) {
						t.Errorf("%s/%s/overview.md: a category not on the Apps page", slug, o.Lang)
					}
				}
			}
		}
	}
	t.Logf("APP FOLDERS: %d folders, %d overviews: facts kept %d of %d; customization files the same %d; categories taken from the Apps page where the overview had another %d; features the platform's %d of %d, notices of a kind %d of %d; folders whose pages read back as the same file %d",
		folders, overviews, kept, facts, custom, corrected, typedFeatures, features, typedNotices, notices, stable)
	if folders == 0 {
		t.Fatal("no app folder read")
	}
}

// lineDiff lists the lines of b that a lacks, for a failure message.
func lineDiff(a, b string) string {
	have := map[string]bool{}
	for _, l := range strings.Split(a, "\n") {
		have[l] = true
	}
	var out []string
	for _, l := range strings.Split(b, "\n") {
		if !have[l] {
			out = append(out, "+ "+l)
		}
	}
	return strings.Join(out, "\n")
}

// markedSet is the template set with the platform's text of the app folder
// marked: a feature sentence, the Why Connect? paragraph and a notice.
func markedSet(t *testing.T, marks map[string]string) *render.Set {
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
		text := string(data)
		for old, mark := range marks {
			text = strings.ReplaceAll(text, old, mark)
		}
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(path)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, path), []byte(text), 0o644)
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

// TestPlatformChangeReachesEveryOverview imports every app folder of the
// reference copy, then changes the platform's text in the template set: a
// feature's sentence, Why Connect? and a notice. The oracle counts, on the
// original pages, the overviews that list the feature, have the section or
// carry the notice, and looks for the new text in what the tool writes.
func TestPlatformChangeReachesEveryOverview(t *testing.T) {
	apps, err := os.ReadDir(filepath.Join(referenceSite, "apps"))
	if err != nil {
		t.Skipf("no reference site: %v", err)
	}
	set := loadSet(t)
	marked := markedSet(t, map[string]string{
		"Pull orders from HubRise": "PULLORDERSMARK", "Recevoir les commandes de HubRise": "PULLORDERSMARK",
		"New apps join every month": "WHYMARK", "De nouvelles applications arrivent chaque mois": "WHYMARK",
		"The full documentation of this integration is coming soon.": "SOONMARK", "La documentation complète de cette intégration sera bientôt disponible.": "SOONMARK",
	})
	pages := map[string]*appspage.Page{}
	for _, lang := range []string{"en", "fr"} {
		src, _ := os.ReadFile(filepath.Join(referenceSite, lang, appspage.FileName))
		pages[lang], _ = appspage.Parse(src)
	}
	want := map[string]int{}
	got := map[string]int{}
	for _, d := range apps {
		f := readReferenceFolder(t, d.Name(), pages)
		res, err := Read(f, Options{Set: set})
		if err != nil {
			t.Fatal(err)
		}
		yml, err := partner.Encode(&partner.Partner{Name: res.Name, Slug: partner.Scalar{Value: d.Name()}, Languages: partner.Scalars(res.Langs), App: res.App}, partner.Comments{})
		if err != nil {
			t.Fatal(err)
		}
		p, errs := partner.Parse(d.Name()+".yaml", yml)
		if len(errs) == 0 {
			errs = partner.Resolve(p, set.Languages())
		}
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		outs, err := marked.Render(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range outs {
			if o.Name != "overview.md" {
				continue
			}
			orig := string(f.Overviews[o.Lang])
			for _, b := range strings.Split(orig, "\n") {
				if strings.HasPrefix(b, "- ") && featureFact(strings.TrimPrefix(b, "- ")).value == "in orders " {
					want["a pull-orders feature"]++
					if strings.Contains(string(o.Content), "- PULLORDERSMARK.") {
						got["a pull-orders feature"]++
					} else {
						t.Logf("%s/%s: %q", d.Name(), o.Lang, b)
					}
				}
			}
			if regexp.MustCompile(`(?m)^## (Why [Cc]onnect|Pourquoi se connecter)`).MatchString(orig) {
				want["Why Connect?"]++
				if strings.Contains(string(o.Content), "WHYMARK") {
					got["Why Connect?"]++
				}
			}
			for _, line := range strings.Split(orig, "\n") {
				if oracleNotice.MatchString(line) && noticeFact(oracleNotice.ReplaceAllString(line, "")).value == "doc-soon" {
					want["the documentation-soon notice"]++
					if strings.Contains(string(o.Content), "SOONMARK") {
						got["the documentation-soon notice"]++
					}
				}
			}
		}
	}
	for what, n := range want {
		if got[what] != n {
			t.Errorf("%s: the change reached %d of %d overviews", what, got[what], n)
		}
	}
	t.Logf("PLATFORM CHANGE ON OVERVIEWS: reached %v of %v", got, want)
}

// TestRegeneratedFoldersAddNoLintFinding: what the tool writes for every
// app folder of the reference copy has no lint finding, page or folder,
// that the original folder did not have (a defect the partner's own text
// carries stays, and is the writer's to fix).
func TestRegeneratedFoldersAddNoLintFinding(t *testing.T) {
	if _, err := os.Stat(referenceSite); err != nil {
		t.Skipf("no reference site: %v", err)
	}
	set := loadSet(t)
	orig := filepath.Join(referenceSite, "apps")
	copyDir := filepath.Join(t.TempDir(), "content")
	for _, lang := range []string{"en", "fr"} {
		data, err := os.ReadFile(filepath.Join(referenceSite, lang, appspage.FileName))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(copyDir, lang), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(copyDir, lang, appspage.FileName), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pages := map[string]*appspage.Page{}
	for _, lang := range []string{"en", "fr"} {
		src, _ := os.ReadFile(filepath.Join(referenceSite, lang, appspage.FileName))
		pages[lang], _ = appspage.Parse(src)
	}
	apps, _ := os.ReadDir(orig)
	for _, d := range apps {
		f := readReferenceFolder(t, d.Name(), pages)
		res, err := Read(f, Options{Set: set})
		if err != nil {
			t.Fatal(err)
		}
		yml, _ := partner.Encode(&partner.Partner{Name: res.Name, Slug: partner.Scalar{Value: d.Name()}, Languages: partner.Scalars(res.Langs), App: res.App}, partner.Comments{})
		p, errs := partner.Parse(d.Name()+".yaml", yml)
		if len(errs) == 0 {
			errs = partner.Resolve(p, set.Languages())
		}
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		outs, err := set.Render(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range outs {
			path := filepath.Join(copyDir, "apps", d.Name(), o.Lang, o.Name)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, o.Content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	key := func(root string, f lint.Finding) string {
		rel, _ := filepath.Rel(root, f.Path)
		if f.Rule == lint.RuleAppDescription { // the count moves with a notice the Description held
			return filepath.ToSlash(rel) + " " + f.Rule
		}
		return filepath.ToSlash(rel) + " " + f.Rule + " " + f.Message
	}
	before := map[string]bool{}
	fs, err := lint.Run(context.Background(), []string{orig}, lint.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		before[key(referenceSite, f)] = true
	}
	// an original whose text before its first heading is its description,
	// with no Description heading, gets one: its length is then counted
	for _, d := range apps {
		for _, lang := range []string{"en", "fr"} {
			src, err := os.ReadFile(filepath.Join(orig, d.Name(), lang, "overview.md"))
			if err == nil && !regexp.MustCompile(`(?m)^## Description`).Match(src) {
				before["apps/"+d.Name()+"/"+lang+"/overview.md "+lint.RuleAppDescription] = true
			}
		}
	}
	after, err := lint.Run(context.Background(), []string{filepath.Join(copyDir, "apps")}, lint.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	added := 0
	for _, f := range after {
		if strings.HasSuffix(f.Path, "connect-hubrise.md") || strings.HasSuffix(f.Path, "connexion-hubrise.md") {
			continue // no connect page is written here
		}
		if k := key(copyDir, f); !before[k] {
			added++
			t.Errorf("a finding the original did not have: %s", f)
		}
	}
	t.Logf("REGENERATED APP FOLDERS: %d findings before, %d after, %d new", len(fs), len(after), added)
}
