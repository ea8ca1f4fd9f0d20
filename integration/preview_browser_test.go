package integration_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/partnerpages/partnerpages/scaffold/project"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/partnerpages/partnerpages/scaffold/lint"
	"github.com/partnerpages/partnerpages/scaffold/preview"
	"github.com/partnerpages/partnerpages/templates"
)

// The preview in a real browser (headless Chromium, driven by chromedp): a
// partner's page shows the Markdown's headings and anchors, loads every
// image, logs no console error, shows a broken link and a lint finding
// where they are, and follows an edit of the partner file by itself.
// PARTNERPAGES_BROWSER=1 runs it (CI installs Debian's chromium);
// PARTNERPAGES_SCREENSHOT=FILE keeps the screenshot it takes (the README's).

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
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

// browser starts headless Chromium and collects what its console reports.
func browser(t *testing.T) (context.Context, *[]string) {
	if os.Getenv("PARTNERPAGES_BROWSER") == "" {
		t.Skip("PARTNERPAGES_BROWSER=1 runs the browser test (needs chromium); CI sets it")
	}
	exe := os.Getenv("CHROME")
	if exe == "" {
		exe, _ = exec.LookPath("chromium")
	}
	if exe == "" {
		t.Fatal("PARTNERPAGES_BROWSER is set but no chromium is installed (apt-get install chromium)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1500, 1100))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	var mu sync.Mutex
	problems := &[]string{}
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil { // starts the browser and the tab
		t.Fatal(err)
	}
	chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				*problems = append(*problems, fmt.Sprintf("console.error: %v", ev.Args))
			}
		case *runtime.EventExceptionThrown:
			*problems = append(*problems, "exception: "+ev.ExceptionDetails.Text)
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				*problems = append(*problems, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
			}
		}
	})
	if _, err := chromedp.Call(ctx, log.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	return ctx, problems
}

// waitFor polls a predicate until it holds, across the reloads the preview
// makes the page do (a reload ends the poll that runs in the old page).
func waitFor(ctx context.Context, predicate string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](predicate, chromedp.WithPollingTimeout(time.Until(deadline))))
		if err == nil || time.Now().After(deadline) || !strings.Contains(err.Error(), "navigated") {
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestPreviewInABrowser(t *testing.T) {
	ctx, problems := browser(t)
	dir := t.TempDir()
	copyTree(t, "../scaffold/preview/testdata", dir)
	proj := filepath.Join(dir, "project")
	in := project.Inputs{Partners: os.DirFS(filepath.Join(proj, "partners")), PartnersDir: "partners", Templates: templates.FS}
	o := preview.Options{Partners: in.Partners, PartnersDir: in.PartnersDir, Pages: filepath.Join(proj, "content", "apps"),
		Templates: in.LoadTemplates, Lint: func() (lint.Options, error) { return in.LintOptions(filepath.Join(dir, "site")) }}
	srv := preview.NewServer(o)
	w, err := preview.NewWatcher(filepath.Join(proj, "partners"), o.Pages)
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	sctx, stop := context.WithCancel(context.Background())
	defer stop()
	go srv.Serve(sctx, l, w)
	url := "http://" + l.Addr().String() + "/p/lumo"

	eval := func(expr string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return v
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(`section[data-lang="fr"] article.pp-page`)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`Array.from(document.images).every(i => i.complete)`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatal(err)
	}
	anchors := map[string][]string{}
	for _, lang := range []string{"en", "fr"} {
		got := eval(`Array.from(document.querySelectorAll('section[data-lang="` + lang + `"] article h2[data-anchor]'), h => h.dataset.anchor).join(" ")`)
		anchors[lang] = strings.Fields(got)
	}
	images := eval(`String(document.images.length)`)
	imagesLoaded := eval(`String(Array.from(document.images).filter(i => i.naturalWidth > 0).length)`)
	broken := eval(`String(document.querySelectorAll('a.pp-broken').length)`)
	finding := eval(`(() => { const e = document.querySelector('section[data-lang="en"] [data-finding*="placeholder"]'); return e ? getComputedStyle(e, '::after').content : "" })()`)
	findingLine := eval(`(() => { const e = document.querySelector('section[data-lang="en"] [data-finding*="placeholder"]'); return e ? e.dataset.line : "" })()`)

	// the oracle: the {#id}s and the TODO line of the Markdown the engine writes
	st := preview.Load(o)
	for _, pg := range st.Find("lumo").Pages {
		var want []string
		for _, m := range regexp.MustCompile(`(?m)^## .*\{#([\w-]+)\}\s*$`).FindAllStringSubmatch(pg.Markdown, -1) {
			want = append(want, m[1])
		}
		if !slices.Equal(anchors[pg.Lang], want) {
			t.Errorf("%s: the browser shows anchors %v, the Markdown has %v", pg.Lang, anchors[pg.Lang], want)
		}
		for i, line := range strings.Split(pg.Markdown, "\n") {
			if strings.Contains(line, "TODO") && fmt.Sprint(i+1) != findingLine {
				t.Errorf("the TODO is on line %d, the finding shows on line %s", i+1, findingLine)
			}
		}
	}
	if images != "2" || imagesLoaded != images {
		t.Errorf("%s of %s images loaded (the page shows one in each language)", imagesLoaded, images)
	}
	if broken != "2" {
		t.Errorf("%s broken links shown, want the one in each language", broken)
	}
	if !strings.Contains(finding, "placeholder") {
		t.Errorf("the finding is not shown at its block: %q", finding)
	}
	if shot := os.Getenv("PARTNERPAGES_SCREENSHOT"); shot != "" {
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(shot, png, 0o644)
	}

	// an edit of the partner file shows by itself
	file := filepath.Join(proj, "partners", "lumo.yaml")
	src, _ := os.ReadFile(file)
	start := time.Now()
	os.WriteFile(file, []byte(strings.Replace(string(src), "en: Activate HubRise", "en: Switch On HubRise", 1)), 0o644)
	if err := waitFor(ctx, `document.body.innerText.includes("Switch On HubRise")`, 5*time.Second); err != nil {
		t.Fatalf("the page did not follow the edit: %v", err)
	}
	t.Logf("the page showed the edit %v after the save", time.Since(start).Round(10*time.Millisecond))
	// a file that no longer validates shows its errors instead of a stale page
	os.WriteFile(file, []byte(strings.Replace(string(src), "mode: back-office", "mode: backoffice", 1)), 0o644)
	if err := waitFor(ctx, `document.body.innerText.includes("does not validate") && document.body.innerText.includes("did you mean")`, 5*time.Second); err != nil {
		t.Fatalf("the invalid partner file's errors are not shown: %v", err)
	}
	for _, p := range *problems {
		t.Errorf("the browser reported: %s", p)
	}
}
