//go:build !wasm

package server

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/internal/testweb"
)

// TestAppJSLoader: the app.js served, and the one the static build writes,
// have the annotator's loader, which hands instantiateStreaming the
// fetch() response itself; the rest is go-app's.
func TestAppJSLoader(t *testing.T) {
	dir, _ := testweb.WebDir(t)
	s, err := Load(dir, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	served := srvRequest(s, "GET", "/app.js").Body.String()
	for _, want := range []string{"The annotator's loader", "return response;", "response.clone()", "goappInitWebAssembly", "instantiateStreaming("} {
		if !strings.Contains(served, want) {
			t.Errorf("the served app.js lacks %q", want)
		}
	}
	if strings.Contains(served, "new Response(") {
		t.Error("the served app.js still wraps app.wasm in a Response of its own")
	}
	if got := srvRequest(s, "GET", "/goapp.js").Body.String(); got != served {
		t.Error("/goapp.js differs from /app.js")
	}
	out := filepath.Join(t.TempDir(), "site")
	if err := s.WriteStatic(out, ""); err != nil {
		t.Fatal(err)
	}
	if built, err := os.ReadFile(filepath.Join(out, "app.js")); err != nil || string(built) != served {
		t.Errorf("the static build's app.js is not the served one (%v)", err)
	}
}

// TestPatchLoaderRefusesAnotherAppJS: an app.js without go-app's loader as
// this version writes it is refused, not served half-patched.
func TestPatchLoaderRefusesAnotherAppJS(t *testing.T) {
	for _, js := range []string{
		"",
		"async function fetchWithProgress(url, progess) {\n  return res;\n}\n", // defined, never called
		"x = fetchWithProgress(u, p);\nasync function fetchWithProgress(url, progess) {\n  return res;\n}\nfunction more() {}\n",
	} {
		if _, err := patchLoader([]byte(js)); !errors.Is(err, errLoaderChanged) {
			t.Errorf("patchLoader(%q): %v, want errLoaderChanged", js, err)
		}
	}
	good := "x = fetchWithProgress(u, p);\nasync function fetchWithProgress(url, progess) {\n  return res;\n}\n"
	got, err := patchLoader([]byte(good))
	if err != nil || !strings.HasPrefix(string(got), "x = fetchWithProgress(u, p);\n// The annotator's loader") {
		t.Errorf("patchLoader(go-app's shape): %q, %v", got, err)
	}
}
