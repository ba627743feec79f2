//go:build !wasm

package main

// The rule this file checks: the browser's build links none of the packages
// it once carried without using them. Each was measured in app.wasm's size
// and in its start (BENCH.md, issue 9): the JSON Schema library, x/text's
// charset tables, and net/http with crypto/tls, which only go-app's
// server-side Handler used (third_party/go-app patches it out of the
// browser's build: 1.3 MB of app.wasm, about 10 ms of its start).

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// notInBrowser are the packages the browser's build must not link.
var notInBrowser = []string{
	"net/http",
	"crypto/tls",
	"net",
	"github.com/santhosh-tekuri/jsonschema/v6",
	"golang.org/x/text/encoding/htmlindex",
}

func TestBrowserBuildLinksOnlyWhatItUses(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if !slices.Contains(deps, "github.com/maxence-charriere/go-app/v10/pkg/app") {
		t.Fatalf("the browser's build does not list go-app; go list said:\n%s", out)
	}
	for _, pkg := range notInBrowser {
		if slices.Contains(deps, pkg) {
			t.Errorf("the browser's build links %s", pkg)
		}
	}
}
