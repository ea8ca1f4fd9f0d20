package project

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/partnerpages/partnerpages/scaffold/safefile"
	"github.com/partnerpages/partnerpages/templates"
)

// InitResult says what Init wrote.
type InitResult struct {
	File      string   // the project file
	Partners  string   // the partners folder (created if missing)
	Out       string   // the output folder the file names
	Templates []string // exported template files, when asked for
	Ignored   []string // the lines added to .gitignore (those it lacked)
}

// GitIgnore adds to the .gitignore of dir each of lines it lacks (a file
// the tool makes that git should not track), creating the file if needed.
// It returns the lines it added.
func GitIgnore(dir string, lines []string) ([]string, error) {
	path := filepath.Join(dir, ".gitignore")
	old, err := safefile.Read(path, MaxSize)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %s", path, safefile.Why(err))
	}
	have := map[string]bool{}
	for _, l := range strings.Split(string(old), "\n") {
		have[strings.TrimSpace(l)] = true
	}
	var added []string
	for _, l := range lines {
		if !have[l] && !have["/"+l] {
			added = append(added, l)
		}
	}
	if len(added) == 0 {
		return nil, nil
	}
	data := old
	if len(data) > 0 && !bytes.HasSuffix(data, []byte("\n")) {
		data = append(data, '\n')
	}
	data = append(data, "# partnerpages: a run's lock and a killed run's journal\n"+strings.Join(added, "\n")+"\n"...)
	return added, safefile.ReplaceFile(dir, path, data)
}

// Init writes the project file p in dir, creates its partners folder and
// adds the output folder's files named in ignore to dir's .gitignore; when
// p names a templates folder, the embedded set is exported there. It checks everything before writing: an existing project file
// (without force), an invalid file, a language the template set lacks or an
// export that would overwrite files all leave dir untouched.
// ignore are files of the output folder, by name, that .gitignore gets.
func Init(dir string, p Project, force bool, ignore []string) (InitResult, error) {
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
			return res, fmt.Errorf("%w\nto keep those templates, run init without --export-templates and add \"templates: %s\" to %s", err, p.Templates, FileName)
		}
		res.Templates = written
	}
	if err := os.MkdirAll(res.Partners, 0o755); err != nil {
		return res, err
	}
	if err := safefile.WriteAtomic(res.File, data); err != nil {
		return res, err
	}
	var lines []string
	for _, name := range ignore {
		lines = append(lines, path.Join(p.Out, name))
	}
	added, err := GitIgnore(dir, lines)
	res.Ignored = added
	return res, err
}
