package partner

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// withoutPositions is p with every position zeroed: what a file says, not
// where it says it.
func withoutPositions(p *Partner) *Partner {
	c := *p
	zeroPos(reflect.ValueOf(&c).Elem())
	return &c
}

var posType = reflect.TypeOf(Pos{})

func zeroPos(v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == posType {
			v.Set(reflect.Zero(posType))
			return
		}
		for i := range v.NumField() {
			if v.Field(i).CanSet() {
				zeroPos(v.Field(i))
			}
		}
	case reflect.Slice:
		if v.IsNil() {
			return
		}
		cp := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(cp, v)
		for i := range cp.Len() {
			zeroPos(cp.Index(i))
		}
		v.Set(cp)
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		cp := reflect.New(v.Type().Elem())
		cp.Elem().Set(v.Elem())
		zeroPos(cp.Elem())
		v.Set(cp)
	case reflect.Map:
		if v.IsNil() {
			return
		}
		cp := reflect.MakeMap(v.Type())
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			zeroPos(e)
			cp.SetMapIndex(k, e)
		}
		v.Set(cp)
	}
}

// roundTrip checks that the encoded file parses back to the same partner
// and that encoding is stable.
func roundTrip(t *testing.T, name string, data []byte) {
	t.Helper()
	p, errs := Parse(name, data)
	if len(errs) > 0 || p == nil {
		return // only files the loader reads have a model to write
	}
	out, err := Encode(p, Comments{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	q, errs := Parse(name, out)
	if len(errs) > 0 {
		t.Fatalf("%s: the encoded file does not load: %v\n%s", name, errs, out)
	}
	if !reflect.DeepEqual(withoutPositions(p), withoutPositions(q)) {
		t.Fatalf("%s: the encoded file says something else:\n%s\nbefore: %#v\nafter:  %#v", name, out, withoutPositions(p), withoutPositions(q))
	}
	again, _ := Encode(q, Comments{})
	if string(again) != string(out) {
		t.Fatalf("%s: encoding is not stable:\n%s\n---\n%s", name, out, again)
	}
}

func partnerFiles(t testing.TB) []string {
	files, _ := filepath.Glob("../render/testdata/partners/*.yaml")
	shipped, _ := filepath.Glob("../../partners/*.yaml")
	files = append(files, shipped...)
	if len(files) < 6 {
		t.Fatalf("found only %d partner files", len(files))
	}
	return files
}

func TestEncodeRoundTripsEveryPartnerFile(t *testing.T) {
	t.Parallel()
	for _, f := range partnerFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		roundTrip(t, f, data)
	}
	for name, src := range map[string]string{
		"per-language lists": "name: A\nlanguages: [en, fr]\nconnection:\n  mode: back-office\n  menu: {en: [Settings, Apps], fr: [Réglages]}\n  button: {en: Go, fr: ''}\n  extra_steps: {en: [\"a\\nb\"]}\n",
		"steps after":        "name: A\nlanguages: [en, fr]\nconnection: {mode: back-office, menu: [M], button: B}\ndisconnect: {button: D}\nsteps_after: {fr: {disconnected: [Fermez la caisse.], allow: [\"a\\nb\"]}}\n",
		"v2 parts":           "name: A\npreamble: {fr: \"Bientôt\\n\\nici\"}\npage: [connect, {section: contact, title: {en: Help}, anchor: help, languages: [en], steps: [S]}, {title: T, body: B}]\n",
		"v1 sections":        "name: A\nsections: [{after: connect, title: T, anchor: t, body: \"x\\n\"}]\n",
		"empty step maps":    "name: A\nstep_text: {fr: {}}\nsteps_after: {fr: {allow: }, en: {}}\nskip_steps: {fr: []}\n",
		"empty step keys":    "name: A\nstep_text: {}\nsteps_after:\nskip_steps: {}\n",
		"skipped steps":      "name: A\nlanguages: [en, fr]\nskip_steps: {fr: [choose-location, allow]}\n",
		"empty values":       "name: ''\nslug: ''\npage: []\nconnection: {}\n",
	} {
		roundTrip(t, name, []byte(src))
	}
}

// FuzzEncodeRoundTrip: whatever file the loader reads, the encoder writes
// back to the same model.
func FuzzEncodeRoundTrip(f *testing.F) {
	for _, s := range partnerFiles(f) {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("name: {en: A, fr: B}\nconnection: {menu: {en: [a], fr: [b, c]}}\npage: [{section: connect, intro: {fr: x}}]\n"))
	f.Add([]byte("name: A\npreamble: \"\\t00\\n\\n0\"\nmeta: {description: {fr: D}}\n")) // a block that starts with a tab
	f.Fuzz(func(t *testing.T, data []byte) { roundTrip(t, "f.yaml", data) })
}

// TestEncodeWritesComments: the expected files are written out by hand.
func TestEncodeWritesComments(t *testing.T) {
	t.Parallel()
	p := &Partner{
		Name:       Text{Value: Scalar{Value: "Zoë: #1"}},
		Kind:       Scalar{Value: "epos"},
		Languages:  Scalars([]string{"en", "fr"}),
		Email:      Scalar{Value: "z@z.example"},
		Connection: Connection{Mode: Scalar{Value: "back-office"}, Steps: Steps{Menu: ListOf([]string{"en", "fr"}, map[string][]string{"en": {"Settings"}, "fr": {"Réglages", "Apps"}}), Button: TextOf([]string{"en", "fr"}, map[string]string{"en": "Go", "fr": "Go"})}},
		Page:       []Part{{Standard: Scalar{Value: "connect"}}, {Title: Text{Value: Scalar{Value: "Notes"}}, Body: Text{Value: Scalar{Value: "One.\n\nTwo."}}}},
	}
	got, err := Encode(p, Comments{
		Header: "# written by a test\n",
		Head:   map[string]string{"kind": "guessed", "page[2].body": "kept as written"},
		Line:   map[string]string{"connection.mode": "back-office | support", "connection.menu": "one label per item"},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := `# written by a test
name: 'Zoë: #1'
# guessed
kind: epos
languages: [en, fr]
support:
  email: z@z.example
connection:
  mode: back-office # back-office | support
  menu: # one label per item
    en: [Settings]
    fr: [Réglages, Apps]
  button: Go
page:
  - connect
  - title: Notes
    # kept as written
    body: |-
      One.

      Two.
`
	if string(got) != want {
		t.Fatalf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestTextOfAndListOf(t *testing.T) {
	t.Parallel()
	langs := []string{"en", "fr"}
	for _, c := range []struct {
		name   string
		by     map[string]string
		single bool
	}{
		{"all agree", map[string]string{"en": "A", "fr": "A"}, true},
		{"they differ", map[string]string{"en": "A", "fr": "B"}, false},
		{"one missing", map[string]string{"en": "A"}, false},
	} {
		got := TextOf(langs, c.by)
		if (got.ByLang == nil) != c.single {
			t.Errorf("%s: one value %v, want %v", c.name, got.ByLang == nil, c.single)
		}
		for _, l := range langs {
			if v, ok := c.by[l]; ok && got.In(l) != v {
				t.Errorf("%s: %s is %q, want %q", c.name, l, got.In(l), v)
			}
		}
	}
	if l := ListOf(langs, map[string][]string{"en": {"a"}, "fr": {"a", "b"}}); l.ByLang == nil || strings.Join(l.In("fr"), ",") != "a,b" {
		t.Errorf("ListOf: %#v", l)
	}
}
