// Package pagepath is the one layout of a page's place in the output
// folder: <slug>/<lang>/<file>, as the docs site keeps its app pages
// (content/apps/<slug>/<lang>/<file>).
package pagepath

import (
	"io/fs"
	"os"
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

// Overview is the file name of an app's overview page.
const Overview = "overview.md"

// AppFolders lists the app folders below roots (folders such as a site's
// content/apps, or one app's folder): each folder with <lang>/overview.md
// for a language isLang accepts, once, in walking order, that stands where
// an app folder does (appPlace: the site's docs/ has an overview too).
// Hidden folders are passed over, and so is what cannot be read.
func AppFolders(roots []string, isLang func(string) bool) []string {
	var out []string
	seen := map[string]bool{}
	for _, root := range roots {
		if st, err := os.Stat(root); err != nil || !st.IsDir() {
			continue
		}
		_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			switch {
			case err != nil || !d.IsDir():
				return nil
			case path != root && strings.HasPrefix(d.Name(), "."):
				return fs.SkipDir
			case !hasOverview(path, isLang):
				return nil
			case !appPlace(path, root):
				return fs.SkipDir // a folder with an overview that is no app's holds no app folder
			}
			if abs, _ := filepath.Abs(path); !seen[abs] {
				seen[abs] = true
				out = append(out, path)
			}
			return fs.SkipDir // an app folder holds no other
		})
	}
	return out
}

// appPlace reports whether path, below root, stands where an app folder
// does: in a folder named apps (a site's content/apps/<slug>), or as root
// itself, or in root when root is no site's content folder (a project's
// output folder of another name; a content folder has apps/ in it).
func appPlace(path, root string) bool {
	parent := filepath.Dir(filepath.Clean(path))
	switch {
	case filepath.Clean(path) == filepath.Clean(root), filepath.Base(parent) == "apps":
		return true
	case parent == filepath.Clean(root):
		st, err := os.Stat(filepath.Join(root, "apps"))
		return err != nil || !st.IsDir()
	}
	return false
}

func hasOverview(dir string, isLang func(string) bool) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if e.IsDir() && isLang(e.Name()) {
			if st, err := os.Stat(filepath.Join(dir, e.Name(), Overview)); err == nil && st.Mode().IsRegular() {
				return true
			}
		}
	}
	return false
}
