package partner

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadDirReportsEveryFileAndDuplicateSlugs(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"a.yaml":      {Data: []byte(validBase)},
		"b.yaml":      {Data: []byte(strings.Replace(validBase, "name: Orderix", "name: ORDERIX", 1))},
		"broken.yaml": {Data: []byte("name: [\n")},
		"bad.yml":     {Data: []byte("name: B\nsupport: {email: x}\nconnection: {mode: support}\n")},
		"notes.txt":   {Data: []byte("not a partner")},
		"dir.yaml":    {Mode: 0o755 | 1<<31}, // a folder named like a partner file
	}
	ps, errs := LoadDir(fsys, "partners", setLangs)
	want := []string{
		"partners/b.yaml:1:7: slug: slug orderix is already used by partners/a.yaml",
		"partners/bad.yml:2:18: support.email",
		"partners/broken.yaml:1:7: the list or mapping opened on line 1 is not closed",
		"partners/dir.yaml: is a folder",
	}
	got := errs.Error()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in:\n%s", w, got)
		}
	}
	if len(ps) != 2 {
		t.Errorf("want the 2 valid partners back, got %d", len(ps))
	}
}

func TestIsPartnerFile(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]bool{"a.yaml": true, "a.yml": true, "beta.YAML": true, "b.Yml": true, "a.json": false, "yaml": false, "a.yaml.bak": false} {
		if got := IsPartnerFile(name); got != want {
			t.Errorf("IsPartnerFile(%q) = %v", name, got)
		}
	}
}
