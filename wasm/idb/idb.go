//go:build js && wasm

package idb

// This file keeps the one rule of IndexedDB from Go (see the package
// documentation): each method is one transaction whose requests are all
// issued before Go waits, and Go waits only for the transaction's end.
// Writes that depend on a read are issued from the read's success
// callback, which never blocks.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"syscall/js"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/workspace"
)

// version is the version of the database's layout of object stores.
const version = 1

// The object stores.
const (
	metaStore       = "meta"
	summaryStore    = "summaries"
	bodyStore       = "bodies"
	annotationStore = "annotations"
	stepStore       = "steps"
	textIndex       = "textSha256"
	layoutKey       = "layout"
	settingsKey     = "settings"
	readonly        = "readonly"
	readwrite       = "readwrite"
)

// noDocumentReason formats ErrNoDocument as workspace.Memory does.
const noDocumentReason = "document %s: %w"

// Store is a workspace kept in an IndexedDB database. Its methods may be
// called from several goroutines; each is one transaction.
type Store struct {
	name string
	db   js.Value
	// closed holds the error every call returns once the database is
	// closed: by Close, by a newer version of the app, or by the browser.
	closed atomic.Pointer[error]
	funcs  []js.Func
	// summaries are those this Store last read or wrote, for Apply.
	summaries knownSummaries
	// writer writes Apply's changes off the main thread; nil without it.
	writer *writer
	// early answers the start's first reads (start.go).
	early earlyReads
}

// Store implements workspace.Store; its methods do what Store's say.
var (
	_ workspace.Store      = (*Store)(nil)
	_ workspace.ManyWriter = (*Store)(nil)
)

// Open opens the IndexedDB database name, creating it or upgrading it to
// the layout this package writes. It fails with ErrUnavailable when the
// browser offers no IndexedDB or refuses to open it, ErrQuota when the
// site's storage is full, and ErrClosed when a newer version of the app has
// upgraded the database or another tab blocks the upgrade.
func Open(name string) (*Store, error) {
	op := "open the database " + name
	factory, err := indexedDB(op)
	if err != nil {
		return nil, err
	}
	if db, reads, ok := takeStart(name); ok {
		// Opened, and the start's reads made, as the page loaded.
		s := &Store{name: name, db: db}
		s.early.reads = reads
		mark("idb:opened-early")
		return s.opened(), nil
	}
	var req js.Value
	if err := try(func() { req = factory.Call("open", name, version) }); err != nil {
		return nil, openError(op, err)
	}

	type result struct {
		db  js.Value
		err error
	}
	done := make(chan result, 1)
	var (
		funcs      []js.Func
		gaveUp     bool  // set when blocked: a later success closes the db
		upgradeErr error // what went wrong creating the object stores
	)
	release := func() {
		for _, f := range funcs {
			f.Release()
		}
	}
	on := func(event string, f func(ev js.Value)) {
		fn := js.FuncOf(func(this js.Value, args []js.Value) any {
			var ev js.Value
			if len(args) > 0 {
				ev = args[0]
			}
			f(ev)
			return nil
		})
		funcs = append(funcs, fn)
		req.Set("on"+event, fn)
	}
	on("upgradeneeded", func(ev js.Value) {
		if err := try(func() { upgrade(req.Get("result"), ev.Get("oldVersion").Int()) }); err != nil {
			upgradeErr = err
			_ = try(func() { req.Get("transaction").Call("abort") })
		}
	})
	on("success", func(js.Value) {
		db := req.Get("result")
		if gaveUp {
			_ = try(func() { db.Call("close") })
			release()
			return
		}
		done <- result{db: db}
	})
	on("error", func(ev js.Value) {
		err := errorOf(req.Get("error"))
		if upgradeErr != nil {
			err = upgradeErr
		}
		if gaveUp {
			release()
			return
		}
		done <- result{err: openError(op, err)}
	})
	on("blocked", func(js.Value) {
		gaveUp = true
		done <- result{err: &Error{Op: op, Name: "blocked",
			Message: "another tab keeps the database open with an older version of the app; close it", kind: ErrClosed}}
	})
	r := <-done
	if r.err != nil {
		if !gaveUp {
			release()
		}
		return nil, r.err
	}
	release()
	return (&Store{name: name, db: r.db}).opened(), nil
}

// opened sets up s, whose database is open: its handlers, its writer.
func (s *Store) opened() *Store {
	name := s.name
	s.watchEvent("versionchange", func(ev js.Value) {
		_ = try(func() { s.db.Call("close") })
		// A deletion (indexedDB.deleteDatabase, from another tab or a
		// tool) is a version change to no version at all: not a newer
		// version of the app.
		deleted := false
		_ = try(func() { deleted = ev.Get("newVersion").IsNull() })
		if deleted {
			s.setClosed(&Error{Op: "use the database " + name, Name: "deleted",
				Message: "it was deleted, in another tab or by the browser", kind: ErrClosed})
			return
		}
		s.setClosed(&Error{Op: "use the database " + name, Name: "versionchange",
			Message: "another tab opened it with a newer version of the app", kind: ErrClosed})
	})
	s.watch("close", func() {
		s.setClosed(&Error{Op: "use the database " + name, Name: "close",
			Message: "the browser closed it (the site's data may have been cleared)", kind: ErrClosed})
	})
	s.writer = startWriter(name, version)
	return s
}

// upgrade creates the object stores a database of version old lacks.
func upgrade(db js.Value, old int) {
	if old < 1 {
		db.Call("createObjectStore", metaStore)
		db.Call("createObjectStore", summaryStore, map[string]any{"keyPath": "id"})
		bodies := db.Call("createObjectStore", bodyStore, map[string]any{"keyPath": "id"})
		bodies.Call("createIndex", textIndex, textIndex)
		db.Call("createObjectStore", annotationStore, map[string]any{"keyPath": []any{"doc", "id"}})
		db.Call("createObjectStore", stepStore, map[string]any{"keyPath": []any{"doc", "seq"}})
	}
}

// watch calls f on the database's event, until Close.
func (s *Store) watch(event string, f func()) {
	s.watchEvent(event, func(js.Value) { f() })
}

// watchEvent calls f with the database's event, until Close.
func (s *Store) watchEvent(event string, f func(ev js.Value)) {
	fn := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ev := js.Undefined()
		if len(args) > 0 {
			ev = args[0]
		}
		f(ev)
		return nil
	})
	s.funcs = append(s.funcs, fn)
	s.db.Set("on"+event, fn)
}

func (s *Store) setClosed(err error) {
	s.early.end() // closed: no call is answered, not even from the start's reads
	s.closed.CompareAndSwap(nil, &err)
}

// Close closes the database. Every later call returns ErrClosed.
func (s *Store) Close() {
	s.setClosed(&Error{Op: "use the database " + s.name, Message: "the store was closed", kind: ErrClosed})
	if s.writer != nil {
		s.writer.close()
	}
	_ = try(func() { s.db.Call("close") })
	for _, f := range s.funcs {
		f.Release()
	}
	s.funcs = nil
	s.db.Set("onversionchange", js.Null())
	s.db.Set("onclose", js.Null())
}

// Delete deletes the IndexedDB database name, with everything in it. It
// waits until the browser has deleted it; it fails with ErrClosed when a
// connection to the database stays open in another tab.
func Delete(name string) error {
	op := "delete the database " + name
	factory, err := indexedDB(op)
	if err != nil {
		return err
	}
	var req js.Value
	if err := try(func() { req = factory.Call("deleteDatabase", name) }); err != nil {
		return asError(op, err, nil)
	}
	done := make(chan error, 1)
	var funcs []js.Func
	gaveUp := false
	release := func() {
		for _, f := range funcs {
			f.Release()
		}
	}
	on := func(event string, f func()) {
		fn := js.FuncOf(func(js.Value, []js.Value) any { f(); return nil })
		funcs = append(funcs, fn)
		req.Set("on"+event, fn)
	}
	settle := func(err error) {
		if gaveUp {
			release()
			return
		}
		done <- err
	}
	on("success", func() { settle(nil) })
	on("error", func() { settle(asError(op, errorOf(req.Get("error")), nil)) })
	on("blocked", func() {
		gaveUp = true
		done <- &Error{Op: op, Name: "blocked", Message: "a connection to it stays open", kind: ErrClosed}
	})
	err = <-done
	if !gaveUp {
		release()
	}
	return err
}

// indexedDB returns the page's IDBFactory, or ErrUnavailable.
func indexedDB(op string) (js.Value, error) {
	var f js.Value
	// Reading indexedDB throws a SecurityError in some sandboxed frames.
	if err := try(func() { f = js.Global().Get("indexedDB") }); err != nil {
		return js.Value{}, openError(op, err)
	}
	if f.IsUndefined() || f.IsNull() {
		return js.Value{}, &Error{Op: op, Message: "this browser offers no IndexedDB", kind: ErrUnavailable}
	}
	return f, nil
}

// openError classifies a failure to open: a full storage is ErrQuota, a
// database of a newer version ErrClosed, anything else ErrUnavailable.
func openError(op string, err error) error {
	e := asError(op, err, ErrUnavailable)
	if e, ok := e.(*Error); ok {
		switch e.Name {
		case "QuotaExceededError":
			e.kind = ErrQuota
		case "VersionError":
			e.kind = ErrClosed
			e.Message += " (a newer version of the app has upgraded the database)"
		}
	}
	return e
}

// domException is an exception or error value from JavaScript.
type domException struct{ name, message string }

func (e domException) Error() string { return e.name + ": " + e.message }

// errorOf reads a DOMException (or any thrown value).
func errorOf(v js.Value) error {
	if v.Type() != js.TypeObject {
		if v.IsUndefined() || v.IsNull() {
			return domException{"UnknownError", "the browser gave no reason"}
		}
		return domException{"Error", v.String()}
	}
	name, msg := v.Get("name"), v.Get("message")
	e := domException{"Error", ""}
	if name.Type() == js.TypeString {
		e.name = name.String()
	}
	if msg.Type() == js.TypeString {
		e.message = msg.String()
	} else {
		e.message = v.Call("toString").String()
	}
	return e
}

// asError makes err an *Error of op: a DOMException keeps its name; a
// QuotaExceededError is ErrQuota whatever kind says.
func asError(op string, err error, kind error) error {
	switch e := err.(type) {
	case *Error:
		return e
	case domException:
		if e.name == "QuotaExceededError" {
			kind = ErrQuota
		}
		return &Error{Op: op, Name: e.name, Message: e.message, kind: kind}
	}
	return fmt.Errorf("IndexedDB: %s: %w", op, err)
}

// try runs f, returning a JavaScript exception thrown in it as a
// domException instead of a panic.
func try(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			je, ok := r.(js.Error)
			if !ok {
				panic(r)
			}
			err = errorOf(je.Value)
		}
	}()
	f()
	return nil
}

// tx is one transaction: its requests, the callbacks it made, and how it
// ended.
type tx struct {
	s     *Store
	op    string
	v     js.Value
	funcs []js.Func
	done  chan struct{}
	// Set by callbacks before done is signalled, read after.
	aborted bool
	refused error // the store aborted on purpose, with this error
	failed  error // a callback failed, and aborted
}

// begin starts a transaction over stores. Nothing may block between begin
// and wait.
func (s *Store) begin(op, mode string, stores ...string) (*tx, error) {
	if err := s.closed.Load(); err != nil {
		return nil, fmt.Errorf("%s: %w", op, *err)
	}
	s.early.end() // asked of IndexedDB: the start's reads are over
	t := &tx{s: s, op: op, done: make(chan struct{}, 1)}
	names := make([]any, len(stores))
	for i, n := range stores {
		names[i] = n
	}
	if err := try(func() { t.v = s.db.Call("transaction", names, mode) }); err != nil {
		if cerr := s.closed.Load(); cerr != nil {
			return nil, fmt.Errorf("%s: %w", op, *cerr)
		}
		return nil, asError(op, err, nil)
	}
	t.on(t.v, "complete", func(js.Value) { t.done <- struct{}{} })
	t.on(t.v, "abort", func(js.Value) {
		t.aborted = true
		t.done <- struct{}{}
	})
	return t, nil
}

// on sets target's handler of event to f, released when the transaction
// ends.
func (t *tx) on(target js.Value, event string, f func(this js.Value)) {
	fn := js.FuncOf(func(this js.Value, _ []js.Value) any {
		f(this)
		return nil
	})
	t.funcs = append(t.funcs, fn)
	target.Set("on"+event, fn)
}

// store returns the transaction's object store name.
func (t *tx) store(name string) js.Value { return t.v.Call("objectStore", name) }

// refuse aborts the transaction from a callback, so that nothing is
// written, and makes wait return err.
func (t *tx) refuse(err error) {
	t.refused = err
	_ = try(func() { t.v.Call("abort") })
}

// fail aborts the transaction from a callback that met err.
func (t *tx) fail(err error) {
	t.failed = err
	_ = try(func() { t.v.Call("abort") })
}

// issue runs f, which issues the transaction's requests; a request that
// throws aborts the transaction, and wait returns its error.
func (t *tx) issue(f func()) {
	if err := try(f); err != nil {
		t.fail(asError(t.op, err, nil))
	}
}

// wait waits for the transaction to end, releases its callbacks, and
// returns why it was aborted, if it was.
func (t *tx) wait() error {
	<-t.done
	for _, f := range t.funcs {
		f.Release()
	}
	t.funcs = nil
	switch {
	case t.refused != nil:
		return t.refused
	case t.failed != nil:
		return t.failed
	case !t.aborted:
		return nil
	}
	if err := t.s.closed.Load(); err != nil {
		return fmt.Errorf("%s: %w", t.op, *err)
	}
	var e js.Value
	_ = try(func() { e = t.v.Get("error") })
	if e.IsNull() || e.IsUndefined() {
		return &Error{Op: t.op, Name: "AbortError", Message: "the browser aborted the transaction"}
	}
	return asError(t.op, errorOf(e), nil)
}

// result returns a finished request's result.
func result(req js.Value) js.Value { return req.Get("result") }

// encode returns v's JSON, HTML characters unescaped (they would take six
// bytes each in a document's body).
func encode(v any) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// decode reads the JSON of a stored record into v.
func decode(op string, rec js.Value, v any) error {
	j := rec.Get("json")
	if j.Type() != js.TypeString {
		return fmt.Errorf("IndexedDB: %s: a stored record has no JSON: %w", op, workspace.ErrRecord)
	}
	if err := decodeJSON([]byte(j.String()), v); err != nil {
		return fmt.Errorf("IndexedDB: %s: %w: %v", op, workspace.ErrDamaged, err)
	}
	return nil
}

// decodeJSON decodes a stored record's JSON into v as json.Unmarshal does,
// without reflection for the records a start reads (the layout, the
// settings, a document's body and steps: annotate.DecodeRecord), so that a
// start in a new renderer process need not compile encoding/json's
// decoder.
func decodeJSON(data []byte, v any) error {
	switch v := v.(type) {
	case *int:
		return annotate.DecodeRecord(data, v, func(r *annotate.RecordReader, n *int) { *n = r.Int() })
	case *workspace.Settings:
		return workspace.DecodeSettings(data, v)
	case *workspace.Body:
		return workspace.DecodeBody(data, v)
	case *workspace.Summary:
		return workspace.DecodeSummary(data, v)
	case *annotate.Step:
		return annotate.DecodeStep(data, v)
	case *annotate.Annotation:
		return annotate.DecodeAnnotation(data, v)
	}
	return json.Unmarshal(data, v)
}

// docRange is the key range of a document's annotations or steps: every
// key [doc, x], as arrays sort after strings and numbers.
func docRange(doc string) js.Value {
	lower, upper := docBounds(doc)
	return js.Global().Get("IDBKeyRange").Call("bound", lower, upper)
}

// docBounds are docRange's bounds.
func docBounds(doc string) (lower, upper []any) { return []any{doc}, []any{doc, []any{}} }

func (s *Store) Layout() (int, error) {
	var v int // 0 when never written
	_, err := s.getMeta("read the layout version", layoutKey, &v)
	return v, err
}

func (s *Store) SetLayout(v int) error {
	return s.putMeta(fmt.Sprintf("write the layout version %d", v), layoutKey, v)
}

func (s *Store) Settings() (workspace.Settings, error) {
	var set workspace.Settings
	_, err := s.getMeta("read the settings", settingsKey, &set)
	set.Schema = set.Schema.Clone()
	return set, err
}

func (s *Store) PutSettings(set workspace.Settings) error {
	return s.putMeta("write the settings", settingsKey, set)
}

// EditSettings reads the settings and writes them back with what e sets
// in one transaction: the put is issued from the read's success, so that
// another tab's change of them is either before both or after both.
func (s *Store) EditSettings(e workspace.SettingsEdit) error {
	const op = "write the settings"
	t, err := s.begin(op, readwrite, metaStore)
	if err != nil {
		return err
	}
	t.issue(func() {
		meta := t.store(metaStore)
		req := meta.Call("get", settingsKey)
		t.on(req, "success", func(js.Value) {
			var set workspace.Settings
			if r := result(req); !r.IsUndefined() {
				if err := decode(op, r, &set); err != nil {
					t.fail(err)
					return
				}
			}
			j, err := encode(e.Apply(set))
			if err != nil {
				t.fail(fmt.Errorf("%s: %w", op, err))
				return
			}
			t.issue(func() { meta.Call("put", map[string]any{"json": j}, settingsKey) })
		})
	})
	return t.wait()
}

// getMeta reads the meta record key into v.
func (s *Store) getMeta(op, key string, v any) (bool, error) {
	var r js.Value
	if got, ok := s.early.take(getRead(metaStore, key)); ok {
		r = got[0]
	} else {
		t, err := s.begin(op, readonly, metaStore)
		if err != nil {
			return false, err
		}
		var req js.Value
		t.issue(func() { req = t.store(metaStore).Call("get", key) })
		if err := t.wait(); err != nil {
			return false, err
		}
		r = result(req)
	}
	if r.IsUndefined() {
		return false, nil
	}
	return true, decode(op, r, v)
}

// putMeta writes v as the meta record key.
func (s *Store) putMeta(op, key string, v any) error {
	j, err := encode(v)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	t, err := s.begin(op, readwrite, metaStore)
	if err != nil {
		return err
	}
	t.issue(func() { t.store(metaStore).Call("put", map[string]any{"json": j}, key) })
	return t.wait()
}

// summaryRecord returns the stored form of sum, and its JSON.
func summaryRecord(sum workspace.Summary) (map[string]any, summaryJSON, error) {
	j, err := encode(sum)
	if err != nil {
		return nil, summaryJSON{}, fmt.Errorf("document %s: %w", sum.ID, err)
	}
	return map[string]any{"id": sum.ID, "json": j}, summaryJSON{sum: sum, json: j}, nil
}

// annotationRecords returns the stored form of a document's annotations,
// or ErrRecord for one without an id.
func annotationRecords(doc string, anns []annotate.Annotation) ([]any, error) {
	jsons, err := annotationJSON(doc, anns)
	if err != nil {
		return nil, err
	}
	recs := make([]any, len(anns))
	for i, a := range anns {
		recs[i] = map[string]any{"doc": doc, "id": a.ID, "json": jsons[i]}
	}
	return recs, nil
}

// annotationJSON returns the stored JSON of a document's annotations, or
// ErrRecord for one without an id.
func annotationJSON(doc string, anns []annotate.Annotation) ([]string, error) {
	out := make([]string, len(anns))
	var buf []byte
	for i, a := range anns {
		if a.ID == "" {
			return nil, fmt.Errorf("an annotation without an id in document %s: %w", doc, workspace.ErrRecord)
		}
		// What encode writes, without its reflection (150 ms for an
		// export's 2,000 annotations here).
		var err error
		if buf, err = annotate.AppendAnnotationJSON(buf[:0], a); err != nil {
			return nil, fmt.Errorf("annotation %s of document %s: %w", a.ID, doc, err)
		}
		out[i] = string(buf)
	}
	return out, nil
}

func (s *Store) PutDocument(r workspace.DocumentRecord, anns []annotate.Annotation) error {
	d, err := documentRecords(r, anns)
	if err != nil {
		return err
	}
	t, err := s.begin("write document "+r.ID, readwrite, summaryStore, bodyStore, annotationStore, stepStore)
	if err != nil {
		return err
	}
	t.issue(func() { d.put(t) })
	return s.wrote(t, r.ID, d.stored)
}

// PutDocuments writes the new documents of docs as PutDocument writes
// each, in one transaction: a batch import's few dozen articles cost
// IndexedDB one commit, not one each. On an error nothing is written. The
// transaction first looks for each document, by its id and by its text,
// and writes only those it does not find, from the success of the last
// look: the requests of a transaction are answered in order, so that every
// look has its answer by then (see workspace.ManyWriter).
func (s *Store) PutDocuments(docs []workspace.NewDocument) ([]string, error) {
	if len(docs) == 0 {
		return nil, nil
	}
	ds := make([]*docRecords, len(docs))
	for i, d := range docs {
		var err error
		if ds[i], err = documentRecords(d.Record, d.Annotations); err != nil {
			return nil, err
		}
	}
	op := fmt.Sprintf("write %d documents (%s, …)", len(docs), docs[0].Record.ID)
	t, err := s.begin(op, readwrite, summaryStore, bodyStore, annotationStore, stepStore)
	if err != nil {
		return nil, err
	}
	found := make([]string, len(docs))
	t.issue(func() {
		byText, byID := make([]js.Value, len(ds)), make([]js.Value, len(ds))
		texts, sums := t.store(bodyStore).Call("index", textIndex), t.store(summaryStore)
		for i, d := range docs {
			if sha := d.Record.TextSHA256; sha != "" { // no document is indexed without a hash
				byText[i] = texts.Call("getKey", sha)
			}
			byID[i] = sums.Call("get", d.Record.ID)
		}
		t.on(byID[len(ds)-1], "success", func(js.Value) {
			t.issue(func() {
				// A body found by its text is a document only with its
				// summary (see textLook.found): each is looked up, and
				// the writes wait for the last look.
				textSum := make([]js.Value, len(ds))
				var last js.Value
				for i := range ds {
					if !byText[i].IsUndefined() {
						if k := result(byText[i]); k.Type() == js.TypeString {
							textSum[i] = sums.Call("get", k)
							last = textSum[i]
						}
					}
				}
				if last.IsUndefined() {
					putNew(t, docs, ds, byText, textSum, byID, found)
					return
				}
				t.on(last, "success", func(js.Value) {
					t.issue(func() { putNew(t, docs, ds, byText, textSum, byID, found) })
				})
			})
		})
	})
	if err := t.wait(); err != nil {
		for _, d := range ds {
			s.summaries.forget(d.id)
		}
		return nil, err
	}
	for i, d := range ds {
		if found[i] == "" {
			s.summaries.put(d.id, d.stored)
		}
	}
	return found, nil
}

// putNew issues, in t, the writes of the documents of ds that the looks
// (by text, the summary of the document of that text, and by id) did not
// find, and sets found[i] to the id of the stored document of each other.
func putNew(t *tx, docs []workspace.NewDocument, ds []*docRecords, byText, textSum, byID []js.Value, found []string) {
	// The documents written here, by text and by id, as the looks made
	// before them could not see them.
	written := map[string]string{}
	for i, d := range ds {
		sha := docs[i].Record.TextSHA256
		if !byText[i].IsUndefined() {
			if k := result(byText[i]); k.Type() == js.TypeString {
				if readableSummary(result(textSum[i])) {
					found[i] = k.String()
					continue
				}
				// A body left without its summary, or with one damaged:
				// what is left of that document goes, so that its text
				// finds the one written now.
				if left := k.String(); written["id:"+left] == "" && left != d.id {
					rng := docRange(left)
					t.store(bodyStore).Call("delete", left)
					t.store(annotationStore).Call("delete", rng)
					t.store(stepStore).Call("delete", rng)
				}
			}
			if id, ok := written[sha]; ok {
				found[i] = id
				continue
			}
		}
		if _, ok := written["id:"+d.id]; ok || readableSummary(result(byID[i])) {
			found[i] = d.id
			continue
		}
		d.put(t)
		written["id:"+d.id] = d.id
		if sha != "" {
			written[sha] = d.id
		}
	}
}

func (s *Store) AddDocument(r workspace.DocumentRecord, anns []annotate.Annotation) (string, error) {
	found, err := s.PutDocuments([]workspace.NewDocument{{Record: r, Annotations: anns}})
	if err != nil {
		return "", err
	}
	return found[0], nil
}

// docRecords is a document as PutDocument stores it. Its annotations are
// either records (anns) or, when the page has web/workspace.js's
// putRecords, their ids as a JSON array and their JSON one a line, which
// putRecords (putter) puts in one call.
type docRecords struct {
	id     string
	sum    map[string]any
	stored summaryJSON
	body   map[string]any
	anns   []any
	ids    string
	lines  string
	putter js.Value
}

// documentRecords makes the records of a document and its annotations.
func documentRecords(r workspace.DocumentRecord, anns []annotate.Annotation) (*docRecords, error) {
	if r.ID == "" {
		return nil, fmt.Errorf("a document without an id: %w", workspace.ErrRecord)
	}
	op := "write document " + r.ID
	r.Version = workspace.Version{} // written whole: no change follows it (see Summary)
	sum, stored, err := summaryRecord(r.Summary)
	if err != nil {
		return nil, err
	}
	// The HTML and the text, the bulk of a body, are kept as strings of
	// their own beside the JSON of the rest: reading them back is then one
	// copy each, where decoding them out of JSON costs tens of
	// milliseconds on a long article.
	rest := r.Body
	rest.HTML, rest.Text = "", ""
	bj, err := encode(rest)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	body := map[string]any{"id": r.ID, "json": bj, "html": r.HTML, "text": r.Text}
	if len(r.Index) > 0 {
		// The text's index, as bytes: opening the document reads it in
		// place of parsing the HTML.
		index := js.Global().Get("Uint8Array").New(len(r.Index))
		js.CopyBytesToJS(index, r.Index)
		body["index"] = index
	}
	if r.TextSHA256 != "" {
		// A record without the field is left out of the index.
		body[textIndex] = r.TextSHA256
	}
	d := &docRecords{id: r.ID, sum: sum, stored: stored, body: body}
	if h := helper("putRecords"); h.Type() == js.TypeObject {
		jsons, err := annotationJSON(r.ID, anns)
		if err != nil {
			return nil, err
		}
		ids := make([]string, len(anns))
		for i, a := range anns {
			ids[i] = a.ID
		}
		idsJSON, err := json.Marshal(ids)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		d.ids, d.lines, d.putter = string(idsJSON), strings.Join(jsons, "\n"), h
		return d, nil
	}
	if d.anns, err = annotationRecords(r.ID, anns); err != nil {
		return nil, err
	}
	return d, nil
}

// put issues, in t, the requests that replace the document: its
// annotations and history deleted, its summary, body and annotations put.
func (d *docRecords) put(t *tx) {
	rng := docRange(d.id)
	annStore := t.store(annotationStore)
	annStore.Call("delete", rng)
	t.store(stepStore).Call("delete", rng)
	t.store(summaryStore).Call("put", d.sum)
	t.store(bodyStore).Call("put", d.body)
	if d.putter.Type() == js.TypeObject {
		d.putter.Call("putRecords", annStore, d.id, d.ids, d.lines)
		return
	}
	for _, rec := range d.anns {
		annStore.Call("put", rec)
	}
}

// wrote waits for t, which wrote the summary of document id as stored,
// and remembers it for Apply.
func (s *Store) wrote(t *tx, id string, stored summaryJSON) error {
	if err := t.wait(); err != nil {
		s.summaries.forget(id)
		return err
	}
	s.summaries.put(id, stored)
	return nil
}

func (s *Store) PutSummary(sum workspace.Summary) error {
	op := "write the summary of document " + sum.ID
	rec, stored, err := summaryRecord(sum)
	if err != nil {
		return err
	}
	t, err := s.begin(op, readwrite, summaryStore)
	if err != nil {
		return err
	}
	t.issue(func() {
		st := t.store(summaryStore)
		req := st.Call("count", sum.ID)
		t.on(req, "success", func(js.Value) {
			if result(req).Int() == 0 {
				t.refuse(fmt.Errorf(noDocumentReason, sum.ID, workspace.ErrNoDocument))
				return
			}
			t.issue(func() { st.Call("put", rec) })
		})
	})
	return s.wrote(t, sum.ID, stored)
}

func (s *Store) Document(id string) (workspace.DocumentRecord, error) {
	op := "read document " + id
	var sv, bv js.Value
	if got, ok := s.early.take(getRead(summaryStore, id), getRead(bodyStore, id)); ok {
		sv, bv = got[0], got[1]
	} else {
		t, err := s.begin(op, readonly, summaryStore, bodyStore)
		if err != nil {
			return workspace.DocumentRecord{}, err
		}
		var sreq, breq js.Value
		t.issue(func() {
			sreq = t.store(summaryStore).Call("get", id)
			breq = t.store(bodyStore).Call("get", id)
		})
		if err := t.wait(); err != nil {
			return workspace.DocumentRecord{}, err
		}
		sv, bv = result(sreq), result(breq)
	}
	var r workspace.DocumentRecord
	if sv.IsUndefined() {
		return r, fmt.Errorf(noDocumentReason, id, workspace.ErrNoDocument)
	}
	stored, err := readSummary(op, sv)
	if err != nil {
		return r, err
	}
	s.summaries.put(id, stored)
	r.Summary = stored.sum
	if bv.IsUndefined() {
		return r, fmt.Errorf("IndexedDB: %s: its body is missing: %w", op, workspace.ErrRecord)
	}
	if err := decode(op, bv, &r.Body); err != nil {
		return r, err
	}
	if h, t := bv.Get("html"), bv.Get("text"); h.Type() == js.TypeString && t.Type() == js.TypeString {
		r.HTML, r.Text = h.String(), t.String()
	}
	if x := bv.Get("index"); x.InstanceOf(js.Global().Get("Uint8Array")) {
		r.Index = make([]byte, x.Length())
		js.CopyBytesToGo(r.Index, x)
	}
	r.Schema = r.Schema.Clone()
	return r, nil
}

// readSummary reads a stored summary record.
func readSummary(op string, v js.Value) (summaryJSON, error) {
	j := v.Get("json")
	if j.Type() != js.TypeString {
		return summaryJSON{}, fmt.Errorf("IndexedDB: %s: a stored record has no JSON: %w", op, workspace.ErrDamaged)
	}
	sum, err := decodeSummary(op, j.String())
	return summaryJSON{sum: sum, json: j.String()}, err
}

// decodeSummary decodes a stored summary's JSON; its counts are never nil,
// as a caller may add to them.
func decodeSummary(op, j string) (workspace.Summary, error) {
	var sum workspace.Summary
	if err := workspace.DecodeSummary([]byte(j), &sum); err != nil {
		return sum, fmt.Errorf("IndexedDB: %s: %w: %v", op, workspace.ErrDamaged, err)
	}
	if sum.Counts == nil {
		sum.Counts = map[string]int{}
	}
	return sum, nil
}

func (s *Store) Summary(id string) (workspace.Summary, error) {
	op := "read the summary of document " + id
	t, err := s.begin(op, readonly, summaryStore)
	if err != nil {
		return workspace.Summary{}, err
	}
	var req js.Value
	t.issue(func() { req = t.store(summaryStore).Call("get", id) })
	if err := t.wait(); err != nil {
		return workspace.Summary{}, err
	}
	v := result(req)
	if v.IsUndefined() {
		return workspace.Summary{}, fmt.Errorf(noDocumentReason, id, workspace.ErrNoDocument)
	}
	stored, err := readSummary(op, v)
	if err != nil {
		return workspace.Summary{}, err
	}
	s.summaries.put(id, stored)
	return stored.sum, nil
}

func (s *Store) Documents() ([]workspace.Summary, error) {
	op := "read the list of documents"
	t, err := s.begin(op, readonly, summaryStore)
	if err != nil {
		return nil, err
	}
	var req js.Value
	t.issue(func() { req = t.store(summaryStore).Call("getAll") })
	if err := t.wait(); err != nil {
		return nil, err
	}
	all := result(req)
	out := make([]workspace.Summary, 0, all.Length())
	var lost []string
	for i := range all.Length() {
		rec := all.Index(i)
		stored, err := readSummary(op, rec)
		if err != nil {
			// One damaged summary costs its document, not the library.
			lost = append(lost, keyString(rec.Get("id")))
			continue
		}
		out = append(out, stored.sum)
	}
	if lost != nil {
		return out, &workspace.DamagedError{IDs: lost}
	}
	return out, nil
}

// keyString returns a record's key as the string ids are, whatever the
// damaged record holds.
func keyString(k js.Value) string {
	if k.Type() == js.TypeString {
		return k.String()
	}
	return js.Global().Call("String", k).String()
}

func (s *Store) DocumentByText(sha string) (string, bool, error) {
	if sha == "" {
		return "", false, nil // no document is indexed without a hash
	}
	op := "look up the document of text " + sha
	t, err := s.begin(op, readonly, bodyStore, summaryStore)
	if err != nil {
		return "", false, err
	}
	var look *textLook
	t.issue(func() { look = lookText(t, sha) })
	if err := t.wait(); err != nil {
		return "", false, err
	}
	return look.found()
}

// textLook is the look for a document by its text, in one transaction:
// the body of that text, then the summary of the body's document.
type textLook struct{ body, summary js.Value }

// readableSummary reports whether v, a summary record read (or undefined),
// is one that can be read: a document whose summary is damaged is no
// document to find by its text or id, or its article could never be
// added again, refused as a double of a document the library cannot
// list.
func readableSummary(v js.Value) bool {
	if v.Type() != js.TypeObject {
		return false
	}
	_, err := readSummary("", v)
	return err == nil
}

// lookText issues, in t, the look for the document of text sha.
func lookText(t *tx, sha string) *textLook {
	l := &textLook{}
	l.body = t.store(bodyStore).Call("index", textIndex).Call("getKey", sha)
	t.on(l.body, "success", func(js.Value) {
		if k := result(l.body); k.Type() == js.TypeString {
			t.issue(func() { l.summary = t.store(summaryStore).Call("get", k) })
		}
	})
	return l
}

// found returns the id of the document the look found, once its
// transaction is over. A body left without its summary (a deletion the
// browser did not finish) is no document: found, it would block its
// article for good, refused as a double of a document the library does
// not have.
func (l *textLook) found() (string, bool, error) {
	if l == nil || l.summary.IsUndefined() || !readableSummary(result(l.summary)) {
		return "", false, nil
	}
	return result(l.body).String(), true, nil
}

func (s *Store) StoredDocument(sha, id string) (string, bool, error) {
	op := "look up a document of text " + sha + " or of id " + id
	t, err := s.begin(op, readonly, bodyStore, summaryStore)
	if err != nil {
		return "", false, err
	}
	var byText *textLook
	var byID js.Value
	t.issue(func() {
		if sha != "" { // no document is indexed without a hash
			byText = lookText(t, sha)
		}
		byID = t.store(summaryStore).Call("get", id)
	})
	if err := t.wait(); err != nil {
		return "", false, err
	}
	if found, ok, _ := byText.found(); ok {
		return found, true, nil
	}
	if readableSummary(result(byID)) {
		return id, true, nil
	}
	return "", false, nil
}

func (s *Store) DeleteDocument(id string) error {
	op := "delete document " + id
	t, err := s.begin(op, readwrite, summaryStore, bodyStore, annotationStore, stepStore)
	if err != nil {
		return err
	}
	t.issue(func() {
		sums := t.store(summaryStore)
		req := sums.Call("count", id)
		t.on(req, "success", func(js.Value) {
			if result(req).Int() == 0 {
				t.refuse(fmt.Errorf(noDocumentReason, id, workspace.ErrNoDocument))
			}
		})
		// Issued now, undone by the abort if the document is missing.
		rng := docRange(id)
		sums.Call("delete", id)
		t.store(bodyStore).Call("delete", id)
		t.store(annotationStore).Call("delete", rng)
		t.store(stepStore).Call("delete", rng)
	})
	s.summaries.forget(id)
	return t.wait()
}

// readAll reads every record of a document in store, in one transaction
// that also checks that the document is there.
func (s *Store) readAll(op, store, docID string) (js.Value, error) {
	if got, ok := s.early.take(countRead(summaryStore, docID), docReads(store, docID)); ok {
		return counted(docID, got[0], got[1])
	}
	t, err := s.begin(op, readonly, summaryStore, store)
	if err != nil {
		return js.Value{}, err
	}
	var count, all js.Value
	t.issue(func() {
		count = t.store(summaryStore).Call("count", docID)
		all = t.store(store).Call("getAll", docRange(docID))
	})
	if err := t.wait(); err != nil {
		return js.Value{}, err
	}
	return counted(docID, result(count), result(all))
}

// counted returns all, the records of document docID that readAll read,
// or ErrNoDocument when count, its summaries, is 0.
func counted(docID string, count, all js.Value) (js.Value, error) {
	if count.Int() == 0 {
		return js.Value{}, fmt.Errorf(noDocumentReason, docID, workspace.ErrNoDocument)
	}
	return all, nil
}

func (s *Store) Annotations(docID string) ([]annotate.Annotation, error) {
	op := "read the annotations of document " + docID
	all, err := s.readAll(op, annotationStore, docID)
	if err != nil {
		return nil, err
	}
	var out []annotate.Annotation
	var lost []string
	lines, ok := joined(all)
	if ok {
		// One string across syscall/js and a decoder without reflection:
		// together, a quarter of the time json.Unmarshal took record by
		// record (BENCH.md, the reopen).
		out, err = annotate.DecodeAnnotationLines([]byte(lines))
		// A damaged record is found, and the rest read, one by one.
		ok = err == nil
	}
	if !ok {
		out = make([]annotate.Annotation, 0, all.Length())
		for i := range all.Length() {
			rec := all.Index(i)
			var a annotate.Annotation
			if err := decode(op, rec, &a); err != nil {
				// One damaged record costs its annotation, not the
				// document.
				lost = append(lost, keyString(rec.Get("id")))
				continue
			}
			out = append(out, a)
		}
	}
	// IndexedDB orders keys by UTF-16 code units, Go by bytes: the two
	// differ past U+FFFF.
	slices.SortFunc(out, func(a, b annotate.Annotation) int { return strings.Compare(a.ID, b.ID) })
	if lost != nil {
		return out, &workspace.DamagedError{IDs: lost, Annotations: true}
	}
	return out, nil
}

// helper returns web/workspace.js's window.annotator when the page has it
// with the function name; otherwise undefined.
func helper(name string) js.Value {
	h := js.Global().Get("annotator")
	if h.Type() != js.TypeObject || h.Get(name).Type() != js.TypeFunction {
		return js.Undefined()
	}
	return h
}

// joined returns the JSON of every record in recs, one a line, copied
// across syscall/js in one string by web/workspace.js's joinJSON; ok is
// false when the page lacks the script or a record holds no JSON string
// (decode then reads them one by one, and says which).
func joined(recs js.Value) (lines string, ok bool) {
	h := helper("joinJSON")
	if h.Type() != js.TypeObject {
		return "", false
	}
	v := h.Call("joinJSON", recs)
	if v.Type() != js.TypeString {
		return "", false
	}
	return v.String(), true
}

func (s *Store) Steps(docID string) ([]annotate.Step, error) {
	op := "read the history of document " + docID
	all, err := s.readAll(op, stepStore, docID)
	if err != nil {
		return nil, err
	}
	out := make([]annotate.Step, all.Length())
	for i := range out {
		rec := all.Index(i)
		if err := decode(op, rec, &out[i]); err != nil {
			// A damaged step costs the history, not the document: kept
			// as an empty step of its number, which RestoreHistory
			// refuses (the editor says the history was lost) and the
			// next change deletes with the rest of it.
			seq := rec.Get("seq")
			if seq.Type() != js.TypeNumber {
				return nil, err
			}
			out[i] = annotate.Step{Seq: seq.Int()}
		}
	}
	return out, nil
}
