package pageimport

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestDroppedNamesWhatAMergeWouldLose(t *testing.T) {
	t.Parallel()
	const old = "# header the tool wrote\nname: Lumo\nkind: ordering\nsupport:\n  email: care@lumo.example\nconnection:\n  mode: back-office\n  # ask Marc before changing the path\n  menu: [Settings, Integrations]\n  button: Switch On  # renamed in the back office in May\n"
	for _, tc := range []struct {
		name, merged string
		want         []string
	}{
		{"the same file", old, nil},
		{"another header", strings.Replace(old, "# header the tool wrote", "# another header", 1), nil},
		{"a renamed button", strings.Replace(old, "Switch On", "Activate", 1),
			[]string{`connection.button: "Switch On" would become "Activate"`}},
		{"a renamed button, its comment gone", strings.Replace(old, "Switch On  # renamed in the back office in May", "Activate", 1),
			[]string{`connection.button: "Switch On" would become "Activate"`, `the comment "# renamed in the back office in May" (line 10) would be lost`}},
		{"a comment dropped", strings.Replace(old, "  # ask Marc before changing the path\n", "", 1),
			[]string{`the comment "# ask Marc before changing the path"`}},
		{"a value removed", strings.Replace(old, "kind: ordering\n", "", 1), []string{`kind: "ordering" would be removed`}},
		{"a language added", strings.Replace(old, "button: Switch On  # renamed in the back office in May", "button: {en: Switch On, fr: Activer}  # renamed in the back office in May", 1), nil},
		{"a section added", old + "page: [connect, contact]\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Dropped([]byte(old), []byte(tc.merged))
			if len(got) != len(tc.want) {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
			for i, w := range tc.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("%d: %q, want %q", i, got[i], w)
				}
			}
		})
	}
}

// TestDroppedKnowsTheToolsComments: every comment import writes into the
// fixtures' partner files is one Dropped knows as the tool's.
func TestDroppedKnowsTheToolsComments(t *testing.T) {
	t.Parallel()
	results, _ := importPaths(t, testOptions(t), "testdata/apps")
	if len(results) == 0 {
		t.Fatal("no fixtures imported")
	}
	seen := 0
	for _, res := range results {
		var doc yaml.Node
		if err := yaml.Unmarshal(res.YAML, &doc); err != nil {
			t.Fatal(err)
		}
		var cs []comment
		flatten(doc.Content[0], "", map[string]string{}, &cs, true)
		for _, c := range cs {
			seen++
			if !isToolComment(c.text) {
				t.Errorf("%s: the comment %q is not known as the tool's", res.File, c.text)
			}
		}
		if lost := Dropped(res.YAML, res.YAML); len(lost) > 0 {
			t.Errorf("%s: a file merged into itself loses %q", res.File, lost)
		}
	}
	if seen == 0 {
		t.Error("the fixtures carry no comment: the test checks nothing")
	}
}

// FuzzDropped: any two files, no panic; a file merged into itself loses nothing.
func FuzzDropped(f *testing.F) {
	f.Add([]byte("name: A\n# c\nkind: x\n"), []byte("name: B\n"))
	f.Add([]byte("a: [1, {b: c}]  # d\n"), []byte("a: {en: 1}\n"))
	f.Fuzz(func(t *testing.T, old, merged []byte) {
		_ = Dropped(old, merged)
		if lost := Dropped(old, old); len(lost) > 0 {
			t.Fatalf("%q merged into itself loses %q", old, lost)
		}
	})
}
