package preview

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// WriteStatic writes the preview of st as files into dir: index.html, a
// page per partner under p/, the style sheet, and the images the pages
// show (from the pages folder). It writes nothing else and nothing outside dir.
func WriteStatic(dir, pagesDir string, st *State) ([]string, error) {
	var written []string
	write := func(rel string, data []byte) error {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		written = append(written, p)
		return os.WriteFile(p, data, 0o644)
	}
	var b strings.Builder
	if err := writePage(&b, "index", view{State: st, Static: true}); err != nil {
		return written, err
	}
	if err := write("index.html", []byte(b.String())); err != nil {
		return written, err
	}
	css, _ := assets.ReadFile("assets/style.css")
	if err := write("assets/style.css", css); err != nil {
		return written, err
	}
	for _, p := range st.Partners {
		b.Reset()
		if err := writePage(&b, "partner", view{State: st, Partner: p, Static: true}); err != nil {
			return written, err
		}
		if err := write("p/"+p.Slug+".html", []byte(b.String())); err != nil {
			return written, err
		}
		for _, pg := range p.Pages {
			for _, img := range pg.Images {
				rel := strings.TrimPrefix(img, "/files/")
				slug, file, _ := strings.Cut(rel, "/")
				data, err := readConfined(pagesDir, slug, file)
				if err != nil {
					continue // the page shows it broken, as the server would
				}
				if err := write("files/"+rel, data); err != nil {
					return written, fmt.Errorf("image %s: %w", rel, err)
				}
			}
		}
	}
	return written, nil
}
