// store-writer.js: the worker that writes the open document's changes to
// IndexedDB for wasm/idb (Store.Apply), off the page's main thread.
//
// A change is written after every key press. Written from the page, it
// costs the main thread IndexedDB's own work (a transaction, a structured
// clone of every record, the requests): half a millisecond at the median,
// and spikes of several on a page that holds a long article (BENCH.md).
// Here that work runs on this worker's thread; the page posts one string
// and reads one reply. The worker knows no rule of the workspace: it
// writes the records it is given, and compares the summary's JSON with the
// one the page expects.
//
// Messages from the page, in order:
//   {op: "open", name, version}: open the database, which the page has
//     already opened (and upgraded) at that version.
//   {op: "apply", id, change}: write one change in one transaction. change
//     is JSON: {"stores": [summaries, annotations, steps], "doc": id,
//     "put": [{"key": id, "json": …}, …], "delete": [id, …],
//     "putSteps": [{"key": seq, "json": …}, …], "deleteSteps": [seq, …],
//     "expect": the stored summary's JSON as the page knows it, or null,
//     "summary": the summary to write in its place}; each list may be null.
//     The records are stored as {doc, id, json}, {doc, seq, json} and
//     {id, json}, as the page stores them.
//   {op: "close"}: close the database and end.
// Replies:
//   {id, status: "complete"}: written.
//   {id, status: "missing"}: the document is not stored; nothing written.
//   {id, status: "conflict", stored}: the stored summary's JSON (stored, or
//     null if it has none) is not "expect"; nothing written. The page moves
//     the stored summary and posts the change again.
//   {id, status: "error", name, message}: the browser's error (a full
//     quota, say); nothing written.
//   {op: "gone", message}: this worker cannot write (the database would
//     not open, or was closed under it); the page writes by itself.
"use strict";

let db = null;
let gone = "";
let opened = null;

function fail(message) {
  gone = message;
  db = null;
  postMessage({ op: "gone", message });
}

function open(name, version) {
  opened = new Promise((resolve) => {
    let req;
    try {
      req = indexedDB.open(name, version);
    } catch (e) {
      fail(String(e));
      resolve();
      return;
    }
    req.onupgradeneeded = () => {
      // The page opens the database first; a database to create or upgrade
      // here means another version of it. Write nothing.
      req.transaction.abort();
    };
    req.onsuccess = () => {
      db = req.result;
      db.onversionchange = () => {
        db.close();
        fail("a newer version of the app opened the database");
      };
      db.onclose = () => fail("the browser closed the database");
      resolve();
    };
    req.onerror = () => {
      fail(req.error ? req.error.name + ": " + req.error.message : "the database would not open");
      resolve();
    };
  });
}

function apply(id, change) {
  if (!db) {
    postMessage({ op: "gone", message: gone || "the database is not open" });
    return;
  }
  const reply = { id, status: "error", name: "AbortError", message: "the browser aborted the transaction" };
  let tx;
  try {
    const c = JSON.parse(change);
    const [sumStore, annStore, stepStore] = c.stores;
    tx = db.transaction(c.stores, "readwrite");
    tx.oncomplete = () => postMessage({ id, status: "complete" });
    tx.onabort = () => {
      if (reply.status === "error" && tx.error) {
        reply.name = tx.error.name;
        reply.message = tx.error.message;
      }
      postMessage(reply);
    };
    const sums = tx.objectStore(sumStore);
    const req = sums.get(c.doc);
    req.onsuccess = () => {
      const rec = req.result;
      if (rec === undefined) {
        reply.status = "missing";
        tx.abort();
      } else if (c.expect === null || rec.json !== c.expect) {
        reply.status = "conflict";
        reply.stored = typeof rec.json === "string" ? rec.json : null;
        tx.abort();
      } else {
        sums.put({ id: c.doc, json: c.summary });
      }
    };
    const anns = tx.objectStore(annStore);
    for (const r of c.put || []) anns.put({ doc: c.doc, id: r.key, json: r.json });
    for (const key of c.delete || []) anns.delete([c.doc, key]);
    const steps = tx.objectStore(stepStore);
    for (const r of c.putSteps || []) steps.put({ doc: c.doc, seq: r.key, json: r.json });
    for (const seq of c.deleteSteps || []) steps.delete([c.doc, seq]);
  } catch (e) {
    // A request that threw (a key IndexedDB refuses, say): undo the rest.
    reply.name = (e && e.name) || "Error";
    reply.message = (e && e.message) || String(e);
    if (!tx) {
      postMessage(reply);
      return;
    }
    try {
      tx.abort(); // onabort replies
    } catch (_) {
      postMessage(reply); // already ending
    }
  }
}

onmessage = (e) => {
  const m = e.data;
  switch (m.op) {
    case "open":
      open(m.name, m.version);
      break;
    case "apply":
      // Transactions run in the order they are made, so the changes are
      // written in the order they were posted.
      (opened || Promise.resolve()).then(() => apply(m.id, m.change));
      break;
    case "close":
      (opened || Promise.resolve()).then(() => {
        if (db) db.close();
        db = null;
        close();
      });
      break;
  }
};
