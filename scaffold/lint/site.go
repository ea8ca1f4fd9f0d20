package lint

import (
	"github.com/partnerpages/partnerpages/scaffold/page"
	"github.com/partnerpages/partnerpages/scaffold/safefile"

	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Site is an index of a docs content tree laid out like the site's content/:
// every page is <folder>/<lang>/<file>.md, where the folder is docs, a
// subfolder of docs (docs/faqs), an app (apps/<app>) or a subfolder of one
// (apps/<app>/faqs). A page's URL is /<folder>/<file>; the site rewrites it
// per language, using path_override for the localized slug. The index holds
// each page's custom heading ids per language and the localized slugs.
type Site struct {
	Root      string
	pages     map[string]map[string]map[string]bool // "apps/x/faqs/auto-accept" → lang → ids
	folders   map[string]bool                       // folders with pages below them: their index URLs resolve
	aliases   map[string]string                     // an English path_override that is not the file name → the page
	localized map[string]string                     // "docs/comment-demarrer" → "docs/get-started"
	appNames  map[string][]string                   // lower-case product name (meta.title) → the apps whose pages use it
	names     map[string]string                     // lower-case product name → as the pages write it
}

// AppNamed returns the first app whose pages name the product name (in
// their meta.title), or "".
func (s *Site) AppNamed(name string) string {
	if apps := s.AppsNamed(name); len(apps) > 0 {
		return apps[0]
	}
	return ""
}

// AppsNamed returns the apps whose pages name the product name, sorted.
func (s *Site) AppsNamed(name string) []string {
	return s.appNames[strings.ToLower(strings.TrimSpace(name))]
}

// AppNamesIn returns the product names of the site's apps that text names
// as whole words, in the case the pages write them, longest first. Names of
// fewer than four letters are left out: they are too often plain words.
func (s *Site) AppNamesIn(text string) []string {
	var out []string
	for _, name := range s.names {
		if len([]rune(name)) >= 4 && containsWordCase(text, name) {
			out = append(out, name)
		}
	}
	slices.SortFunc(out, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	return out
}

// LoadSite indexes the content tree at root.
func LoadSite(root string) (*Site, error) {
	s := &Site{Root: root, pages: map[string]map[string]map[string]bool{}, folders: map[string]bool{},
		aliases: map[string]string{}, localized: map[string]string{}, appNames: map[string][]string{}, names: map[string]string{}}
	fsys := safefile.DirFS(root, page.MaxSize) // no FIFO, no link out of the tree, no endless file
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		parts := strings.Split(p, "/")
		if d.IsDir() || !strings.HasSuffix(p, ".md") || len(parts) < 3 || !page.IsLangCode(parts[len(parts)-2]) {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		s.add(parts, Parse(p, data))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("--site %s: %w", root, err)
	}
	if len(s.pages) == 0 {
		return nil, fmt.Errorf("--site %s: no <folder>/<lang>/<file>.md page below it (such as docs/en/get-started.md)", root)
	}
	return s, nil
}

// add indexes one page, given its path split at '/'.
func (s *Site) add(parts []string, pg *Page) {
	folder := strings.Join(parts[:len(parts)-2], "/")
	lang := parts[len(parts)-2]
	file := strings.TrimSuffix(parts[len(parts)-1], ".md")
	key := folder + "/" + file
	ids := map[string]bool{}
	for _, h := range pg.Headings {
		if h.ID != "" {
			ids[h.ID] = true
		}
	}
	if s.pages[key] == nil {
		s.pages[key] = map[string]map[string]bool{}
	}
	s.pages[key][lang] = ids
	if len(parts) == 4 && parts[0] == "apps" {
		if name, _ := pg.MetaName(); name != "" {
			key := strings.ToLower(name)
			if !slices.Contains(s.appNames[key], parts[1]) {
				s.appNames[key] = append(s.appNames[key], parts[1])
				slices.Sort(s.appNames[key])
			}
			s.names[key] = name
		}
	}
	for f := folder; f != "" && f != "."; f = parentOf(f) {
		s.folders[f] = true
	}
	override := ""
	if n := pg.FM("path_override"); n != nil && n.Kind == yaml.ScalarNode {
		override = strings.Trim(n.Value, "/")
	}
	if override == "" || override == file || strings.Contains(override, "/") {
		return
	}
	if lang == "en" {
		s.aliases[folder+"/"+override] = key
	} else {
		s.localized[folder+"/"+override] = key
	}
}

func parentOf(folder string) string {
	i := strings.LastIndexByte(folder, '/')
	if i < 0 {
		return ""
	}
	return folder[:i]
}

// Resolve checks a link target against the tree; it returns "" when the
// link resolves (or is not a /docs/ or /apps/ link) and else what is wrong.
func (s *Site) Resolve(dest, lang string) string {
	if !strings.HasPrefix(dest, "/docs") && !strings.HasPrefix(dest, "/apps") {
		return ""
	}
	target, frag, _ := strings.Cut(dest, "#")
	target = strings.Trim(target, "/")
	if target != "docs" && target != "apps" && !strings.HasPrefix(target, "docs/") && !strings.HasPrefix(target, "apps/") {
		return "" // /docsearch, /apps-store: not the site's doc tree
	}
	langs, ok := s.pages[target]
	if !ok {
		if key, alias := s.aliases[target]; alias {
			langs, ok = s.pages[key], true
		}
	}
	if !ok {
		if english, isLocalized := s.localized[target]; isLocalized {
			return fmt.Sprintf("/%s is a localized slug; link to the English file name /%s and the site rewrites it per language", target, english+suffix(frag))
		}
		if s.folders[target] && frag == "" {
			return "" // a folder's index page (/apps/<app>/faqs)
		}
		return fmt.Sprintf("/%s: no page %s in %s", target, where(target), s.Root)
	}
	if frag == "" {
		return ""
	}
	ids, ok := langs[lang]
	shown := lang
	if !ok {
		ids, shown = langs["en"], "en"
		if ids == nil {
			for _, l := range slices.Sorted(maps.Keys(langs)) {
				ids, shown = langs[l], l
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
	return fmt.Sprintf("#%s is not a custom heading id of %s (it has: %s)", frag, strings.Replace(where(target), "<lang>", shown, 1), list)
}

// where names the file a link target stands for: /apps/x/faqs/y → apps/x/faqs/<lang>/y.md.
func where(target string) string {
	i := strings.LastIndexByte(target, '/')
	if i < 0 {
		return target + "/<lang>/index.md"
	}
	return target[:i] + "/<lang>/" + target[i+1:] + ".md"
}

func suffix(frag string) string {
	if frag == "" {
		return ""
	}
	return "#" + frag
}
