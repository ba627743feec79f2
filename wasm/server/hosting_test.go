//go:build !wasm

package server

// Hosting the app: what serve sends and the static build holds agree, and
// neither loses or mixes a team's files.

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/internal/testweb"
)

// A deploy directory (a GitHub Pages folder, a gh-pages worktree) holds an
// earlier build and files of its own: rebuilding into it must not delete
// them.
func TestStaticBuildKeepsTheDeploysOwnFiles(t *testing.T) {
	dir, _ := testweb.WebDir(t)
	s, err := Load(dir, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "docs")
	if err := s.WriteStatic(out, ""); err != nil {
		t.Fatal(err)
	}
	// The deploy's own files, beside the first build.
	if err := os.MkdirAll(filepath.Join(out, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	srvWriteFile(t, filepath.Join(out, ".git", "HEAD"), []byte("ref: refs/heads/gh-pages\n"))
	srvWriteFile(t, filepath.Join(out, "CNAME"), []byte("annotate.example.org\n"))

	err = s.WriteStatic(out, "")
	for _, name := range []string{".git/HEAD", "CNAME"} {
		if _, serr := os.Stat(filepath.Join(out, name)); serr != nil {
			t.Errorf("rebuilding into %s (err %v) deleted %s, which the build did not write", out, err, name)
		}
	}
}

// An asset changed while `serve` runs (a deploy that copies web/ in place,
// an edit of app.css) must not be answered with the ETag of the old
// content: a browser that revalidates would get 304 and keep the old file
// while a new visitor gets the new one under the same ETag.
func TestAssetChangedWhileServingIsNotMixed(t *testing.T) {
	dir, _ := testweb.WebDir(t)
	h := srvHandler(t, dir)
	first := srvRequest(h, "GET", "/web/app.css")
	etag := first.Header().Get("ETag")
	srvWriteFile(t, filepath.Join(dir, "app.css"), []byte("body { color: red } /* the new style sheet */\n"))

	now := srvRequest(h, "GET", "/web/app.css")
	if now.Body.String() != first.Body.String() && now.Header().Get("ETag") == etag {
		t.Errorf("GET /web/app.css: a new body with the old ETag %s", etag)
	}
	reval := srvRequest(h, "GET", "/web/app.css", "If-None-Match", etag)
	if reval.Code == http.StatusNotModified && now.Body.String() != first.Body.String() {
		t.Errorf("revalidating the old app.css (ETag %s) gives 304, but the server now sends another body", etag)
	}
}

// What `serve` answers at the root from the web directory (robots.txt), the
// static build must answer too.
func TestStaticBuildHasTheRootFilesServeHas(t *testing.T) {
	dir, _ := testweb.WebDir(t)
	srvWriteFile(t, filepath.Join(dir, "robots.txt"), []byte("User-agent: *\nDisallow: /\n"))
	s, err := Load(dir, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if rec := srvRequest(s, "GET", "/robots.txt"); rec.Code != http.StatusOK {
		t.Fatalf("serve: GET /robots.txt: %d", rec.Code)
	}
	out := filepath.Join(t.TempDir(), "site")
	if err := s.WriteStatic(out, ""); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	res, err := http.Get(srv.URL + "/robots.txt")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.Contains(string(body), "Disallow: /") {
		t.Errorf("static build: GET /robots.txt: status %d (serve answers 200 with web/robots.txt)", res.StatusCode)
	}
}

// Every URL the service worker caches must answer 200 (cache.addAll fails
// as a whole): an index.html in the web directory is listed, but answered
// with a redirect to a directory, which is a 404.
func TestWorkerCachesOnlyWhatIsServed(t *testing.T) {
	dir, _ := testweb.WebDir(t)
	if err := os.MkdirAll(filepath.Join(dir, "help"), 0o755); err != nil {
		t.Fatal(err)
	}
	srvWriteFile(t, filepath.Join(dir, "help", "index.html"), []byte("<p>help</p>"))
	h := srvHandler(t, dir)
	m := resourcesToCacheRE.FindStringSubmatch(srvRequest(h, "GET", "/app-worker.js").Body.String())
	var list []string
	if err := json.Unmarshal([]byte(m[1]), &list); err != nil {
		t.Fatal(err)
	}
	for _, u := range list {
		if rec := srvRequest(h, "GET", u); rec.Code != http.StatusOK {
			t.Errorf("the service worker caches %s, which answers %d (Location %q): its install fails", u, rec.Code, rec.Header().Get("Location"))
		}
	}
}

// A static build for a project's site (example.github.io/annotator/):
// every address its page, scripts, manifest and service worker name is
// under the base, the manifest claims no more than it, and its cache is
// its own (wasm/e2e's TestStaticBuildAtABase runs it in a browser).
func TestStaticBuildAtABase(t *testing.T) {
	dir, _ := testweb.WebDir(t)
	s, err := Load(dir, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "docs")
	if err := s.WriteStatic(out, "annotator/"); err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	// Every address a file names: in an attribute, a string, a JSON value.
	addresses := regexp.MustCompile(`(?:"|')(/[^"'\s]*)(?:"|')`)
	for _, name := range []string{"index.html", "app.js", "app-worker.js", "manifest.webmanifest"} {
		n := 0
		for _, m := range addresses.FindAllStringSubmatch(read(name), -1) {
			u := m[1]
			if u == "/" && name == "app.js" {
				continue // go-app's app.js splits paths on "/"
			}
			if strings.HasPrefix(u, "/[") || strings.HasPrefix(u, "/^") || strings.HasPrefix(u, "/*") {
				continue // a regular expression, a comment
			}
			n++
			if !strings.HasPrefix(u, "/annotator/") {
				t.Errorf("%s names %q, outside /annotator/", name, u)
			}
		}
		if n == 0 {
			t.Errorf("%s names no address at all", name)
		}
	}
	var manifest struct {
		Scope    string `json:"scope"`
		StartURL string `json:"start_url"`
	}
	if err := json.Unmarshal([]byte(read("manifest.webmanifest")), &manifest); err != nil || manifest.Scope != "/annotator/" || manifest.StartURL != "/annotator/" {
		t.Errorf("the manifest's scope and start are %q and %q (%v), want /annotator/", manifest.Scope, manifest.StartURL, err)
	}
	worker := read("app-worker.js")
	if !strings.Contains(worker, `"/annotator/"`) || !strings.Contains(worker, `"/annotator/web/app.wasm"`) {
		t.Error("the service worker does not cache the page and app.wasm at /annotator/")
	}
	if cache := `"app-" + "` + s.Version() + `"`; strings.Contains(worker, cache) {
		t.Errorf("the build at /annotator/ has the cache of the build at the root, %s", cache)
	}
	for _, rule := range []string{"\n/annotator/*\n", "\n/annotator/web/app.wasm\n", "\n/annotator/manifest.webmanifest\n"} {
		if !strings.Contains(read("_headers"), rule) {
			t.Errorf("_headers lacks the rule %q", rule)
		}
	}
	if strings.Contains(read("_headers"), "\n/*\n") {
		t.Error("_headers gives its headers to the whole host")
	}
}

// TestBase: the addresses a static build can be served at, in the forms
// people write them, and what is refused, in words.
func TestBase(t *testing.T) {
	for in, want := range map[string]string{"": "", "/": "", "//": "", "annotator": "/annotator", "/annotator/": "/annotator",
		"team/annotator": "/team/annotator", "/a-b_c.d~e/": "/a-b_c.d~e"} {
		if got, err := Base(in); err != nil || got != want {
			t.Errorf("Base(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"https://example.github.io/annotator", "/a//b", "/a/../b", "/./a", "/a?x=1", "/a#b", "/an notator", "/é", `/a\b`} {
		if got, err := Base(in); !errors.Is(err, ErrBase) || !strings.Contains(err.Error(), "/annotator") {
			t.Errorf("Base(%q) = %q, %v; want ErrBase, with an example", in, got, err)
		}
	}
}
