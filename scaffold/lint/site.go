package lint

import (
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Site is an index of a docs content tree laid out like the site's content/:
// docs/<lang>/<file>.md and apps/<app>/<lang>/<file>.md, with the custom
// heading ids of each file and the localized slugs (path_override) that
// stand for each file name.
type Site struct {
	Root      string
	docs      map[string]map[string]map[string]bool // file → lang → ids
	apps      map[string]map[string]map[string]map[string]bool
	localized map[string]string // "docs/comment-demarrer" → "docs/get-started"
}

// LoadSite indexes the content tree at root.
func LoadSite(root string) (*Site, error) {
	s := &Site{Root: root, docs: map[string]map[string]map[string]bool{}, apps: map[string]map[string]map[string]map[string]bool{}, localized: map[string]string{}}
	fsys := os.DirFS(root)
	found := 0
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		parts := strings.Split(p, "/")
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		pg := Parse(p, data)
		ids := map[string]bool{}
		for _, h := range pg.Headings {
			if h.ID != "" {
				ids[h.ID] = true
			}
		}
		file := strings.TrimSuffix(parts[len(parts)-1], ".md")
		override := ""
		if n := pg.FM("path_override"); n != nil && n.Kind == yaml.ScalarNode {
			override = n.Value
		}
		switch {
		case len(parts) == 3 && parts[0] == "docs":
			lang := parts[1]
			if s.docs[file] == nil {
				s.docs[file] = map[string]map[string]bool{}
			}
			s.docs[file][lang] = ids
			if override != "" && override != file {
				s.localized["docs/"+override] = "docs/" + file
			}
			found++
		case len(parts) == 4 && parts[0] == "apps":
			app, lang := parts[1], parts[2]
			if s.apps[app] == nil {
				s.apps[app] = map[string]map[string]map[string]bool{}
			}
			if s.apps[app][file] == nil {
				s.apps[app][file] = map[string]map[string]bool{}
			}
			s.apps[app][file][lang] = ids
			if override != "" && override != file {
				s.localized["apps/"+app+"/"+override] = "apps/" + app + "/" + file
			}
			found++
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("--site %s: %w", root, err)
	}
	if found == 0 {
		return nil, fmt.Errorf("--site %s: no docs/<lang>/<file>.md or apps/<app>/<lang>/<file>.md below it", root)
	}
	return s, nil
}

// Resolve checks a link target against the tree; it returns "" when the
// link resolves (or is not a /docs/ or /apps/ link) and else what is wrong.
func (s *Site) Resolve(dest, lang string) string {
	target, frag, _ := strings.Cut(dest, "#")
	target = strings.Trim(target, "/")
	if !strings.HasPrefix(dest, "/docs/") && !strings.HasPrefix(dest, "/apps/") {
		return ""
	}
	if english, ok := s.localized[target]; ok {
		return fmt.Sprintf("/%s is a localized slug; link to the English file name /%s and the site rewrites it per language", target, english+suffix(frag))
	}
	parts := strings.Split(target, "/")
	var langs map[string]map[string]bool
	var where string
	switch {
	case parts[0] == "docs" && len(parts) == 2:
		langs, where = s.docs[parts[1]], "docs/<lang>/"+parts[1]+".md"
	case parts[0] == "apps" && len(parts) == 3:
		langs, where = s.apps[parts[1]][parts[2]], "apps/"+parts[1]+"/<lang>/"+parts[2]+".md"
	default:
		return fmt.Sprintf("/%s does not have the form /docs/<file> or /apps/<app>/<file>", target)
	}
	if langs == nil {
		return fmt.Sprintf("/%s: no page %s in %s", target, where, s.Root)
	}
	if frag == "" {
		return ""
	}
	ids, ok := langs[lang]
	shown := lang
	if !ok {
		ids, shown = langs["en"], "en"
		if ids == nil {
			for l, i := range langs {
				ids, shown = i, l
				break
			}
		}
	}
	if ids[frag] {
		return ""
	}
	have := make([]string, 0, len(ids))
	for id := range ids {
		have = append(have, "#"+id)
	}
	slices.Sort(have)
	list := strings.Join(have, ", ")
	if list == "" {
		list = "none"
	}
	return fmt.Sprintf("#%s is not a custom heading id of %s (it has: %s)", frag, strings.Replace(where, "<lang>", shown, 1), list)
}

func suffix(frag string) string {
	if frag == "" {
		return ""
	}
	return "#" + frag
}
