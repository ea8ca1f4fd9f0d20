package pageimport

import (
	"os"
	"strings"
	"testing"
)

// TestABlockAfterThePlatformsTextIsKept: a sentence, table, code block,
// quote or <details> the partner added at the end of the give-access or
// contact section comes back in the regenerated page (the section is kept
// as written); before, import said [ok] and dropped it.
func TestABlockAfterThePlatformsTextIsKept(t *testing.T) {
	t.Parallel()
	o := testOptions(t)
	src, err := os.ReadFile("testdata/apps/brewly/en/connect-hubrise.md")
	if err != nil {
		t.Fatal(err)
	}
	// what must come back of each block: its lines (a tag is kept as text)
	blocks := map[string]string{
		"sentence": "Our team answers within a day.\n",
		"table":    "| Plan | Support |\n|---|---|\n| Pro | 24/7 |\n",
		"code":     "```\nsupport-id: 42\n```\n",
		"quote":    "> Keep your location ID at hand.\n",
		"details":  "<details><summary>Opening hours</summary>Monday to Friday.</details>\n",
	}
	for _, before := range []string{"## Contact Brewly Support", "## Map the Payment Methods"} {
		for name, block := range blocks {
			page := strings.Replace(string(src), before, block+"\n"+before, 1)
			results, failed := Import([]Page{{Path: "apps/brewly/en/connect-hubrise.md", Data: []byte(page)}}, o)
			if len(failed) > 0 || len(results) != 1 {
				t.Errorf("%s before %q: not imported: %v", name, before, failed)
				continue
			}
			var regenerated string
			for _, out := range results[0].Regenerated {
				regenerated += string(out.Content)
			}
			want := strings.Split(strings.TrimSpace(block), "\n")
			if name == "details" {
				want = []string{"Opening hours", "Monday to Friday."}
			}
			for _, line := range want {
				if !strings.Contains(regenerated, line) {
					t.Errorf("%s before %q: %q is not in the regenerated page", name, before, line)
				}
			}
		}
	}
}
