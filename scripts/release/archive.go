package main

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// writeTarGz writes files into a gzip'd tar at dst, under the folder base/,
// every entry dated mtime and owned by root.
func writeTarGz(dst, base string, files []File, mtime time.Time) error {
	return writeAtomic(dst, func(w io.Writer) error {
		gz, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
		tw := tar.NewWriter(gz)
		for _, f := range files {
			data, err := os.ReadFile(f.Src)
			if err != nil {
				return err
			}
			h := &tar.Header{Name: base + "/" + f.Name, Mode: int64(f.Mode), Size: int64(len(data)),
				ModTime: mtime, Typeflag: tar.TypeReg, Format: tar.FormatPAX}
			if err := tw.WriteHeader(h); err != nil {
				return err
			}
			if _, err := tw.Write(data); err != nil {
				return err
			}
		}
		if err := tw.Close(); err != nil {
			return err
		}
		return gz.Close()
	})
}

// writeZip writes files into a zip at dst, under the folder base/.
func writeZip(dst, base string, files []File, mtime time.Time) error {
	return writeAtomic(dst, func(w io.Writer) error {
		zw := zip.NewWriter(w)
		for _, f := range files {
			data, err := os.ReadFile(f.Src)
			if err != nil {
				return err
			}
			h := &zip.FileHeader{Name: base + "/" + f.Name, Method: zip.Deflate, Modified: mtime}
			h.SetMode(f.Mode)
			fw, err := zw.CreateHeader(h)
			if err != nil {
				return err
			}
			if _, err := fw.Write(data); err != nil {
				return err
			}
		}
		return zw.Close()
	})
}

// writeChecksums writes checksums.txt in the form `sha256sum -c` reads:
// one "<hex>  <archive>" line per archive, sorted by name.
func writeChecksums(dir string, names []string) error {
	names = slices.Sorted(slices.Values(names))
	var b strings.Builder
	for _, n := range names {
		sum, err := sha256File(filepath.Join(dir, n))
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s  %s\n", sum, n)
	}
	fmt.Print(b.String())
	return os.WriteFile(filepath.Join(dir, "checksums.txt"), []byte(b.String()), 0o644)
}

func sha256File(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// writeAtomic writes dst through a temporary file renamed into place, so an
// interrupted build leaves no half archive behind.
func writeAtomic(dst string, fill func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(dst), "."+filepath.Base(dst)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := fill(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil { // CreateTemp makes it 0600
		return err
	}
	return os.Rename(tmp.Name(), dst)
}
