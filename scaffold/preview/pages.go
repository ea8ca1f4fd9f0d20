package preview

import (
	"embed"
	"html/template"
	"io"
	"net/http"
	"path"
	"strings"
)

//go:embed assets
var assets embed.FS

var pages = template.Must(template.ParseFS(assets, "assets/pages.html"))

// view is what the page templates read.
type view struct {
	State   *State
	Partner *Partner
	Version int
	Live    bool   // served, with live reload
	Static  bool   // written as files, linked relatively
	Slug    string // the slug asked for, on the missing page
}

// Title is the page's title.
func (v view) Title() string {
	if v.Partner != nil {
		return v.Partner.Name
	}
	return "Partner pages"
}

// Root prefixes links to the preview's own files.
func (v view) Root() string {
	if v.Static && v.Partner != nil {
		return "../"
	}
	if v.Static {
		return ""
	}
	return "/"
}

// Link is the address of a partner's page.
func (v view) Link(slug string) string {
	if v.Static {
		return "p/" + slug + ".html"
	}
	return "/p/" + slug
}

// HTML is a page's rendered body; in static files, image URLs are relative.
func (v view) HTML(pg *Page) template.HTML {
	if v.Static {
		return template.HTML(strings.ReplaceAll(pg.HTML, `src="/files/`, `src="../files/`))
	}
	return template.HTML(pg.HTML)
}

// FindingCount adds up the findings of a partner's pages.
func (v view) FindingCount(p *Partner) int {
	n := 0
	for _, pg := range p.Pages {
		n += len(pg.Findings)
	}
	return n
}

func writePage(w io.Writer, name string, v view) error {
	if rw, ok := w.(http.ResponseWriter); ok {
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		rw.Header().Set("Cache-Control", "no-store")
	}
	return pages.ExecuteTemplate(w, name, v)
}

// asset serves the style sheet and the live-reload script.
func asset(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	data, err := assets.ReadFile("assets/" + path.Base(name))
	if err != nil || strings.HasSuffix(name, ".html") {
		http.NotFound(w, r)
		return
	}
	if strings.HasSuffix(name, ".css") {
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
	} else {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	}
	w.Write(data)
}
