package main

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func testFiles(t *testing.T) []File {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "bin"), []byte("#!/bin/sh\necho hi\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "readme"), []byte("read me\n"), 0o644)
	return []File{{"partnerpages", filepath.Join(dir, "bin"), 0o755}, {"man/man1/partnerpages.1", filepath.Join(dir, "readme"), 0o644}}
}

var mtime = time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)

func TestTarGzHoldsEveryFileUnderItsFolderWithModeAndTime(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "a.tar.gz")
	if err := writeTarGz(dst, "pp_1_linux_amd64", testFiles(t), mtime); err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(dst)
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	var got []string
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(tr)
		got = append(got, h.Name+" "+os.FileMode(h.Mode).String()+" "+h.ModTime.UTC().Format(time.RFC3339)+" "+string(body))
	}
	want := []string{
		"pp_1_linux_amd64/partnerpages -rwxr-xr-x 2026-12-01T10:00:00Z #!/bin/sh\necho hi\n",
		"pp_1_linux_amd64/man/man1/partnerpages.1 -rw-r--r-- 2026-12-01T10:00:00Z read me\n",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestZipHoldsEveryFileUnderItsFolderWithMode(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "a.zip")
	if err := writeZip(dst, "pp_1_windows_amd64", testFiles(t), mtime); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(dst); st.Mode().Perm() != 0o644 {
		t.Errorf("archive mode %v, want 0644: others must be able to read a release", st.Mode().Perm())
	}
	zr, err := zip.OpenReader(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	if len(zr.File) != 2 || zr.File[0].Name != "pp_1_windows_amd64/partnerpages" || zr.File[0].Mode() != 0o755 ||
		zr.File[1].Name != "pp_1_windows_amd64/man/man1/partnerpages.1" {
		t.Errorf("entries: %v %v", zr.File[0].Name, zr.File[0].Mode())
	}
}

func TestArchivesAreReproducible(t *testing.T) {
	files := testFiles(t)
	a, b := filepath.Join(t.TempDir(), "a.tar.gz"), filepath.Join(t.TempDir(), "b.tar.gz")
	writeTarGz(a, "x", files, mtime)
	writeTarGz(b, "x", files, mtime)
	da, _ := os.ReadFile(a)
	db, _ := os.ReadFile(b)
	if string(da) != string(db) {
		t.Error("two builds of the same files differ")
	}
}

func TestChecksumsListEveryArchiveSortedAsSha256sumReadsThem(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "b.zip"), []byte("bee"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.tar.gz"), []byte("ay"), 0o644)
	if err := writeChecksums(dir, []string{"b.zip", "a.tar.gz"}); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "checksums.txt"))
	sum := func(s string) string { h := sha256.Sum256([]byte(s)); return hex.EncodeToString(h[:]) }
	want := sum("ay") + "  a.tar.gz\n" + sum("bee") + "  b.zip\n"
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestVersionsAccepted(t *testing.T) {
	for in, ok := range map[string]bool{"v1.2.3": true, "1.2.3": true, "1.2.3-rc.1": true, "0.0.0-SNAPSHOT-abc1234": true, "1.2": false, "latest": false, "1.2.3;rm": false} {
		if got := semver.MatchString(in); got != ok {
			t.Errorf("%q: accepted %v, want %v", in, got, ok)
		}
	}
}
