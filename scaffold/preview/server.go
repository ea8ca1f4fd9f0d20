package preview

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/partnerpages/partnerpages/scaffold/safefile"
)

// MaxImageSize bounds a file the preview serves from the pages folder.
const MaxImageSize = 20 << 20

// Server serves the preview: an index of the partners, a page per partner,
// their images, and an event stream that tells open pages to reload.
type Server struct {
	opts    Options
	mu      sync.Mutex
	state   *State
	version int
	subs    map[chan int]bool
}

// NewServer loads the project once.
func NewServer(o Options) *Server {
	return &Server{opts: o, state: Load(o), subs: map[chan int]bool{}}
}

// Reload reads the project again and tells every open page.
func (s *Server) Reload() {
	st := Load(s.opts)
	s.mu.Lock()
	s.state, s.version = st, s.version+1
	for ch := range s.subs {
		select {
		case ch <- s.version:
		default: // a slow page gets the next one
		}
	}
	s.mu.Unlock()
}

// State returns the current snapshot and its version.
func (s *Server) State() (*State, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state, s.version
}

// Handler routes the preview's URLs.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.index)
	mux.HandleFunc("GET /p/{slug}", s.partner)
	mux.HandleFunc("GET /files/{slug}/{path...}", s.file)
	mux.HandleFunc("GET /events", s.events)
	mux.HandleFunc("GET /assets/{name}", asset)
	return localOnly(mux)
}

// localOnly answers only requests addressed to this machine by name or
// loopback address: a page on another site that resolves its own name to
// 127.0.0.1 (DNS rebinding) gets 421, not the project's files.
func localOnly(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		host = strings.Trim(host, "[]")
		if ip := net.ParseIP(host); !(strings.EqualFold(host, "localhost") || ip != nil && ip.IsLoopback()) {
			http.Error(w, "the preview answers only on localhost", http.StatusMisdirectedRequest)
			return
		}
		h.ServeHTTP(w, r)
	})
}

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	st, v := s.State()
	writePage(w, "index", view{State: st, Version: v, Live: true})
}

func (s *Server) partner(w http.ResponseWriter, r *http.Request) {
	st, v := s.State()
	p := st.Find(r.PathValue("slug"))
	if p == nil {
		w.WriteHeader(http.StatusNotFound)
		writePage(w, "missing", view{State: st, Version: v, Live: true, Slug: r.PathValue("slug")})
		return
	}
	writePage(w, "partner", view{State: st, Version: v, Live: true, Partner: p})
}

// file serves an image of a partner's pages, from <pages>/<slug>, never
// outside the pages folder (os.Root refuses .. and links that leave it,
// the slug folder included), regular files only, never blocking.
func (s *Server) file(w http.ResponseWriter, r *http.Request) {
	data, err := readConfined(s.opts.Pages, r.PathValue("slug"), r.PathValue("path"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	if ct := mime.TypeByExtension(path.Ext(r.PathValue("path"))); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	w.Write(data)
}

// readConfined reads rel inside <dir>/<slug>.
func readConfined(dir, slug, rel string) ([]byte, error) {
	if slug == "" || strings.ContainsAny(slug, `/\`) || slug == "." || slug == ".." {
		return nil, errors.New("no such partner")
	}
	// the output folder is the root: a slug folder that is a link out of it
	// leads nowhere, nor does any link below it
	data, err := fs.ReadFile(safefile.DirFS(dir, MaxImageSize), slug+"/"+rel)
	if err != nil {
		return nil, fmt.Errorf("%s: no such file in %s (%s)", rel, filepath.Join(dir, slug), safefile.Why(err))
	}
	return data, nil
}

// events streams "reload" to an open page whenever the project changes.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan int, 1)
	s.mu.Lock()
	s.subs[ch] = true
	v := s.version
	s.mu.Unlock()
	defer func() { s.mu.Lock(); delete(s.subs, ch); s.mu.Unlock() }()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	fmt.Fprintf(w, "event: hello\ndata: %d\n\n", v)
	fl.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case v := <-ch:
			fmt.Fprintf(w, "event: reload\ndata: %d\n\n", v)
			fl.Flush()
		}
	}
}

// Serve answers on l until ctx ends, reloading the open pages whenever a
// watched file changes (watch may be nil: no live reload).
func (s *Server) Serve(ctx context.Context, l net.Listener, watch *Watcher) error {
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	if watch != nil {
		go watch.Run(ctx, s.Reload)
	}
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}()
	if err := srv.Serve(l); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
