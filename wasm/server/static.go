//go:build !wasm

package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/internal/paths"
)

// HeadersFileName is the static build's header rules, in the format of
// Netlify and Cloudflare Pages.
const HeadersFileName = "_headers"

// ErrBase is wrapped by the error of a base address that a static site
// cannot be served at.
var ErrBase = errors.New("not an address for the site")

// Base returns base as WriteStatic takes it: "" for the root of an origin
// ("" or "/"), else the path with one leading slash and none at the end
// ("annotator/" gives "/annotator"). It refuses, with an error that wraps
// ErrBase, what is not a plain path: a scheme or host, a query, "." or ".."
// parts, empty parts, and characters a URL path would have to escape.
func Base(base string) (string, error) {
	b := strings.Trim(base, "/")
	if b == "" {
		return "", nil
	}
	for part := range strings.SplitSeq(b, "/") {
		if part == "" || part == "." || part == ".." {
			return "", fmt.Errorf("%q: %w: give a path such as /annotator (empty, . and .. parts are not allowed)", base, ErrBase)
		}
		for _, r := range part {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-._~", r)) {
				return "", fmt.Errorf("%q: %w: give a path such as /annotator, of letters, digits and - . _ ~ (not %q)", base, ErrBase, r)
			}
		}
	}
	return "/" + b, nil
}

// WriteStatic writes the app as a static site in out, to be served at
// base (see Base: "" is the root of an origin, "/annotator" a project's
// site on GitHub Pages): go-app's page and generated files, the web
// directory's assets, app.wasm with its brotli and gzip variants, and
// _headers. Every address in them starts with base. The site is written in a dot directory
// inside out (on out's file system, even when out is a mount point) and
// then moved into place entry by entry: what an earlier build in out wrote
// is replaced, a file the build does not write there (a CNAME, .git) is
// kept, and a directory that holds no earlier build is left alone and is an
// error.
func (s *Site) WriteStatic(out, base string) error {
	base, err := Base(base)
	if err != nil {
		return err
	}
	outAbs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	webAbs, err := filepath.Abs(s.webDir)
	if err != nil {
		return err
	}
	if paths.Within(outAbs, webAbs) || paths.Within(webAbs, outAbs) {
		return fmt.Errorf("the output directory %s and the web directory %s must not hold one another", out, s.webDir)
	}
	if entries, err := os.ReadDir(outAbs); err == nil {
		if len(entries) > 0 && !isStaticBuild(outAbs) {
			return fmt.Errorf("%s exists and does not hold an earlier build: remove it or choose another -out", out)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.MkdirAll(outAbs, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(outAbs, ".annotator-build-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp) // empty once moved
	if err := s.writeStaticFiles(tmp, base); err != nil {
		return err
	}
	// A root file (robots.txt) that the last build copied from its web/
	// and this one does not write is the last build's: it goes too. (One
	// that differs from the last build's web/ copy is the deploy's own.)
	for _, name := range rootFiles {
		if _, ok := s.files[name]; ok {
			continue
		}
		was, err := os.ReadFile(filepath.Join(outAbs, "web", name))
		if err != nil {
			continue
		}
		if now, err := os.ReadFile(filepath.Join(outAbs, name)); err == nil && bytes.Equal(now, was) {
			if err := os.Remove(filepath.Join(outAbs, name)); err != nil {
				return err
			}
		}
	}
	entries, err := os.ReadDir(tmp)
	if err != nil {
		return err
	}
	for _, e := range entries {
		dst := filepath.Join(outAbs, e.Name())
		if err := os.RemoveAll(dst); err != nil {
			return err
		}
		if err := os.Rename(filepath.Join(tmp, e.Name()), dst); err != nil {
			return err
		}
	}
	return nil
}

// rootFiles are the files that serve answers at the root from the web
// directory, and the static build copies there.
var rootFiles = []string{"robots.txt", "sitemap.xml", "ads.txt"}

func (s *Site) writeStaticFiles(dir, base string) error {
	if err := app.GenerateStaticWebsite(dir, s.appHandlerAt(base)); err != nil {
		return fmt.Errorf("generating the pages: %w", err)
	}
	appJS := s.appJS
	if base != "" {
		var err error
		if appJS, err = loadAppJS(s.appHandlerAt(base)); err != nil {
			return err
		}
		if err := scopeManifest(filepath.Join(dir, "manifest.webmanifest"), base); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "app.js"), appJS, 0o644); err != nil {
		return err
	}
	pages, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil {
		return err
	}
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(p, cleanPage(data), 0o644); err != nil {
			return err
		}
	}
	web := filepath.Join(dir, "web")
	for _, a := range s.assets {
		if err := writeFile(filepath.Join(web, filepath.FromSlash(a)), s.files[a].data); err != nil {
			return err
		}
	}
	// What serve answers at the root from the web directory.
	for _, name := range rootFiles {
		if f, ok := s.files[name]; ok {
			if err := writeFile(filepath.Join(dir, name), f.data); err != nil {
				return err
			}
		}
	}
	br, _ := s.wasm.brotli()
	for name, data := range map[string][]byte{
		wasmFileName:         s.wasm.raw,
		wasmFileName + ".br": br,
		wasmFileName + ".gz": s.wasm.gz,
	} {
		if err := os.WriteFile(filepath.Join(web, name), data, 0o644); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(dir, HeadersFileName), []byte(headersFile(base)), 0o644)
}

// goappScope is the scope go-app's manifest gives the app, whatever its
// address.
const goappScope = `"scope":"/",`

// scopeManifest gives the manifest at name the scope base + "/": an app
// installed from one address of a shared host (example.github.io/annotator/)
// must not claim the host's other sites as its own pages.
func scopeManifest(name, base string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	if bytes.Count(data, []byte(goappScope)) != 1 {
		return fmt.Errorf("go-app's manifest has no %s to set: check wasm/server/static.go against this go-app version", goappScope)
	}
	scope, _ := json.Marshal(base + "/")
	return os.WriteFile(name, bytes.Replace(data, []byte(goappScope), []byte(`"scope":`+string(scope)+`,`), 1), 0o644)
}

// headersFile returns the static build's _headers for a site at base: the
// server's security headers on every path, and the types and caching the
// app relies on.
func headersFile(base string) string {
	var b strings.Builder
	b.WriteString("# The headers that `annotator serve` sends, for Netlify and Cloudflare Pages.\n")
	b.WriteString("# Other static hosts must be configured to send them too.\n")
	b.WriteString(base + "/*\n")
	for _, h := range securityHeaders {
		fmt.Fprintf(&b, "  %s: %s\n", h.Name, h.Value)
	}
	// Nothing is named by its content: let browsers check for a new build
	// (the service worker's cache serves the app offline).
	b.WriteString("  Cache-Control: no-cache\n")
	b.WriteString(base + "/web/app.wasm\n  Content-Type: application/wasm\n")
	b.WriteString(base + "/manifest.webmanifest\n  Content-Type: application/manifest+json\n")
	return b.String()
}

// isStaticBuild reports whether dir holds what WriteStatic writes.
func isStaticBuild(dir string) bool {
	for _, name := range []string{"index.html", "app-worker.js", HeadersFileName} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			return false
		}
	}
	return true
}

func writeFile(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, data, 0o644)
}
