package scaffold_test

import (
	"fmt"
	"go/ast"
	"go/token"
	"regexp"
	"strconv"
	"testing"

	"github.com/partnerpages/partnerpages/scaffold/wording"
)

// TestEveryPatternCompiles: the module's regular expressions and wording
// concepts are compiled when first used, not when the program starts (a
// run of generate needs none of import's or lint's, and compiling them all
// took 4 ms of every command). So that a broken expression or a concept
// missing from wording.yaml still fails here rather than in a writer's
// run, every literal given to regexp.MustCompile or to wording's Phrase
// and Names in the module's code is compiled or looked up.
func TestEveryPatternCompiles(t *testing.T) {
	n := 0
	moduleCode(t, 0, func(path string, f *ast.File) {
		ast.Inspect(f, func(node ast.Node) bool {
			call, ok := node.(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			lit, isLit := call.Args[0].(*ast.BasicLit)
			if !ok || !isLit || lit.Kind != token.STRING {
				return true
			}
			pkg, _ := sel.X.(*ast.Ident)
			if pkg == nil {
				return true
			}
			arg, _ := strconv.Unquote(lit.Value)
			var check func(string)
			switch pkg.Name + "." + sel.Sel.Name {
			case "regexp.MustCompile":
				check = func(s string) { regexp.MustCompile(s) }
			case "wording.Phrase":
				check = func(s string) { wording.Phrase(s) }
			case "wording.Names":
				check = func(s string) { wording.Names(s) }
			default:
				return true
			}
			n++
			if msg := panicOf(func() { check(arg) }); msg != "" {
				t.Errorf("%s: %s(%q): %s", path, sel.Sel.Name, arg, msg)
			}
			return true
		})
	})
	if n < 50 {
		t.Fatalf("only %d patterns found: the walk misses the module's code", n)
	}
}

// panicOf runs f and returns what it panicked with, or "".
func panicOf(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	f()
	return ""
}
