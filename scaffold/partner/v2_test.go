package partner

import (
	"slices"
	"strings"
	"testing"
)

func TestSchemaV2Errors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		yaml  string
		line  int
		field string
		msg   string
	}{
		{"not a standard section", "name: A\npage: [terms]\n", 2, "page[1].section", `"terms" is not a standard section`},
		{"standard section twice", "name: A\nconnection: {mode: back-office, menu: [M], button: B}\npage: [connect, connect]\n", 3, "page[2].section", "already page[1]"},
		{"own section without body", "name: A\npage:\n  - title: Terms\n", 3, "page[1].body", "missing"},
		{"own section without title", "name: A\npage:\n  - body: Text\n", 3, "page[1].title", "needs a heading"},
		{"intro on an own section", "name: A\npage:\n  - {title: T, body: B, intro: I}\n", 3, "page[1].intro", "not used"},
		{"body with steps", "name: A\nconnection: {mode: back-office}\npage:\n  - {section: connect, body: B, steps: [S]}\n", 4, "page[1].body", "no intro or steps"},
		{"bad id", "name: A\npage:\n  - {title: T, anchor: Bad Id, body: B}\n", 3, "page[1].anchor", "not a valid id"},
		{"id twice", "name: A\npage:\n  - {title: T, anchor: t, body: B}\n  - {title: U, anchor: t, body: B}\n", 4, "page[2].anchor", "already the id"},
		{"another section's id", "name: A\npage:\n  - {title: T, anchor: contact, body: B}\n", 3, "page[1].anchor", "id of the contact section"},
		{"unknown language of a part", "name: A\npage:\n  - {title: T, body: B, languages: [de]}\n", 3, "page[1].languages[1]", "not one of the partner's languages"},
		{"part value missing its language", "name: A\npage:\n  - {title: {en: T}, body: {en: B}}\n", 3, "page[1].title", `no "fr" value`},
		{"page and sections", "name: A\npage: []\nsections: [{after: connect, title: T, anchor: t, body: B}]\n", 2, "page", "move sections: into page"},
		{"e-mail needed by give-access", "name: A\nconnection: {mode: back-office}\npage: [give-access]\n", 1, "support.email", "missing"},
		{"support route without its sections", "name: A\nsupport: {email: a@b.co}\nconnection: {mode: support}\npage: [connect]\n", 4, "page", "links to the give-access section"},
		{"menu needed by the template's connect", "name: A\nconnection: {mode: back-office, button: B}\npage: [connect]\n", 2, "connection.menu", "required"},
		{"unknown part key", "name: A\npage:\n  - {section: connect, colour: red}\n", 3, "page[1].colour", "unknown field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := parseResolve(t, tt.yaml)
			for _, e := range errs {
				if e.Line == tt.line && e.Field == tt.field && strings.Contains(e.Msg, tt.msg) {
					return
				}
			}
			t.Fatalf("want p.yaml:%d %s: …%s…; got:\n%v", tt.line, tt.field, tt.msg, errs)
		})
	}
}

func TestSchemaV2Valid(t *testing.T) {
	t.Parallel()
	for name, src := range map[string]string{
		"only text, no e-mail or mode":   "name: A\npreamble: {fr: Bientôt.}\npage: []\n",
		"verbatim connect needs no menu": "name: A\nconnection: {mode: back-office}\npage:\n  - {section: connect, title: {en: Go, fr: Allez}, anchor: connect, body: {en: B, fr: B}}\n  - {title: T, body: B, languages: [en]}\n",
		"typed with steps and intro":     "name: A\nsupport: {email: a@b.co}\nconnection: {mode: back-office, menu: [M], button: B, intro: {en: '', fr: X}}\npage: [{section: connect, steps: [S]}, give-access, contact]\n",
		"v1 layout unchanged":            validBase,
	} {
		if errs := parseResolve(t, src); len(errs) > 0 {
			t.Errorf("%s: %v", name, errs)
		}
	}
}

func TestLayoutOfV1IsTheStandardOrder(t *testing.T) {
	t.Parallel()
	p, errs := Parse("p.yaml", []byte(validBase+"sections:\n  - {after: give-access, title: T, anchor: t, body: B}\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var got []string
	for _, pt := range p.Layout() {
		got = append(got, pt.Standard.Value+"|"+pt.Anchor.Value)
	}
	if want := "connect|,give-access|,|t,contact|,disconnect|"; strings.Join(got, ",") != want {
		t.Errorf("layout = %s, want %s", strings.Join(got, ","), want)
	}
}

// TestPartsStopWhenAsked: Parts yields the page's parts in order (for a
// v1 file, each standard place followed by the extra sections placed
// after it; for a v2 one, its own), Layout lists the same, and Parts stops
// as soon as the loop does.
func TestPartsStopWhenAsked(t *testing.T) {
	t.Parallel()
	text := func(s string) Text { return Text{Value: Scalar{Value: s}} }
	v1 := &Partner{Sections: []Section{
		{Title: text("Pricing"), After: Scalar{Value: "connect"}},
		{Title: text("FAQ"), After: Scalar{Value: "disconnect"}},
	}}
	v2 := &Partner{Page: []Part{{Standard: Scalar{Value: "connect"}}, {Title: text("Notes")}, {Standard: Scalar{Value: "disconnect"}}}}
	// a part by its name: the standard section, or the title
	name := func(pt Part) string { return pt.Standard.Value + pt.Title.Value.Value }
	for _, c := range []struct {
		p    *Partner
		want []string
	}{
		{v1, []string{"connect", "Pricing", "give-access", "contact", "disconnect", "FAQ"}},
		{v2, []string{"connect", "Notes", "disconnect"}},
	} {
		var layout []string
		for _, pt := range c.p.Layout() {
			layout = append(layout, name(pt))
		}
		if !slices.Equal(layout, c.want) {
			t.Errorf("Layout: %v, want %v", layout, c.want)
		}
		for k := range len(c.want) + 1 {
			var got []string
			for pt := range c.p.Parts() {
				if len(got) == k {
					break
				}
				got = append(got, name(pt))
			}
			if !slices.Equal(got, c.want[:k]) {
				t.Errorf("the first %d parts: %v, want %v", k, got, c.want[:k])
			}
		}
	}
}
