package output

import (
	"testing"
)

func TestDirRefusesPathsOutsideTheFolder(t *testing.T) {
	t.Parallel()
	d := NewDir(t.TempDir())
	for _, rel := range []string{"../x.md", "a/../../x.md", "/etc/passwd", "a//b.md", "a/./b.md", `a\..\b.md`, ""} {
		if _, err := d.Path(rel); err == nil {
			t.Errorf("Path(%q) was accepted", rel)
		}
	}
	if _, err := d.Path("slug/en/connect-hubrise.md"); err != nil {
		t.Error(err)
	}
}
