//go:build !wasm

package server

// This file keeps the changes the server makes to go-app's service worker
// (app-worker.js), and why. The first: go-app's worker caches the app in an
// async install listener without event.waitUntil, so the browser counts
// the install as done at once. A worker whose caching failed (one file of
// the many it fetches, the network dropping on a train) was activated all
// the same, with an empty cache (cache.addAll adds all or nothing), it
// deleted the previous version's cache on activation, and it was never
// installed again, since its script had not changed: the app then never
// started offline, and the page was not told. Holding the install open
// makes a failed install fail, so that the previous worker and its cache
// stay and the next visit installs again; and a new version is activated,
// and offered, only once it is cached whole
// (wasm/e2e's TestAppOfflineAfterFailedInstall).
//
// The activate listener stays go-app's, not held open: app.js offers an
// update when a new worker is "activated" while the page has a controller,
// and a first worker that held activation open until clients.claim() had
// given the page one would offer the first visit an update.
//
// The second: go-app's worker answers from its cache a request for exactly
// a URL it cached. The page is cached as "/", so offline the app did not
// start at "/?utm_source=mail" (a shared link, a bookmark made of one):
// the browser showed its own error page. A page's query string is now
// left out of the match; the app keeps its state in storage, not in the
// URL (app/routes.go), so every query asks for the one page
// (wasm/e2e's TestAppOfflineWithAQuery).
//
// The third: go-app's activation deleted every other cache of the origin,
// another app's too (a build of the annotator at another address of one
// static host, or another go-app app there), which then no longer started
// offline. It deletes only its own earlier caches now.
//
// The fourth: go-app's install fetched the files it caches through the
// browser's HTTP cache. A host that lets the browser keep files (GitHub
// Pages sends max-age=600 and reads no _headers; a plain server sends
// Last-Modified, which a browser keeps for a tenth of the file's age) then
// gave a new build's worker the previous build's files, cached under the
// new version until the next build. It revalidates each with the server
// now (a 304 when unchanged)
// (wasm/e2e's TestStaticBuildUpdateOnACachingHost).

import (
	"errors"
	"strings"
)

// goappInstallListener is go-app's (v10.1.11) install listener, which
// workerInstall replaces.
const goappInstallListener = `self.addEventListener("install", async (event) => {
  try {
    console.log("installing app worker {{.Version}}");
    await installWorker();
    await self.skipWaiting();
  } catch (error) {
    console.error("error during installation:", error);
  }
});`

// workerInstall holds the install open until the whole app is cached: a
// worker that could not cache it is not installed, and the browser tries
// again on the next visit.
const workerInstall = `// The annotator's install (wasm/server/worker.go): held open until the
// whole app is cached, so that a worker that could not cache it is not
// installed, and is tried again on the next visit.
self.addEventListener("install", (event) => {
  console.log("installing app worker {{.Version}}");
  event.waitUntil(installWorker().then(() => self.skipWaiting()));
});`

// goappDeleteTest is go-app's (v10.1.11) test of which caches its
// activation deletes: every other one of the origin. workerDeleteTest
// replaces it.
const goappDeleteTest = `      if (key !== cacheName) {`

// workerDeleteTest deletes only this app's earlier caches at this address:
// their names differ from cacheName in the 16 hex digits of the files'
// version alone (versionAt). Another app of the origin (a build of the
// annotator at another address, another go-app app) keeps its cache, and
// so works offline still.
const workerDeleteTest = `      // The annotator's (wasm/server/worker.go): only this app's
      // earlier caches at this address.
      const own = (name) => name.replace(/[0-9a-f]{16}$/, "");
      if (key !== cacheName && /[0-9a-f]{16}$/.test(key) && own(key) === own(cacheName)) {`

// goappCacheMatch is go-app's (v10.1.11) look into its cache, which
// workerCacheMatch replaces.
const goappCacheMatch = `  const cachedResponse = await caches.match(request);`

// workerCacheMatch takes a page asked for with a query string from the
// cache of the page without it.
const workerCacheMatch = `  // The annotator's (wasm/server/worker.go): a page asked for with a
  // query string is the one page the cache holds under its path alone.
  // Its index.html, which a static host serves and a bookmark may name,
  // is the page of its folder.
  const navigate = request.mode === "navigate";
  const cachedResponse = (await caches.match(request, {ignoreSearch: navigate})) ||
    (navigate && /\/index\.html$/.test(new URL(request.url).pathname) ?
      (await caches.match(new URL("./", request.url).href, {ignoreSearch: true})) ||
      (await caches.match(new URL(".", request.url).href.replace(/\/$/, ""), {ignoreSearch: true})) : undefined);`

// goappAddAll is go-app's (v10.1.11) caching of the app, which workerAddAll
// replaces.
const goappAddAll = `  await cache.addAll(resourcesToCache);`

// workerAddAll asks the server for every file, not the HTTP cache.
const workerAddAll = `  // The annotator's (wasm/server/worker.go): each file as the server
  // has it now, not as the browser's HTTP cache kept it.
  await cache.addAll(resourcesToCache.map((url) => new Request(url, {cache: "no-cache"})));`

// errWorkerChanged: go-app's app-worker.js no longer has the code the
// server replaces (a new go-app version): look at worker.go again.
var errWorkerChanged = errors.New("go-app's app-worker.js lacks code the server replaces (its install listener, its deletion of old caches, its cache match, its caching of the app): check wasm/server/worker.go against this go-app version")

// patchWorker returns go-app's worker template with its install listener
// its deletion of earlier caches and its cache match replaced.
func patchWorker(tmpl string) (string, error) {
	for _, r := range [][2]string{{goappInstallListener, workerInstall}, {goappDeleteTest, workerDeleteTest}, {goappCacheMatch, workerCacheMatch}, {goappAddAll, workerAddAll}} {
		if strings.Count(tmpl, r[0]) != 1 {
			return "", errWorkerChanged
		}
		tmpl = strings.Replace(tmpl, r[0], r[1], 1)
	}
	return tmpl, nil
}
