package main

import (
	"encoding/binary"
	"errors"
	"testing"
)

// section encodes one section of a binary.
func section(id byte, payload []byte) []byte {
	return append(append([]byte{id}, binary.AppendUvarint(nil, uint64(len(payload)))...), payload...)
}

func str(s string) []byte { return append(binary.AppendUvarint(nil, uint64(len(s))), s...) }

// tinyModule is a binary with one imported function and two defined ones,
// named "a.imported", "github.com_x_y.F" and "runtime.g" (when names).
func tinyModule(names bool) []byte {
	m := []byte("\x00asm\x01\x00\x00\x00")
	m = append(m, section(1, []byte{1, 0x60, 0, 0})...) // one type: () -> ()
	imp := append([]byte{1}, str("go")...)
	imp = append(imp, str("debug")...)
	imp = append(imp, 0, 0) // a function of type 0
	m = append(m, section(2, imp)...)
	m = append(m, section(3, []byte{2, 0, 0})...)
	// Two bodies: no locals, then end; the second longer.
	code := []byte{2, 2, 0, 0x0b, 4, 0, 0x01, 0x01, 0x0b}
	m = append(m, section(10, code)...)
	m = append(m, section(11, []byte{0})...) // no data segments
	if names {
		fn := []byte{3}
		for i, n := range []string{"a.imported", "github.com_x_y.F", "runtime.g"} {
			fn = append(fn, byte(i))
			fn = append(fn, str(n)...)
		}
		sub := append([]byte{1}, binary.AppendUvarint(nil, uint64(len(fn)))...)
		sub = append(sub, fn...)
		m = append(m, section(0, append(str("name"), sub...))...)
	}
	return m
}

func TestParseWasm(t *testing.T) {
	data := tinyModule(true)
	bin, err := parseWasm(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(bin.Funcs) != 2 || bin.Funcs[0].Name != "github.com_x_y.F" || len(bin.Funcs[0].Body) != 2 ||
		bin.Funcs[1].Name != "runtime.g" || len(bin.Funcs[1].Body) != 4 {
		t.Errorf("functions %+v, want github.com_x_y.F of 2 bytes and runtime.g of 4 (the import is not one)", bin.Funcs)
	}
	sum := 8
	for _, n := range bin.Sections {
		sum += n
	}
	if sum != len(data) || bin.Size != len(data) {
		t.Errorf("sections and header add up to %d, size %d; the binary has %d bytes", sum, bin.Size, len(data))
	}
	if bin.Sections["code"] != 11 || bin.Sections["name"] == 0 {
		t.Errorf("sections %v: want code 11 bytes (id, length, payload) and a name section", bin.Sections)
	}
}

func TestParseWasmRefuses(t *testing.T) {
	if _, err := parseWasm(tinyModule(false)); !errors.Is(err, errNoNames) {
		t.Errorf("without a name section: %v, want errNoNames", err)
	}
	if _, err := parseWasm([]byte("\x7fELF....")); !errors.Is(err, errNotWasm) {
		t.Errorf("an ELF file: %v, want errNotWasm", err)
	}
	data := tinyModule(true)
	if _, err := parseWasm(data[:len(data)-3]); !errors.Is(err, errTruncated) {
		t.Errorf("a truncated binary: %v, want errTruncated", err)
	}
}
