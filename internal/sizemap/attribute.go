package main

// This file keeps one rule: every byte of the binary lands in exactly one
// row. A function or a data symbol goes to the package its name says; a
// content-addressed symbol (a string, a shared type descriptor, a GC
// bitmap) to the package of the first symbol the linker saw referring to
// it; what the objects do not hold (the tables the linker makes: pclntab,
// function names, itab and type links...) has a row of its own.

import (
	"strings"
)

// Kinds of row.
const (
	kindStd    = "std"
	kindOurs   = "ours"
	kindModule = "module"
	kindLinker = "linker"
)

// Rows that are no package.
const (
	rowLinkerData = "(linker-made data: pclntab, funcdata, itabs, type links…)"
	rowSections   = "(other wasm sections: types, imports, exports, tables…)"
	rowNoPackage  = "(symbols of no package)"
)

// row is one line of the table.
type row struct {
	Name     string
	Kind     string
	Code     int // bytes of function bodies
	Data     int // bytes of data symbols
	Packages map[string]bool
	code     [][]byte // the function bodies, for the compression estimate
}

func (r *row) Total() int { return r.Code + r.Data }

// sizeMap is the binary split into rows.
type sizeMap struct {
	Rows        []*row
	Total       int // the binary as shipped: without the name section
	CodeSection int
	DataSection int
	NameSection int
}

// decorations are the prefixes that come before a package path in a
// symbol name: generated functions and descriptors of a type, pointers,
// slices.
var decorations = []string{"type:.eq.", "type:.hash.", "type:.namedata.", "type:.importpath.", "type:.uncommon.",
	"type:", "go:itab.", "go:info.", "go:cuinfo.", "go:map.init.", "*", "[]", "noalg.", "struct {", "map.group["}

// contentAddressed are prefixes of symbols that are named by their
// content, not by a package: they go to whoever used them first.
var contentAddressed = []string{"go:string.", "go:strings.", "runtime.gcbits.", "gclocals·", "go:func.", "type:.namedata.-"}

// packageIndex finds the package of a symbol name: by its import path,
// and by its import path as the name section writes it (mangle).
type packageIndex struct {
	paths   map[string]string // a symbol's prefix to its package
	mangled map[string]string // the same, mangled
}

func newPackageIndex(pkgs []goPackage) packageIndex {
	x := packageIndex{paths: map[string]string{}, mangled: map[string]string{}}
	for _, p := range pkgs {
		x.paths[p.Path] = p.Path
		x.mangled[mangle(p.Path)] = p.Path
	}
	for _, p := range pkgs {
		if p.Name == "main" { // the command's symbols are main.*
			x.paths["main"] = p.Path
			x.mangled["main"] = p.Path
		}
	}
	return x
}

// mangle writes a symbol name as Go's wasm linker does in the name
// section: every character but letters, digits, '_' and '.' becomes '_'
// ("github.com/a/b.(*T).M" is "github.com_a_b.__T_.M").
func mangle(name string) string {
	return strings.Map(func(r rune) rune {
		if r == '.' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return '_'
	}, name)
}

// ofFunc returns the package of a function named as in the name section
// ("" when none): the first prefix, cut at a dot, that is a package of the
// build, after the prefix of a type's generated functions.
func (x packageIndex) ofFunc(name string) string {
	for _, d := range []string{"type_.eq.", "type_.hash."} {
		name = strings.TrimPrefix(name, d)
	}
	name = strings.TrimLeft(name, "_0123456789") // [4]T, *T
	for i := 0; i < len(name); i++ {
		if name[i] == '.' {
			if p, ok := x.mangled[name[:i]]; ok {
				return p
			}
		}
	}
	return ""
}

// of returns the package a symbol's name starts with ("" when none): the
// first prefix, cut at a dot, that is a package of the build, after the
// decorations.
func (x packageIndex) of(name string) string {
	for _, c := range contentAddressed {
		if strings.HasPrefix(name, c) {
			return ""
		}
	}
	for again := true; again; {
		again = false
		for _, d := range decorations {
			if strings.HasPrefix(name, d) {
				name, again = name[len(d):], true
			}
		}
		for len(name) > 0 && name[0] == '[' { // [4]T
			i := strings.IndexByte(name, ']')
			if i < 0 {
				break
			}
			name, again = name[i+1:], true
		}
	}
	for i := 0; i < len(name); i++ {
		switch name[i] {
		case '[', '(', ' ', '"', ',', '{':
			return ""
		case '.':
			if p, ok := x.paths[name[:i]]; ok {
				return p
			}
		}
	}
	return ""
}

// funcdataSuffixes name the data the compiler attaches to a function
// (argument and liveness maps, stack objects...): they go with it.
var funcdataSuffixes = []string{".arginfo0", ".arginfo1", ".argliveinfo", ".args_stackmap", ".stkobj", ".opendefer", ".wrapinfo"}

// attribute splits the binary of res into rows.
func attribute(res *buildResult, bin *wasmBinary) *sizeMap {
	x := newPackageIndex(res.Packages)
	info := map[string]goPackage{}
	for _, p := range res.Packages {
		info[p.Path] = p
	}
	rows := map[string]*row{}
	rowFor := func(pkg string) *row {
		name, kind := pkg, kindStd
		switch p := info[pkg]; {
		case pkg == "":
			name, kind = rowNoPackage, kindLinker
		case p.Main:
			kind = kindOurs
		case p.Module != "":
			name, kind = p.Module, kindModule
		}
		r := rows[name]
		if r == nil {
			r = &row{Name: name, Kind: kind, Packages: map[string]bool{}}
			rows[name] = r
		}
		if pkg != "" {
			r.Packages[pkg] = true
		}
		return r
	}

	// Code: exact, from the binary. A function of no package is the
	// runtime's assembly (wasm_pc_f_loop, gcWriteBarrier...). live maps
	// the kept functions, by their mangled names, to their package.
	live := map[string]string{}
	for _, f := range bin.Funcs {
		pkg := x.ofFunc(f.Name)
		if pkg == "" && !strings.Contains(f.Name, ".") {
			pkg = "runtime"
		}
		r := rowFor(pkg)
		r.Code += len(f.Body)
		r.code = append(r.code, f.Body)
		live[f.Name] = pkg
	}

	// Data: the symbols the linker kept, at their size in the objects.
	attributed := 0
	for name, size := range res.DataSyms {
		pkg, ok := "", false
		if _, kept := res.Reachable[name]; kept {
			pkg, ok = ownerOf(name, res.Reachable, x), true
		} else {
			for _, s := range funcdataSuffixes {
				if fn, found := strings.CutSuffix(name, s); found {
					pkg, ok = live[mangle(fn)]
					break
				}
			}
		}
		if !ok {
			continue
		}
		rowFor(pkg).Data += size
		attributed += size
	}

	m := &sizeMap{
		Total:       bin.Size - bin.Sections["name"],
		CodeSection: bin.Sections["code"],
		DataSection: bin.Sections["data"],
		NameSection: bin.Sections["name"],
	}
	if rest := m.DataSection - attributed; rest != 0 {
		rows[rowLinkerData] = &row{Name: rowLinkerData, Kind: kindLinker, Data: rest}
	}
	coded := 0
	for _, r := range rows {
		coded += r.Code
	}
	other := m.Total - m.DataSection - coded
	rows[rowSections] = &row{Name: rowSections, Kind: kindLinker, Code: other}
	for _, r := range rows {
		m.Rows = append(m.Rows, r)
	}
	return m
}

// ownerOf returns the package of a kept symbol: by its name, else by the
// first symbol that referred to it, and so on up.
func ownerOf(name string, reachable map[string]string, x packageIndex) string {
	for range 20 {
		if pkg := x.of(name); pkg != "" {
			return pkg
		}
		from, ok := reachable[name]
		if !ok || from == "_" {
			return ""
		}
		name = from
	}
	return ""
}
