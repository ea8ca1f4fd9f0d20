package preview

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Debounce is how long the watcher waits after a change for more changes
// (an editor's save is several events) before the pages reload.
const Debounce = 150 * time.Millisecond

// Watcher watches the partner files, the template set and the generated
// pages (a hand edit shows as such), folders included as they appear.
type Watcher struct {
	w    *fsnotify.Watcher
	dirs []string
}

// NewWatcher watches dirs and every folder below them (missing ones are
// skipped: they are watched once their parent sees them created).
func NewWatcher(dirs ...string) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{w: fw, dirs: dirs}
	for _, d := range dirs {
		w.addTree(d)
	}
	return w, nil
}

// addTree watches d and the folders below it.
func (w *Watcher) addTree(d string) {
	filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
		if err == nil && e.IsDir() {
			w.w.Add(p)
		}
		return nil
	})
}

// Run calls changed, at most once per Debounce, after files change, until
// ctx ends; it closes the watcher then.
func (w *Watcher) Run(ctx context.Context, changed func()) {
	defer w.w.Close()
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.w.Events:
			if !ok {
				return
			}
			if ev.Op.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					w.addTree(ev.Name)
				}
			}
			timer = time.After(Debounce)
		case <-w.w.Errors:
		case <-timer:
			timer = nil
			changed()
		}
	}
}
