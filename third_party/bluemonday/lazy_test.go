// This file is not upstream's: it checks the newsannotator patch (see
// third_party/README.md). The rule it keeps: no package-level variable of
// this package or of ./css compiles a regular expression when the program
// starts, and every expression they compile on first use does compile, as
// upstream's did at start.

package bluemonday

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestPackageVariablesCompileLazily(t *testing.T) {
	for _, dir := range []string{".", "css"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		lazy := 0
		fset := token.NewFileSet()
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, decl := range f.Decls {
				switch decl := decl.(type) {
				case *ast.FuncDecl:
					if decl.Recv == nil && decl.Name.Name == "init" {
						t.Errorf("%s: an init function runs when the program starts", fset.Position(decl.Pos()))
					}
				case *ast.GenDecl:
					if decl.Tok != token.VAR {
						continue
					}
					for _, spec := range decl.Specs {
						for _, value := range spec.(*ast.ValueSpec).Values {
							if expr, ok := lazyExpr(t, value); ok {
								lazy++
								if _, err := regexp.Compile(expr); err != nil {
									t.Errorf("%s: %v", fset.Position(value.Pos()), err)
								}
								continue
							}
							ast.Inspect(value, func(n ast.Node) bool {
								if sel, ok := n.(*ast.SelectorExpr); ok {
									if x, ok := sel.X.(*ast.Ident); ok && x.Name == "regexp" {
										t.Errorf("%s: regexp.%s runs when the program starts", fset.Position(n.Pos()), sel.Sel.Name)
									}
								}
								return true
							})
						}
					}
				}
			}
		}
		if lazy == 0 {
			t.Errorf("%s: no &lazyRegexp{expr: ...} variable found: the check reads the wrong files", dir)
		}
	}
}

// lazyExpr returns the expression of a &lazyRegexp{expr: "..."} literal,
// whose string may be split in constant parts joined by +.
func lazyExpr(t *testing.T, value ast.Expr) (string, bool) {
	addr, ok := value.(*ast.UnaryExpr)
	if !ok || addr.Op != token.AND {
		return "", false
	}
	lit, ok := addr.X.(*ast.CompositeLit)
	if !ok || len(lit.Elts) != 1 {
		return "", false
	}
	if typ, ok := lit.Type.(*ast.Ident); !ok || typ.Name != "lazyRegexp" {
		return "", false
	}
	kv, ok := lit.Elts[0].(*ast.KeyValueExpr)
	if !ok {
		return "", false
	}
	var join func(e ast.Expr) string
	join = func(e ast.Expr) string {
		switch e := e.(type) {
		case *ast.BasicLit:
			s, err := strconv.Unquote(e.Value)
			if err != nil {
				t.Fatal(err)
			}
			return s
		case *ast.BinaryExpr:
			return join(e.X) + join(e.Y)
		}
		t.Fatalf("%T in a lazyRegexp's expression", e)
		return ""
	}
	return join(kv.Value), true
}
