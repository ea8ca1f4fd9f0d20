package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
	"github.com/partnerpages/partnerpages/templates"
)

// yamlBlock is a fenced YAML example of the docs.
var yamlBlock = regexp.MustCompile("(?s)```yaml\n(.*?)```")

// partnerKeys are the top-level fields of a partner file: an example that
// starts with one of them is a partner file, whole or in part.
var partnerKeys = regexp.MustCompile(`^(# partners/|name|slug|publisher|kind|elide|languages|support|connection|disconnect|sections|preamble|page|meta|file_name|step_text):?`)

// TestDocsPartnerExamplesValidate: every partner file the README and the
// guide show validates and renders, and every part of one does, added to
// a partner that lacks nothing else.
func TestDocsPartnerExamplesValidate(t *testing.T) {
	t.Parallel()
	set, err := render.Load(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	const base = "name: Lumo\nsupport: {email: help@lumo.example}\nconnection: {mode: back-office, menu: [Settings], button: Link}\ndisconnect: {mode: hubrise}\n"
	n := 0
	for _, doc := range []string{"README.md", filepath.Join("docs", "guide.md")} {
		data, err := os.ReadFile(filepath.Join("..", "..", doc))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range yamlBlock.FindAllStringSubmatch(string(data), -1) {
			ex := m[1]
			if !partnerKeys.MatchString(ex) {
				continue // a project file, a workflow, a part of a section
			}
			src := ex
			if !strings.HasPrefix(ex, "# partners/") && !strings.HasPrefix(ex, "name:") {
				src = base + ex
			}
			n++
			p, errs := partner.Decode("example.yaml", []byte(src), set.Languages())
			if len(errs) > 0 {
				t.Errorf("%s: the example does not validate: %v\n%s", doc, errs, ex)
				continue
			}
			if _, err := set.Render(p); err != nil {
				t.Errorf("%s: the example does not render: %v\n%s", doc, err, ex)
			}
		}
	}
	if n < 3 {
		t.Errorf("only %d partner examples found in the docs", n)
	}
}
