//go:build !wasm

package server

// This file keeps the one change the server makes to go-app's app.js, and
// why: go-app hands WebAssembly.instantiateStreaming a Response it builds
// itself around the downloaded stream (to count the bytes for its progress
// line), and such a Response has no URL. Chromium keeps the machine code it
// compiled for a WebAssembly module in its code cache under the URL of the
// response it came from, so with go-app's loader every start compiled
// app.wasm again. The loader below hands over the fetch() response itself
// and counts the progress on a copy of its body, so a warm start takes the
// compiled code from the cache (wasm/e2e's TestAppCompiledCodeCached).

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
)

// goappLoaderStart begins the function of go-app's app.js that the server
// replaces; it is the last in the file (go-app v10.1.11).
const goappLoaderStart = "async function fetchWithProgress(url, progess) {"

// loaderJS replaces it: the same function, returning the response itself.
const loaderJS = `// The annotator's loader (wasm/server/loader.go): the fetch() response
// itself goes to instantiateStreaming, so that Chromium can keep the
// compiled code in its cache, which it keys by the response's URL; the
// progress is counted on a copy of the body, and stops once the loading
// line says anything else (the error of an app.wasm that did not start).
// A response that is not app.wasm is refused in words that name it.
async function fetchWithProgress(url, progress) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error("The annotator could not be loaded: " + url + " answered " +
      (response.status + " " + response.statusText).trim() + ". Reload the page to try again.");
  }
  let contentLength = goappWasmContentLength;
  if (contentLength <= 0) {
    try {
      contentLength = response.headers.get(goappWasmContentLengthHeader);
    } catch { }
    if (!goappWasmContentLengthHeader || !contentLength) {
      contentLength = response.headers.get("Content-Length");
    }
  }
  const total = parseInt(contentLength, 10);
  const label = document.getElementById("app-wasm-loader-label");
  let shown = label ? label.textContent : "";
  const report = (percent) => {
    if (!label || label.textContent !== shown) {
      return false;
    }
    progress(percent);
    shown = label.textContent;
    return true;
  };
  if (response.body && total > 0) {
    const reader = response.clone().body.getReader();
    (async () => {
      let loaded = 0;
      for (; ;) {
        const { done, value } = await reader.read();
        if (done) {
          report(100);
          return;
        }
        loaded += value.byteLength;
        if (!report(Math.min(100, Math.round((loaded * 100) / total)))) {
          reader.cancel().catch(() => { });
          return;
        }
      }
    })().catch(() => { });
  }
  return response;
}
`

// errLoaderChanged: go-app's app.js no longer has the function the server
// replaces (a new go-app version): the loader must be looked at again.
var errLoaderChanged = errors.New("go-app's app.js has no fetchWithProgress to replace: check wasm/server/loader.go against this go-app version")

// patchLoader returns go-app's app.js with its loader replaced.
func patchLoader(appJS []byte) ([]byte, error) {
	i := bytes.Index(appJS, []byte(goappLoaderStart))
	if i < 0 || bytes.Count(appJS, []byte("fetchWithProgress(")) != 2 ||
		!bytes.HasSuffix(bytes.TrimSpace(appJS), []byte("return res;\n}")) {
		return nil, errLoaderChanged
	}
	out := make([]byte, 0, i+len(loaderJS))
	out = append(out, appJS[:i]...)
	return append(out, loaderJS...), nil
}

// loadAppJS renders go-app's app.js for the handler h and replaces its
// loader.
func loadAppJS(h http.Handler) ([]byte, error) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/app.js", nil))
	if rec.Code != http.StatusOK {
		return nil, errors.New("go-app's app.js: status " + strconv.Itoa(rec.Code))
	}
	return patchLoader(rec.Body.Bytes())
}

// serveAppJS serves app.js with the annotator's loader, with the headers
// go-app gives its files: no-cache, and the version as ETag (which covers
// the loader, see siteVersion).
func (s *Site) serveAppJS(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	etag := `"` + s.version + `"`
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", "application/javascript")
	h.Set("Content-Length", strconv.Itoa(len(s.appJS)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(s.appJS)
	}
}
