package main

// This file keeps one rule: a function's code size is read from the
// WebAssembly binary itself (its body in the code section, named by the
// name section), so the code column is exact, after the linker's dead
// code elimination. `go tool nm` cannot read a wasm binary.

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Section ids of the WebAssembly binary format.
const (
	sectionCustom = 0
	sectionImport = 2
	sectionCode   = 10
	sectionData   = 11
)

var (
	errNotWasm    = errors.New("not a WebAssembly binary")
	errTruncated  = errors.New("truncated WebAssembly binary")
	errNoNames    = errors.New("the binary has no name section (built with -ldflags=-s?): function names are needed")
	errNamesCount = errors.New("the name section and the code section disagree")
)

// wasmFunc is one function defined in the binary: its name and its body.
type wasmFunc struct {
	Name string
	Body []byte
}

// wasmBinary is what the size map needs of a binary: its functions, and
// the size of every section (by name: "code", "data", custom sections by
// their own name).
type wasmBinary struct {
	Funcs    []wasmFunc
	Sections map[string]int // payload plus its id and length bytes
	Size     int
}

var sectionNames = map[byte]string{1: "type", 2: "import", 3: "function", 4: "table", 5: "memory", 6: "global",
	7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "datacount"}

// reader reads the LEB128 numbers and vectors of the format.
type reader struct{ b []byte }

func (r *reader) uint() (int, error) {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		return 0, errTruncated
	}
	r.b = r.b[n:]
	return int(v), nil
}

func (r *reader) bytes(n int) ([]byte, error) {
	if n < 0 || n > len(r.b) {
		return nil, errTruncated
	}
	p := r.b[:n]
	r.b = r.b[n:]
	return p, nil
}

func (r *reader) name() (string, error) {
	n, err := r.uint()
	if err != nil {
		return "", err
	}
	p, err := r.bytes(n)
	return string(p), err
}

// parseWasm reads a binary's sections, its code bodies and its function
// names.
func parseWasm(data []byte) (*wasmBinary, error) {
	if len(data) < 8 || string(data[:4]) != "\x00asm" {
		return nil, errNotWasm
	}
	w := &wasmBinary{Sections: map[string]int{}, Size: len(data)}
	r := &reader{data[8:]}
	var imports int
	var bodies [][]byte
	var names map[int]string
	for len(r.b) > 0 {
		start := len(r.b)
		id := r.b[0]
		r.b = r.b[1:]
		n, err := r.uint()
		if err != nil {
			return nil, err
		}
		payload, err := r.bytes(n)
		if err != nil {
			return nil, err
		}
		name := sectionNames[id]
		switch id {
		case sectionCustom:
			pr := &reader{payload}
			if name, err = pr.name(); err != nil {
				return nil, err
			}
			if name == "name" {
				if names, err = parseNames(pr); err != nil {
					return nil, err
				}
			}
		case sectionImport:
			if imports, err = countFuncImports(payload); err != nil {
				return nil, err
			}
		case sectionCode:
			if bodies, err = parseCode(payload); err != nil {
				return nil, err
			}
		}
		if name == "" {
			name = fmt.Sprintf("section %d", id)
		}
		w.Sections[name] += start - len(r.b)
	}
	if names == nil {
		return nil, errNoNames
	}
	for i, body := range bodies {
		name, ok := names[imports+i]
		if !ok {
			return nil, fmt.Errorf("%w: function %d has no name", errNamesCount, imports+i)
		}
		w.Funcs = append(w.Funcs, wasmFunc{Name: name, Body: body})
	}
	return w, nil
}

// countFuncImports counts the imported functions, which come first in the
// function index space.
func countFuncImports(payload []byte) (int, error) {
	r := &reader{payload}
	n, err := r.uint()
	if err != nil {
		return 0, err
	}
	funcs := 0
	for range n {
		if _, err := r.name(); err != nil { // module
			return 0, err
		}
		if _, err := r.name(); err != nil { // field
			return 0, err
		}
		kind, err := r.bytes(1)
		if err != nil {
			return 0, err
		}
		switch kind[0] {
		case 0: // function: a type index
			funcs++
			_, err = r.uint()
		case 1: // table: a reference type and limits
			if _, err = r.bytes(1); err == nil {
				err = r.limits()
			}
		case 2: // memory: limits
			err = r.limits()
		case 3: // global: a value type and mutability
			_, err = r.bytes(2)
		default:
			err = fmt.Errorf("import of unknown kind %d", kind[0])
		}
		if err != nil {
			return 0, err
		}
	}
	return funcs, nil
}

func (r *reader) limits() error {
	flag, err := r.bytes(1)
	if err != nil {
		return err
	}
	if _, err := r.uint(); err != nil {
		return err
	}
	if flag[0]&1 != 0 {
		_, err = r.uint()
	}
	return err
}

// parseCode returns the body of every function of the code section.
func parseCode(payload []byte) ([][]byte, error) {
	r := &reader{payload}
	n, err := r.uint()
	if err != nil {
		return nil, err
	}
	bodies := make([][]byte, 0, n)
	for range n {
		size, err := r.uint()
		if err != nil {
			return nil, err
		}
		body, err := r.bytes(size)
		if err != nil {
			return nil, err
		}
		bodies = append(bodies, body)
	}
	return bodies, nil
}

// parseNames reads the function names (subsection 1) of a name section.
func parseNames(r *reader) (map[int]string, error) {
	names := map[int]string{}
	for len(r.b) > 0 {
		id, err := r.bytes(1)
		if err != nil {
			return nil, err
		}
		n, err := r.uint()
		if err != nil {
			return nil, err
		}
		sub, err := r.bytes(n)
		if err != nil {
			return nil, err
		}
		if id[0] != 1 {
			continue
		}
		sr := &reader{sub}
		count, err := sr.uint()
		if err != nil {
			return nil, err
		}
		for range count {
			idx, err := sr.uint()
			if err != nil {
				return nil, err
			}
			name, err := sr.name()
			if err != nil {
				return nil, err
			}
			names[idx] = name
		}
	}
	return names, nil
}
