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

// TestServiceWorkerHoldsItsInstall: the app-worker.js served, and the one
// the static build writes, hold their install event open until the app is
// cached (worker.go); the browser's side is
// wasm/e2e's TestAppOfflineAfterFailedInstall.
func TestServiceWorkerHoldsItsInstall(t *testing.T) {
	dir, _ := testweb.WebDir(t)
	s, err := Load(dir, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	served := srvRequest(s, "GET", "/app-worker.js").Body.String()
	for _, want := range []string{"event.waitUntil(installWorker()", "deletePreviousCaches", `const cacheName = "app-" + "` + s.Version() + `"`, "resourcesToCache = [", "fetchWithCache", `const navigate = request.mode === "navigate"`, `{ignoreSearch: navigate}`} {
		if !strings.Contains(served, want) {
			t.Errorf("the served app-worker.js lacks %q", want)
		}
	}
	if strings.Contains(served, `addEventListener("install", async`) || strings.Contains(served, "{{.") {
		t.Error("the served app-worker.js still has go-app's install, or a placeholder")
	}
	out := filepath.Join(t.TempDir(), "site")
	if err := s.WriteStatic(out, ""); err != nil {
		t.Fatal(err)
	}
	if built, err := os.ReadFile(filepath.Join(out, "app-worker.js")); err != nil || string(built) != served {
		t.Errorf("the static build's app-worker.js is not the served one (%v)", err)
	}
}

// TestPatchWorkerRefusesAnotherWorker: a template without go-app's
// install listener or cache match as this version writes them is refused,
// not served half patched.
func TestPatchWorkerRefusesAnotherWorker(t *testing.T) {
	all := goappInstallListener + "\n" + goappDeleteTest + "\n" + goappCacheMatch + "\n" + goappAddAll
	if _, err := patchWorker(all); err != nil {
		t.Fatalf("patchWorker(go-app's four): %v", err)
	}
	for _, js := range []string{"", goappCacheMatch, goappInstallListener, goappDeleteTest + goappCacheMatch,
		strings.Replace(goappInstallListener, "async ", "", 1) + goappDeleteTest + goappCacheMatch,
		all + goappInstallListener, all + goappCacheMatch, all + goappDeleteTest,
		goappInstallListener + goappDeleteTest + goappCacheMatch, all + goappAddAll} {
		if _, err := patchWorker(js); !errors.Is(err, errWorkerChanged) {
			t.Errorf("patchWorker(%q): %v, want errWorkerChanged", js, err)
		}
	}
}
