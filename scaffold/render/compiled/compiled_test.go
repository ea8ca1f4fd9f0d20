package compiled_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"text/template"

	"github.com/partnerpages/partnerpages/scaffold/render/compiled"
)

// shout prints itself in capitals, as the page types print themselves
// escaped.
type shout string

func (s shout) String() string { return strings.ToUpper(string(s)) + "!" }

// label is a named string without methods.
type label string

type part struct {
	Kind  string
	Title shout
	Steps []shout
}

type site struct {
	Name shout
	URL  string
}

type view struct {
	Name   shout
	Plain  string
	Spaced string
	Label  label
	Count  int
	On     bool
	Parts  []part
	Part   part
	Site   site
	UI     map[string]shout
	Has    map[string]bool
	Ptr    *site
	Any    any
	Err    error
}

func (v view) With(p part) view       { v.Part = p; return v }
func (v view) Twice(s string) string  { return s + s }
func (v view) Fails() (string, error) { return "", errors.New("refused") }
func (v *view) ByPointer() string     { return "pointer" }

func bold(v any) shout          { return shout("*" + fmt.Sprint(v) + "*") }
func join(parts ...any) string  { return fmt.Sprint(parts...) }
func id(own, def string) string { return own + "|" + def }
func lbl(l label) string        { return "[" + string(l) + "]" }
func menu(ps []shout) string    { return fmt.Sprint(len(ps)) }
func elide(v any) string        { return "n'" + fmt.Sprint(v) }
func link(name string) (string, error) {
	if name == "" {
		return "", errors.New("no name")
	}
	return "/" + name, nil
}

// funcs has each function twice: called without reflection, and (its name
// ending in r) through it.
var funcs = map[string]compiled.Func{
	"bold": compiled.Func1(bold), "boldr": compiled.Reflect(bold),
	"join": compiled.FuncV(join), "joinr": compiled.Reflect(join),
	"id": compiled.Func2(id), "idr": compiled.Reflect(id),
	"lbl": compiled.Func1(lbl), "lblr": compiled.Reflect(lbl),
	"menu": compiled.Func1(menu), "menur": compiled.Reflect(menu),
	"ne":   compiled.Func1(elide), // overrides the builtin, as the French helpers do
	"link": compiled.Func1E(link), "linkr": compiled.Reflect(link),
	"panics": compiled.Reflect(func() string { panic("boom") }),
}

func data() view {
	return view{
		Name: "qwenta", Plain: "a < b", Spaced: " x\n", Label: "L", Count: 3, On: true,
		Parts: []part{{Kind: "connect", Title: "one", Steps: []shout{"a", "b"}}, {Kind: "", Title: "two"}},
		Site:  site{Name: "hub", URL: "/u"},
		UI:    map[string]shout{"allow": "allow"},
		Has:   map[string]bool{"contact": true},
		Any:   shout("inside"),
	}
}

// outcome is what the compiled template must do with a case.
type outcome int

const (
	fast      outcome = iota // compile and run without text/template
	fallsBack                // compile, then leave the run to text/template
	refused                  // not compile
)

var cases = []struct {
	name string
	text string
	want outcome
}{
	{"text", "plain text", fast},
	{"stringer field", "{{.Name}}", fast},
	{"string field", "{{.Plain}}", fast},
	{"string with spaces at its ends", "[{{.Spaced}}]", fast},
	{"named string", "{{.Label}}", fast},
	{"int and bool", "{{.Count}} {{.On}}", fast},
	{"nested field", "{{.Site.Name}}-{{.Site.URL}}", fast},
	{"map key", "{{.UI.allow}}", fast},
	{"missing map key", "{{.UI.nope}}", fallsBack},
	{"if else", "{{if .On}}y{{else}}n{{end}}{{if .Plain}}p{{end}}{{if .Ptr}}x{{else}}nil{{end}}", fast},
	{"else if chain", "{{if eq .Count 1}}one{{else if eq .Count 3}}three{{else}}other{{end}}", fast},
	{"with", "{{with .Site}}{{.Name}}{{end}}{{with .Plain}}[{{.}}]{{else}}none{{end}}", fast},
	{"range", "{{range .Parts}}<{{.Title}}{{range .Steps}}({{.}}){{end}}>{{else}}empty{{end}}", fast},
	{"range empty else", "{{range .Part.Steps}}x{{else}}empty{{end}}", fast},
	{"range variables", "{{range $i, $p := .Parts}}{{$i}}={{$p.Title}};{{end}}", fast},
	{"range one variable", "{{range $p := .Parts}}{{$p.Kind}};{{end}}", fast},
	{"variables", "{{$x := .Name}}{{$x}}{{$x = .Site.Name}}{{$x}}{{$}}", fallsBack},
	{"dollar field", "{{range .Parts}}{{$.Name}}{{.Title}}{{end}}", fast},
	{"method with argument", "{{range .Parts}}{{with $.With .}}{{.Part.Title}}{{end}}{{end}}", fast},
	{"method with literal", `{{.Twice "ab"}}`, fast},
	{"method error", "{{.Fails}}", fallsBack},
	{"pointer method", "{{.ByPointer}}", fallsBack},
	{"function", "{{bold .Name}} {{bold .Plain}} {{bold \"lit\"}}", fast},
	{"variadic", `{{join "a" .Name 3 true}}`, fast},
	{"typed parameters", `{{id .Plain ""}}`, fast},
	{"literal to named type", `{{lbl "x"}}`, fast},
	{"functions through reflection", "{{boldr .Name}} {{joinr \"a\" .Name 3}} {{idr .Plain \"\"}} {{lblr \"x\"}} {{menur .Part.Steps}} {{linkr \"a\"}} {{.Name | boldr}}", fast},
	{"function error through reflection", `{{linkr ""}}`, fallsBack},
	{"slice parameter", `{{menu .Part.Steps}} {{range .Parts}}{{menu .Steps}}{{end}}`, fast},
	{"nil interface argument", `{{bold .Err}}`, fast},
	{"wrong parameter type", `{{id .Name ""}}`, fallsBack},
	{"function error", `{{link ""}}`, fallsBack},
	{"function value", `{{link "a"}}`, fast},
	{"panic", `{{panics}}`, fallsBack},
	{"pipeline", `{{.Name | bold}} {{"x" | join "y"}}`, fast},
	{"parenthesized", `{{bold (join "a" "b")}}`, fast},
	{"chain", `{{(.With .Part).Name}}`, fast},
	{"set function over builtin", `{{ne .Name}}`, fast},
	{"and or not", `{{and .On .Plain}} {{or .Ptr .Plain}} {{not .On}} {{and .On 0}}`, fast},
	{"eq kinds", `{{eq .Plain "a < b"}} {{eq .Name "qwenta" "x"}} {{eq .Count 3}}`, fast},
	{"eq mixed", `{{eq .Count "3"}}`, fallsBack},
	{"len and index", `{{len .Parts}} {{index .Has "contact"}} {{index .Has "give-access"}} {{(index .Parts 1).Title}}`, fast},
	{"index out of range", `{{index .Parts 5}}`, fallsBack},
	{"template call", `{{define "t"}}[{{.}}|{{$}}]{{end}}{{template "t" .Name}}{{template "t" .Plain}}`, fast},
	{"template call keeps the caller's variables", `{{define "t"}}{{$}}{{end}}{{$x := .Plain}}{{template "t" .Name}}{{$x}}`, fast},
	{"template without data", `{{define "t"}}{{.}}{{end}}{{template "t"}}`, fallsBack},
	{"undefined template", `{{template "nope" .}}`, fallsBack},
	{"nil pointer", "{{.Ptr.Name}}", fallsBack},
	{"interface field", "{{.Any}} {{bold .Any}}", fast},
	{"nil error field", "{{.Err}}", fallsBack},
	{"unknown field", "{{.Nope}}", fallsBack},
	{"arguments to a field", "{{.Name 1}}", fallsBack},
	{"trim and comments", "a  {{- /* c */ -}}  b", fast},
	{"range over map", "{{range .UI}}{{.}}{{end}}", fallsBack},
	{"range over int", "{{range 3}}{{.}}{{end}}", fallsBack},
	{"break", "{{range .Parts}}{{break}}{{end}}", refused},
	{"printf", `{{printf "%d" .Count}}`, refused},
	{"float", `{{bold 1.5}}`, refused},
	{"variable in if", "{{if $x := .Plain}}{{$x}}{{end}}", fast},
}

// run executes text with both executors; it returns text/template's
// output and error, the compiled output, and what the compiled executor did.
func run(t testing.TB, text string, d any) (want string, wantErr error, got string, did outcome) {
	t.Helper()
	tmpl, err := template.New("page").Funcs(compiled.FuncMap(funcs)).Option("missingkey=error").Parse(text)
	if err != nil {
		t.Fatalf("parse %q: %v", text, err)
	}
	var w bytes.Buffer
	wantErr = tmpl.Execute(&w, d)
	c, err := compiled.Compile(tmpl, funcs)
	if err != nil {
		if !errors.Is(err, compiled.ErrUnsupported) {
			t.Fatalf("compile %q: %v, not ErrUnsupported", text, err)
		}
		return w.String(), wantErr, "", refused
	}
	var g bytes.Buffer
	switch err := c.Execute(&g, d); {
	case errors.Is(err, compiled.ErrFallback):
		return w.String(), wantErr, "", fallsBack
	case err != nil:
		t.Fatalf("execute %q: %v", text, err)
	}
	return w.String(), wantErr, g.String(), fast
}

// TestCompiledPrintsWhatTextTemplatePrints holds the compiled executor to
// text/template's own output, case by case: it may leave a case to
// text/template, never print something else.
func TestCompiledPrintsWhatTextTemplatePrints(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want, wantErr, got, did := run(t, c.text, data())
			if did == fast {
				if wantErr != nil {
					t.Fatalf("compiled printed %q where text/template fails: %v", got, wantErr)
				}
				if got != want {
					t.Fatalf("compiled printed\n%q\ntext/template\n%q", got, want)
				}
			}
			if did != c.want {
				t.Errorf("outcome %d, want %d (0 fast, 1 falls back, 2 refused); text/template: %q %v", did, c.want, want, wantErr)
			}
		})
	}
}
