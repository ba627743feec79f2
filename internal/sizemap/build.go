package main

// This file keeps one rule: everything the size map reads comes from one
// build of the package for the browser (GOOS=js GOARCH=wasm -trimpath, as
// the Makefile builds app.wasm, but without -s so that the name section
// stays) and from the compiled packages of that same build: the linker's
// -dumpdep list says which symbols survived, `go tool nm -size` on the
// packages' archives says how big each data symbol is.

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// goPackage is one package of the build.
type goPackage struct {
	Path    string
	Name    string // "main" for the command: its symbols are main.*
	Module  string // "" for the standard library
	Main    bool   // in the main module
	Archive string // the compiled package, for go tool nm
}

// buildResult is one build's binary and what it was made of.
type buildResult struct {
	Wasm      []byte
	Packages  []goPackage
	Reachable map[string]string // every symbol the linker kept, to the first symbol seen referring to it ("_" for a root)
	DataSyms  map[string]int    // data symbols (D, d, R, r) of the packages, by name, with their size
}

// goEnv is the environment of every go command the tool runs.
func goEnv() []string { return append(os.Environ(), "GOOS=js", "GOARCH=wasm") }

// build builds pkg for the browser in dir and gathers what the size map
// needs about it.
func build(dir, pkg string) (*buildResult, error) {
	out := filepath.Join(dir, "app.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-dumpdep", "-o", out, pkg)
	cmd.Env = goEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("go build %s: %v\n%s", pkg, err, tail(stderr.String()))
	}
	res := &buildResult{Reachable: parseDumpdep(stderr.String())}
	var err error
	if res.Wasm, err = os.ReadFile(out); err != nil {
		return nil, err
	}
	if res.Packages, err = listPackages(pkg); err != nil {
		return nil, err
	}
	if res.DataSyms, err = dataSymbols(res.Packages); err != nil {
		return nil, err
	}
	return res, nil
}

func tail(s string) string {
	if len(s) > 3000 {
		return "…" + s[len(s)-3000:]
	}
	return s
}

// parseDumpdep reads the linker's -dumpdep lines ("from -> to", each side
// possibly followed by " <UsedInIface>"): every symbol reached, with the
// first symbol that reached it.
func parseDumpdep(out string) map[string]string {
	reached := map[string]string{}
	for line := range strings.Lines(out) {
		from, to, ok := strings.Cut(strings.TrimSpace(line), " -> ")
		if !ok {
			continue
		}
		from, to = trimMarks(from), trimMarks(to)
		if _, seen := reached[from]; !seen {
			reached[from] = "_"
		}
		if _, seen := reached[to]; !seen {
			reached[to] = from
		}
	}
	return reached
}

// trimMarks removes the linker's " <UsedInIface>" and nm's "<1>" (an ABI)
// from a symbol name.
func trimMarks(name string) string {
	if i := strings.LastIndex(name, "<"); i > 0 && strings.HasSuffix(name, ">") {
		if _, err := strconv.Atoi(name[i+1 : len(name)-1]); err == nil || name[i-1] == ' ' {
			name = name[:i]
		}
	}
	return strings.TrimSuffix(name, " ")
}

// listPackages lists the packages of pkg's build with their module and
// compiled archive.
func listPackages(pkg string) ([]goPackage, error) {
	cmd := exec.Command("go", "list", "-deps", "-export",
		"-f", "{{.ImportPath}}\t{{.Name}}\t{{.Export}}\t{{with .Module}}{{.Path}}\t{{.Main}}{{end}}", pkg)
	cmd.Env = goEnv()
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list %s: %w", pkg, err)
	}
	var pkgs []goPackage
	for line := range strings.Lines(string(out)) {
		f := strings.Split(strings.TrimRight(line, "\n"), "\t")
		if len(f) < 3 {
			return nil, fmt.Errorf("go list: unexpected line %q", line)
		}
		p := goPackage{Path: f[0], Name: f[1], Archive: f[2]}
		if len(f) == 5 {
			p.Module, p.Main = f[3], f[4] == "true"
		}
		pkgs = append(pkgs, p)
	}
	return pkgs, nil
}

// dataSymbols runs go tool nm -size on every archive and keeps the data
// symbols (nm types D, d, R, r; not the zeroed B and b, which take no room
// in the binary) with their size. A symbol that several packages hold (a
// string, a type descriptor) is counted once.
func dataSymbols(pkgs []goPackage) (map[string]int, error) {
	args := []string{"tool", "nm", "-size"}
	for _, p := range pkgs {
		if p.Archive != "" {
			args = append(args, p.Archive)
		}
	}
	cmd := exec.Command("go", args...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	syms := map[string]int{}
	sc := bufio.NewScanner(out)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		name, size, kind, ok := parseNmLine(sc.Text())
		if ok && strings.ContainsRune("DdRr", kind) && size > syms[name] {
			syms[name] = size
		}
	}
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("go tool nm: %w", err)
	}
	return syms, sc.Err()
}

// parseNmLine reads a line of `go tool nm -size` on several files:
// "file:\taddress size type name" (the name may hold spaces).
func parseNmLine(line string) (name string, size int, kind rune, ok bool) {
	if _, rest, found := strings.Cut(line, ":\t"); found {
		line = rest
	}
	f := strings.Fields(line)
	if len(f) < 4 {
		return "", 0, 0, false
	}
	size, err := strconv.Atoi(f[1])
	if err != nil || len(f[2]) != 1 {
		return "", 0, 0, false
	}
	// The name is what follows the type letter, spaces kept.
	i := strings.Index(line, " "+f[2]+" ")
	return trimMarks(line[i+3:]), size, rune(f[2][0]), true
}
