package lint

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestSuppression(t *testing.T) {
	t.Parallel()
	// line 23 of cleanPage gets two defects: an elision-free TODO and a bare link
	with := func(old, new string) string { return strings.Replace(cleanPage, old, new, 1) }
	defects := "Write to desk TODO [site](www.brewly.example) "
	base := with("Write to desk", defects+"Write to desk")
	cases := []struct {
		name, page string
		want       []string // rule:line of the findings left
	}{
		{"no suppression", base, []string{"link-form:23", "placeholder:23"}},
		{"next line, one rule", with("Write to desk", "{/* partnerpages-lint-disable-next-line placeholder */}\n\n"+defects+"Write to desk"), []string{"link-form:25"}},
		{"next line, two rules", with("Write to desk", "{/* partnerpages-lint-disable-next-line placeholder, link-form */}\n"+defects+"Write to desk"), nil},
		{"block", with("Write to desk", "{/* partnerpages-lint-disable link-form */}\n\n"+defects+"Write to desk") + "\n{/* partnerpages-lint-enable link-form */}\n\n[again](www.x.example)\n", []string{"placeholder:25", "link-form:33"}},
		{"silences nothing", with("## Disconnect Brewly", "{/* partnerpages-lint-disable-next-line anchor */}\n## Disconnect Brewly"), []string{"suppression:25"}},
		{"unknown rule", with("## Disconnect Brewly", "{/* partnerpages-lint-disable-next-line spelling */}\n## Disconnect Brewly"), []string{"suppression:25"}},
		{"enable without disable", with("## Disconnect Brewly", "{/* partnerpages-lint-enable anchor */}\n\n## Disconnect Brewly"), []string{"suppression:25"}},
		{"in a code fence it is text", with("## Disconnect Brewly", "```\n{/* partnerpages-lint-disable-next-line placeholder */}\n```\n\nTODO\n\n## Disconnect Brewly"), []string{"placeholder:29"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, f := range Check(Parse("p.md", []byte(c.page)), DefaultOptions()) {
				got = append(got, f.Rule+":"+strconv.Itoa(f.Line))
			}
			slices.Sort(got)
			want := slices.Sorted(slices.Values(c.want))
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("got %v, want %v\n%s", got, c.want, c.page)
			}
		})
	}
}

// TestSuppressedPageIsClean: the page CI also compiles with the site's MDX
// compiler, to show that suppression comments survive the build.
func TestSuppressedPageIsClean(t *testing.T) {
	t.Parallel()
	if fs := run(t, []string{"testdata/suppressed"}); len(fs) > 0 {
		t.Errorf("findings:\n%s", lines(fs))
	}
}
