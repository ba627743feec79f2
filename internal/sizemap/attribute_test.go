package main

import (
	"testing"
)

var testPackages = []goPackage{
	{Path: "runtime", Name: "runtime"},
	{Path: "io", Name: "io"},
	{Path: "github.com/santhosh-tekuri/jsonschema/v6", Name: "jsonschema", Module: "github.com/santhosh-tekuri/jsonschema/v6"},
	{Path: "gopkg.in/yaml.v3", Name: "yaml", Module: "gopkg.in/yaml.v3"},
	{Path: "github.com/me/app/annotate", Name: "annotate", Module: "github.com/me/app", Main: true},
	{Path: "github.com/me/app/cmd", Name: "main", Module: "github.com/me/app", Main: true},
}

func TestPackageOf(t *testing.T) {
	x := newPackageIndex(testPackages)
	for name, want := range map[string]string{
		"runtime.mallocgc": "runtime",
		"type:*github.com/santhosh-tekuri/jsonschema/v6.Schema": "github.com/santhosh-tekuri/jsonschema/v6",
		"type:.namedata.*github.com/me/app/annotate.Set-":       "github.com/me/app/annotate",
		"go:itab.*github.com/me/app/annotate.Set,io.Reader":     "github.com/me/app/annotate",
		"type:[4]gopkg.in/yaml.v3.Node":                         "gopkg.in/yaml.v3",
		"type:[]*io.Reader":                                     "io",
		"main.main":                                             "github.com/me/app/cmd",
		`go:string."io.Reader"`:                                 "", // by its content: whoever used it
		"runtime.gcbits.0100000000000000":                       "",
		"type:map[string]io.Reader":                             "",
		"type:struct { A io.Reader }":                           "",
		"github.com/unknown/pkg.F":                              "",
	} {
		if got := x.of(name); got != want {
			t.Errorf("of(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestPackageOfFunc(t *testing.T) {
	x := newPackageIndex(testPackages)
	for name, want := range map[string]string{
		"runtime.mallocgc": "runtime",
		"github.com_santhosh_tekuri_jsonschema_v6.__validator_.validate": "github.com/santhosh-tekuri/jsonschema/v6",
		"gopkg.in_yaml.v3.Unmarshal":                                     "gopkg.in/yaml.v3",
		"type_.eq._2_github.com_me_app_annotate.Span":                    "github.com/me/app/annotate",
		"type_.eq.io.nopCloser":                                          "io",
		"main.main.func1":                                                "github.com/me/app/cmd",
		"wasm_pc_f_loop":                                                 "",
		"type_.eq.struct___io.Reader__io.WriterTo__":                     "",
	} {
		if got := x.ofFunc(name); got != want {
			t.Errorf("ofFunc(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestAttribute(t *testing.T) {
	res := &buildResult{
		Packages: testPackages,
		Reachable: map[string]string{
			"_":                               "_",
			"main.main":                       "_",
			"github.com/me/app/annotate.Load": "main.main",
			"type:*gopkg.in/yaml.v3.Node":     "github.com/me/app/annotate.Load",
			`go:string."hello"`:               "github.com/me/app/annotate.Load",
		},
		DataSyms: map[string]int{
			"type:*gopkg.in/yaml.v3.Node":                   100,
			`go:string."hello"`:                             5,
			"github.com/me/app/annotate.Load.args_stackmap": 7,    // funcdata of a kept function
			"github.com/me/app/annotate.unused":             1000, // not kept
		},
	}
	bin := &wasmBinary{
		Funcs: []wasmFunc{
			{Name: "main.main", Body: make([]byte, 10)},
			{Name: "github.com_me_app_annotate.Load", Body: make([]byte, 40)},
			{Name: "gopkg.in_yaml.v3.Unmarshal", Body: make([]byte, 30)},
			{Name: "wasm_pc_f_loop", Body: make([]byte, 3)},
		},
		Sections: map[string]int{"code": 90, "data": 200, "name": 50, "type": 12},
		Size:     8 + 90 + 200 + 50 + 12,
	}
	m := attribute(res, bin)
	got := map[string]*row{}
	sum := 0
	for _, r := range m.Rows {
		got[r.Name] = r
		sum += r.Total()
	}
	if m.Total != 310 || sum != m.Total {
		t.Errorf("total %d, rows add up to %d: want both 310 (the binary without its name section)", m.Total, sum)
	}
	check := func(name, kind string, code, data int) {
		t.Helper()
		r := got[name]
		if r == nil {
			t.Errorf("no row %q in %v", name, got)
			return
		}
		if r.Kind != kind || r.Code != code || r.Data != data {
			t.Errorf("%s: kind %s, code %d, data %d; want %s, %d, %d", name, r.Kind, r.Code, r.Data, kind, code, data)
		}
	}
	check("github.com/me/app/annotate", kindOurs, 40, 5+7) // the string it used first, its funcdata
	check("github.com/me/app/cmd", kindOurs, 10, 0)
	check("gopkg.in/yaml.v3", kindModule, 30, 100)
	check("runtime", kindStd, 3, 0)
	check(rowLinkerData, kindLinker, 0, 200-112)
	check(rowSections, kindLinker, 310-200-83, 0)
}
