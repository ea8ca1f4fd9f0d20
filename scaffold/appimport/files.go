package appimport

import (
	"errors"
	"io/fs"
	"path/filepath"
	"slices"

	"github.com/partnerpages/partnerpages/scaffold/appspage"
	"github.com/partnerpages/partnerpages/scaffold/pagepath"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/safefile"
)

// Found is an app folder found on disk: its files, read, and where each
// came from (for adoption: path → content as read).
type Found struct {
	Folder
	Dir   string            // content/apps/<slug>
	Files map[string][]byte // path of each overview and customization file read → its content
}

// maxData bounds a customization or Apps page file.
const maxData = 8 << 20

// Find lists the app folders below the arguments (folders, such as a
// site's content/apps, or one app's folder): a folder <slug> with
// <lang>/overview.md, for each language of langs. Their Apps page entries
// come from <apps>/../<lang>/apps.yaml when it is there. Unreadable files
// are errors, by path.
func Find(args []string, langs []string) ([]*Found, []error) {
	var out []*Found
	var errs []error
	appsPages := map[string]*appspage.Page{} // by path
	for _, dir := range pagepath.AppFolders(args, func(l string) bool { return slices.Contains(langs, l) }) {
		f, ferrs := readFound(dir, langs, appsPages)
		errs = append(errs, ferrs...)
		if f != nil {
			out = append(out, f)
		}
	}
	return out, errs
}

func readFound(dir string, langs []string, appsPages map[string]*appspage.Page) (*Found, []error) {
	slug := filepath.Base(dir)
	if !partner.SlugPattern.MatchString(slug) {
		return nil, []error{errors.New(dir + ": the folder's name is not a slug (lower-case words joined by hyphens)")}
	}
	f := &Found{Dir: dir, Files: map[string][]byte{}, Folder: Folder{Slug: slug,
		Overviews: map[string][]byte{}, Customizations: map[string][]byte{}, Entries: map[string][]appspage.Entry{}}}
	var errs []error
	for _, lang := range langs {
		for name, into := range map[string]map[string][]byte{"overview.md": f.Overviews, "customization.yaml": f.Customizations} {
			path := filepath.Join(dir, lang, name)
			data, err := safefile.Read(path, maxData)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				errs = append(errs, errors.New(path+": "+safefile.Why(err)))
				continue
			}
			into[lang] = data
			f.Files[path] = data
		}
		apps := appspage.PathFor(filepath.Dir(dir), lang)
		page, ok := appsPages[apps]
		if !ok {
			if data, err := safefile.Read(apps, maxData); err == nil {
				if page, err = appspage.Parse(data); err != nil {
					errs = append(errs, errors.New(apps+": "+err.Error()))
				}
			}
			appsPages[apps] = page
		}
		if page != nil {
			f.Entries[lang] = page.Entries(slug)
		}
	}
	return f, errs
}

// Attach returns the partner file yml with its app: block set to a; its
// other lines stay as they are.
func Attach(yml []byte, langs []string, a *partner.App) ([]byte, error) {
	e, err := partner.NewEditor(yml, langs)
	if err != nil {
		return nil, err
	}
	e.SetApp(a)
	return e.Bytes()
}
