//go:build !wasm

package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image/png"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/newsannotator/annotator/internal/testcorpus"
	"github.com/newsannotator/annotator/internal/testweb"
	"golang.org/x/net/html"
)

func srvWriteFile(t testing.TB, name string, data []byte) {
	t.Helper()
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func srvHandler(t testing.TB, dir string) http.Handler {
	t.Helper()
	h, err := NewHandler(dir)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// request sends a request straight to h; headers are name, value pairs.
func srvRequest(h http.Handler, method, path string, headers ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func checkSecurityHeaders(t *testing.T, what string, h http.Header) {
	t.Helper()
	for _, sh := range securityHeaders {
		if got := h.Get(sh.Name); got != sh.Value {
			t.Errorf("%s: %s is %q, want %q", what, sh.Name, got, sh.Value)
		}
	}
}

func TestHandlerContentSecurityPolicy(t *testing.T) {
	directives := map[string][]string{}
	for d := range strings.SplitSeq(ContentSecurityPolicy, ";") {
		fields := strings.Fields(d)
		if len(fields) == 0 {
			continue
		}
		if _, dup := directives[fields[0]]; dup {
			t.Errorf("directive %s appears twice", fields[0])
		}
		directives[fields[0]] = fields[1:]
	}
	want := map[string][]string{
		"default-src":     {"'self'"},
		"script-src":      {"'self'", "'wasm-unsafe-eval'"},
		"style-src":       {"'self'"},
		"object-src":      {"'none'"},
		"base-uri":        {"'none'"},
		"form-action":     {"'none'"},
		"frame-ancestors": {"'none'"},
	}
	for name, sources := range want {
		if !slices.Equal(directives[name], sources) {
			t.Errorf("%s is %q, want %q", name, directives[name], sources)
		}
	}
	for name, sources := range directives {
		for _, s := range sources {
			if s == "'unsafe-inline'" || s == "'unsafe-eval'" || s == "*" || strings.Contains(s, "://") || s == "http:" || s == "https:" {
				t.Errorf("%s allows %s", name, s)
			}
		}
	}
}

func TestHandlerSecurityHeadersOnEveryResponse(t *testing.T) {
	dir, _ := testweb.WebDir(t)
	h := srvHandler(t, dir)
	for _, p := range []string{
		"/", "/app.js", "/app-worker.js", "/wasm_exec.js", "/manifest.webmanifest", "/app.css",
		"/web/app.wasm", "/web/app.css", "/web/annotator.js", "/web/icon.svg", "/web/icon-192.png",
	} {
		for _, ae := range []string{"", "gzip", "br"} {
			rec := srvRequest(h, "GET", p, "Accept-Encoding", ae)
			if rec.Code != http.StatusOK {
				t.Errorf("GET %s: status %d", p, rec.Code)
			}
			checkSecurityHeaders(t, "GET "+p, rec.Header())
		}
		// A conditional request answered with 304 carries them too.
		etag := srvRequest(h, "GET", p).Header().Get("ETag")
		rec := srvRequest(h, "GET", p, "If-None-Match", etag)
		if rec.Code != http.StatusNotModified {
			t.Errorf("GET %s with If-None-Match %s: status %d, want 304", p, etag, rec.Code)
		}
		checkSecurityHeaders(t, "304 for "+p, rec.Header())
	}
	for _, p := range []string{"/no-such-page", "/web/no-such-file", "/web/", "/robots.txt"} {
		rec := srvRequest(h, "GET", p)
		if rec.Code != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", p, rec.Code)
		}
		checkSecurityHeaders(t, "GET "+p, rec.Header())
	}
	rec := srvRequest(h, "HEAD", "/")
	if rec.Code != http.StatusOK || rec.Body.Len() != 0 {
		t.Errorf("HEAD /: status %d, %d bytes of body", rec.Code, rec.Body.Len())
	}
	checkSecurityHeaders(t, "HEAD /", rec.Header())
}

func TestHandlerServesWasmPrecompressed(t *testing.T) {
	dir, wasm := testweb.WebDir(t)
	h := srvHandler(t, dir)
	cases := []struct {
		acceptEncoding string
		want           string // Content-Encoding
	}{
		{"", ""},
		{"identity", ""},
		{"gzip", "gzip"},
		{"gzip, deflate", "gzip"},
		{"br", "br"},
		{"gzip, deflate, br, zstd", "br"},
		{"br;q=0.1, gzip;q=1", "br"},
		{"br;q=0, gzip", "gzip"},
		{"br;q=0, gzip;q=0", ""},
		{"*", "br"},
		{"*;q=0", ""},
		{"deflate", ""},
	}
	etags := map[string]string{}
	for _, c := range cases {
		rec := srvRequest(h, "GET", "/web/app.wasm", "Accept-Encoding", c.acceptEncoding)
		hd := rec.Header()
		what := fmt.Sprintf("Accept-Encoding %q", c.acceptEncoding)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: status %d", what, rec.Code)
		}
		if got := hd.Get("Content-Encoding"); got != c.want {
			t.Errorf("%s: Content-Encoding %q, want %q", what, got, c.want)
		}
		if got := hd.Get("Content-Type"); got != "application/wasm" {
			t.Errorf("%s: Content-Type %q", what, got)
		}
		if got := hd.Values("Vary"); !slices.Contains(got, "Accept-Encoding") {
			t.Errorf("%s: Vary %q", what, got)
		}
		if got, want := hd.Get("Content-Length"), fmt.Sprint(rec.Body.Len()); got != want {
			t.Errorf("%s: Content-Length %s, body %s bytes", what, got, want)
		}
		body := rec.Body.Bytes()
		var decoded []byte
		var err error
		switch c.want {
		case "br":
			decoded, err = io.ReadAll(brotli.NewReader(bytes.NewReader(body)))
		case "gzip":
			var zr *gzip.Reader
			if zr, err = gzip.NewReader(bytes.NewReader(body)); err == nil {
				decoded, err = io.ReadAll(zr)
			}
		default:
			decoded = body
		}
		if err != nil || !bytes.Equal(decoded, wasm) {
			t.Errorf("%s: body does not decode to app.wasm (%d bytes, err %v)", what, len(decoded), err)
		}
		etag := hd.Get("ETag")
		if prev, ok := etags[c.want]; ok && prev != etag {
			t.Errorf("%s: ETag %s, earlier %s for the same encoding", what, etag, prev)
		}
		etags[c.want] = etag
	}
	if etags[""] == etags["br"] || etags[""] == etags["gzip"] || etags["br"] == etags["gzip"] {
		t.Errorf("the encodings share an ETag: %v", etags)
	}

	// The aliases go-app knows serve the same file.
	for _, p := range []string{"/app.wasm", "/goapp.wasm"} {
		if rec := srvRequest(h, "GET", p, "Accept-Encoding", "br"); rec.Code != http.StatusOK || rec.Header().Get("Content-Encoding") != "br" {
			t.Errorf("GET %s: status %d, Content-Encoding %q", p, rec.Code, rec.Header().Get("Content-Encoding"))
		}
	}
	if rec := srvRequest(h, "HEAD", "/web/app.wasm", "Accept-Encoding", "br"); rec.Code != http.StatusOK || rec.Body.Len() != 0 || rec.Header().Get("Content-Length") == "" {
		t.Errorf("HEAD: status %d, %d bytes of body, Content-Length %q", rec.Code, rec.Body.Len(), rec.Header().Get("Content-Length"))
	}
	if rec := srvRequest(h, "POST", "/web/app.wasm"); rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d", rec.Code)
	}
}

func TestHandlerWasmETagAndNotModified(t *testing.T) {
	dir, _ := testweb.WebDir(t)
	h := srvHandler(t, dir)
	for _, ae := range []string{"", "gzip", "br"} {
		etag := srvRequest(h, "GET", "/web/app.wasm", "Accept-Encoding", ae).Header().Get("ETag")
		if !strings.HasPrefix(etag, `"`) || !strings.HasSuffix(etag, `"`) || len(etag) < 10 {
			t.Fatalf("Accept-Encoding %q: ETag %q is not a strong validator", ae, etag)
		}
		for _, inm := range []string{etag, "W/" + etag, `"other", ` + etag, "*"} {
			rec := srvRequest(h, "GET", "/web/app.wasm", "Accept-Encoding", ae, "If-None-Match", inm)
			if rec.Code != http.StatusNotModified || rec.Body.Len() != 0 {
				t.Errorf("Accept-Encoding %q, If-None-Match %s: status %d with %d bytes, want 304", ae, inm, rec.Code, rec.Body.Len())
			}
			if got := rec.Header().Get("ETag"); got != etag {
				t.Errorf("304 with ETag %q, want %q", got, etag)
			}
			if !slices.Contains(rec.Header().Values("Vary"), "Accept-Encoding") {
				t.Errorf("304 without Vary: Accept-Encoding")
			}
		}
		// Another encoding's ETag does not match this one.
		rec := srvRequest(h, "GET", "/web/app.wasm", "Accept-Encoding", ae, "If-None-Match", `"`+strings.Trim(etag, `"`)+`-xx"`)
		if rec.Code != http.StatusOK {
			t.Errorf("Accept-Encoding %q with a stale ETag: status %d, want 200", ae, rec.Code)
		}
	}
}

// TestHandlerVersion checks that the version (the service worker's cache
// name, and the ETag of everything go-app serves) follows the built files.
func TestHandlerVersion(t *testing.T) {
	dir, wasm := testweb.WebDir(t)
	version := func() string {
		t.Helper()
		s, err := Load(dir, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		worker := srvRequest(s, "GET", "/app-worker.js").Body.String()
		if !strings.Contains(worker, `"app-" + "`+s.version+`"`) {
			t.Errorf("app-worker.js does not name cache version %s", s.version)
		}
		if etag := srvRequest(s, "GET", "/").Header().Get("ETag"); etag != `"`+s.version+`"` {
			t.Errorf("the page's ETag is %s, want the version %s", etag, s.version)
		}
		if len(s.version) < 12 || strings.Trim(s.version, "0123456789abcdef") != "" {
			t.Errorf("version %q is not a hex hash", s.version)
		}
		return s.version
	}
	v1 := version()
	if v := version(); v != v1 {
		t.Errorf("restarting on the same files changed the version from %s to %s", v1, v)
	}
	os.Remove(filepath.Join(dir, "app.wasm.gz"))
	if v := version(); v != v1 {
		t.Errorf("losing the cached app.wasm.gz changed the version from %s to %s", v1, v)
	}

	rebuilt := slices.Clone(wasm)
	rebuilt[len(rebuilt)/2] ^= 0xff
	srvWriteFile(t, filepath.Join(dir, wasmFileName), rebuilt)
	v2 := version()
	if v2 == v1 {
		t.Errorf("a new app.wasm kept the version %s", v1)
	}
	srvWriteFile(t, filepath.Join(dir, wasmFileName), wasm)
	if v := version(); v != v1 {
		t.Errorf("the first app.wasm again: version %s, want %s", v, v1)
	}

	css, err := os.ReadFile(filepath.Join(dir, "app.css"))
	if err != nil {
		t.Fatal(err)
	}
	srvWriteFile(t, filepath.Join(dir, "app.css"), append(css, "\n/* changed */\n"...))
	v3 := version()
	if v3 == v1 {
		t.Errorf("a changed app.css kept the version %s", v1)
	}

	// The server's own settings, which no file holds: a new security
	// header, or a new title (handlerSettings, which every field of
	// go-app's settings is written by).
	was := securityHeaders
	t.Cleanup(func() { securityHeaders = was })
	securityHeaders = append(slices.Clone(was), struct{ Name, Value string }{"X-Test", "1"})
	if v := version(); v == v3 {
		t.Errorf("a new security header kept the version %s", v3)
	}
	securityHeaders = was
	s, err := Load(dir, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	settings := handlerSettings(s.newAppHandler())
	retitled := s.newAppHandler()
	retitled.Title += "!"
	if handlerSettings(retitled) == settings {
		t.Error("a new title gives the same settings")
	}
	if again := handlerSettings(s.newAppHandler()); again != settings || strings.Contains(settings, ")(0x") || !strings.Contains(settings, appTitle) {
		t.Errorf("the settings are not the same each time, hold a pointer or lack the title: %.300s", settings)
	}
}

func TestHandlerCachesCompressedWasm(t *testing.T) {
	dir, wasm := testweb.WebDir(t)
	s, err := Load(dir, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if s.wasm.cached {
		t.Error("the first start found compressed files that were never written")
	}
	// Quality 9 is cached too: a second start (every test server of a
	// run) does not compress again.
	if again, err := Load(dir, io.Discard); err != nil || !again.wasm.cached {
		t.Errorf("a second start before BestCompression compressed again (err %v)", err)
	}
	// The first start serves brotli at quality 9 at once; BestCompression
	// then serves quality 11, and caches it.
	brotliServed := func(s *Site, wantQuality int) {
		t.Helper()
		rec := srvRequest(s, "GET", "/web/app.wasm", "Accept-Encoding", "br")
		if etag := rec.Header().Get("ETag"); !strings.HasSuffix(etag, fmt.Sprintf(`-br%d"`, wantQuality)) {
			t.Errorf("brotli served with ETag %s, want quality %d", etag, wantQuality)
		}
		if got, err := io.ReadAll(brotli.NewReader(rec.Body)); err != nil || !bytes.Equal(got, wasm) {
			t.Errorf("brotli at quality %d does not decode to app.wasm (err %v)", wantQuality, err)
		}
	}
	brotliServed(s, fastBrotliQuality)
	if _, err := os.Stat(filepath.Join(dir, wasmFileName+".gz")); err != nil {
		t.Errorf("app.wasm.gz was not cached: %v", err)
	}
	var log strings.Builder
	if err := s.BestCompression(&log); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), "quality 11") {
		t.Errorf("BestCompression says %q", log.String())
	}
	brotliServed(s, brotliQuality)
	if _, err := os.Stat(filepath.Join(dir, wasmFileName+bestBrotliSuffix)); err != nil {
		t.Errorf("the quality-11 variant was not cached: %v", err)
	}
	s, err = Load(dir, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !s.wasm.cached {
		t.Error("the second start compressed app.wasm again")
	}
	brotliServed(s, brotliQuality)
	log.Reset()
	if err := s.BestCompression(&log); err != nil || log.Len() > 0 {
		t.Errorf("BestCompression on a cached quality 11 compressed again: %q, %v", log.String(), err)
	}

	// A stale or damaged cache is never served.
	srvWriteFile(t, filepath.Join(dir, wasmFileName+bestBrotliSuffix), []byte("not brotli"))
	rebuilt := slices.Clone(wasm)
	rebuilt[0] = 'X'
	srvWriteFile(t, filepath.Join(dir, wasmFileName), rebuilt)
	s, err = Load(dir, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if s.wasm.cached {
		t.Error("a stale cache was taken")
	}
	for _, ae := range []string{"br", "gzip"} {
		rec := srvRequest(s, "GET", "/web/app.wasm", "Accept-Encoding", ae)
		var r io.Reader = brotli.NewReader(rec.Body)
		if ae == "gzip" {
			if r, err = gzip.NewReader(rec.Body); err != nil {
				t.Fatal(err)
			}
		}
		if got, err := io.ReadAll(r); err != nil || !bytes.Equal(got, rebuilt) {
			t.Errorf("%s after a rebuild: does not decode to the new app.wasm (err %v)", ae, err)
		}
	}
}

// parsePage parses an HTML page and returns its elements.
func parsePageElements(t *testing.T, page string) []*html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var elems []*html.Node
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode {
			elems = append(elems, n)
		}
	}
	return elems
}

// checkPage checks that a page runs no inline code: every script is a file
// with no content, and no element has an event handler attribute or a style
// attribute (both blocked by the policy), or a javascript: URL.
func checkPageHTML(t *testing.T, what, page string) {
	t.Helper()
	elems := parsePageElements(t, page)
	scripts := 0
	for _, n := range elems {
		if n.Data == "script" {
			scripts++
			src := ""
			for _, a := range n.Attr {
				if a.Key == "src" {
					src = a.Val
				}
			}
			if src == "" || n.FirstChild != nil {
				t.Errorf("%s: inline script (src %q)", what, src)
			}
		}
		for _, a := range n.Attr {
			key := strings.ToLower(a.Key)
			if strings.HasPrefix(key, "on") {
				t.Errorf("%s: <%s %s=%q> is an inline event handler", what, n.Data, a.Key, a.Val)
			}
			if key == "style" {
				t.Errorf("%s: <%s style=%q> is blocked by style-src 'self'", what, n.Data, a.Val)
			}
			if strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
				t.Errorf("%s: <%s %s=%q>", what, n.Data, a.Key, a.Val)
			}
			if (key == "src" || key == "href") && strings.HasPrefix(a.Val, "//") {
				t.Errorf("%s: <%s %s=%q> is off-origin", what, n.Data, a.Key, a.Val)
			}
		}
	}
	if scripts == 0 {
		t.Errorf("%s: no script at all", what)
	}
	if !strings.Contains(page, `href="/web/app.css"`) {
		t.Errorf("%s does not load /web/app.css", what)
	}
	// Every script, in order: each adds its part to window.annotator.
	at := 0
	for _, src := range appScripts {
		i := strings.Index(page[at:], `src="`+src+`"`)
		if i < 0 {
			t.Errorf("%s does not load %s after the scripts before it in %v", what, src, appScripts)
			break
		}
		at += i
	}
}

var absoluteURLRE = regexp.MustCompile(`(?i)https?://[^\s"'<>()\\]*`)

// checkNoOffOriginURL fails for an absolute http(s) URL in body other than
// an XML namespace or one on origin.
func checkNoOffOriginURL(t *testing.T, what, body, origin string) {
	t.Helper()
	for _, u := range absoluteURLRE.FindAllString(body, -1) {
		if strings.HasPrefix(u, "http://www.w3.org/") || (origin != "" && strings.HasPrefix(u, origin+"/")) || u == origin {
			continue
		}
		t.Errorf("%s names %q", what, u)
	}
}

func TestHandlerPageHasNoInlineScriptOrForeignURL(t *testing.T) {
	dir, _ := testweb.WebDir(t)
	srv := httptest.NewServer(srvHandler(t, dir))
	defer srv.Close()
	client := srv.Client()
	client.Transport.(*http.Transport).DisableCompression = true
	for _, p := range []string{"/", "/manifest.webmanifest", "/app.js", "/app-worker.js"} {
		res, err := client.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err != nil || res.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: status %d, %v", p, res.StatusCode, err)
		}
		checkSecurityHeaders(t, "GET "+p, res.Header)
		checkNoOffOriginURL(t, p, string(body), srv.URL)
		if p == "/" {
			checkPageHTML(t, "the page", string(body))
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
				t.Errorf("the page's Content-Type is %q", ct)
			}
			if !strings.Contains(string(body), "<title>"+appTitle+"</title>") {
				t.Errorf("the page's title is not %q", appTitle)
			}
		}
	}
	// The assets the page links to are local too.
	for _, name := range []string{"icon.svg", "app.css", "annotator.js", "sidebar.js", "page.js", "workspace.js", "store-writer.js"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		checkNoOffOriginURL(t, "web/"+name, string(data), "")
	}
}

type webManifest struct {
	Name            string `json:"name"`
	ShortName       string `json:"short_name"`
	StartURL        string `json:"start_url"`
	ThemeColor      string `json:"theme_color"`
	BackgroundColor string `json:"background_color"`
	Icons           []struct {
		Src, Type, Sizes, Purpose string
	} `json:"icons"`
}

func TestHandlerManifestListsLocalIcons(t *testing.T) {
	dir, _ := testweb.WebDir(t)
	h := srvHandler(t, dir)
	rec := srvRequest(h, "GET", "/manifest.webmanifest")
	var m webManifest
	if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil {
		t.Fatalf("the manifest is not JSON: %v", err)
	}
	if m.Name != appName || m.ShortName != appName || m.StartURL != "/" || m.ThemeColor != appThemeColor || m.BackgroundColor != appBackground {
		t.Errorf("manifest: %+v", m)
	}
	want := map[string]string{ // src -> sizes
		icon192URL:      "192x192",
		icon512URL:      "512x512",
		iconMaskableURL: "512x512",
		iconSVGURL:      "any",
	}
	maskable := false
	for _, ic := range m.Icons {
		sizes, ok := want[ic.Src]
		if !ok {
			t.Errorf("the manifest lists an icon %q that is not ours", ic.Src)
			continue
		}
		delete(want, ic.Src)
		if ic.Sizes != sizes {
			t.Errorf("icon %s: sizes %q, want %q", ic.Src, ic.Sizes, sizes)
		}
		if ic.Purpose == "maskable" {
			maskable = ic.Src == iconMaskableURL
		}
		res := srvRequest(h, "GET", ic.Src)
		if res.Code != http.StatusOK || res.Header().Get("Content-Type") != ic.Type {
			t.Errorf("GET %s: status %d, Content-Type %q, want %q", ic.Src, res.Code, res.Header().Get("Content-Type"), ic.Type)
			continue
		}
		if ic.Type == "image/png" {
			img, err := png.Decode(res.Body)
			if err != nil {
				t.Errorf("%s: %v", ic.Src, err)
				continue
			}
			if got := fmt.Sprintf("%dx%d", img.Bounds().Dx(), img.Bounds().Dy()); got != sizes {
				t.Errorf("%s is %s, want %s", ic.Src, got, sizes)
			}
			// A maskable icon is full-bleed: its corners are opaque.
			if ic.Src == iconMaskableURL {
				if _, _, _, a := img.At(0, 0).RGBA(); a != 0xffff {
					t.Errorf("%s has a transparent corner: not full-bleed", ic.Src)
				}
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("the manifest does not list %v", want)
	}
	if !maskable {
		t.Errorf("the manifest's maskable icon is not %s", iconMaskableURL)
	}
}

var resourcesToCacheRE = regexp.MustCompile(`resourcesToCache = (\[[^\]]*\]);`)

// TestHandlerServiceWorkerCachesEveryAsset checks the list that the service
// worker caches on install: everything the app needs offline, and only
// what the server has (cache.addAll fails as a whole on one failure).
func TestHandlerServiceWorkerCachesEveryAsset(t *testing.T) {
	dir, _ := testweb.WebDir(t)
	h := srvHandler(t, dir)
	m := resourcesToCacheRE.FindStringSubmatch(srvRequest(h, "GET", "/app-worker.js").Body.String())
	if m == nil {
		t.Fatal("app-worker.js has no resourcesToCache")
	}
	var list []string
	if err := json.Unmarshal([]byte(m[1]), &list); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"/", "/app.js", "/wasm_exec.js", "/app.css", "/manifest.webmanifest", wasmURL, styleURL, scriptURL, sidebarURL, pageURL, workspaceURL, writerURL, iconSVGURL, icon192URL, icon512URL, iconMaskableURL} {
		if !slices.Contains(list, want) {
			t.Errorf("the service worker does not cache %s", want)
		}
	}
	assets, err := listAssets(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range assets {
		if !slices.Contains(list, "/web/"+a) {
			t.Errorf("the service worker does not cache /web/%s", a)
		}
	}
	for _, u := range list {
		if strings.HasPrefix(u, wasmURL+".") {
			t.Errorf("the service worker caches %s", u)
		}
		if rec := srvRequest(h, "GET", u, "Accept-Encoding", "gzip, br"); rec.Code != http.StatusOK {
			t.Errorf("GET %s (to be cached): status %d", u, rec.Code)
		}
	}
}

func TestHandlerDoesNotProxyRootFiles(t *testing.T) {
	dir, _ := testweb.WebDir(t)
	srvWriteFile(t, filepath.Join(dir, "robots.txt"), []byte("User-agent: *\nDisallow:\n"))
	h := srvHandler(t, dir)
	// go-app would fetch http://<Host>/web/robots.txt from the server.
	req := httptest.NewRequest("GET", "/robots.txt", nil)
	req.Host = "192.0.2.1:9"
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "User-agent") {
		t.Errorf("GET /robots.txt: status %d, %q", rec.Code, rec.Body.String())
	}
	if rec := srvRequest(h, "GET", "/sitemap.xml"); rec.Code != http.StatusNotFound {
		t.Errorf("GET /sitemap.xml: status %d, want 404", rec.Code)
	}
}

func TestHandlerRefusesMissingFiles(t *testing.T) {
	dir, _ := testweb.WebDir(t)
	os.Remove(filepath.Join(dir, wasmFileName))
	_, err := NewHandler(dir)
	if !errors.Is(err, ErrNotBuilt) || !strings.Contains(err.Error(), filepath.Join(dir, "app.wasm")) {
		t.Errorf("no app.wasm: error %v", err)
	}

	dir, _ = testweb.WebDir(t)
	os.Remove(filepath.Join(dir, "icon.svg"))
	if _, err := NewHandler(dir); err == nil || !strings.Contains(err.Error(), "icon.svg") {
		t.Errorf("no icon.svg: error %v", err)
	}
}

// srvSyncBuffer is a bytes.Buffer safe for one writer and one reader.
type srvSyncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *srvSyncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *srvSyncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServeServesUntilStopped(t *testing.T) {
	dir, _ := testweb.WebDir(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var log srvSyncBuffer
	s, err := Load(dir, &log)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, s, &log) }()

	urlRE := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	var u string
	for deadline := time.Now().Add(20 * time.Second); u == "" && time.Now().Before(deadline); {
		select {
		case err := <-done:
			t.Fatalf("Serve stopped with %v: %s", err, log.String())
		case <-time.After(20 * time.Millisecond):
		}
		u = urlRE.FindString(log.String())
	}
	if u == "" {
		t.Fatalf("serve printed no URL: %q", log.String())
	}
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Security-Policy") != ContentSecurityPolicy {
		t.Errorf("GET %s: status %d, CSP %q", u, res.StatusCode, res.Header.Get("Content-Security-Policy"))
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve returned %v after being stopped: %s", err, log.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
}

func TestStaticBuild(t *testing.T) {
	dir, wasm := testweb.WebDir(t)
	out := filepath.Join(t.TempDir(), "site")
	s, err := Load(dir, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.WriteStatic(out, ""); err != nil {
		t.Fatalf("WriteStatic: %v", err)
	}
	read := func(name string) string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	index := read("index.html")
	checkPageHTML(t, "index.html", index)
	for _, name := range []string{"index.html", "app.js", "app-worker.js", "manifest.webmanifest"} {
		checkNoOffOriginURL(t, name, read(name), "")
	}
	if !strings.Contains(read("app-worker.js"), iconSVGURL) {
		t.Error("the static app-worker.js does not cache the SVG icon")
	}

	// The assets, app.wasm and its variants.
	assets, err := listAssets(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range assets {
		if read("web/"+a) != string(srvMust(os.ReadFile(filepath.Join(dir, a)))) {
			t.Errorf("web/%s differs from the source", a)
		}
	}
	if read("web/app.wasm") != string(wasm) {
		t.Error("web/app.wasm differs from the build")
	}
	br, err := io.ReadAll(brotli.NewReader(strings.NewReader(read("web/app.wasm.br"))))
	if err != nil || !bytes.Equal(br, wasm) {
		t.Errorf("web/app.wasm.br does not decode to app.wasm (%v)", err)
	}
	zr, err := gzip.NewReader(strings.NewReader(read("web/app.wasm.gz")))
	if err != nil {
		t.Fatal(err)
	}
	if gz, err := io.ReadAll(zr); err != nil || !bytes.Equal(gz, wasm) {
		t.Errorf("web/app.wasm.gz does not decode to app.wasm (%v)", err)
	}

	// _headers gives every path the security headers.
	headers := read("_headers")
	if !strings.HasPrefix(strings.SplitN(headers, "/*\n", 2)[0], "#") {
		t.Errorf("_headers does not start with the /* rule:\n%s", headers)
	}
	for _, sh := range securityHeaders {
		if !strings.Contains(headers, "\n  "+sh.Name+": "+sh.Value+"\n") {
			t.Errorf("_headers lacks %s", sh.Name)
		}
	}

	// The static site works when served as plain files.
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	for _, p := range []string{"/", "/app.js", "/app-worker.js", "/wasm_exec.js", "/manifest.webmanifest", "/app.css", "/web/app.wasm", "/web/icon.svg", "/web/app.css", "/web/annotator.js"} {
		res, err := http.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Errorf("static GET %s: status %d", p, res.StatusCode)
		}
	}

	// A second build replaces the first; a directory that holds something
	// else is left alone.
	// (An asset since removed from the web directory is a file of the
	// first build; a CNAME beside the build is the deploy's own.)
	srvWriteFile(t, filepath.Join(out, "web", "stale.js"), []byte("stale"))
	srvWriteFile(t, filepath.Join(out, "CNAME"), []byte("annotate.example.org\n"))
	if err := s.WriteStatic(out, ""); err != nil {
		t.Fatalf("second WriteStatic: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "web", "stale.js")); err == nil {
		t.Error("the second build kept a file of the first")
	}
	if _, err := os.Stat(filepath.Join(out, "CNAME")); err != nil {
		t.Error("the second build removed a file it did not write")
	}
	other := t.TempDir()
	srvWriteFile(t, filepath.Join(other, "precious.txt"), []byte("keep me"))
	if err := s.WriteStatic(other, ""); err == nil || !strings.Contains(err.Error(), "earlier build") {
		t.Errorf("WriteStatic into a directory of other files: %v", err)
	}
	if _, err := os.Stat(filepath.Join(other, "precious.txt")); err != nil {
		t.Error("build removed a file it did not write")
	}
	if err := s.WriteStatic(filepath.Dir(dir), ""); err == nil {
		t.Error("WriteStatic accepted an output directory holding the web directory")
	}
}

func srvMust[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// BenchmarkCompressWasm measures compressing app.wasm: the built one in
// web/ when there is one (make web/app.wasm), else 8 MB of sample data.
func BenchmarkCompressWasm(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join(testcorpus.Root(b), "web", "app.wasm"))
	if err != nil {
		raw = bytes.Repeat([]byte("\x00asm wasm-ish bytes, not very random: 0123456789abcdef\n"), 8<<20/56)
	}
	for _, c := range []struct {
		name string
		f    func([]byte) ([]byte, error)
	}{
		{"brotli-9", func(raw []byte) ([]byte, error) { return compressBrotli(raw, fastBrotliQuality) }},
		{"brotli-11", func(raw []byte) ([]byte, error) { return compressBrotli(raw, brotliQuality) }},
		{"gzip", compressGzip},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(raw)))
			var n int
			for b.Loop() {
				out, err := c.f(raw)
				if err != nil {
					b.Fatal(err)
				}
				n = len(out)
			}
			b.ReportMetric(100*float64(n)/float64(len(raw)), "%size")
		})
	}
}

func TestHandlerCleanPageDropsHostlessMeta(t *testing.T) {
	page := `<head><meta property="og:url" content="https:///"><meta content="https://" property="og:image">` +
		`<meta name="twitter:image" content="https:///web/x.png"><meta property="og:title" content="Annotator">` +
		`<meta content="https://example.org/" property="og:see_also"></head>`
	want := `<head><meta property="og:title" content="Annotator">` +
		`<meta content="https://example.org/" property="og:see_also"></head>`
	if got := string(cleanPage([]byte(page))); got != want {
		t.Errorf("cleanPage:\n got %s\nwant %s", got, want)
	}
}
