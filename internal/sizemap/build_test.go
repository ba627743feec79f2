package main

import (
	"testing"
)

func TestParseDumpdep(t *testing.T) {
	got := parseDumpdep(`# github.com/x/cmd
_ -> runtime.main
runtime.main -> type:runtime.errorString <UsedInIface>
type:runtime.errorString <UsedInIface> -> go:string."fatal error: "
main.main -> go:string."fatal error: "
`)
	want := map[string]string{
		"_":                         "_",
		"runtime.main":              "_",
		"type:runtime.errorString":  "runtime.main",
		`go:string."fatal error: "`: "type:runtime.errorString",
		"main.main":                 "_",
	}
	if len(got) != len(want) {
		t.Errorf("got %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: first referrer %q, want %q", k, got[k], v)
		}
	}
}

func TestParseNmLine(t *testing.T) {
	for _, c := range []struct {
		line, name string
		size       int
		kind       rune
		ok         bool
	}{
		{"/cache/ab-d:\t   32923        312 R type:*github.com/google/uuid.UUID", "type:*github.com/google/uuid.UUID", 312, 'R', true},
		{"    e709         16 d errors..stmp_0<1>", "errors..stmp_0", 16, 'd', true},
		{`/c/x-d:	    1f00         13 R go:string."fatal error: "`, `go:string."fatal error: "`, 13, 'R', true},
		{"/c/x-d:\t                  0 U ", "", 0, 0, false},
	} {
		name, size, kind, ok := parseNmLine(c.line)
		if name != c.name || size != c.size || kind != c.kind || ok != c.ok {
			t.Errorf("parseNmLine(%q) = %q, %d, %c, %v; want %q, %d, %c, %v", c.line, name, size, kind, ok, c.name, c.size, c.kind, c.ok)
		}
	}
}
