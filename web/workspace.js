// workspace.js: the page's side of the workspace's storage (wasm/idb):
// records read and written in one call each, the worker that writes the
// changes (web/store-writer.js), the lock that keeps a document in one tab,
// the channel that tells the other tabs of a document changed, and the
// scroll position kept for the next start.
//
// The rule it keeps: it knows no rule of the workspace. It moves strings
// and records between Go and the browser's APIs in as few calls across
// syscall/js as it can, and Go decides what they hold.
(function () {
  "use strict";

  // joinJSON returns the "json" strings of IndexedDB records (an array
  // from getAll) in one string, one a line, for wasm/idb: Go would copy
  // each record's string across syscall/js by itself, four calls a record,
  // which on 2,000 annotations was most of their decoding. JSON keeps no
  // raw line break inside a value, so the lines are the records. Returns
  // null when a record holds no JSON string, for Go to say which.
  function joinJSON(records) {
    const out = new Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const j = records[i] && records[i].json;
      if (typeof j !== "string" || j.includes("\n")) return null;
      out[i] = j;
    }
    return out.join("\n");
  }

  // putRecords puts into the object store store a document's annotation
  // records, {doc, id, json}, for wasm/idb: ids is the JSON array of their
  // ids, lines their JSON, one a line, in the same order. One call in
  // place of one record built and put across syscall/js each (2,000 of
  // them made most of an export's import). Throws, having put nothing,
  // when the two do not match.
  function putRecords(store, doc, ids, lines) {
    const keys = JSON.parse(ids);
    const jsons = keys.length === 0 ? [] : lines.split("\n");
    if (keys.length !== jsons.length) throw new Error("putRecords: " + keys.length + " ids for " + jsons.length + " records");
    for (let i = 0; i < keys.length; i++) store.put({doc: doc, id: keys[i], json: jsons[i]});
    return keys.length;
  }

  // startWriter starts web/store-writer.js, the worker that writes
  // wasm/idb's changes off the main thread, from beside this script
  // whatever the app's path; null when the page cannot start workers.
  const scriptURL = document.currentScript ? document.currentScript.src : "";
  function startWriter() {
    if (!scriptURL || typeof Worker !== "function") return null;
    try {
      return new Worker(new URL("store-writer.js", scriptURL));
    } catch (_) {
      return null;
    }
  }

  // The workspace keeps each document in one tab at a time: the tab that
  // opens it holds a Web Lock named after it for as long as it shows it,
  // or has changes of it not yet stored, and a second tab shows it
  // read-only until that lock is free. Go cannot hold a lock itself (the
  // lock lasts as long as a promise its callback returns), hence this
  // helper. A tab may so hold several locks: Go lets each go
  // (unlockDocument) once it no longer shows the document and every
  // change of it is stored.
  const held = new Map(); // id -> {release, cancelled, granted, abort}

  // lockDocument asks for the lock of document id and calls granted(true)
  // at once when it is free, or granted(false) and later granted(true)
  // when the tab that holds it lets it go. Without Web Locks, every tab
  // may write.
  function lockDocument(id, granted) {
    const had = held.get(id);
    if (had && had.granted) {
      granted(true); // opened again in this tab: the lock is still ours
      return;
    }
    unlockDocument(id); // a wait for it, started again
    if (!navigator.locks) {
      granted(true);
      return;
    }
    let release;
    const kept = new Promise((r) => (release = r));
    // The wait is aborted when the tab no longer wants the lock: left in
    // the browser's queue, the request would be granted later to a tab
    // that lets it go at once, and other tabs would wait behind it.
    const abort = typeof AbortController === "function" ? new AbortController() : null;
    const mine = { release, cancelled: false, granted: false, abort };
    held.set(id, mine);
    const name = "annotator-document:" + id;
    navigator.locks.request(name, { ifAvailable: true }, (lock) => {
      if (mine.cancelled) return null;
      if (lock) {
        mine.granted = true;
        granted(true);
        return kept;
      }
      granted(false);
      navigator.locks.request(name, abort ? { signal: abort.signal } : {}, () => {
        if (mine.cancelled) return null;
        mine.granted = true;
        granted(true);
        return kept;
      }).catch(() => {}); // aborted: the tab let the wait go
      return null;
    });
  }

  // unlockDocument lets the lock of document id go, or every lock this
  // tab holds or waits for when id is undefined.
  function unlockDocument(id) {
    const ids = id === undefined ? [...held.keys()] : [id];
    for (const k of ids) {
      const h = held.get(k);
      if (!h) continue;
      h.cancelled = true;
      h.release();
      if (h.abort) h.abort.abort();
      held.delete(k);
    }
  }

  // holdDocument takes the lock of document id, when no other tab holds
  // it (has it open for editing), until the function it resolves to is
  // called; it resolves to null when another tab holds it. The
  // workspace's imports, gold files, deletes and restores hold a document
  // from their check to their write (workspace.Workspace.Hold): only
  // looked at, the lock could be taken by a tab opening the document in
  // between, whose tags the write then replaced. A tab opening it
  // meanwhile waits, read-only, a moment. This tab's own lock is already
  // held: nothing more is taken. Without Web Locks every tab may write.
  function holdDocument(id) {
    const mine = held.get(id);
    if ((mine && mine.granted) || !navigator.locks) return Promise.resolve(() => {});
    return new Promise((resolve) => {
      navigator.locks.request("annotator-document:" + id, { ifAvailable: true }, (lock) => {
        if (!lock) {
          resolve(null);
          return null;
        }
        return new Promise((release) => resolve(() => release()));
      }).catch(() => resolve(null));
    });
  }

  // The workspace's change channel: a tab that writes a change of a
  // document (a tag stored, a rename in its library) tells the other tabs
  // of this browser, so that one showing it shows it as it is now.
  // announceChange(id, change) tells them of document id, with change, the
  // JSON of what the change wrote (or null), which a tab that shows it
  // read-only applies rather than reading the document again;
  // onChange(changed) has changed(id, change) called for each document
  // another tab changed (null: no more). Without BroadcastChannel, another
  // tab sees the change when it opens the document again.
  const changes = typeof BroadcastChannel === "function" ? new BroadcastChannel("annotator-workspace") : null;
  function announceChange(id, change) {
    if (changes) changes.postMessage({ doc: id, change: typeof change === "string" ? change : null });
  }
  function onChange(changed) {
    if (!changes) return;
    changes.onmessage = changed ? (e) => {
      if (e.data && typeof e.data.doc === "string") changed(e.data.doc, typeof e.data.change === "string" ? e.data.change : null);
    } : null;
  }

  // keepScroll remembers where the document shown is read, under key in
  // local storage, a quarter of a second after scrolling stops and as the
  // page goes, so that a reload reopens it there, and so does coming back
  // to it from the library. The place is the code-point offset of the text
  // at the top of the article's view ("at") and how far its line's top is
  // below the view's top ("dy"), which a start scrolls back to the top
  // (app/place.go); and the window's scroll position ("y"), which is used
  // where the offset is not (an earlier version's, no text in view).
  // Found only when written: a scroll fires dozens of events a second.
  let scrollKey = "", scrollDoc = "", scrollOffsetOf = null, scrollTimer = 0;
  window.addEventListener("scroll", () => {
    if (!scrollKey) return;
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(saveScroll, 250);
  }, { passive: true });
  function saveScroll() {
    if (!scrollKey) return;
    const pos = { doc: scrollDoc, y: Math.round(window.scrollY) };
    const place = placeNow();
    if (place) {
      pos.at = place[0];
      pos.dy = place[1];
    }
    try {
      localStorage.setItem(scrollKey, JSON.stringify(pos));
    } catch (e) {
      // Storage refused (a private window): the position is not kept.
    }
  }
  window.addEventListener("pagehide", saveScroll);

  // placeNow returns [offset, dy] of the text at the top of the article's
  // view: web/annotator.js finds its DOM position, and offsetOf (Go's,
  // through the document's text index) its code-point offset. null when
  // there is none, or Go cannot answer (it exited).
  function placeNow() {
    const a = window.annotator;
    if (!scrollOffsetOf || !a.placeAtTop) return null;
    try {
      const p = a.placeAtTop();
      const at = p && scrollOffsetOf(p[0], p[1]);
      return typeof at === "number" && at >= 0 ? [at, p[2]] : null;
    } catch (_) {
      return null;
    }
  }

  // keepScroll with key "" stops keeping it: the library's scrolling is
  // not the article's place, which is written first, as it is left (a
  // scroll of the article a moment before still waited on its timer).
  function keepScroll(key, doc, offsetOf) {
    if (!key && scrollKey) {
      clearTimeout(scrollTimer);
      saveScroll();
    }
    scrollKey = key;
    scrollDoc = doc;
    scrollOffsetOf = key ? offsetOf || null : null;
  }

  // The start's reads. A start that reopens a document waited, after
  // app.wasm's main, for IndexedDB to open and then for each of its
  // reads, while before main the page only compiled app.wasm (130–170 ms
  // on a reload, with nothing else to do). So the reads the last start
  // planned (wasm/idb's PlanStart, kept in local storage under planKey)
  // are made now, as the page loads, in one read-only transaction, and
  // Go takes the opened database and the results at main (takeStart).
  // Which stores and keys is Go's to say: here they are only carried out.
  // Any failure, an upgrade needed included, leaves nothing to take, and
  // Go opens and reads as it would without this.
  const planKey = "annotator.start";
  let start = null; // {text, db, results, over, taker}
  (function readEarly() {
    let text = null, plan = null;
    try {
      text = localStorage.getItem(planKey);
      plan = text && JSON.parse(text);
    } catch (_) {
      return; // no local storage (a private window), or a damaged plan
    }
    if (!plan || typeof plan.name !== "string" || !Array.isArray(plan.reads) || typeof indexedDB === "undefined") return;
    const s = { text, db: null, results: null, over: false, taker: null };
    start = s;
    const finish = (ok) => {
      if (s.over) return;
      s.over = true;
      if (!ok) {
        if (s.db) s.db.close();
        s.db = null;
      }
      if (s.taker) give(s, s.taker);
    };
    let req;
    try {
      req = indexedDB.open(plan.name, plan.version);
    } catch (_) {
      finish(false);
      return;
    }
    // Creating or upgrading the database is Go's (wasm/idb's Open): the
    // upgrade is undone here, and Go's open does it.
    req.onupgradeneeded = () => {
      try {
        req.transaction.abort();
      } catch (_) {
        // Aborted already: the error event follows.
      }
    };
    req.onerror = (e) => {
      e.preventDefault();
      finish(false);
    };
    req.onsuccess = () => {
      const db = (s.db = req.result);
      // Another tab upgrading the database (or the browser closing it)
      // before Go took it: this connection must not hold the upgrade up,
      // and Go gets nothing. Once taken, Go's own handlers replace these.
      const lost = () => {
        db.close();
        s.db = null;
        finish(false);
      };
      db.onversionchange = lost;
      db.onclose = lost;
      try {
        const tx = db.transaction([...new Set(plan.reads.map((r) => r.store))], "readonly");
        const reqs = plan.reads.map((r) => {
          const st = tx.objectStore(r.store);
          switch (r.op) {
            case "get": return st.get(r.key);
            case "count": return st.count(r.key);
            case "getAll": return st.getAll(IDBKeyRange.bound(r.lower, r.upper));
          }
          throw new Error("readEarly: no read " + r.op);
        });
        tx.oncomplete = () => {
          s.results = reqs.map((q) => q.result);
          finish(true);
        };
        tx.onabort = () => finish(false);
      } catch (_) {
        finish(false);
      }
    };
  })();

  // give calls taken with what s read: the database, the plan as it was
  // kept, and the results in the plan's order; or with nothing.
  function give(s, taken) {
    s.taker = null;
    if (s.db && s.results) taken(s.db, s.text, s.results);
    else taken(null);
  }

  // takeStart hands Go, once, the start's database and reads: taken is
  // called at once when they are in, or when they come; with null when
  // there are none (no plan, a failure, a second call).
  function takeStart(taken) {
    const s = start;
    start = null;
    if (!s) taken(null);
    else if (s.over) give(s, taken);
    else s.taker = taken;
  }

  // waitedFor resolves to whether another tab waits for the lock of
  // document id, which this tab holds: a reload lets the lock go, and
  // that tab has it before this one opens the document again, read-only
  // then (app/update.go says so before the reload).
  function waitedFor(id) {
    const mine = held.get(id);
    if (!mine || !mine.granted || !navigator.locks || typeof navigator.locks.query !== "function") return Promise.resolve(false);
    const name = "annotator-document:" + id;
    return navigator.locks.query().then((s) => (s.pending || []).some((p) => p.name === name), () => false);
  }

  // The imports running in this browser's tabs. Each holds the lock
  // "annotator-import:<token>" while it runs, and keeps what it imports
  // (its files' names) in local storage under "annotator:import:<token>",
  // written once the lock is held. A tab reloaded, closed or crashed
  // during an import lets the lock go and leaves the item: the next start
  // of any tab finds it with no lock held, and says that the import
  // stopped (stoppedImports). The tab's own session storage was lost with
  // a crashed or closed tab, and a new tab said nothing of what was
  // not imported.
  const importPrefix = "annotator:import:";
  const imports = new Map(); // token -> {release, ended}

  // importBegan notes an import of what, and returns its token.
  function importBegan(what) {
    const token = Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);
    if (!navigator.locks) return token; // no lock to tell a running import by
    let release;
    const kept = new Promise((r) => (release = r));
    const mine = { release, ended: false };
    imports.set(token, mine);
    navigator.locks.request("annotator-import:" + token, () => {
      if (mine.ended) return null;
      try {
        localStorage.setItem(importPrefix + token, what);
      } catch (e) {} // no local storage: nothing to say at the next start
      return kept;
    }).catch(() => {});
    return token;
  }

  // importEnded notes the end of import token.
  function importEnded(token) {
    const mine = imports.get(token);
    if (!mine) return;
    imports.delete(token);
    mine.ended = true;
    try {
      localStorage.removeItem(importPrefix + token);
    } catch (e) {}
    mine.release();
  }

  // stoppedImports resolves to what the imports that stopped before their
  // end imported (their files' names), each once: those noted, whose
  // lock no tab holds.
  function stoppedImports() {
    let keys = [];
    try {
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        if (k && k.startsWith(importPrefix)) keys.push(k);
      }
    } catch (e) {
      keys = [];
    }
    if (keys.length === 0 || !navigator.locks || typeof navigator.locks.query !== "function") return Promise.resolve([]);
    return navigator.locks.query().then((s) => {
      const held = new Set((s.held || []).map((l) => l.name));
      const out = [];
      for (const k of keys) {
        if (held.has("annotator-import:" + k.slice(importPrefix.length))) continue;
        try {
          const what = localStorage.getItem(k);
          localStorage.removeItem(k);
          if (what !== null) out.push(what);
        } catch (e) {}
      }
      return out;
    }, () => []);
  }

  window.annotator = Object.assign(window.annotator || {}, {
    joinJSON, putRecords, startWriter, lockDocument, unlockDocument, holdDocument, announceChange, onChange, keepScroll,
    takeStart, waitedFor, importBegan, importEnded, stoppedImports,
  });
})();
