package archtest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/partnerpages/partnerpages"

// root is the module's folder, seen from this package's.
var root = filepath.Join("..", "..")

// moduleCode parses, with mode, every Go file of the module's code (test
// files and testdata left out) and gives it to each.
func moduleCode(t *testing.T, mode parser.Mode, each func(path string, f *ast.File)) {
	t.Helper()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && path != root || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, mode)
		if err != nil {
			return err
		}
		each(path, f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// imports reads the imports of every package of the module (test files
// left out), by the package's import path.
func imports(t *testing.T) map[string][]string {
	t.Helper()
	pkgs := map[string][]string{}
	moduleCode(t, parser.ImportsOnly, func(path string, f *ast.File) {
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		pkg := module + "/" + filepath.ToSlash(rel)
		for _, im := range f.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			if strings.HasPrefix(p, module+"/") {
				pkgs[pkg] = append(pkgs[pkg], p)
			}
		}
		if _, ok := pkgs[pkg]; !ok {
			pkgs[pkg] = nil
		}
	})
	return pkgs
}

// TestDependenciesPointDown enforces the layout's rule: no package imports
// one of its parents, and the engine (scaffold, internal, templates,
// schema) imports nothing of the commands, scripts and integration tests
// that stand on it.
func TestDependenciesPointDown(t *testing.T) {
	t.Parallel()
	pkgs := imports(t)
	if len(pkgs) < 10 {
		t.Fatalf("found only %d packages", len(pkgs))
	}
	top := []string{module + "/cmd", module + "/scripts", module + "/integration", module + "/action"}
	for pkg, deps := range pkgs {
		for _, dep := range deps {
			if strings.HasPrefix(pkg, dep+"/") {
				t.Errorf("%s imports its parent %s", strings.TrimPrefix(pkg, module+"/"), strings.TrimPrefix(dep, module+"/"))
			}
			for _, up := range top {
				if (dep == up || strings.HasPrefix(dep, up+"/")) && !strings.HasPrefix(pkg, up) {
					t.Errorf("%s imports %s, which stands on the engine", strings.TrimPrefix(pkg, module+"/"), strings.TrimPrefix(dep, module+"/"))
				}
			}
		}
	}
}

// TestOnlyThePipelineOwnsTheOutputFolder enforces the sideways rule: the
// lock file, journal and run lock (scaffold/output) belong to the generate
// pipeline and to absorb, which drives it; every other engine package reads
// and writes its files through scaffold/safefile.
func TestOnlyThePipelineOwnsTheOutputFolder(t *testing.T) {
	t.Parallel()
	allowed := map[string]bool{module + "/scaffold/generate": true, module + "/scaffold/absorb": true}
	users := 0
	for pkg, deps := range imports(t) {
		if !slices.Contains(deps, module+"/scaffold/output") {
			continue
		}
		users++
		if !allowed[pkg] && !strings.HasPrefix(pkg, module+"/cmd/") {
			t.Errorf("%s imports scaffold/output; only the pipeline (generate, absorb) and the commands may", strings.TrimPrefix(pkg, module+"/"))
		}
	}
	if users < 2 {
		t.Fatalf("only %d packages import scaffold/output: the walk misses the module's code", users)
	}
}
