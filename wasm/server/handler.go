//go:build !wasm

// Package server serves the annotator's app: the page and go-app's files, the
// assets of web/ and a pre-compressed app.wasm, every response with the
// security headers; and writes the same as a static site. The command line
// (package cli) starts it.
package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	ui "github.com/newsannotator/annotator/app"
)

// ContentSecurityPolicy is the Content-Security-Policy that the server and
// the static build send with every response. It forbids inline and foreign
// script: every script is a file from the app's own origin, and
// 'wasm-unsafe-eval' only lets WebAssembly.instantiateStreaming compile
// app.wasm (it does not allow eval or new Function). Styles also come only
// from files, so components must use classes, not style attributes.
const ContentSecurityPolicy = "default-src 'self'; " +
	"script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; " +
	"img-src 'self' data:; " +
	"font-src 'self'; " +
	"connect-src 'self'; " +
	"worker-src 'self'; " +
	"manifest-src 'self'; " +
	"object-src 'none'; " +
	"base-uri 'none'; " +
	"form-action 'none'; " +
	"frame-ancestors 'none'"

// securityHeaders are set on every response of the server, and written to
// the static build's _headers file.
var securityHeaders = []struct{ Name, Value string }{
	{"Content-Security-Policy", ContentSecurityPolicy},
	{"X-Content-Type-Options", "nosniff"},
	{"Referrer-Policy", "no-referrer"},
	{"Cross-Origin-Opener-Policy", "same-origin"},
	{"Cross-Origin-Resource-Policy", "same-origin"},
	{"X-Frame-Options", "DENY"},
	{"Permissions-Policy", "camera=(), microphone=(), geolocation=()"},
}

// What the page says about the app.
const (
	appName         = "Annotator"
	appTitle        = "Annotator — tag claims, quotes and pledges"
	appDescription  = "Highlight spans of a news article and tag each one as a claim, a quote or a pledge, then export the annotations as JSON. Runs in the browser and works offline."
	appLoadingLabel = "Loading the annotator… {progress}%"
	appThemeColor   = "#1f3a5f" // deep ink blue: the icon's background
	appBackground   = "#f7f6f2" // paper: the page behind the article
)

// The app's files under /web/, by URL path. requiredAssets must exist in the
// web directory: the page links them and the service worker caches them.
const (
	wasmURL         = "/web/app.wasm"
	styleURL        = "/web/app.css"
	scriptURL       = "/web/annotator.js"    // the article's side of the DOM
	sidebarURL      = "/web/sidebar.js"      // the list and the selected annotation's panel
	pageURL         = "/web/page.js"         // files, the clipboard, the labels' styles
	workspaceURL    = "/web/workspace.js"    // the storage's side of the page
	writerURL       = "/web/store-writer.js" // the worker workspace.js starts
	iconSVGURL      = "/web/icon.svg"
	icon192URL      = "/web/icon-192.png"
	icon512URL      = "/web/icon-512.png"
	iconMaskableURL = "/web/icon-maskable-512.png"
)

// appScripts are the page's scripts, each a concern of its own that adds its
// functions to window.annotator; the page loads them deferred, in order.
var appScripts = []string{scriptURL, sidebarURL, pageURL, workspaceURL}

var requiredAssets = append(slices.Clone(appScripts), styleURL, writerURL, iconSVGURL, icon192URL, icon512URL, iconMaskableURL)

// wasmFileName is app.wasm's name in the web directory; its compressed
// variants are wasmFileName+".br" and wasmFileName+".gz".
const wasmFileName = "app.wasm"

var routesOnce sync.Once

// Site is the app as served from one web directory: the built app.wasm
// (with its compressed variants), the other assets, and the go-app handler
// configured for them. It is an http.Handler.
type Site struct {
	webDir  string
	wasm    *wasmFile
	assets  []string             // the other files, relative to webDir, slash-separated, sorted
	files   map[string]assetFile // the assets as Load read them, by name in assets
	version string               // short hex hash of app.wasm, the assets, the loader and the worker
	worker  string               // go-app's app-worker.js template with the annotator's install (worker.go)
	app     *app.Handler
	appJS   []byte // go-app's app.js with the annotator's loader (loader.go)
}

// NewHandler returns the HTTP handler that serves the app from webDir: the
// page, go-app's generated files, the assets under /web/ and a
// pre-compressed app.wasm, all with the security headers.
func NewHandler(webDir string) (http.Handler, error) {
	s, err := Load(webDir, io.Discard)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Load reads webDir, compresses app.wasm (or reuses the compressed files
// cached beside it) and configures the go-app handler. Progress goes to
// log. A webDir without app.wasm is refused with an error that wraps
// ErrNotBuilt.
func Load(webDir string, log io.Writer) (*Site, error) {
	// go-app renders the page of a route on the server too: the routes
	// are the app's own, registered once per process.
	routesOnce.Do(ui.RegisterRoutes)
	if webDir == "" {
		webDir = "."
	}
	wf, err := loadWasm(webDir, log)
	if err != nil {
		return nil, err
	}
	assets, err := listAssets(webDir)
	if err != nil {
		return nil, err
	}
	for _, u := range requiredAssets {
		rel := strings.TrimPrefix(u, "/web/")
		if !slices.Contains(assets, rel) {
			return nil, fmt.Errorf("%s is missing: the page needs it", filepath.Join(webDir, filepath.FromSlash(rel)))
		}
	}
	worker, err := patchWorker(app.DefaultAppWorkerJS)
	if err != nil {
		return nil, err
	}
	files, err := readAssets(webDir, assets)
	if err != nil {
		return nil, err
	}
	s := &Site{webDir: webDir, wasm: wf, assets: assets, files: files, worker: worker}
	s.version = siteVersion(wf, assets, files, worker)
	s.version = s.settingsVersion()
	s.app = s.newAppHandler()
	if s.appJS, err = loadAppJS(s.app); err != nil {
		return nil, err
	}
	return s, nil
}

// newAppHandler returns a fresh go-app handler for the site at the root of
// its origin (a handler initialises itself once, on its first request).
func (s *Site) newAppHandler() *app.Handler { return s.appHandlerAt("") }

// appHandlerAt returns a fresh go-app handler for the site served at base
// (a Base: "" for the root, else "/annotator"): every address on its page,
// in its manifest, its app.js and its service worker starts with base, and
// its version (its service worker's cache) is base's own.
func (s *Site) appHandlerAt(base string) *app.Handler {
	cacheable := make([]string, 0, len(s.assets))
	for _, a := range s.assets {
		cacheable = append(cacheable, (&url.URL{Path: "/web/" + a}).EscapedPath())
	}
	return &app.Handler{
		Name:            appName,
		ShortName:       appName,
		Title:           appTitle,
		Description:     appDescription,
		Lang:            "en",
		ThemeColor:      appThemeColor,
		BackgroundColor: appBackground,
		LoadingLabel:    appLoadingLabel,
		Icon: app.Icon{
			Default:  icon192URL,
			Large:    icon512URL,
			SVG:      iconSVGURL,
			Maskable: iconMaskableURL,
		},
		Styles:  []string{styleURL},
		Scripts: appScripts,
		// Everything in the web directory but app.wasm (which go-app
		// caches itself) is needed offline; icon.svg in particular is not
		// cached by go-app unless it is listed here.
		CacheableResources:    cacheable,
		Resources:             webResolver{http.StripPrefix("/web", http.FileServer(assetFS{http.Dir(s.webDir)})), base},
		ServiceWorkerTemplate: s.worker,
		Version:               versionAt(s.version, base),
		WasmContentLength:     strconv.Itoa(len(s.wasm.raw)),
	}
}

// ServeHTTP serves the app with the security headers on every response.
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	for _, sh := range securityHeaders {
		h.Set(sh.Name, sh.Value)
	}
	// Every answer is a file or the page: nothing takes a body.
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch p := r.URL.Path; p {
	case wasmURL, "/app.wasm", "/goapp.wasm":
		s.wasm.ServeHTTP(w, r)
	case "/robots.txt", "/sitemap.xml", "/ads.txt":
		// go-app would fetch these from http://<Host header>/web/..., on
		// the server, and cache what it got for everyone.
		s.serveRootFile(w, r, p[1:])
	case "/app.js", "/goapp.js":
		s.serveAppJS(w, r)
	case "/app-worker.js", "/wasm_exec.js", "/manifest.webmanifest", "/manifest.json", "/app.css":
		s.app.ServeHTTP(w, r)
	default:
		if name, ok := strings.CutPrefix(p, "/web/"); ok {
			s.serveAsset(w, r, name)
			return
		}
		s.servePage(w, r)
	}
}

func (s *Site) serveRootFile(w http.ResponseWriter, r *http.Request, name string) {
	s.serveAsset(w, r, name)
}

// assetFile is an asset as Load read it: the server serves, and the static
// build writes, the content the version was made from, whatever happens to
// the file on disk later.
type assetFile struct {
	data    []byte
	etag    string
	modTime time.Time
}

// readAssets reads the assets of webDir.
func readAssets(webDir string, assets []string) (map[string]assetFile, error) {
	files := make(map[string]assetFile, len(assets))
	for _, a := range assets {
		p := filepath.Join(webDir, filepath.FromSlash(a))
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(data)
		files[a] = assetFile{data: data, etag: `"` + hex.EncodeToString(sum[:])[:16] + `"`, modTime: st.ModTime()}
	}
	return files, nil
}

// serveAsset serves the asset name (a path relative to the web directory)
// as Load read it, with its own ETag; a name that is not an asset (a
// directory, a dot file, a path with "..") is not found.
func (s *Site) serveAsset(w http.ResponseWriter, r *http.Request, name string) {
	f, ok := s.files[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", f.etag)
	http.ServeContent(w, r, name, f.modTime, bytes.NewReader(f.data))
}

// servePage lets go-app render a page, then removes what it writes for an
// unset Domain (see cleanPage).
func (s *Site) servePage(w http.ResponseWriter, r *http.Request) {
	bw := &bufferedWriter{header: w.Header(), status: http.StatusOK}
	s.app.ServeHTTP(bw, r)
	body := bw.body.Bytes()
	if strings.HasPrefix(bw.header.Get("Content-Type"), "text/html") {
		body = cleanPage(body)
		bw.header.Set("Content-Type", "text/html; charset=utf-8")
		bw.header.Set("Content-Length", strconv.Itoa(len(body)))
	}
	w.WriteHeader(bw.status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// bufferedWriter holds a response's status and body; its header is the
// real response's header.
type bufferedWriter struct {
	header http.Header
	status int
	wrote  bool
	body   bytes.Buffer
}

func (b *bufferedWriter) Header() http.Header { return b.header }

func (b *bufferedWriter) WriteHeader(status int) {
	if !b.wrote {
		b.status, b.wrote = status, true
	}
}

func (b *bufferedWriter) Write(p []byte) (int, error) {
	b.wrote = true
	return b.body.Write(p)
}

// emptyDomainContent matches the content of the meta tags that go-app fills
// with "https://"+Domain+path when Domain is empty (og:url, og:image,
// twitter:image): an address with no host, which is neither useful nor the
// page's own origin. (go-app writes attributes in random order.)
var (
	metaTag            = regexp.MustCompile(`<meta [^<>]*>`)
	emptyDomainContent = regexp.MustCompile(`\scontent="https://(?:/[^"]*)?"`)
)

// cleanPage removes from go-app's page the meta tags that would name an
// address with no host, since the app does not know the domain it is
// served from.
func cleanPage(page []byte) []byte {
	return metaTag.ReplaceAllFunc(page, func(m []byte) []byte {
		if emptyDomainContent.Match(m) {
			return nil
		}
		return m
	})
}

// webResolver tells go-app where the site's files are: the page at base +
// "/", the files of the web directory at base + "/web/", on the same
// origin. (app.LocalDir with a directory makes the client fetch
// "DIR/web/app.wasm", a relative path; go-app's own PrefixedLocation
// gives the page as base without its slash, which a static host
// redirects, so the page cached offline was not the one asked for.)
type webResolver struct {
	http.Handler
	base string // "" or a Base
}

func (r webResolver) Resolve(p string) string {
	switch {
	case p == "" || p == "/":
		return r.base + "/"
	case p == "web" || strings.HasPrefix(p, "web/"):
		return r.base + "/" + p
	case strings.HasPrefix(p, "/") && !strings.HasPrefix(p, "//"):
		return r.base + p
	}
	return p // another origin's
}

// versionAt returns the version of the site at base: the files' version
// at the root, and beside it a tag of base, so that builds at two
// addresses of one origin have caches of their own (the service worker
// deletes only its own earlier ones, worker.go).
func versionAt(version, base string) string {
	if base == "" {
		return version
	}
	sum := sha256.Sum256([]byte(base))
	return hex.EncodeToString(sum[:4]) + "-" + version
}

// assetFS serves the files of the web directory: no directory listings, no
// dot files.
type assetFS struct{ fs http.FileSystem }

func (a assetFS) Open(name string) (http.File, error) {
	for part := range strings.SplitSeq(name, "/") {
		if strings.HasPrefix(part, ".") {
			return nil, fs.ErrNotExist
		}
	}
	f, err := a.fs.Open(name)
	if err != nil {
		return nil, err
	}
	if st, err := f.Stat(); err != nil || st.IsDir() {
		f.Close()
		return nil, fs.ErrNotExist
	}
	return f, nil
}

// listAssets returns the files of webDir other than app.wasm and its
// compressed variants, relative to webDir, slash-separated and sorted. Dot
// files and dot directories are left out.
func listAssets(webDir string) ([]string, error) {
	var assets []string
	err := filepath.WalkDir(webDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == webDir {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(webDir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel == wasmFileName || strings.HasPrefix(rel, wasmFileName+".") {
			return nil
		}
		if st, err := os.Stat(p); err != nil || !st.Mode().IsRegular() {
			return nil // a broken link, a socket...
		}
		assets = append(assets, rel)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the web directory: %w", err)
	}
	slices.Sort(assets)
	return assets, nil
}

// siteVersion is a short hex hash of app.wasm, of every asset's name and
// content, of the loader the server puts in app.js and of the service
// worker's template: a new build, a changed asset, a new loader or a new
// worker gives a new version (so the service worker updates), and
// restarting the same build gives the same one.
func siteVersion(wf *wasmFile, assets []string, files map[string]assetFile, worker string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%x\x00", wasmFileName, wf.sum)
	fmt.Fprintf(h, "loader\x00%x\x00", sha256.Sum256([]byte(loaderJS)))
	fmt.Fprintf(h, "worker\x00%x\x00", sha256.Sum256([]byte(worker)))
	for _, a := range assets {
		fmt.Fprintf(h, "%s\x00%x\x00", a, sha256.Sum256(files[a].data))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// settingsVersion returns the site's version made of the files' one
// (siteVersion) and of what this server says around them: go-app's
// settings for the page and the manifest (the title, the description, the
// colours, the loading label, the icons, the scripts: every field but the
// resolver of the files and the version) and its security headers. They
// are in the server's code, not in a file; a release that changed only
// them kept the version, and an installed app kept its cached page, with
// the old Content-Security-Policy, for good. (The page as rendered is not
// hashed: go-app writes its attributes in a new order each time.)
func (s *Site) settingsVersion() string {
	h := sha256.New()
	fmt.Fprintf(h, "files\x00%s\x00", s.version)
	for _, sh := range securityHeaders {
		fmt.Fprintf(h, "%q\x00%q\x00", sh.Name, sh.Value)
	}
	fmt.Fprintf(h, "%s\x00", handlerSettings(s.newAppHandler()))
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// handlerSettings writes out a's settings, every field but its Resources
// (a resolver of the web directory's files, which siteVersion hashes) and
// its Version.
func handlerSettings(a *app.Handler) string {
	a.Resources, a.Version = nil, ""
	return strings.TrimPrefix(fmt.Sprintf("%#v", a), "&")
}

// Version is the site's version: a short hex hash of app.wasm, of every
// asset and of the server's own settings (settingsVersion), which the
// service worker's cache is named after.
func (s *Site) Version() string { return s.version }

// BestCompression compresses app.wasm with brotli at quality 11 (about a
// minute for the app here), unless a build did it already, and serves that
// from then on; the result is cached beside app.wasm, so that it is made
// once per build. Load serves quality 9 until then. Progress goes to log.
func (s *Site) BestCompression(log io.Writer) error { return s.wasm.bestCompression(log) }

// ErrNotBuilt is wrapped by the error of a web directory that has no
// app.wasm.
var ErrNotBuilt = errors.New("the app is not built")

// notBuiltError says which app.wasm is missing and how to build it.
type notBuiltError struct{ path string }

func (e notBuiltError) Error() string {
	return fmt.Sprintf("%s is missing: build it with 'make web/app.wasm' (or run 'make run')", e.path)
}

func (e notBuiltError) Unwrap() error { return ErrNotBuilt }
