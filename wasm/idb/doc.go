// Package idb keeps a workspace in the browser's IndexedDB: Store
// implements workspace.Store, and Persist and Estimate ask the browser to
// keep the site's storage and how much of it is used.
//
// # The binding
//
// The package calls IndexedDB through syscall/js directly rather than
// through a typed binding such as github.com/hack-pad/go-indexeddb. The
// store needs a handful of calls (open, transaction, get, getAll, getKey,
// count, put, delete, abort and IDBKeyRange.bound), and written directly
// each method is one transaction whose every request is issued before Go
// waits, which is the one rule below; a binding wraps each request in
// promises and goroutines that make the rule harder to see kept. It also
// weighs less (see Size).
//
// # The rule: one transaction, never a wait inside it
//
// An IndexedDB transaction commits itself as soon as the code that opened
// it returns to the browser's event loop with no request pending, and Go
// compiled to WebAssembly returns to the event loop whenever every
// goroutine is blocked: on a channel, a select, a mutex. So every method
// of Store is one transaction, and it issues all its requests without
// blocking. Where a write depends on a read in the same transaction (Apply
// rewrites the summary it reads, PutSummary and DeleteDocument check that
// the document is there), the write is issued from the read request's
// success callback, a js.Func that runs synchronously while the
// transaction is active and never blocks; to refuse (ErrNoDocument) the
// callback aborts the transaction, so that nothing is written. Go waits
// only for the transaction's complete or abort event, then reads the
// requests' results, and releases every js.Func it made.
//
// # The writer
//
// The write made after every change, Apply, runs off the page's main
// thread: Open starts web/store-writer.js, a worker with a connection of
// its own (through web/workspace.js's startWriter, which finds it beside
// itself), and Apply encodes the change, posts it as one string and waits
// for the answer. IndexedDB's own work for a change (the transaction, a
// structured clone of every record, the requests) then costs the worker's
// thread, not the page's. The summary the change moves is written by
// compare-and-swap: Apply moves the summary this Store last read or wrote
// (workspace.Change.Update, the one rule, stays in Go), and the worker
// writes it only if the stored JSON is still the one Apply expected;
// otherwise (another tab renamed the document, say) it writes nothing and
// answers with the stored summary, which Apply moves and posts again.
// Without the worker (no script on the page, no workers, its script not
// loaded), or with a worker that goes away, Apply writes from the page as
// the other methods do, so that a change is never left unwritten.
//
// # The start's reads
//
// A start that reopens a document waited, after app.wasm's main, for the
// database to open and then for each read, while before main the page
// only compiled app.wasm. PlanStart keeps in local storage the reads that
// reopening a document makes (by store and key, as this package makes
// them); as the next page loads, web/workspace.js's readEarly opens the
// database and makes them in one read-only transaction, and Open takes
// the database and the results (start.go). They answer the store's first
// reads until it is asked anything else; a read the plan does not name,
// a plan of another version, or any failure on the page's side (no
// database yet: its creation is undone) leaves Open and the reads to do
// what they do without it.
//
// # Layout
//
// The database (version 1) has five object stores: meta (out-of-line keys
// "layout" and "settings"), summaries (key "id"), bodies (key "id", index
// "textSha256"), annotations (key ["doc", "id"]) and steps (key ["doc",
// "seq"]). Each record is a small object of its key fields and a "json"
// string, the record's Go JSON: one string crosses syscall/js faster than
// an object built field by field. A body keeps its HTML and text as two
// strings beside the JSON of the rest (decoding 700 KB of escaped JSON
// cost a long article's reopening tens of milliseconds); a body whose JSON
// holds them, as the first builds wrote, reads as well. A body also keeps
// its text's index (annotate.Document.IndexData) as a Uint8Array, "index",
// when it has one. A document's annotations and steps are the key range
// IDBKeyRange.bound([doc], [doc, []]), deleted without being read. The
// annotations of a document are read back through web/workspace.js's
// joinJSON when the page has it, which joins their JSON strings into one
// (a string copied across syscall/js per record cost most of a reopening);
// without it they are read one by one. They are written the same way, in
// one call of web/workspace.js's putRecords, which takes their ids and
// their JSON as two strings and puts the records (2,000 records built and
// put one by one across syscall/js were most of an export's import).
//
// # Errors
//
// Failures are *Error values naming the operation and the browser's
// DOMException. Those a caller can act on wrap ErrUnavailable (no
// IndexedDB, or the browser refused to open it), ErrQuota (the site's
// storage is full) or ErrClosed (a newer version of the app, in another
// tab, upgraded the database, so this tab's connection was closed).
//
// # Size
//
// What a package adds to app.wasm (GOOS=js GOARCH=wasm go build -trimpath
// -ldflags='-s -w' of ./wasm's main with the package blank-imported; Go
// 1.26; app.wasm is 11,905,946 bytes, 2,705,981 with brotli -q 9 and
// 3,230,781 with gzip -9):
//
//	                               raw        gzip -9    brotli -q 9
//	this package (blank import)    +10,155    +2,195     -1,228
//	this package (Open, Persist,   +10,386    -1,150     -1,338
//	  Estimate called)
//	hack-pad/go-indexeddb v0.3.2   +36,675    +6,179     -2,319
//	  (blank import)
//	hack-pad/go-indexeddb v0.3.2   +36,748    +5,779     -1,824
//	  (open, put, get, getAll, count, index)
//
// Compressed, the difference is lost in the noise of how the linker lays
// out the rest (brotli comes out smaller with either); raw, this package
// costs about 10 KB, the binding with its safejs dependency about 37 KB.
// A blank import of this package keeps nearly all of it, as the
// workspace.Store assertion keeps every method.
//
// The package builds only for js/wasm; on other platforms it has only this
// documentation and the errors, so that native tools see it.
package idb
