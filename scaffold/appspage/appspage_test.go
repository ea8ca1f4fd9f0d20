package appspage

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func read(t *testing.T) []byte {
	t.Helper()
	src, err := os.ReadFile("testdata/apps.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// changedLines counts the lines of b that a does not have at the same place,
// by a plain line-by-line walk that skips equal runs: the oracle does not
// use the overlay under test.
func changedLines(a, b string) []string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	seen := map[string]int{}
	for _, l := range al {
		seen[l]++
	}
	var out []string
	for _, l := range bl {
		if seen[l] > 0 {
			seen[l]--
			continue
		}
		out = append(out, l)
	}
	return out
}

func TestSetEditsOneEntryInPlace(t *testing.T) {
	src := read(t)
	tests := []struct {
		name    string
		want    []Entry
		changed []string // the only lines of the result that are new
		entries int      // folio's entries after
	}{
		{"a new description", []Entry{{Category: "Point of Sales", Website: "https://folio.example", Documentation: "/apps/folio", Logo: "folio.png", Title: "Folio", Description: "Folio is a till for cafés and bakeries.", AdditionalInfo: "Integration in progress."}},
			[]string{"          description: Folio is a till for cafés and bakeries."}, 1},
		{"listed in a second category", []Entry{
			{Category: "Point of Sales", Website: "https://folio.example", Documentation: "/apps/folio", Logo: "folio.png", Title: "Folio", Description: "Folio is a till for cafés.", AdditionalInfo: "Integration in progress."},
			{Category: "Other Apps", Website: "https://folio.example", Documentation: "/apps/folio", Logo: "folio.png", Title: "Folio Print", Description: "Folio prints tickets."}},
			nil, 2},
		{"removed", nil, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse(src)
			if err != nil {
				t.Fatal(err)
			}
			if err := p.Set("folio", tt.want); err != nil {
				t.Fatal(err)
			}
			out, err := p.Bytes()
			if err != nil {
				t.Fatal(err)
			}
			q, err := Parse(out)
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			got := q.Entries("folio")
			if len(got) != tt.entries || (len(tt.want) > 0 && !reflect.DeepEqual(got, tt.want)) {
				t.Fatalf("entries %+v, want %+v\n%s", got, tt.want, out)
			}
			for _, other := range []string{"tillo", "orderix"} {
				before, _ := Parse(src)
				if !reflect.DeepEqual(q.Entries(other), before.Entries(other)) {
					t.Errorf("%s changed", other)
				}
			}
			if tt.changed != nil && !reflect.DeepEqual(changedLines(string(src), string(out)), tt.changed) {
				t.Errorf("changed lines %q, want %q\n%s", changedLines(string(src), string(out)), tt.changed, out)
			}
			if !strings.Contains(string(out), "# The Apps page of a test site.") || !strings.Contains(string(out), "has_suggest_app: true") {
				t.Errorf("the rest of the file changed:\n%s", out)
			}
			if tt.entries == 0 && strings.Contains(string(out), "Folio comes second") {
				t.Logf("the comment above a removed entry goes with it? %s", out)
			}
		})
	}
}

func TestSetRefusesAnUnknownCategory(t *testing.T) {
	p, err := Parse(read(t))
	if err != nil {
		t.Fatal(err)
	}
	err = p.Set("folio", []Entry{{Category: "Printers", Documentation: "/apps/folio"}})
	if err == nil || !strings.Contains(err.Error(), `"Printers"`) || !strings.Contains(err.Error(), "Point of Sales") {
		t.Fatalf("error %v", err)
	}
}

// TestSetOnTheReferenceAppsPages edits every app's entries on the real
// Apps pages to what they are, then changes one description: only that
// line changes, and every other entry reads back the same.
func TestSetOnTheReferenceAppsPages(t *testing.T) {
	for _, lang := range []string{"en", "fr"} {
		path := filepath.Join("..", "..", "..", "shared", "reference", "site", "content", lang, FileName)
		src, err := os.ReadFile(path)
		if err != nil {
			t.Skipf("no reference site: %v", err)
		}
		p, err := Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, doc := range p.Documented() {
			if err := p.Set(doc, p.Entries(doc)); err != nil {
				t.Fatal(err)
			}
		}
		same, err := p.Bytes()
		if err != nil || string(same) != string(src) {
			t.Fatalf("%s: setting every entry to itself changed the file (%v)", lang, err)
		}
		doc := p.Documented()[3]
		es := p.Entries(doc)
		es[0].Description = "A new description."
		if err := p.Set(doc, es); err != nil {
			t.Fatal(err)
		}
		out, _ := p.Bytes()
		if ch := changedLines(string(src), string(out)); len(ch) != 1 || !strings.HasSuffix(ch[0], "description: A new description.") {
			t.Errorf("%s: changed lines %q", lang, ch)
		}
		var before, after map[string]any
		_ = yaml.Unmarshal(src, &before)
		_ = yaml.Unmarshal(out, &after)
		if !reflect.DeepEqual(before["meta"], after["meta"]) {
			t.Errorf("%s: meta changed", lang)
		}
	}
}

// FuzzAppsPage: whatever Apps page the parser takes, setting an app's
// entries to what they are changes no byte, and adding one makes a file
// that reads back with it and with every other app's entries as they were.
func FuzzAppsPage(f *testing.F) {
	src, _ := os.ReadFile("testdata/apps.yaml")
	f.Add(src)
	f.Add([]byte("content: {categories: [{title: A, apps: [{documentation: /apps/x, title: X}]}]}\n"))
	f.Add([]byte("content:\n  categories:\n    - title: A\n      apps:\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := Parse(src)
		if err != nil {
			return
		}
		for _, slug := range p.Documented() {
			if err := p.Set(slug, p.Entries(slug)); err != nil {
				t.Fatal(err)
			}
		}
		same, err := p.Bytes()
		if err != nil {
			return // a file the encoder cannot write back: the caller reports it
		}
		if string(same) != string(src) {
			t.Fatalf("setting every entry to itself changed the file:\n%s\n---\n%s", src, same)
		}
		cats := p.Categories()
		if len(cats) == 0 {
			return
		}
		before := map[string][]Entry{}
		for _, slug := range p.Documented() {
			before[slug] = p.Entries(slug)
		}
		e := Entry{Category: cats[0], Documentation: "/apps/fuzzed-app", Title: "Fuzzed: app", Description: "A #1 app\\n"}
		if err := p.Set("fuzzed-app", []Entry{e}); err != nil {
			t.Fatal(err)
		}
		out, err := p.Bytes()
		if err != nil {
			return
		}
		q, err := Parse(out)
		if err != nil {
			t.Fatalf("the edited file does not read back: %v\n%s", err, out)
		}
		if got := q.Entries("fuzzed-app"); len(got) != 1 || got[0] != e {
			t.Fatalf("the added entry reads back as %+v\n%s", got, out)
		}
		for slug, es := range before {
			if slug != "fuzzed-app" && !reflect.DeepEqual(q.Entries(slug), es) {
				t.Fatalf("%s's entries changed:\n%s", slug, out)
			}
		}
	})
}
