package wizard

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/charmbracelet/glamour"
	"go.yaml.in/yaml/v3"

	"github.com/partnerpages/partnerpages/scaffold/page"
)

var (
	headingIDRe = regexp.MustCompile(`(?m)^(#{1,6} .*?)\s*\{#[a-z0-9-]+\}\s*$`)
	// bareEmailRe is an e-mail address written as text, which the terminal
	// renderer would link and print twice ("a@b.co mailto:a@b.co"), long
	// enough to be cut at its dots on a narrow terminal
	bareEmailRe = regexp.MustCompile(`(^|[\s(])([\w.+-]+@[\w-]+(?:\.[\w-]+)+)`)
)

// Preview renders a page as a reader sees it, for the terminal: the title
// from the front matter as a heading, custom heading ids hidden. plain
// drops colours and styles (accessible mode, or no terminal).
func Preview(src []byte, width int, plain bool) (string, error) {
	title := ""
	fm, body, ok := page.SplitFrontMatter(src)
	if ok {
		var meta struct {
			Meta struct {
				Title string `yaml:"title"`
			} `yaml:"meta"`
		}
		_ = yaml.Unmarshal(fm, &meta)
		title = meta.Meta.Title
	}
	body = headingIDRe.ReplaceAll(body, []byte("$1"))
	body = bareEmailRe.ReplaceAll(body, []byte("$1`$2`")) // shown once, as a whole
	var md bytes.Buffer
	if title != "" {
		md.WriteString("# " + strings.ReplaceAll(title, "#", "\\#") + "\n\n")
	}
	md.Write(body)
	style := "dark"
	if plain {
		style = "notty"
	}
	if width <= 0 || width > 100 {
		width = 100
	}
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(width-4))
	if err != nil {
		return "", err
	}
	return r.Render(md.String())
}
