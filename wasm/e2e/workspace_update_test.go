//go:build !wasm

package e2e

// This file shows that a new build of the app, deployed while the user's
// browser still runs the old one, is offered as an update, and that taking
// it keeps the work: the page first starts from the old build that the
// service worker cached, the new build installs in the background, the
// page says so, and its reload button starts the new build on the same
// workspace.

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/newsannotator/annotator/internal/testcorpus"
	"github.com/newsannotator/annotator/internal/testweb"
	"github.com/newsannotator/annotator/wasm/server"
)

// appBuild is a build of the app: its web directory loaded as the server
// loads it, the SHA-256 of its app.wasm, and the time it all took.
type appBuild struct {
	site    *server.Site
	wasmSum string
	took    time.Duration
}

// buildApp builds app.wasm into dir, a fresh copy of web/, linked with the
// extra linker flags ldflags, and loads it as the server does (which
// compresses app.wasm: a few seconds). A -X flag for a variable that the
// program does not declare changes no code, but the linker flags are
// written into the binary's build information: two builds that differ in
// it differ in app.wasm, hence in the server's version.
func buildApp(root, dir, ldflags string) (*appBuild, error) {
	start := time.Now()
	if err := testweb.CopyAssets(root, dir); err != nil {
		return nil, err
	}
	wasm := filepath.Join(dir, "app.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w "+ldflags, "-o", wasm, "./wasm")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("building app.wasm with %s: %v\n%s", ldflags, err, out)
	}
	data, err := os.ReadFile(wasm)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	site, err := server.Load(dir, io.Discard)
	if err != nil {
		return nil, err
	}
	return &appBuild{site: site, wasmSum: hex.EncodeToString(sum[:]), took: time.Since(start)}, nil
}

// pageVersionJS is the version of the app that the page runs: the one that
// go-app wrote into the app.js it loaded (GOAPP_VERSION, the handler's
// Version).
const pageVersionJS = `(typeof goappGetenv === "function" && goappGetenv("GOAPP_VERSION")) || ""`

// waitForPromise is waitFor for a condition that is a promise of a boolean.
func waitForPromise(t testing.TB, b *browser, cond string) {
	t.Helper()
	deadline := time.Now().Add(browserTimeout)
	for {
		ok, err := tryEvalJS[bool](b, cond)
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited %v for %s (error %v)", browserTimeout, cond, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// onBuildA starts the story both update tests tell: a user works with
// build A, installed and cached by the service worker, with two
// annotations (want); build B is then deployed at the same origin, in place
// of A. It returns the browser still showing A, and both builds' versions
// and B's app.wasm's SHA-256.
func onBuildA(t *testing.T) (b *browser, want []string, vA, vB, sumB string) {
	t.Helper()
	root := testcorpus.Root(t)
	a, err := buildApp(root, t.TempDir(), "-X main.updateTestBuild=A")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("build A (version %s) took %v", a.site.Version(), a.took.Round(time.Millisecond))
	// Build B is made while the browser works with A.
	var (
		bld    *appBuild
		bldErr error
		built  = make(chan struct{})
	)
	dirB := t.TempDir()
	go func() {
		defer close(built)
		bld, bldErr = buildApp(root, dirB, "-X main.updateTestBuild=B")
	}()
	// Whatever happens, the build ends before its directory is removed.
	t.Cleanup(func() { <-built })

	// Build A: the app opens, its service worker installs it, the
	// workspace gets two annotations.
	addr := freeAddr(t)
	vA = a.site.Version()
	srvA := serveHandlerAt(t, addr, a.site)
	origin := srvA.URL
	b = newBrowser(t)
	openAppAt(t, b, origin+"/")
	evalJS[bool](t, b, `navigator.serviceWorker.ready.then(() => true)`)
	waitFor(t, b, `!!navigator.serviceWorker.controller`)
	waitStarted(t, b)
	if got := evalJS[string](t, b, pageVersionJS); got != vA {
		t.Fatalf("build A's page says version %q, want %q", got, vA)
	}
	want = tagTwo(t, b)
	// The worker holds its install open until the app is cached
	// (wasm/server/worker.go), so ready means cached; the check stays as
	// the story's own: A starts without the server once app.wasm is.
	waitForPromise(t, b, fmt.Sprintf(`caches.open(%s).then(c => c.match("/web/app.wasm")).then(r => !!r)`, jsString("app-"+vA)))

	// Build B replaces A at the same origin.
	<-built
	if bldErr != nil {
		t.Fatal(bldErr)
	}
	t.Logf("build B (version %s) took %v", bld.site.Version(), bld.took.Round(time.Millisecond))
	vB, sumB = bld.site.Version(), bld.wasmSum
	if vB == vA {
		t.Fatalf("the two builds have the same version %s", vA)
	}
	if sumB == a.wasmSum {
		t.Fatal("the two builds made the same app.wasm")
	}
	srvA.Close()
	serveHandlerAt(t, addr, bld.site)
	return b, want, vA, vB, sumB
}

// TestWorkspaceUpdateOffered: a user works with build A, installed by the
// service worker; build B is then deployed at the same origin. The next
// load starts A again, from the cache, while B installs in the background;
// the page offers to reload, and the reload runs B with the work intact.
func TestWorkspaceUpdateOffered(t *testing.T) {
	b, want, vA, vB, sumB := onBuildA(t)

	// The reload starts A from the cache; B installs in the background
	// and the page offers it.
	b.run(chromedp.Reload())
	waitStarted(t, b)
	if got := evalJS[string](t, b, pageVersionJS); got != vA {
		t.Errorf("after the deployment, the reload runs version %q, want the cached %q", got, vA)
	}
	waitFor(t, b, `performance.getEntriesByName("annotator:update-ready").length > 0 && document.querySelector("#update") !== null`)
	banner := text(t, b, "#update")
	if !containsAll(banner, "new version", "Reload") {
		t.Errorf("the update banner says %q; it should offer a reload", banner)
	}
	if got := text(t, b, "#update-reload"); !strings.Contains(got, "Reload") {
		t.Errorf("the update button says %q", got)
	}
	sameWork(t, b, "while the update is offered", want)

	// The button reloads into B, and the work is there.
	b.run(chromedp.Click(chromedp.ID("update-reload")))
	waitFor(t, b, fmt.Sprintf(`(%s) === %s`, pageVersionJS, jsString(vB)))
	sameWork(t, b, "after the update", want)
	// B's worker deleted A's cache when it was activated.
	waitForPromise(t, b, fmt.Sprintf(`caches.keys().then(k => k.length === 1 && k[0] === %s)`, jsString("app-"+vB)))
	// The app.wasm that the page loads now is build B's.
	got := evalJS[string](t, b, `fetch("/web/app.wasm").then(r => r.arrayBuffer()).then(buf => crypto.subtle.digest("SHA-256", buf)).then(d => [...new Uint8Array(d)].map(x => x.toString(16).padStart(2, "0")).join(""))`)
	if got != sumB {
		t.Errorf("after the update the page loads an app.wasm of SHA-256 %s, want build B's %s", got, sumB)
	}
	if n := evalJS[int](t, b, `document.querySelectorAll("#update").length`); n != 0 {
		t.Error("after the update, the page still offers one")
	}
}

// TestWorkspaceUpdateFoundWhileOpen: with build A open, build B is
// deployed; the tab is not reloaded, but when it comes back into view the
// app looks for a new version, B installs in the background, and the page
// offers it, still running A; the reload runs B with the work intact.
func TestWorkspaceUpdateFoundWhileOpen(t *testing.T) {
	b, want, vA, vB, _ := onBuildA(t)
	evalJS[bool](t, b, `(window.__notReloaded = true)`)
	evalJS[bool](t, b, `(document.dispatchEvent(new Event("visibilitychange")), true)`)
	waitFor(t, b, `performance.getEntriesByName("annotator:update-ready").length > 0 && document.querySelector("#update") !== null`)
	if !evalJS[bool](t, b, `window.__notReloaded === true`) {
		t.Fatal("the page was reloaded to find the update")
	}
	if got := evalJS[string](t, b, pageVersionJS); got != vA {
		t.Errorf("while the update is offered the page runs %q, want %q", got, vA)
	}
	sameWork(t, b, "while the update is offered", want)
	b.run(chromedp.Click(chromedp.ID("update-reload")))
	waitFor(t, b, fmt.Sprintf(`(%s) === %s`, pageVersionJS, jsString(vB)))
	sameWork(t, b, "after the update", want)
}
