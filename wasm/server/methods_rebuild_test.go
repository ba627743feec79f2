//go:build !wasm

package server

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsannotator/annotator/internal/testweb"
)

// TestStaticRebuildDropsARootFileTheLastBuildWrote: the README says that
// building again into the same folder replaces what the last build wrote
// there. A robots.txt that the first build copied from web/ to the root,
// and that web/ no longer has, is a file the last build wrote: the second
// build must not leave it served.
func TestStaticRebuildDropsARootFileTheLastBuildWrote(t *testing.T) {
	dir, _ := testweb.WebDir(t)
	srvWriteFile(t, filepath.Join(dir, "robots.txt"), []byte("User-agent: *\nDisallow: /\n"))
	s, err := Load(dir, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "site")
	if err := s.WriteStatic(out, ""); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "robots.txt")); err != nil {
		t.Fatal(err)
	}
	s2, err := Load(dir, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if err := s2.WriteStatic(out, ""); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(filepath.Join(out, "robots.txt")); err == nil {
		t.Errorf("the second build, from a web/ without robots.txt, left the first build's robots.txt at the root: %q", data)
	}
	if _, err := os.Stat(filepath.Join(out, "web", "robots.txt")); err == nil {
		t.Errorf("the second build left web/robots.txt")
	}
}

// TestHandlerRefusesOtherMethodsEverywhere: app.wasm answers a POST, PUT or
// DELETE with 405 and Allow: GET, HEAD; the page, go-app's files and the
// assets of web/ must answer the same, not 200 with the file as if it
// were a GET.
func TestHandlerRefusesOtherMethodsEverywhere(t *testing.T) {
	dir, _ := testweb.WebDir(t)
	h := srvHandler(t, dir)
	for _, p := range []string{"/", "/app.js", "/app-worker.js", "/manifest.webmanifest", "/wasm_exec.js", "/web/app.css", "/web/icon.svg", "/web/app.wasm"} {
		for _, m := range []string{"POST", "PUT", "DELETE", "PATCH"} {
			rec := srvRequest(h, m, p)
			if rec.Code != 405 || rec.Header().Get("Allow") != "GET, HEAD" {
				t.Errorf("%s %s: status %d, Allow %q, %d bytes; want 405 with Allow: GET, HEAD", m, p, rec.Code, rec.Header().Get("Allow"), rec.Body.Len())
			}
			checkSecurityHeaders(t, m+" "+p, rec.Header())
		}
	}
}
