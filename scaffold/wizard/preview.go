package wizard

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/charmbracelet/glamour"
	"go.yaml.in/yaml/v3"
)

var (
	fmRe        = regexp.MustCompile(`(?s)\A---\n(.*?)\n---\n`)
	headingIDRe = regexp.MustCompile(`(?m)^(#{1,6} .*?)\s*\{#[a-z0-9-]+\}\s*$`)
)

// Preview renders a page as a reader sees it, for the terminal: the title
// from the front matter as a heading, custom heading ids hidden. plain
// drops colours and styles (accessible mode, or no terminal).
func Preview(page []byte, width int, plain bool) (string, error) {
	body := page
	title := ""
	if m := fmRe.FindSubmatchIndex(page); m != nil {
		var fm struct {
			Meta struct {
				Title string `yaml:"title"`
			} `yaml:"meta"`
		}
		_ = yaml.Unmarshal(page[m[2]:m[3]], &fm)
		title = fm.Meta.Title
		body = page[m[1]:]
	}
	body = headingIDRe.ReplaceAll(body, []byte("$1"))
	var src bytes.Buffer
	if title != "" {
		src.WriteString("# " + strings.ReplaceAll(title, "#", "\\#") + "\n\n")
	}
	src.Write(body)
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
	return r.Render(src.String())
}
