package scaffold

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/partnerpages/partnerpages/internal/parallel"
	"github.com/partnerpages/partnerpages/scaffold/output"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
)

// run is one generate run: its inputs and what the lock file knows of them,
// from the moment they are read until the lock file is updated.
type run struct {
	o            GenerateOptions
	set          *render.Set
	key          string // the template set and tool the pages depend on (cacheKey)
	files        []partnerFile
	partnerTemps []string          // temporary files in the partners folder
	readErrs     partner.ErrorList // files that could not be read
	lock         *output.Lock
	known        map[string]output.Entry // the lock's pages before this run writes any
	dir          *output.Dir
	write        bool            // false for Check, DryRun and Diff
	runLock      *output.RunLock // the output folder's, when this run took it
	stats        *output.StatCache
	mark         output.FileStat // the output folder's clock mark, made before any file was read

	// what validate learns of each file. Decoded partners are kept up to
	// decodedBudget; the others are read and decoded again when rendered (kept,
	// 50,000 of them would hold the heap above the soft memory limit, and
	// the collector would run without pause)
	parsed  []*partner.Partner
	reused  [][]string // the intact pages (paths) of a file the lock vouches for
	slugs   []string
	slugPos []partner.Pos // where the slug (or, without one, the name) is written
}

// modelBudget is how many bytes of partner files a run of up to
// modelFiles files keeps decoded between validating and rendering them: a
// decoded partner weighs about ten times its file, so about 30 MB of heap.
// A larger run keeps a share that shrinks as its files grow in number,
// since what it must hold besides (the lock, the stat cache) grows with
// them: at 50,000 partners, 30 MB more kept a template change's heap above
// the soft memory limit and the collector running without pause.
const (
	modelBudget = 3 << 20
	modelFiles  = 10000
)

// decodedBudget is modelBudget for a run of n partner files.
func decodedBudget(n int) int64 {
	return int64(modelBudget) * modelFiles / int64(max(n, modelFiles))
}

// readRun reads the template set, the partner files and the lock file;
// it takes nothing and writes nothing.
func readRun(o GenerateOptions) (*run, error) {
	r := &run{o: o, write: !o.Check && !o.DryRun && o.Diff == nil}
	if r.write && o.StatCache != "" { // before any file is read
		r.mark = output.ClockMark(o.Out)
	}
	// the lock file is decoded on a core of its own while the stat cache,
	// the template set and the partner files are read (at 5,000 partners,
	// 6 ms of a no-op run's 40 done side by side)
	var lockErr error
	lockRead := make(chan struct{})
	go func() {
		defer close(lockRead)
		r.lock, lockErr = output.ReadLock(o.Out)
	}()
	r.stats = output.OpenStatCache(o.StatCache, o.Out)
	if r.write && r.stats != nil {
		r.stats.Mark(r.mark)
		r.stats.MarkOwnFolder()
	}
	set, err := o.LoadTemplates()
	if err == nil {
		r.set, r.key = set, cacheKey(set.Digest, r.stats)
		r.files, r.partnerTemps, r.readErrs = readPartnerFiles(o.Partners, o.PartnersDir, r.stats)
	}
	<-lockRead
	switch {
	case err != nil:
		return nil, err
	case lockErr != nil:
		return nil, lockErr
	}
	return r, nil
}

// begin opens the output folder. A run that writes first takes its run
// lock and reads the lock file again: another run may have finished while
// this one waited.
func (r *run) begin(ctx context.Context) error {
	var err error
	if r.write && !r.o.holdsRunLock {
		if r.runLock, err = output.AcquireRunLock(ctx, r.o.Out, r.o.Waiting); err != nil {
			return err
		}
	}
	if r.write {
		if r.lock, err = output.ReadLockAgain(r.o.Out, r.lock, r.mark); err != nil {
			return err
		}
		// the output folder is listed only if the last run did not end well
		r.lock.RemoveStaleTemps(r.o.Out, !r.runLock.LastEndedWell(), r.o.PartnersDir, r.partnerTemps)
	}
	r.known = r.lock.Snapshot()
	r.dir = output.NewDir(r.o.Out)
	return nil
}

// close ends the run: the output folder and the run lock are let go.
func (r *run) close() {
	if r.dir != nil {
		r.dir.Close()
	}
	if r.runLock != nil {
		r.runLock.Release()
	}
}

// validate parses and validates every file, except those the lock vouches
// for: same bytes, same template set and tool (they were valid then and are
// valid now). It also checks that no
// two files share a slug. Every problem of every file comes back at once.
func (r *run) validate() error {
	n := len(r.files)
	r.parsed, r.reused, r.slugs, r.slugPos = make([]*partner.Partner, n), make([][]string, n), make([]string, n), make([]partner.Pos, n)
	var kept atomic.Int64 // bytes of the files whose partners are kept
	budget := decodedBudget(n)
	sameKey := r.key == r.lock.Templates
	var mu sync.Mutex
	errs := slices.Clone(r.readErrs)
	_ = parallel.For(n, func(i int) error {
		f := r.files[i]
		if f.data == nil && !f.unread {
			return nil // unreadable: already reported
		}
		in, ok := r.lock.Inputs[f.name]
		if ok && in.SHA256 == f.hash { // the lock's string: the run's own copy goes (3 MB at 50,000 partners)
			f.hash, r.files[i].hash = in.SHA256, in.SHA256
		}
		if sameKey && ok && in.SHA256 == f.hash {
			r.slugs[i] = in.Slug // parsed later, and only if its pages changed (reuse)
			r.files[i].data = nil
			return nil
		}
		if f.unread { // known unchanged from its status, but to be decoded
			data, err := readSmall(r.o.Partners, f.name)
			if err != nil {
				mu.Lock()
				errs = append(errs, partner.Error{File: f.shown, Msg: err.Error()})
				mu.Unlock()
				return nil
			}
			if h := output.Hash(data); h != f.hash { // else the string the file had, maybe the lock's
				f.hash = h
			}
			f.data, r.files[i].hash, r.files[i].unread = data, f.hash, false
		}
		p, e := partner.Decode(f.shown, f.data, r.set.Languages())
		if p != nil && len(e) == 0 {
			e = r.set.CheckRefs(p)
		}
		mu.Lock()
		defer mu.Unlock()
		errs = append(errs, e...)
		if p != nil && kept.Add(int64(len(f.data))) <= budget {
			r.parsed[i] = p // else read and decoded again when rendered
		}
		r.files[i].data = nil
		if p != nil {
			r.slugs[i], r.slugPos[i] = p.Slug.Value, p.Slug.Pos
			if !p.Slug.Pos.Present() {
				r.slugPos[i] = p.Name.Pos
			}
		}
		return nil
	})
	errs = append(errs, r.duplicateSlugs()...)
	if len(errs) > 0 {
		errs.Sort()
		return errs
	}
	return nil
}

// reuse takes, for each selected file the lock vouches for, its pages as
// unchanged when they are all on disk as the tool wrote them; the others
// are rendered and planned with every check.
func (r *run) reuse(selected []int) error {
	bySlug := make(map[string][]string, len(r.lock.Inputs))
	for rel, e := range r.known {
		bySlug[e.Slug] = append(bySlug[e.Slug], rel)
	}
	return parallel.For(len(selected), func(k int) error {
		i := selected[k]
		if in, ok := r.lock.Inputs[r.files[i].name]; !ok || in.SHA256 != r.files[i].hash || r.key != r.lock.Templates {
			return nil
		}
		if rels := bySlug[r.slugs[i]]; r.intact(rels) {
			r.reused[i] = rels
		}
		return nil
	})
}

// intact sorts the pages the lock lists for a partner and reports whether
// every one is on disk with the content the tool wrote.
func (r *run) intact(rels []string) bool {
	if len(rels) == 0 {
		return false
	}
	slices.Sort(rels)
	for _, rel := range rels {
		sum := r.known[rel].SHA256
		if !r.stats.Unchanged(pageStatKey(rel), r.dir.Stat(rel), sum) && !r.sameContent(rel, sum) {
			return false // the partner is parsed, rendered and planned with every check
		}
	}
	return true
}

// reusedPages returns the pages of file i, which intact found unchanged.
func (r *run) reusedPages(i int) []output.Page {
	pages := make([]output.Page, len(r.reused[i]))
	for j, rel := range r.reused[i] {
		e := r.known[rel]
		pages[j] = output.Page{Rel: rel, Slug: e.Slug, Lang: e.Lang, SHA256: e.SHA256, Input: r.files[i].hash}
	}
	return pages
}

// sameContent reports whether page rel is on disk with the content whose
// hex SHA-256 is sum; the stat cache remembers it.
func (r *run) sameContent(rel, sum string) bool {
	data, st, err := r.dir.ReadFastStat(rel)
	if err != nil {
		return false
	}
	got := sha256.Sum256(data)
	if hex.EncodeToString(got[:]) != sum {
		return false
	}
	r.stats.Saw(pageStatKey(rel), st, got)
	return true
}

// pageStatKey is the stat cache's name of a page: its path in the output
// folder, which has two slashes and no leading one (a partner file's name
// has none, the program's path is absolute), so names never meet.
func pageStatKey(rel string) string { return rel }

// duplicateSlugs reports files that share a slug.
func (r *run) duplicateSlugs() partner.ErrorList {
	var errs partner.ErrorList
	first := map[string]int{}
	for i, slug := range r.slugs {
		if slug == "" {
			continue
		}
		j, dup := first[slug]
		if !dup {
			first[slug] = i
			continue
		}
		e := partner.Error{File: r.files[i].shown, Field: "slug",
			Msg: "slug " + slug + " is already used by " + r.files[j].shown + "; two partners would write the same pages"}
		e.Line, e.Col = r.slugPos[i].Line, r.slugPos[i].Col
		errs = append(errs, e)
	}
	return errs
}

// selectSlugs returns the indexes of the files to generate: all, or those
// whose slug is named.
func (r *run) selectSlugs(slugs []string) ([]int, error) {
	if len(slugs) == 0 {
		var out []int
		for i, s := range r.slugs {
			if s != "" {
				out = append(out, i)
			}
		}
		return out, nil
	}
	return pick(r.slugs, slugs)
}

// pick returns the index in known of each slug wanted, once each. An
// unknown slug is an error that lists the known ones.
func pick(known, wanted []string) ([]int, error) {
	var out []int
	var unknown []string
	for _, want := range wanted {
		i := slices.Index(known, want)
		switch {
		case i < 0:
			unknown = append(unknown, want)
		case !slices.Contains(out, i):
			out = append(out, i)
		}
	}
	if len(unknown) > 0 {
		sorted := slices.DeleteFunc(slices.Clone(known), func(s string) bool { return s == "" })
		slices.Sort(sorted)
		return nil, fmt.Errorf("no partner with slug %s (known: %s)", strings.Join(unknown, ", "), strings.Join(sorted, ", "))
	}
	return out, nil
}

// remember records in the lock what this run read, so the next run can
// skip what did not change. A partner with a page kept because it was
// edited by hand keeps the input the lock had: its pages on disk do not all
// come from the file as it is now, and absorb must not merge into it.
func (r *run) remember(selected []int, kept map[string]bool) {
	lock := r.lock
	keep := map[string]output.Input{} // what absorb needs, through a template change too
	for name, in := range lock.Inputs {
		if kept[in.Slug] {
			keep[name] = in
		}
	}
	lock.SetTemplates(r.key) // a new template set or tool: the old entries are void
	for name, in := range keep {
		lock.SetInput(name, in)
	}
	present := make(map[string]bool, len(r.files))
	for _, f := range r.files {
		present[f.name] = true
	}
	for name := range lock.Inputs {
		if !present[name] {
			lock.DeleteInput(name)
		}
	}
	for _, i := range selected {
		if !kept[r.slugs[i]] {
			lock.SetInput(r.files[i].name, output.Input{Slug: r.slugs[i], SHA256: r.files[i].hash})
		}
	}
}
