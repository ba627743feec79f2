//go:build !wasm

package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/internal/testweb"
)

func TestServeRefusesMissingWasm(t *testing.T) {
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	code := Run([]string{"serve", "-addr", "127.0.0.1:0", "-web", dir}, nil, &out, &errOut)
	if code == exitOK {
		t.Fatal("serve started with no app.wasm")
	}
	msg := errOut.String()
	if !strings.Contains(msg, filepath.Join(dir, "app.wasm")) || !strings.Contains(msg, "make web/app.wasm") {
		t.Errorf("serve said %q: it should name the missing file and how to build it", msg)
	}
}

func TestServeReadsAddrFromEnvironment(t *testing.T) {
	dir, _ := testweb.WebDir(t)
	t.Setenv("ANNOTATOR_ADDR", "127.0.0.1:not-a-port")
	var out, errOut bytes.Buffer
	if code := Run([]string{"serve", "-web", dir}, nil, &out, &errOut); code == exitOK || !strings.Contains(errOut.String(), "not-a-port") {
		t.Errorf("serve with a bad $ANNOTATOR_ADDR: exit %d, %q", code, errOut.String())
	}
}

// TestBuildShipsBestCompression: `annotator build` writes app.wasm.br at
// brotli quality 11, the variant it made and cached beside app.wasm (a
// second build reuses it).
func TestBuildShipsBestCompression(t *testing.T) {
	dir, _ := testweb.WebDir(t)
	out := filepath.Join(t.TempDir(), "site")
	for round := range 2 {
		var stdout, stderr bytes.Buffer
		if code := Run([]string{"build", "-web", dir, "-out", out}, nil, &stdout, &stderr); code != exitOK {
			t.Fatalf("build: exit %d, %s", code, stderr.String())
		}
		if said := strings.Contains(stderr.String(), "brotli quality 11"); said != (round == 0) {
			t.Errorf("build %d says %q: the first makes quality 11, the second reuses it", round+1, stderr.String())
		}
		built, err := os.ReadFile(filepath.Join(out, "web", "app.wasm.br"))
		if err != nil {
			t.Fatal(err)
		}
		best, err := os.ReadFile(filepath.Join(dir, "app.wasm.br11"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(built, best) {
			t.Errorf("build %d: app.wasm.br is not the quality-11 variant", round+1)
		}
	}
}

// TestBuildAtABase: `annotator build -base` writes the site for that
// address and says it; an address it cannot serve at is refused in words,
// before anything is built or written.
func TestBuildAtABase(t *testing.T) {
	dir, _ := testweb.WebDir(t)
	out := filepath.Join(t.TempDir(), "site")
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"build", "-web", dir, "-out", out, "-base", "annotator/"}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("build -base annotator/: exit %d, %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "at /annotator/") {
		t.Errorf("build -base says %q, not where to serve the site", stdout.String())
	}
	if page, err := os.ReadFile(filepath.Join(out, "index.html")); err != nil || !strings.Contains(string(page), `src="/annotator/app.js"`) {
		t.Errorf("the page built for /annotator/ does not load /annotator/app.js (%v)", err)
	}
	bad := filepath.Join(t.TempDir(), "bad")
	stdout.Reset()
	stderr.Reset()
	if code := Run([]string{"build", "-web", dir, "-out", bad, "-base", "https://example.github.io/annotator"}, nil, &stdout, &stderr); code != exitUsage ||
		!strings.Contains(stderr.String(), "-base") || !strings.Contains(stderr.String(), "such as /annotator") {
		t.Errorf("build -base with a URL: exit %d, %q; want %d and the reason", code, stderr.String(), exitUsage)
	}
	if _, err := os.Stat(bad); !os.IsNotExist(err) {
		t.Errorf("a refused build wrote %s (%v)", bad, err)
	}
}
