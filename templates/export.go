package templates

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/partnerpages/partnerpages/scaffold/safefile"
)

// Export writes the embedded template set to dir. Without force it
// refuses, before writing anything, if any file already exists.
func Export(dir string, force bool) ([]string, error) {
	var files []string
	err := fs.WalkDir(FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if !force {
		for _, f := range files {
			target := filepath.Join(dir, filepath.FromSlash(f))
			if _, err := os.Lstat(target); err == nil {
				return nil, fmt.Errorf("%s already exists; nothing was written (use --force to overwrite)", target)
			} else if !errors.Is(err, fs.ErrNotExist) {
				return nil, err
			}
		}
	}
	var written []string
	for _, f := range files {
		target := filepath.Join(dir, filepath.FromSlash(f))
		data, err := fs.ReadFile(FS, f)
		if err != nil {
			return written, err
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return written, err
		}
		if err := safefile.WriteAtomic(target, data); err != nil {
			return written, err
		}
		written = append(written, target)
	}
	return written, nil
}
