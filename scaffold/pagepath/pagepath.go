// Package pagepath is the one layout of a page's place in the output
// folder: <slug>/<lang>/<file>, as the docs site keeps its app pages
// (content/apps/<slug>/<lang>/<file>).
package pagepath

import (
	"path/filepath"
	"strings"

	"github.com/partnerpages/partnerpages/scaffold/partner"
)

// Path is a page's place: its partner's slug, its language and its file.
type Path struct {
	Slug, Lang, File string
}

// Rel is the page's path inside the output folder, '/'-separated.
func (p Path) Rel() string { return p.Slug + "/" + p.Lang + "/" + p.File }

// Parse reads a path inside the output folder ("<slug>/<lang>/<file>");
// ok is false for any other shape.
func Parse(rel string) (p Path, ok bool) {
	parts := strings.Split(rel, "/")
	if len(parts) != 3 || !partner.SlugPattern.MatchString(parts[0]) || !partner.ValidLang(parts[1]) || parts[2] == "" {
		return Path{}, false
	}
	return Path{Slug: parts[0], Lang: parts[1], File: parts[2]}, true
}

// Find reads the last three parts of a file path as a page's place, as a
// page of the site's content tree (…/apps/<slug>/<lang>/<file>) has them.
func Find(path string) (Path, bool) {
	file := filepath.Base(path)
	langDir := filepath.Dir(path)
	slugDir := filepath.Dir(langDir)
	if langDir == "." || slugDir == langDir {
		return Path{}, false
	}
	return Parse(filepath.Base(slugDir) + "/" + filepath.Base(langDir) + "/" + file)
}
