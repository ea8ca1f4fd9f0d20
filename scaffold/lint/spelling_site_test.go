package lint

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnerpages/partnerpages/internal/testspell"
)

// TestSpellingOnGeneratedPages: the templates' own words are spelt right.
func TestSpellingOnGeneratedPages(t *testing.T) {
	t.Parallel()
	o := DefaultOptions()
	o.Speller = testspell.Hunspell(t)
	fs, err := Run(context.Background(), []string{"../render/testdata/golden"}, o)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Rule == RuleSpelling {
			t.Errorf("generated page: %s", f)
		}
	}
}

// TestSpellingOnTheReferenceSite lints the whole reference site with the
// dictionaries: every spelling finding must be one read and judged true
// (testdata/spelling-reviewed.txt), and every reviewed one must still be
// found. A new finding fails until someone reads it: a true one joins the
// list, a false one is the rule's to fix (or a word for vocabulary.txt).
func TestSpellingOnTheReferenceSite(t *testing.T) {
	t.Parallel()
	content := filepath.Join("..", "..", "..", "shared", "reference", "site", "content")
	if _, err := os.Stat(content); err != nil {
		t.Skip("no ../shared/reference/site beside the project")
	}
	o := DefaultOptions()
	o.Speller = testspell.Hunspell(t)
	site, err := LoadSite(content)
	if err != nil {
		t.Fatal(err)
	}
	o.Site = site
	fs, err := Run(context.Background(), []string{content}, o)
	if err != nil {
		t.Fatal(err)
	}
	reviewed := readReviewed(t)
	found := map[string]bool{}
	pages := map[string]bool{}
	for _, f := range fs {
		rel, _ := filepath.Rel(content, f.Path)
		pages[rel] = true
		if f.Rule != RuleSpelling {
			continue
		}
		word, _, _ := strings.Cut(strings.TrimPrefix(f.Message, `"`), `"`)
		key := filepath.ToSlash(rel) + " " + word
		found[key] = true
		if !reviewed[key] {
			t.Errorf("a spelling finding nobody has read: %s", f)
		}
	}
	for key := range reviewed {
		if !found[key] {
			t.Errorf("a reviewed slip is no longer found: %s", key)
		}
	}
	t.Logf("spelling on the reference site: %d findings, all in the reviewed list of %d true ones", len(found), len(reviewed))
}

// readReviewed reads testdata/spelling-reviewed.txt: "page word" keys.
func readReviewed(t *testing.T) map[string]bool {
	t.Helper()
	f, err := os.Open("testdata/spelling-reviewed.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		fields := strings.Fields(line)
		word := fields[1]
		if word == "To" && len(fields) > 2 && fields[2] == "can" {
			word = "To can"
		}
		out[fields[0]+" "+word] = true
	}
	return out
}
