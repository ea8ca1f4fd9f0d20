package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// Target is one platform a release ships for.
type Target struct{ OS, Arch string }

func (t Target) String() string { return t.OS + "/" + t.Arch }

// binary is the executable's file name on the target.
func (t Target) binary() string {
	if t.OS == "windows" {
		return "partnerpages.exe"
	}
	return "partnerpages"
}

// File is one file of an archive: its path inside it, where it is now, its mode.
type File struct {
	Name string
	Src  string
	Mode os.FileMode
}

// buildExtras writes what every archive carries besides the binary: the
// README and the guide, the licence, the man pages and the completion scripts, the last
// two written by a binary built for this machine.
func buildExtras(work string, st Stamp) ([]File, error) {
	host := filepath.Join(work, "host", "partnerpages")
	if err := goBuild(host, st, os.Getenv("GOOS"), os.Getenv("GOARCH")); err != nil {
		return nil, err
	}
	files := []File{{"README.md", "README.md", 0o644}, {"LICENSE", "LICENSE", 0o644}, {"docs/guide.md", filepath.Join("docs", "guide.md"), 0o644}}
	man := filepath.Join(work, "man")
	cmd := exec.Command(host, "gen-docs", "--man", man)
	cmd.Env = append(os.Environ(), fmt.Sprintf("SOURCE_DATE_EPOCH=%d", st.Date.Unix()))
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("man pages: %v\n%s", err, out)
	}
	pages, _ := filepath.Glob(filepath.Join(man, "*.1"))
	for _, p := range pages {
		files = append(files, File{"man/man1/" + filepath.Base(p), p, 0o644})
	}
	for _, c := range [][2]string{{"bash", "bash"}, {"fish", "fish"}, {"powershell", "ps1"}, {"zsh", "zsh"}} {
		shell, ext := c[0], c[1]
		dst := filepath.Join(work, "completions", "partnerpages."+ext)
		os.MkdirAll(filepath.Dir(dst), 0o755)
		out, err := exec.Command(host, "completion", shell).Output()
		if err != nil {
			return nil, fmt.Errorf("%s completion: %w", shell, err)
		}
		if err := os.WriteFile(dst, out, 0o644); err != nil {
			return nil, err
		}
		files = append(files, File{"completions/partnerpages." + ext, dst, 0o644})
	}
	return files, nil
}

// buildTarget cross-compiles the binary for t and archives it with the
// extras; it returns the archive's file name in out.
func buildTarget(work, out string, st Stamp, t Target, extras []File) (string, error) {
	bin := filepath.Join(work, t.OS+"-"+t.Arch, t.binary())
	if err := goBuild(bin, st, t.OS, t.Arch); err != nil {
		return "", err
	}
	base := fmt.Sprintf("partnerpages_%s_%s_%s", st.Version, t.OS, t.Arch)
	files := append([]File{{t.binary(), bin, 0o755}}, extras...)
	name := base + ".tar.gz"
	write := writeTarGz
	if t.OS == "windows" {
		name, write = base+".zip", writeZip
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return "", err
	}
	if err := write(filepath.Join(out, name), base, files, st.Date); err != nil {
		return "", err
	}
	info, _ := os.Stat(filepath.Join(out, name))
	fmt.Printf("%-48s %6.1f MB\n", name, float64(info.Size())/1e6)
	return name, nil
}

// goBuild compiles cmd/partnerpages, stamped, without cgo, for goos/goarch
// ("" for this machine's).
func goBuild(dst string, st Stamp, goos, goarch string) error {
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false", "-ldflags", st.LDFlags(), "-o", dst, "./cmd/partnerpages")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+goos, "GOARCH="+goarch, "GOFLAGS=")
	if goos == "" {
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOFLAGS=")
	}
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	return cmd.Run()
}
