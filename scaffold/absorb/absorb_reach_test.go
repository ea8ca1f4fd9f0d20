package absorb

import (
	"io/fs"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/aymanbagabas/go-udiff"

	"github.com/partnerpages/partnerpages/scaffold/page"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"github.com/partnerpages/partnerpages/scaffold/render"
	"github.com/partnerpages/partnerpages/templates"
)

// stepMark starts every platform step of the marked template set: a page
// line that shows it is a step the template set words.
const stepMark = "ZQX"

var (
	markedOnce sync.Once
	markedSet  *render.Set
	markedErr  error
	defineRe   = regexp.MustCompile(`\{\{-? ?define "(step|phrase)-[a-z-]+"\}\}`)
)

// stepMarkedSet is the embedded template set with every platform step and
// phrase starting with stepMark.
func stepMarkedSet(t testing.TB) *render.Set {
	t.Helper()
	markedOnce.Do(func() {
		m := fstest.MapFS{}
		markedErr = fs.WalkDir(templates.FS, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(templates.FS, p)
			if strings.HasSuffix(p, "/_steps.tmpl") {
				data = []byte(defineRe.ReplaceAllString(string(data), "${0}"+stepMark))
			}
			m[p] = &fstest.MapFile{Data: data}
			return err
		})
		if markedErr == nil {
			markedSet, markedErr = render.Load(m)
		}
	})
	if markedErr != nil {
		t.Fatal(markedErr)
	}
	return markedSet
}

// lostSteps counts the platform steps a page of lang showed, rendered
// from p, that the page rendered from q no longer shows as the template
// set's, leaving out those on lines the hand edit changed (orig → edited;
// both "" for a language nobody edited). The oracle is the marked set:
// absorb never sees it.
func lostSteps(t testing.TB, p, q *partner.Partner, lang, orig, edited string) (lost, expected int) {
	t.Helper()
	set := stepMarkedSet(t)
	before, after := renderIn(t, set, p, lang), renderIn(t, set, q, lang)
	removed := 0
	if orig != edited {
		// the steps on lines the edit touched: map the edit's ranges of the
		// unmarked page to whole lines, and count marks there on the marked one
		beforeLines := strings.SplitAfter(before, "\n")
		origLines := strings.SplitAfter(orig, "\n")
		for _, e := range udiff.Strings(orig, edited) {
			first := strings.Count(orig[:e.Start], "\n")
			last := strings.Count(orig[:e.End], "\n")
			if e.End > e.Start && strings.HasSuffix(orig[:e.End], "\n") {
				last--
			}
			for i := first; i <= last && i < len(beforeLines) && i < len(origLines); i++ {
				removed += strings.Count(beforeLines[i], stepMark)
			}
		}
	}
	expected = strings.Count(before, stepMark) - removed
	return max(expected-strings.Count(after, stepMark), 0), expected
}

func renderIn(t testing.TB, set *render.Set, p *partner.Partner, lang string) string {
	t.Helper()
	outs, err := connectPages(set, p)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range outs {
		if o.Lang == lang {
			return string(o.Content)
		}
	}
	return ""
}

// changedValues lists the typed facts of lang that differ between p and
// q: a page absorbed in another language must leave them as they were.
func changedValues(p, q *partner.Partner, lang string) []string {
	var out []string
	check := func(what, a, b string) {
		if a != b {
			out = append(out, what+": "+a+" → "+b)
		}
	}
	check("name", p.Name.In(lang), q.Name.In(lang))
	check("support.email", p.Email.Value, q.Email.Value)
	check("connection.mode", p.Connection.Mode.Value, q.Connection.Mode.Value)
	check("connection.app", p.Connection.App.In(lang), q.Connection.App.In(lang))
	if p.Uses("connect") && q.Uses("connect") {
		check("connection.menu", strings.Join(p.Connection.Menu.In(lang), " > "), strings.Join(q.Connection.Menu.In(lang), " > "))
		check("connection.button", p.Connection.Button.In(lang), q.Connection.Button.In(lang))
	}
	if p.Uses("disconnect") && q.Uses("disconnect") && p.Disconnect.Mode.Value == partner.DisconnectBackOffice {
		check("disconnect.menu", strings.Join(p.Disconnect.Menu.In(lang), " > "), strings.Join(q.Disconnect.Menu.In(lang), " > "))
		check("disconnect.button", p.Disconnect.Button.In(lang), q.Disconnect.Button.In(lang))
	}
	return out
}

// untouchedUntyped counts the standard sections of the edited page that
// the edit left as they were (the same heading and text on the page before
// and after it) and that the template wrote before but no longer does.
func untouchedUntyped(p, q *partner.Partner, lang, orig, edited string) int {
	_, before := sectionsOf(orig)
	_, after := sectionsOf(edited)
	same := map[string]bool{}
	for _, a := range after {
		same[a] = true
	}
	n := 0
	for _, b := range before {
		kind := page.SectionKind(headingOf(b))
		if kind == "" || !same[b] {
			continue
		}
		if p.TypedSections(lang)[kind] && !q.TypedSections(lang)[kind] {
			n++
		}
	}
	return n
}

// headingOf is the heading text of a section cut by sectionsOf, with its id.
func headingOf(sec string) string {
	first, _, _ := strings.Cut(sec, "\n")
	first = strings.TrimLeft(first, "# ")
	if i := strings.Index(first, "{#"); i >= 0 {
		if id := strings.TrimSuffix(first[i+2:], "}"); page.SectionKind(id) != "" {
			return id
		}
		first = first[:i]
	}
	return strings.TrimSpace(first)
}

// reach counts, over the pages of an absorbed partner file, the places a
// later change of its data should reach: want is how many times the old
// value shows on the pages as they stand after the edit, got how many
// times the new value shows once the file is changed and rendered again.
type reach struct{ want, got int }

func (r *reach) add(o reach) { r.want += o.want; r.got += o.got }

// The data change of dataReach.
const newEmail, newButton = "reach.check@example.org", "Reach Button 77"

// dataReach changes the support e-mail and the connect button of the
// absorbed file yml (on its node tree, as a writer's edit) and counts how
// many of their places on the pages (pages: language → page as it stands
// after the edit) the new values reach. A place is one the same change of
// the file before the edit (p, src) reached and that the edit left on the
// page. The count searches the pages' text: it knows nothing of how absorb
// placed the edit.
func dataReach(t testing.TB, set *render.Set, p *partner.Partner, src []byte, q *partner.Partner, yml []byte, pages map[string]string) (email, button reach) {
	t.Helper()
	before := changeData(t, set, p, src)
	after := changeData(t, set, q, yml)
	for lang, page := range pages {
		if old := p.Email.Value; old != "" {
			email.want += min(strings.Count(before[lang], newEmail), strings.Count(page, old))
			email.got += min(strings.Count(after[lang], newEmail), strings.Count(page, old))
		}
		if old := p.Connection.Button.In(lang); old != "" && old != p.Disconnect.Button.In(lang) {
			bold := "**" + newButton + "**"
			button.want += min(strings.Count(before[lang], bold), strings.Count(page, "**"+old+"**"))
			button.got += min(strings.Count(after[lang], bold), strings.Count(page, "**"+old+"**"))
		}
	}
	return email, button
}

// changeData renders partner file yml of q with its support e-mail and
// connect button changed, by language.
func changeData(t testing.TB, set *render.Set, q *partner.Partner, yml []byte) map[string]string {
	t.Helper()
	ed, err := partner.NewEditor(yml, q.Langs())
	if err != nil {
		t.Fatal(err)
	}
	if q.Email.Value != "" {
		ed.Set([]string{"support", "email"}, newEmail)
	}
	if q.Connection.Button.Present() {
		ed.Set([]string{"connection", "button"}, newButton)
	}
	changed, err := ed.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	r, errs := partner.Parse(q.File, changed)
	if len(errs) == 0 {
		errs = partner.Resolve(r, set.Languages())
	}
	if len(errs) > 0 {
		t.Fatalf("the changed file does not load: %v\n%s", errs, changed)
	}
	outs, err := connectPages(set, r)
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]string{}
	for _, o := range outs {
		pages[o.Lang] = string(o.Content)
	}
	return pages
}
