//go:build !wasm

package server

// Hosting the app: what serve sends and the static build holds agree, and
// neither loses or mixes a team's files.

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
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
	if err := s.WriteStatic(out); err != nil {
		t.Fatal(err)
	}
	// The deploy's own files, beside the first build.
	if err := os.MkdirAll(filepath.Join(out, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	srvWriteFile(t, filepath.Join(out, ".git", "HEAD"), []byte("ref: refs/heads/gh-pages\n"))
	srvWriteFile(t, filepath.Join(out, "CNAME"), []byte("annotate.example.org\n"))

	err = s.WriteStatic(out)
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
	if err := s.WriteStatic(out); err != nil {
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
