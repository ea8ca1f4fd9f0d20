package preview

import (
	"bufio"
	"context"
	"github.com/partnerpages/partnerpages/scaffold/partner"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/partnerpages/partnerpages/scaffold/project"

	"github.com/partnerpages/partnerpages/scaffold/lint"
	"github.com/partnerpages/partnerpages/scaffold/page"
	"github.com/partnerpages/partnerpages/templates"
)

const projectDir = "testdata/project"

func testOptions(t *testing.T, dir string) Options {
	t.Helper()
	in := project.Inputs{Partners: os.DirFS(filepath.Join(dir, "partners")), PartnersDir: "partners", Templates: templates.FS}
	return Options{Partners: in.Partners, PartnersDir: in.PartnersDir, Pages: filepath.Join(dir, "content", "apps"),
		Templates: in.LoadTemplates, Lint: func() (lint.Options, error) { return in.LintOptions("testdata/site") }}
}

func get(t *testing.T, h http.Handler, url string) (int, string, http.Header) {
	t.Helper()
	return getFrom(t, h, "127.0.0.1:8080", url)
}

// getFrom requests url as addressed to host.
func getFrom(t *testing.T, h http.Handler, host, url string) (int, string, http.Header) {
	t.Helper()
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", url, nil)
	req.Host = host
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String(), rec.Header()
}

// TestOnlyLocalNamesAreAnswered: a page of another site whose name resolves
// to this machine (DNS rebinding) cannot read the preview.
func TestOnlyLocalNamesAreAnswered(t *testing.T) {
	t.Parallel()
	h := NewServer(testOptions(t, projectDir)).Handler()
	for host, want := range map[string]int{
		"localhost:4321": 200, "127.0.0.1:4321": 200, "[::1]:4321": 200, "LOCALHOST": 200,
		"attacker.example:4321": 421, "attacker.example": 421, "192.168.1.2:4321": 421, "": 421,
	} {
		if code, _, _ := getFrom(t, h, host, "/"); code != want {
			t.Errorf("Host %q: %d, want %d", host, code, want)
		}
	}
}

// TestASlugFolderLinkedOutOfThePagesServesNothing: ln -s /etc content/apps/x.
func TestASlugFolderLinkedOutOfThePagesServesNothing(t *testing.T) {
	t.Parallel()
	pages, outside := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(outside, "passwd"), []byte("root:x:0:0"), 0o644)
	os.Symlink(outside, filepath.Join(pages, "etclink"))
	o := testOptions(t, projectDir)
	o.Pages = pages
	if code, body, _ := get(t, NewServer(o).Handler(), "/files/etclink/passwd"); code == 200 || strings.Contains(body, "root:") {
		t.Errorf("served a file outside the pages folder: %d %q", code, body)
	}
}

func TestIndexListsEveryPartner(t *testing.T) {
	t.Parallel()
	code, body, _ := get(t, NewServer(testOptions(t, projectDir)).Handler(), "/")
	for _, want := range []string{`<a href="/p/lumo">Lumo</a>`, `<a href="/p/broken">`, "invalid: 2 problem(s)", `<script src="/assets/live.js"`} {
		if code != 200 || !strings.Contains(body, want) {
			t.Errorf("index (%d) lacks %q", code, want)
		}
	}
}

// customIDs reads the {#id} of each level-2 heading of a Markdown page: the
// oracle for the ids the HTML must carry.
var customIDRe = regexp.MustCompile(`(?m)^## .*\{#([\w-]+)\}\s*$`)

func TestPartnerPageHasEachLanguageWithTheMarkdownsAnchors(t *testing.T) {
	t.Parallel()
	s := NewServer(testOptions(t, projectDir))
	code, body, _ := get(t, s.Handler(), "/p/lumo")
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	st, _ := s.State()
	p := st.Find("lumo")
	if len(p.Pages) != 2 {
		t.Fatalf("%d pages", len(p.Pages))
	}
	for _, pg := range p.Pages {
		if !strings.Contains(body, `data-lang="`+pg.Lang+`"`) {
			t.Errorf("no %s column", pg.Lang)
		}
		var want []string
		for _, m := range customIDRe.FindAllStringSubmatch(pg.Markdown, -1) {
			want = append(want, m[1])
		}
		var got []string
		for _, m := range regexp.MustCompile(`<h2 id="`+pg.Lang+`--([\w-]+)"[^>]* data-anchor="([\w-]+)"`).FindAllStringSubmatch(pg.HTML, -1) {
			if m[1] != m[2] {
				t.Errorf("%s: id %s shown as %s", pg.Lang, m[1], m[2])
			}
			got = append(got, m[2])
		}
		if len(want) < 3 || !slices.Equal(got, want) {
			t.Errorf("%s: heading ids %v, the Markdown has %v", pg.Lang, got, want)
		}
		// every in-page link lands on a heading of its own column
		for _, m := range regexp.MustCompile(`href="#([\w-]+)"`).FindAllStringSubmatch(pg.HTML, -1) {
			if !strings.HasPrefix(m[1], pg.Lang+"--") || !strings.Contains(pg.HTML, `id="`+m[1]+`"`) {
				t.Errorf("%s: in-page link #%s has no target in its column", pg.Lang, m[1])
			}
		}
	}
}

// TestFindingsShowAtTheirLine: each lint finding is on the block that
// starts at its line, which is the line of the Markdown that holds it.
func TestFindingsShowAtTheirLine(t *testing.T) {
	t.Parallel()
	st := Load(testOptions(t, projectDir))
	rules := map[string]string{}
	for _, pg := range st.Find("lumo").Pages {
		lines := strings.Split(pg.Markdown, "\n")
		for _, f := range pg.Findings {
			rules[pg.Lang+" "+f.Rule] = lines[f.Line-1]
			re := regexp.MustCompile(`data-line="` + strconv.Itoa(f.Line) + `" data-finding="[^"]*` + regexp.QuoteMeta(f.Rule) + `: `)
			if !re.MatchString(pg.HTML) {
				t.Errorf("%s: %s is not on the block of line %d", pg.Lang, f, f.Line)
			}
		}
	}
	// the oracle: what lint must find, from the partner file
	if !strings.Contains(rules["en placeholder"], "TODO") || !strings.Contains(rules["en link-target"], "/docs/menu-codes") ||
		!strings.Contains(rules["fr link-target"], "/docs/menu-codes") || len(rules) != 3 {
		t.Errorf("findings by language and rule: %q", rules)
	}
}

func TestSectionsTheTemplateDoesNotOwnAreMarked(t *testing.T) {
	t.Parallel()
	pg := Load(testOptions(t, projectDir)).Find("lumo").Pages[0]
	for _, tc := range []struct{ heading, class string }{
		{"Connect Lumo", "pp-mixed"}, // the template's steps around the partner's own
		{"Map Your Menu", "pp-own"},  // the partner's own section
		{"Contact Lumo Support", ""}, // the template's
	} {
		m := regexp.MustCompile(`<h2([^>]*)>` + regexp.QuoteMeta(tc.heading) + `</h2>`).FindStringSubmatch(pg.HTML)
		if m == nil {
			t.Errorf("no heading %q", tc.heading)
			continue
		}
		if got := regexp.MustCompile(`class="([^"]*)"`).FindStringSubmatch(m[1]); (got == nil) != (tc.class == "") || got != nil && got[1] != tc.class {
			t.Errorf("%q: attributes %q, want class %q", tc.heading, m[1], tc.class)
		}
	}
	if pg.Own != 2 {
		t.Errorf("%d sections marked, want 2", pg.Own)
	}
}

func TestSiteLinksResolveOrShowBroken(t *testing.T) {
	t.Parallel()
	pg := Load(testOptions(t, projectDir)).Find("lumo").Pages[0]
	if !regexp.MustCompile(`<a href="/docs/menu-codes" class="pp-broken" title="broken link: `).MatchString(pg.HTML) {
		t.Errorf("the link to a missing doc page is not shown broken:\n%s", pg.HTML)
	}
	if strings.Contains(pg.HTML, `href="/docs/get-started" class="pp-broken"`) {
		t.Error("a link that resolves is shown broken")
	}
}

func TestImagesAreServedFromThePagesFolderOnly(t *testing.T) {
	t.Parallel()
	h := NewServer(testOptions(t, projectDir)).Handler()
	pg := Load(testOptions(t, projectDir)).Find("lumo").Pages[0]
	if !strings.Contains(pg.HTML, `<img src="/files/lumo/images/activate.png"`) {
		t.Fatalf("image URL:\n%s", pg.HTML)
	}
	code, body, hdr := get(t, h, "/files/lumo/images/activate.png")
	want, _ := os.ReadFile(filepath.Join(projectDir, "content/apps/lumo/images/activate.png"))
	if code != 200 || body != string(want) || hdr.Get("Content-Type") != "image/png" {
		t.Errorf("image: %d %s, %d bytes", code, hdr.Get("Content-Type"), len(body))
	}
	for _, rel := range []string{"../../partners/lumo.yaml", "../../../preview_test.go", "images"} {
		if _, err := readConfined(filepath.Join(projectDir, "content/apps"), "lumo", rel); err == nil {
			t.Errorf("%s was served", rel)
		}
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "lumo"), 0o755)
	os.Symlink("/etc/hostname", filepath.Join(dir, "lumo", "out.png"))
	if _, err := readConfined(dir, "lumo", "out.png"); err == nil {
		t.Error("a link out of the pages folder was followed")
	}
}

func TestInvalidPartnerShowsItsErrors(t *testing.T) {
	t.Parallel()
	code, body, _ := get(t, NewServer(testOptions(t, projectDir)).Handler(), "/p/broken")
	for _, want := range []string{"partners/broken.yaml does not validate", "partners/broken.yaml:3:3: support.emial: unknown field", `did you mean &#34;back-office&#34;?`} {
		if code != 200 || !strings.Contains(body, want) {
			t.Errorf("the broken partner's page (%d) lacks %q:\n%s", code, want, body)
		}
	}
	if code, _, _ := get(t, NewServer(testOptions(t, projectDir)).Handler(), "/p/nobody"); code != 404 {
		t.Errorf("an unknown slug: %d", code)
	}
}

func TestEventsTellOpenPagesToReload(t *testing.T) {
	t.Parallel()
	s := NewServer(testOptions(t, projectDir))
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+"/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	r := bufio.NewReader(resp.Body)
	if line, _ := r.ReadString('\n'); line != "event: hello\n" {
		t.Fatalf("first event %q", line)
	}
	r.ReadString('\n')
	r.ReadString('\n')
	s.Reload()
	if line, _ := r.ReadString('\n'); line != "event: reload\n" {
		t.Errorf("after a reload: %q", line)
	}
	if line, _ := r.ReadString('\n'); line != "data: 1\n" {
		t.Errorf("version: %q", line)
	}
}

func TestWatcherSeesAnEditedPartnerFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	w, err := NewWatcher(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	changed := make(chan bool, 4)
	go w.Run(ctx, func() { changed <- true })
	time.Sleep(50 * time.Millisecond)
	os.WriteFile(filepath.Join(dir, "sub", "x.yaml"), []byte("name: X\n"), 0o644)
	select {
	case <-changed:
	case <-time.After(3 * time.Second):
		t.Fatal("no change seen within 3 s")
	}
}

func TestStaticFilesHoldThePagesAndTheirImages(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	o := testOptions(t, projectDir)
	files, err := WriteStatic(dir, o.Pages, Load(o))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"index.html", "assets/style.css", "p/lumo.html", "p/broken.html", "files/lumo/images/activate.png"} {
		if !slices.Contains(files, filepath.Join(dir, f)) {
			t.Errorf("%s not written (%v)", f, files)
		}
	}
	page, _ := os.ReadFile(filepath.Join(dir, "p/lumo.html"))
	for _, want := range []string{`src="../files/lumo/images/activate.png"`, `href="../assets/style.css"`, `href="../index.html"`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("static page lacks %q", want)
		}
	}
	if strings.Contains(string(page), "live.js") {
		t.Error("a static page loads the live-reload script")
	}
	index, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	if !strings.Contains(string(index), `href="p/lumo.html"`) {
		t.Errorf("index links:\n%s", index)
	}
}

// FuzzRenderHTML renders arbitrary pages: no panic, and every finding's
// line that a block starts on is carried by that block.
func FuzzRenderHTML(f *testing.F) {
	f.Add([]byte("---\ntitle: T\n---\n\n## A {#a}\n\n1. ![x](./i.png) <InlineImage width=\"2\" height=\"3\">![y](../j.png)</InlineImage>\n\n[l](#a) <Link href=\"/docs/x\">y</Link> {/* c */}\n"))
	f.Add([]byte("## {#}\n\n<https://x.example> <a@b.example>\n\n```\n<h2 id=\"x\">\n```\n"))
	f.Add([]byte("<Li")) // only HTML the preview leaves out
	f.Fuzz(func(t *testing.T, src []byte) {
		pg := page.Parse("apps/x/en/connect-hubrise.md", src)
		html, n := RenderHTML(pg, HTMLOptions{Slug: "x", Lang: "en", Own: map[int]string{0: OwnText, PreambleSection: OwnMixed}})
		if n < 0 || (len(src) > 0 && html == "" && strings.TrimSpace(string(pg.Body)) != "") {
			t.Fatalf("%d sections, %d bytes of HTML from %q", n, len(html), src)
		}
	})
}

// TestAPagesCodeIsNotRunByThePreview: a page's <script>, event handler or
// javascript: link shows nothing live; the site's components and the
// preview's own marks stay.
func TestAPagesCodeIsNotRunByThePreview(t *testing.T) {
	t.Parallel()
	src := "## Title {#t}\n\n<script>alert(1)</script>\n\n[x](javascript:alert(2)) and <img src=x onerror=alert(3)>\n\n" +
		`The icon <InlineImage width="20" height="20">![Gear](./images/gear.png)</InlineImage> and <Link href="/apps/x">x</Link>.` + "\n"
	got, _ := RenderHTML(page.Parse("p.md", []byte(src)), HTMLOptions{Slug: "x", Lang: "en"})
	for _, bad := range []string{"<script", "javascript:", "onerror", "alert(1)"} {
		if strings.Contains(got, bad) {
			t.Errorf("%q is in the preview's HTML:\n%s", bad, got)
		}
	}
	for _, good := range []string{`class="pp-inline-image" style="--w:20px;--h:20px"`, `href="/apps/x"`, `data-anchor="t"`, `src="/files/x/en/images/gear.png"`} {
		if !strings.Contains(got, good) {
			t.Errorf("%q is missing from the preview's HTML:\n%s", good, got)
		}
	}
}

// TestAPageEditedOnDiskIsShownAsItIs: the preview shows the file on disk,
// with its own findings, and says how it differs from the templates'
// rendering (it showed the rendering, and lint's TODO went unseen).
func TestAPageEditedOnDiskIsShownAsItIs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	copyDir(t, projectDir, dir)
	o := testOptions(t, dir)
	st := Load(o)
	pg := st.Find("lumo").Pages[0]
	file := filepath.Join(o.Pages, filepath.FromSlash(pg.Rel))
	os.MkdirAll(filepath.Dir(file), 0o755)
	os.WriteFile(file, []byte(pg.Markdown+"\nTODO: a note of our own.\n"), 0o644)
	pg = Load(o).Find("lumo").Pages[0]
	if !pg.OnDisk || pg.Disk != "hand-edited" || !strings.Contains(pg.Markdown, "TODO: a note of our own.") || !strings.Contains(pg.Differs, "2 line(s) the templates do not write, 0 of theirs it lacks") {
		t.Errorf("on disk %v (%s), differs %q, markdown ends %q", pg.OnDisk, pg.Disk, pg.Differs, pg.Markdown[max(0, len(pg.Markdown)-40):])
	}
	found := false
	for _, f := range pg.Findings {
		found = found || f.Rule == "placeholder"
	}
	if !found {
		t.Errorf("the TODO on disk is not a finding: %v", pg.Findings)
	}
}

// copyDir copies the folder from into to.
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestStepsAfterMarkTheirSection: a step of the partner's own after a
// platform step, or a platform step left out, marks the section that
// writes that step, in that language.
func TestStepsAfterMarkTheirSection(t *testing.T) {
	t.Parallel()
	p, errs := partner.Parse("p.yaml", []byte("name: A\nsupport: {email: a@b.example}\nconnection: {mode: back-office, menu: [M], button: B}\ndisconnect: {button: D}\n"+
		"steps_after:\n  fr: {access-add-user: [Attendez.], disconnected: [Redémarrez.], support-connect: []}\nskip_steps: {en: [allow]}\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, tc := range []struct {
		section, lang string
		want          bool
	}{
		{"give-access", "fr", true},
		{"give-access", "en", false},
		{"connect", "en", true}, // allow left out
		{"disconnect", "fr", true},
		{"connect", "fr", false}, // support-connect has no step
		{"contact", "fr", false},
	} {
		if got := partnerSteps(p, tc.section, tc.lang); got != tc.want {
			t.Errorf("%s (%s): partner steps %v, want %v", tc.section, tc.lang, got, tc.want)
		}
	}
}
