package project

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/partnerpages/partnerpages/scaffold/safefile"
	"github.com/partnerpages/partnerpages/templates"
)

// InitResult says what Init wrote.
type InitResult struct {
	File      string   // the project file
	Partners  string   // the partners folder (created if missing)
	Out       string   // the output folder the file names
	Templates []string // exported template files, when asked for
}

// Init writes the project file p in dir and creates its partners
// folder; when p names a templates folder, the embedded set is exported
// there. It checks everything before writing: an existing project file
// (without force), an invalid file, a language the template set lacks or an
// export that would overwrite files all leave dir untouched.
func Init(dir string, p Project, force bool) (InitResult, error) {
	res := InitResult{File: filepath.Join(dir, FileName)}
	data := p.Marshal()
	if _, errs := Parse(res.File, data); len(errs) > 0 {
		return res, errs
	}
	if _, err := (Inputs{Templates: templates.FS, Languages: p.Languages}).LoadTemplates(); err != nil {
		return res, err
	}
	if _, err := os.Lstat(res.File); err == nil && !force {
		return res, fmt.Errorf("%s already exists; nothing was written (use --force to replace it)", res.File)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return res, err
	}
	at := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }
	res.Partners, res.Out = at(p.Partners), at(p.Out)
	if p.Templates != "" {
		written, err := templates.Export(at(p.Templates), false)
		if err != nil {
			return res, fmt.Errorf("%w\nto keep those templates, run init without --templates and add \"templates: %s\" to %s", err, p.Templates, FileName)
		}
		res.Templates = written
	}
	if err := os.MkdirAll(res.Partners, 0o755); err != nil {
		return res, err
	}
	return res, safefile.WriteAtomic(res.File, data)
}
