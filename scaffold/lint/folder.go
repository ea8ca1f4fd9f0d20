package lint

import (
	"bytes"
	"fmt"
	"image"
	_ "image/gif"  // gallery images and logos: GIF
	_ "image/jpeg" // JPEG
	_ "image/png"  // PNG
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"go.yaml.in/yaml/v3"

	"github.com/partnerpages/partnerpages/scaffold/appspage"
	"github.com/partnerpages/partnerpages/scaffold/page"
	"github.com/partnerpages/partnerpages/scaffold/pagepath"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/safefile"
)

// The rules on an app folder as a whole: its overview, customization and
// connect page in every language, and its entries on the Apps page.
const (
	RuleAppName        = "app-name"        // one name, spelled one way, across the folder and the Apps page
	RuleAppConnection  = "app-connection"  // the overview says how the app connects as the connect page does
	RuleAppFeatures    = "app-features"    // the languages' features agree
	RuleAppContact     = "app-contact"     // the contact addresses agree between languages
	RuleAppCategory    = "app-category"    // the overview's category is one of the Apps page's
	RuleAppDescription = "app-description" // the descriptions' lengths, from the brief
	RuleAppImages      = "app-images"      // screenshots of one ratio, a logo of the brief's size
)

func init() {
	for r, s := range map[string]string{RuleAppName: SeverityError, RuleAppConnection: SeverityError, RuleAppFeatures: SeverityError,
		RuleAppContact: SeverityWarning, RuleAppCategory: SeverityError, RuleAppDescription: SeverityWarning, RuleAppImages: SeverityWarning} {
		Rules[r] = s
	}
}

// The brief's sizes (reference-your-solution-on-hubrise).
const (
	logoWidth, logoHeight  = 250, 130
	summaryMin, summaryMax = 30, 35   // words of the Apps page description
	descMin, descMax       = 150, 300 // words of the overview's Description
)

// appFolder is one app's folder, read.
type appFolder struct {
	dir        string
	slug       string
	langs      []string
	overview   map[string]*page.Page
	connect    map[string]*page.Page
	custom     map[string]string // lang → customization name
	customAt   map[string]string // lang → its path
	entries    map[string][]appspage.Entry
	lines      map[string][]int    // lang → the line of each entry
	featuresAt map[string]int      // lang → the line of the Integration Features heading
	appsPage   map[string]string   // lang → the Apps page's path
	apps       map[string][]string // lang → the Apps page's categories
	findings   []Finding
	o          Options
	overviews  []string // paths, for findings
}

// Folders checks every app folder below the arguments as a whole.
func Folders(args []string, o Options) []Finding {
	var out []Finding
	for _, dir := range pagepath.AppFolders(args, page.IsLangCode) {
		if f := readAppFolder(dir, o); f != nil {
			f.check()
			out = append(out, f.findings...)
		}
	}
	Sort(out)
	return out
}

// readAppFolder reads dir as an app folder: nil when it has no overview.
func readAppFolder(dir string, o Options) *appFolder {
	f := &appFolder{dir: dir, slug: filepath.Base(dir), o: o, overview: map[string]*page.Page{}, connect: map[string]*page.Page{},
		custom: map[string]string{}, customAt: map[string]string{}, entries: map[string][]appspage.Entry{}, lines: map[string][]int{}, featuresAt: map[string]int{}, appsPage: map[string]string{}, apps: map[string][]string{}}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	for _, e := range entries {
		lang := e.Name()
		if !e.IsDir() || !page.IsLangCode(lang) {
			continue
		}
		ov := filepath.Join(dir, lang, "overview.md")
		data, err := safefile.Read(ov, page.MaxSize)
		if err != nil {
			continue
		}
		f.langs = append(f.langs, lang)
		f.overview[lang] = page.Parse(ov, data)
		f.overviews = append(f.overviews, ov)
		if data, err := safefile.Read(filepath.Join(dir, lang, "customization.yaml"), page.MaxSize); err == nil {
			var c struct {
				Name string `yaml:"name"`
			}
			if yaml.Unmarshal(data, &c) == nil {
				f.custom[lang], f.customAt[lang] = c.Name, filepath.Join(dir, lang, "customization.yaml")
			}
		}
		files, _ := os.ReadDir(filepath.Join(dir, lang))
		for _, pf := range files {
			p := filepath.Join(dir, lang, pf.Name())
			if pf.IsDir() || !strings.HasSuffix(p, ".md") || pf.Name() == "overview.md" {
				continue
			}
			if data, err := safefile.Read(p, page.MaxSize); err == nil {
				if pg := page.Parse(p, data); pg.IsConnect() && pg.FM("title") != nil {
					f.connect[lang] = pg
				}
			}
		}
		apps := appspage.PathFor(filepath.Dir(dir), lang)
		if data, err := safefile.Read(apps, 8<<20); err == nil {
			if pg, err := appspage.Parse(data); err == nil {
				f.appsPage[lang], f.apps[lang] = apps, pg.Categories()
				f.entries[lang], f.lines[lang] = pg.Entries(f.slug), pg.Lines(f.slug)
			}
		}
	}
	if len(f.langs) == 0 {
		return nil
	}
	return f
}

func (f *appFolder) add(path string, line int, rule, msg string, args ...any) {
	sev := Rules[rule]
	if s, ok := f.o.Severities[rule]; ok {
		if s == SeverityOff {
			return
		}
		sev = s
	}
	f.findings = append(f.findings, Finding{Path: path, Line: max(line, 1), Col: 1, Rule: rule, Severity: sev, Message: fmt.Sprintf(msg, args...)})
}

func (f *appFolder) check() {
	f.names()
	f.connection()
	f.features()
	f.contact()
	f.category()
	f.descriptions()
	f.images()
}

var overviewTitle = regexp.MustCompile(`^[^|]+\|\s*(.+?)\s*\|\s*HubRise$`)

// names: the folder's names spelled one way. Two names that are the same
// letters in another case or spacing are one name spelled two ways (1Bot,
// 1BOT); names of other words (Deliveroo, Deliveroo Bridge) are left alone.
func (f *appFolder) names() {
	type named struct {
		name, where, path string
		line              int
	}
	var all []named
	metaLine := func(pg *page.Page) int {
		if n := pg.FM("meta.title"); n != nil {
			return pg.FMPos(n).Line
		}
		return 1
	}
	for _, l := range f.langs {
		if m := overviewTitle.FindStringSubmatch(f.overview[l].FMString("meta.title")); m != nil {
			all = append(all, named{m[1], l + " overview's meta title", f.overview[l].Path, metaLine(f.overview[l])})
		}
		if n := f.custom[l]; n != "" {
			all = append(all, named{n, l + " customization.yaml", f.customAt[l], 1})
		}
		if c := f.connect[l]; c != nil {
			if m := overviewTitle.FindStringSubmatch(c.FMString("meta.title")); m != nil {
				all = append(all, named{m[1], l + " connect page's meta title", c.Path, metaLine(c)})
			}
		}
		for i, e := range f.entries[l] {
			all = append(all, named{e.Title, l + " Apps page entry", f.appsPage[l], f.lines[l][i]})
		}
	}
	key := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == ' ' || r == '\u00a0' || r == '-' || r == '.' {
				return -1
			}
			return r
		}, strings.ToLower(s))
	}
	reported := map[string]bool{}
	for i, a := range all {
		for _, b := range all[:i] {
			pair := min(a.name, b.name) + "\x00" + max(a.name, b.name)
			if a.name != b.name && key(a.name) == key(b.name) && strings.Join(strings.Fields(a.name), " ") != strings.Join(strings.Fields(strings.ReplaceAll(b.name, "\u00a0", " ")), " ") && !reported[pair] {
				reported[pair] = true
				f.add(a.path, a.line, RuleAppName, "the app is %q in the %s but %q in the %s: spell its name one way", a.name, a.where, b.name, b.where)
			}
		}
	}
}

var (
	viaHubRise   = regexp.MustCompile(`(?i)(from|depuis) (the |le )?(HubRise back[ -]?office|back-office (de )?HubRise)`)
	viaSupport   = regexp.MustCompile(`(?i)(via|through|by) (the )?.{0,40}support|support (line|team)|(via|par) (le )?support`)
	viaOwnOffice = regexp.MustCompile(`(?i)(from|depuis) (the |le |son )?.{0,40}back[ -]?office`)
	connectLine  = regexp.MustCompile(`(?i)(can be|is) connected (to HubRise )?|peut être connecté|se connecte à HubRise|connects to HubRise|vous pouvez connecter`)
	onlySupport  = regexp.MustCompile(`(?i)only (the )?.{0,60}support team can|can only be (connected|activated|set up) by|seul le support|seule l'équipe de support`)
	appListSteps = regexp.MustCompile(`(?i)(CONNECTIONS|CONNEXIONS).{0,80}(View available apps|Voir les apps disponibles)`)
)

// connection: the overview's line on how the app connects says what the
// connect page does, where the connect page says it plainly (only its
// support team connects it; it connects from HubRise's app list).
func (f *appFolder) connection() {
	for _, l := range f.langs {
		c := f.connect[l]
		if c == nil {
			continue
		}
		connect := ""
		switch body := string(c.Body); {
		case appListSteps.MatchString(strings.Join(strings.Fields(strings.ReplaceAll(body, "*", "")), " ")):
			connect = "hubrise"
		case onlySupport.MatchString(body):
			connect = "support"
		}
		if connect == "" {
			continue
		}
		for _, b := range f.overview[l].Blocks {
			if !connectLine.MatchString(b.Text) {
				continue
			}
			says := ""
			switch {
			case viaHubRise.MatchString(b.Text):
				says = "hubrise"
			case viaSupport.MatchString(b.Text):
				says = "support"
			case viaOwnOffice.MatchString(b.Text):
				says = "back-office"
			}
			wrong := says != "" && says != connect && !(connect == "hubrise" && says == "back-office" && viaHubRise.MatchString(b.Text))
			if wrong {
				line := f.overview[l].At(blockStart(b)).Line
				what := map[string]string{"hubrise": "from the HubRise back office's app list", "support": "only through its support team"}[connect]
				f.add(f.overview[l].Path, line, RuleAppConnection, "the overview says %q, but the connect page (%s) connects the app %s", b.Text, filepath.Base(c.Path), what)
			}
		}
	}
}

func blockStart(b page.Block) int {
	if s, ok := page.Extent(b.Node); ok {
		return s.Start
	}
	return 0
}

var (
	featureVerb   = regexp.MustCompile(`(?i)^(pull|receive|recevoir|import|importer)\b|^(push|send|envoyer|export|exporter)\b`)
	featureObject = regexp.MustCompile(`(?i)\b(orders?|commandes?|customers?|clients?|menu|catalogu?e?s?|inventory|inventaire)\b`)
)

// featureSet is what a language's Integration Features list pulls and
// pushes: object → direction.
func (f *appFolder) featureSet(l string) map[string]map[string]bool {
	out := map[string]map[string]bool{}

	inFeatures := false
	for _, b := range f.overview[l].Blocks {
		if b.Node.Kind() == ast.KindHeading {
			t := strings.ToLower(b.Text)
			inFeatures = strings.HasPrefix(t, "integration features") || strings.HasPrefix(t, "fonctionnalités")
			if inFeatures {
				f.featuresAt[l] = f.overview[l].At(blockStart(b)).Line
			}
			continue
		}
		if !inFeatures || b.Node.Parent() == nil || b.Node.Parent().Kind() != ast.KindListItem {
			continue
		}
		v := featureVerb.FindStringSubmatch(b.Text)
		o := featureObject.FindString(b.Text)
		if v == nil || o == "" || !strings.Contains(b.Text, "HubRise") {
			continue
		}
		dir := "pull"
		if v[2] != "" {
			dir = "push"
		}
		obj := strings.ToLower(o)
		switch {
		case strings.HasPrefix(obj, "order"), strings.HasPrefix(obj, "commande"):
			obj = "orders"
		case strings.HasPrefix(obj, "customer"), strings.HasPrefix(obj, "client"):
			obj = "customers"
		case strings.HasPrefix(obj, "menu"), strings.HasPrefix(obj, "catalog"):
			obj = "catalog"
		default:
			obj = "inventory"
		}
		if out[obj] == nil {
			out[obj] = map[string]bool{}
		}
		out[obj][dir] = true
	}
	return out
}

// features: what the app pulls from HubRise and pushes into it is the
// same in every language.
func (f *appFolder) features() {
	if len(f.langs) < 2 {
		return
	}
	first := f.langs[0]
	a := f.featureSet(first)
	for _, l := range f.langs[1:] {
		b := f.featureSet(l)
		if len(a) == 0 || len(b) == 0 {
			continue // a language without the list (a page in one language only)
		}
		for _, obj := range []string{"orders", "customers", "catalog", "inventory"} {
			for _, dir := range []string{"pull", "push"} {
				if a[obj][dir] != b[obj][dir] && len(a[obj]) > 0 && len(b[obj]) > 0 {
					has, lacks := first, l
					if b[obj][dir] {
						has, lacks = l, first
					}
					verb := map[string]string{"pull": "pulls", "push": "pushes"}[dir]
					f.add(f.overview[lacks].Path, f.featuresAt[lacks], RuleAppFeatures, "the %s overview says the app %s %s, the %s overview does not: the features must agree between languages", has, verb, obj, lacks)
				}
			}
		}
	}
}

var emailIn = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)

// contact: an address given in two languages is the same address; two
// that differ by a slip (case, a letter or two) are one written wrong.
func (f *appFolder) contact() {
	seen := map[string]string{} // address → lang
	for _, l := range f.langs {
		for _, addr := range emailIn.FindAllString(f.overview[l].FMString("app_info.contact"), -1) {
			for other, ol := range seen {
				if other != addr && strings.EqualFold(other, addr) || other != addr && partner.Levenshtein(strings.ToLower(other), strings.ToLower(addr)) <= 2 {
					f.add(f.overview[l].Path, 1, RuleAppContact, "the contact is %s here but %s in the %s overview: one of them is written wrong", addr, other, ol)
				}
			}
			seen[addr] = l
		}
	}
}

// category: the overview's category is one of the Apps page's, in its
// language.
func (f *appFolder) category() {
	for _, l := range f.langs {
		cats := f.apps[l]
		cat := f.overview[l].FMString("app_info.category")
		if len(cats) == 0 || cat == "" || slices.Contains(cats, cat) {
			continue
		}
		f.add(f.overview[l].Path, f.overview[l].FMPos(f.overview[l].FM("app_info.category")).Line, RuleAppCategory, "category %q is not one of the %s Apps page's: %s", cat, l, strings.Join(cats, ", "))
	}
}

// descriptions: the brief's lengths, for the Apps page description and the
// overview's Description, in the language the partner writes them in (the
// brief's, English; else the folder's first): the others are translations.
func (f *appFolder) descriptions() {
	l := f.langs[0]
	if slices.Contains(f.langs, "en") {
		l = "en"
	}
	for i, e := range f.entries[l] {
		if n := len(strings.Fields(e.Description)); n > 0 && (n < summaryMin || n > summaryMax) {
			f.add(f.appsPage[l], f.lines[l][i], RuleAppDescription, "%s's Apps page description has %d words; the brief asks for %d to %d", e.Title, n, summaryMin, summaryMax)
		}
	}
	words, in, line := 0, false, 1
	for _, b := range f.overview[l].Blocks {
		if b.Node.Kind() == ast.KindHeading {
			if in = strings.EqualFold(strings.TrimSpace(b.Text), "description"); in {
				line = f.overview[l].At(blockStart(b)).Line
			}
			continue
		}
		if in {
			words += len(strings.Fields(b.Text))
		}
	}
	if words > 0 && (words < descMin || words > descMax) {
		f.add(f.overview[l].Path, line, RuleAppDescription, "the Description has %d words; the brief asks for %d to %d", words, descMin, descMax)
	}
}

// images: the gallery's screenshots share one width-height ratio, and the
// logo is the brief's size. Images the folder does not hold are not
// checked (the site keeps them elsewhere).
func (f *appFolder) images() {
	for _, l := range f.langs {
		pg := f.overview[l]
		g := pg.FM("gallery")
		if g == nil || g.Kind != yaml.SequenceNode {
			continue
		}
		var first string
		var ratio float64
		for _, item := range g.Content {
			w, h, ok := imageSize(filepath.Join(f.dir, l, item.Value), filepath.Join(f.dir, item.Value), filepath.Join(f.dir, l, "images", item.Value))
			if !ok || h == 0 {
				continue
			}
			r := float64(w) / float64(h)
			if first == "" {
				first, ratio = item.Value, r
				continue
			}
			if d := r/ratio - 1; d > 0.02 || d < -0.02 {
				f.add(pg.Path, pg.FMPos(item).Line, RuleAppImages, "screenshot %s is %d×%d, not of the ratio of %s (%.2f): the brief asks for one width-height ratio", item.Value, w, h, first, ratio)
			}
		}
	}
	for _, l := range f.langs {
		if w, h, ok := imageSize(filepath.Join(f.dir, l, "__logo.png"), filepath.Join(f.dir, "__logo.png")); ok && (w != logoWidth || h != logoHeight) {
			f.add(f.customAt[l], 1, RuleAppImages, "the logo is %d×%d; the brief asks for %d×%d", w, h, logoWidth, logoHeight)
			return
		}
	}
}

// imageSize reads the size of the first of paths that is an image.
func imageSize(paths ...string) (int, int, bool) {
	for _, p := range paths {
		data, err := safefile.Read(p, 32<<20)
		if err != nil {
			continue
		}
		c, _, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			continue
		}
		return c.Width, c.Height, true
	}
	return 0, 0, false
}
