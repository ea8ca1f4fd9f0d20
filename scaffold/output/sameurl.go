package output

import (
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

// pathOverride is the front matter line that gives a page its URL.
var pathOverride = regexp.MustCompile(`(?m)^path_override:[ \t]*['"]?([^'"\s]+)['"]?[ \t]*$`)

// urlOf is the path_override a page's front matter gives, "" if none.
func urlOf(page []byte) string {
	rest, ok := strings.CutPrefix(string(page), "---\n")
	if !ok {
		return ""
	}
	fm, _, _ := strings.Cut(rest, "\n---")
	if m := pathOverride.FindStringSubmatch(fm); m != nil {
		return m[1]
	}
	return ""
}

// SameURL returns the other page of p's folder that the site serves at
// p's URL (the same path_override), "" if none: a page created beside it
// would be a second file for one URL.
func (d *Dir) SameURL(p Page) string {
	url := urlOf(p.Content)
	if url == "" {
		return ""
	}
	folder := path.Dir(p.Rel)
	dir, err := d.Path(p.Rel)
	if err != nil {
		return ""
	}
	entries, err := os.ReadDir(filepath.Dir(dir))
	if err != nil {
		return ""
	}
	for _, e := range entries {
		name := e.Name()
		if name == path.Base(p.Rel) || !e.Type().IsRegular() || !strings.HasSuffix(name, ".md") {
			continue
		}
		if data, ok, err := d.Read(folder + "/" + name); err == nil && ok && urlOf(data) == url {
			return folder + "/" + name
		}
	}
	return ""
}
