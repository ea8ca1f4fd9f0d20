package pageimport

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/partnerpages/partnerpages/scaffold/lint"
	"github.com/partnerpages/partnerpages/scaffold/page"
	"github.com/partnerpages/partnerpages/scaffold/render"
)

// TestRealSiteImport is the measure of the import issue, over every connect
// page of the platform's real site (when ../shared is there, as in CI):
// every page imports into a partner file that validates, the regenerated
// pages keep every partner fact (PartnerFacts) and lint clean. It prints
// the figures: pages, facts kept, coverage, time.
func TestRealSiteImport(t *testing.T) {
	t.Parallel()
	if raceDetector {
		t.Skip("a report over the whole real site: the plain run (and CI's) gives its figures; import runs on one goroutine")
	}
	apps := filepath.Join("..", "..", "..", "shared", "reference", "site", "content", "apps")
	if _, err := os.Stat(apps); err != nil {
		t.Skip("no ../shared/reference/site beside the project")
	}
	var paths []string
	for _, name := range []string{"connect-hubrise.md", "connexion-hubrise.md"} {
		m, _ := filepath.Glob(filepath.Join(apps, "*", "*", name))
		paths = append(paths, m...)
	}
	slices.Sort(paths)
	pages, failedRead := ReadPages(paths)
	if len(failedRead) > 0 {
		t.Fatalf("%s: %v", failedRead[0].Path, failedRead[0].Err)
	}
	o := testOptions(t)
	start := time.Now()
	results, failed := Import(pages, o)
	took := time.Since(start)
	for _, f := range failed {
		t.Errorf("%s: refused: %v", f.Path, f.Err)
	}
	facts, kept, verbatim, typedParts, v2 := 0, 0, 0, 0, 0
	descs, descsKept, descsFixed := 0, 0, 0
	var cov, styled []float64
	for _, res := range results {
		if res.Partner == nil {
			t.Errorf("%s: the partner file does not validate:\n%v\n%s", res.Slug, res.Problems, res.YAML)
			continue
		}
		if bytes.Contains(res.YAML, []byte("(schema v2)")) {
			v2++
		}
		for _, f := range res.RegenFindings {
			if f.Severity != lint.SeverityWarning {
				t.Errorf("%s: regenerated page: %s", res.Slug, f)
			}
		}
		for _, m := range res.Missing {
			t.Errorf("%s: lost %s", res.Slug, m)
		}
		for _, pg := range res.Pages {
			// the team's own meta description comes back, unless lint found
			// a defect in it (then the template's text replaces it)
			if want := pg.page.FMString("meta.description"); want != "" {
				descs++
				got := ""
				if out := outputIn(res.Regenerated, pg.Lang); out != nil {
					got = page.Parse(out.Name, out.Content).FMString("meta.description")
				}
				switch n := pg.page.FM("meta.description"); {
				case render.PlainSpacing(got) == want:
					descsKept++
				case slices.ContainsFunc(pg.Findings, func(f lint.Finding) bool { return f.Line == pg.page.FMPos(n).Line }):
					descsFixed++
				default:
					t.Errorf("%s: meta.description %q came back as %q", pg.Path, want, got)
				}
			}
			facts += pg.Facts
			cov = append(cov, pg.Coverage)
			if pg.Typed >= 2 { // template-style: at least two standard sections the template writes
				styled = append(styled, pg.Coverage)
			}
		}
		kept += countFacts(res) - len(res.Missing)
		for _, pg := range res.Pages {
			for _, n := range pg.Notes {
				if strings.Contains(n.Text, "kept as written") {
					verbatim++
				}
			}
		}
		typedParts += strings.Count(string(res.YAML), "\n  - connect\n") + strings.Count(string(res.YAML), "\n  - give-access\n")
	}
	median := func(v []float64) float64 {
		if len(v) == 0 {
			return 0
		}
		slices.Sort(v)
		return v[len(v)/2]
	}
	t.Logf("real site: %d pages, %d partners (%d in schema v2), %d refused; facts kept %d of %d; median template coverage %.0f%% over all pages, %.0f%% over the %d template-style pages; %d sections kept as written; import took %v",
		len(pages), len(results), v2, len(failed), kept, facts, 100*median(cov), 100*median(styled), len(styled), verbatim, took.Round(time.Millisecond))
	fmt.Printf("REAL SITE IMPORT: meta descriptions kept %d/%d (%d with a defect lint found, replaced by the template's)\n", descsKept, descs, descsFixed)
	fmt.Printf("REAL SITE IMPORT: %d pages, %d partner files, facts kept %d/%d, median template coverage %.0f%% (template-style pages: %.0f%% over %d), %v\n",
		len(pages), len(results), kept, facts, 100*median(cov), 100*median(styled), len(styled), took.Round(time.Millisecond))
}

func countFacts(res *Result) int {
	n := 0
	for _, pg := range res.Pages {
		n += pg.Facts
	}
	return n
}
