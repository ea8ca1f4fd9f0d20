package render_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/partnerpages/partnerpages/scaffold/lint"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
)

// elisionNames are partner names that start with each vowel, accented or
// not, in either case, and with h, y and consonants, which keep the full form.
var elisionNames = []string{
	"Adipos", "Eatself", "Idéal Caisse", "Obypay", "Ultimapos", "Éole", "Île Resto", "Œnoteca",
	"iiko", "uber eats", "App4", "Hapi", "HubPos", "Yumi", "Qwenta", "4Food", "Zelty",
}

// siteNames returns the product name of every connect page of the reference
// copy of the site (none when ../shared is absent).
func siteNames(t *testing.T) []string {
	pages, _ := filepath.Glob("../../../shared/reference/site/content/apps/*/*/*.md")
	seen := map[string]bool{}
	var names []string
	for _, path := range pages {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		p := lint.Parse(path, src)
		if !p.IsConnect() {
			continue
		}
		if name, _ := p.MetaName(); name != "" && !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	return names
}

// elisionPartner is a bilingual partner named name, in the given modes, with
// every standard section; publisher may be "".
func elisionPartner(t *testing.T, set *render.Set, name, publisher, mode, disconnect string) *partner.Partner {
	doc := map[string]any{
		"name": name, "slug": "elision", "languages": []string{"en", "fr"},
		"support":    map[string]any{"email": "help@partner.example"},
		"connection": map[string]any{"mode": mode},
		"disconnect": map[string]any{"mode": disconnect},
	}
	if publisher != "" {
		doc["publisher"] = publisher
	}
	if mode != partner.ModeSupport && mode != partner.ModeAppList {
		doc["connection"].(map[string]any)["menu"] = []string{"Intégrations", "HubRise"}
		doc["connection"].(map[string]any)["button"] = map[string]string{"en": "Connect", "fr": "Connecter"}
	}
	if disconnect == partner.DisconnectBackOffice {
		doc["disconnect"].(map[string]any)["menu"] = []string{"Intégrations"}
		doc["disconnect"].(map[string]any)["button"] = map[string]string{"en": "Disconnect", "fr": "Déconnecter"}
	}
	data, _ := yaml.Marshal(doc)
	p, errs := partner.Parse("elision.yaml", data)
	if len(errs) == 0 {
		errs = partner.Resolve(p, set.Languages())
	}
	if len(errs) > 0 {
		t.Fatalf("%s %s/%s: %v", name, mode, disconnect, errs)
	}
	return p
}

// sample keeps every k-th item, the first and the last.
func sample(items []string, k int) []string {
	var out []string
	for i, it := range items {
		if i%k == 0 || i == len(items)-1 {
			out = append(out, it)
		}
	}
	return out
}

// counters of the property test, for its log
var pagesChecked, elisionsUndone atomic.Int64

// elidedRe finds an elided word (d', l', qu', n', s', lorsqu', puisqu',
// jusqu') and the letter after it; fullForm undoes it. The oracle is French,
// not the code under test: each elided form has one full form to undo to
// (l' to "le", which lint must report as surely as "la").
var (
	elidedRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(lorsqu|puisqu|jusqu|qu|d|l|n|s)'([aeiouàâäéèêëîïôöùûüœæ])`)
	fullForm = map[string]string{"d": "de", "l": "le", "qu": "que", "n": "ne", "s": "se", "lorsqu": "lorsque", "puisqu": "puisque", "jusqu": "jusque"}
)

// undoElisions writes every elision of page in full ("d'Orderix" → "de
// Orderix"), outside code spans and link targets, and returns the new page
// and how many it undid on each line.
func undoElisions(page string) (string, map[int]int) {
	lines := strings.Split(page, "\n")
	undone := map[int]int{}
	for i, line := range lines {
		if strings.HasPrefix(line, "path_override:") || strings.Contains(line, "`") {
			continue
		}
		lines[i] = elidedRe.ReplaceAllStringFunc(line, func(m string) string {
			sub := elidedRe.FindStringSubmatchIndex(m)
			word := m[sub[2]:sub[3]]
			full := fullForm[strings.ToLower(word)]
			if word[0] >= 'A' && word[0] <= 'Z' {
				full = strings.ToUpper(full[:1]) + full[1:]
			}
			undone[i+1]++
			return m[:sub[2]] + full + " " + m[sub[4]:]
		})
	}
	return strings.Join(lines, "\n"), undone
}

// TestFrenchElisionProperty renders, for every partner name of the site and
// the names above, every connection and disconnect mode, with and without a
// publisher: the French page has no elision finding (nor any other), and
// once each of its elisions is written in full, lint reports each one on its
// line. The English page lints clean for its own rules.
func TestFrenchElisionProperty(t *testing.T) {
	t.Parallel()
	set := loadSet(t)
	names := append(siteNames(t), elisionNames...)
	switch {
	case raceDetector:
		names = sample(names, 4)
	case !longTests: // every name made to test elision, and a third of the site's
		names = append(sample(siteNames(t), 3), elisionNames...)
	}
	t.Cleanup(func() { // after the parallel subtests
		t.Logf("%d names, %d pages, %d elisions written in full and reported", len(names), pagesChecked.Load(), elisionsUndone.Load())
	})
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			for _, mode := range partner.ConnectionModes {
				for _, disc := range partner.DisconnectModes {
					publishers := []string{""}
					if mode == partner.ModeSupport { // the only mode that names the publisher
						publishers = append(publishers, "Arcsolu", "Éditions "+name)
					}
					for _, publisher := range publishers {
						p := elisionPartner(t, set, name, publisher, mode, disc)
						checkElisions(t, set, p, fmt.Sprintf("%s (%s/%s, publisher %q)", name, mode, disc, publisher))
					}
				}
			}
		})
	}
}

// checkElisions renders p: every page lints clean, and on the French page
// each elision written in full is reported on its line.
func checkElisions(t *testing.T, set *render.Set, p *partner.Partner, label string) {
	opts := lint.DefaultOptions()
	out, err := set.Render(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range out {
		for _, f := range lint.Check(lint.Parse(o.Lang+"/"+o.Name, o.Content), opts) {
			t.Errorf("%s %s: %s\n%s", label, o.Lang, f, o.Content)
		}
		if o.Lang != "fr" {
			continue
		}
		pagesChecked.Add(1)
		full, undone := undoElisions(string(o.Content))
		if len(undone) == 0 {
			t.Errorf("%s: the French page has no elision to undo", label)
		}
		reported := map[int]int{}
		for _, f := range lint.Check(lint.Parse(o.Lang+"/"+o.Name, []byte(full)), opts) {
			if f.Rule == lint.RuleElision {
				reported[f.Line]++
			}
		}
		for line, n := range undone {
			elisionsUndone.Add(int64(n))
			if reported[line] < n {
				t.Errorf("%s: line %d has %d elision(s) written in full, lint reports %d:\n%s",
					label, line, n, reported[line], strings.Split(full, "\n")[line-1])
			}
		}
	}
}
