//go:build js && wasm

package idb

// This file keeps the write the app makes after every change of the open
// document, Store.Apply, and its one rule: it costs the page's main thread
// the change, never the document, and as little of the change as it can.
// The records are written by web/store-writer.js, a worker started with
// the Store (see writer.go): the page encodes the change, posts one string
// and reads one reply, and IndexedDB's own work runs on the worker's
// thread. The summary the change moves is written by compare-and-swap: Go
// moves the summary it last read or wrote, and the worker writes that when
// the stored one is still the same; when another tab changed it, the
// worker writes nothing and sends the stored summary back, and Go moves
// that one and posts the change again. Without the worker (no
// web/workspace.js, no workers, or the worker gone), Go issues every
// request itself and moves the summary in the read's callback
// (applyFromGo).

import (
	"encoding/json"
	"fmt"
	"sync"
	"syscall/js"

	"github.com/newsannotator/annotator/annotate/workspace"
)

func (s *Store) Apply(docID string, c workspace.Change) error {
	s.early.end() // a write: the start's reads are over
	if s.writer != nil {
		if written, err := s.applyInWorker(docID, c); written {
			return err
		}
	}
	return s.applyFromGo(docID, c)
}

// changeJSON is a change as web/store-writer.js reads it: the records'
// JSON as strings, written as they are.
type changeJSON struct {
	Stores      [3]string    `json:"stores"` // summaries, annotations, steps
	Doc         string       `json:"doc"`
	Put         []recordJSON `json:"put"`
	Delete      []string     `json:"delete"`
	PutSteps    []recordJSON `json:"putSteps"`
	DeleteSteps []int        `json:"deleteSteps"`
	// Expect is the stored summary's JSON as this Store knows it (null
	// when it knows none); Summary is that summary moved by the change,
	// written when the stored one is still Expect.
	Expect  *string `json:"expect"`
	Summary string  `json:"summary"`
}

// recordJSON is one annotation or history step as stored: its key within
// the document (an annotation's id, a step's number) and its JSON.
type recordJSON struct {
	Key  any    `json:"key"`
	JSON string `json:"json"`
}

// maxConflicts is how many times Apply posts a change whose summary
// another tab keeps moving before it writes the change from Go, which
// moves the summary inside the transaction.
const maxConflicts = 4

// applyInWorker writes the change through the writer; written is false
// when the writer is gone (or another tab kept moving the summary), and
// the change is still to be written.
func (s *Store) applyInWorker(docID string, c workspace.Change) (written bool, err error) {
	op := "write a change of document " + docID
	if err := s.closed.Load(); err != nil {
		return true, fmt.Errorf("%s: %w", op, *err)
	}
	p := changeJSON{Stores: [3]string{summaryStore, annotationStore, stepStore}, Doc: docID,
		Delete: c.Delete, DeleteSteps: c.DeleteSteps}
	if p.Put, p.PutSteps, err = changeRecords(op, docID, c); err != nil {
		return true, err
	}
	stored, known := s.summaries.get(docID)
	for range maxConflicts {
		var next summaryJSON
		p.Expect, p.Summary = nil, ""
		if known {
			if next, err = moved(stored.sum, c); err != nil {
				return true, fmt.Errorf("%s: %w", op, err)
			}
			p.Expect, p.Summary = &stored.json, next.json
		}
		payload, err := json.Marshal(p)
		if err != nil {
			return true, fmt.Errorf("%s: %w", op, err)
		}
		r, ok := s.writer.write(string(payload))
		if !ok {
			return false, nil
		}
		switch r.status {
		case "complete":
			s.summaries.put(docID, next)
			return true, nil
		case "conflict":
			// Another tab moved the summary (or this Store knew none):
			// move the stored one, and post the change again.
			if r.stored == nil {
				s.summaries.forget(docID)
				return true, fmt.Errorf("IndexedDB: %s: a stored record has no JSON: %w", op, workspace.ErrRecord)
			}
			sum, err := decodeSummary(op, *r.stored)
			if err != nil {
				s.summaries.forget(docID)
				return true, err
			}
			stored, known = summaryJSON{sum: sum, json: *r.stored}, true
			continue
		}
		s.summaries.forget(docID)
		if r.status == "missing" {
			return true, fmt.Errorf(noDocumentReason, docID, workspace.ErrNoDocument)
		}
		if err := s.closed.Load(); err != nil {
			return true, fmt.Errorf("%s: %w", op, *err)
		}
		return true, asError(op, domException{r.name, r.message}, nil)
	}
	return false, nil
}

// applyFromGo writes the change with a syscall/js call per request, and
// moves the summary in the read's success callback.
func (s *Store) applyFromGo(docID string, c workspace.Change) error {
	op := "write a change of document " + docID
	annJSON, stepJSON, err := changeRecords(op, docID, c)
	if err != nil {
		return err
	}
	anns := make([]any, len(annJSON))
	for i, r := range annJSON {
		anns[i] = map[string]any{"doc": docID, "id": r.Key, "json": r.JSON}
	}
	steps := make([]any, len(stepJSON))
	for i, r := range stepJSON {
		steps[i] = map[string]any{"doc": docID, "seq": r.Key, "json": r.JSON}
	}
	t, err := s.begin(op, readwrite, summaryStore, annotationStore, stepStore)
	if err != nil {
		return err
	}
	var written summaryJSON
	t.issue(func() {
		sums := t.store(summaryStore)
		req := sums.Call("get", docID)
		t.on(req, "success", func(js.Value) {
			// The summary as it is now, a rename in another tab
			// included, moved by the change.
			v := result(req)
			if v.IsUndefined() {
				t.refuse(fmt.Errorf(noDocumentReason, docID, workspace.ErrNoDocument))
				return
			}
			stored, err := readSummary(op, v)
			if err != nil {
				t.fail(err)
				return
			}
			if written, err = moved(stored.sum, c); err != nil {
				t.fail(fmt.Errorf("%s: %w", op, err))
				return
			}
			t.issue(func() { sums.Call("put", map[string]any{"id": docID, "json": written.json}) })
		})
		// Issued now, undone by the abort if the document is missing.
		annStore, stepSt := t.store(annotationStore), t.store(stepStore)
		for _, rec := range anns {
			annStore.Call("put", rec)
		}
		for _, id := range c.Delete {
			annStore.Call("delete", []any{docID, id})
		}
		for _, rec := range steps {
			stepSt.Call("put", rec)
		}
		for _, seq := range c.DeleteSteps {
			stepSt.Call("delete", []any{docID, seq})
		}
	})
	if err := t.wait(); err != nil {
		s.summaries.forget(docID)
		return err
	}
	s.summaries.put(docID, written)
	return nil
}

// changeRecords returns the annotations and history steps the change puts,
// as stored: keyed by id and by number, with their JSON.
func changeRecords(op, docID string, c workspace.Change) (anns, steps []recordJSON, err error) {
	annJSON, err := annotationJSON(docID, c.Put)
	if err != nil {
		return nil, nil, err
	}
	for i, a := range c.Put {
		anns = append(anns, recordJSON{Key: a.ID, JSON: annJSON[i]})
	}
	for _, st := range c.PutSteps {
		j, err := encode(st)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: step %d: %w", op, st.Seq, err)
		}
		steps = append(steps, recordJSON{Key: st.Seq, JSON: j})
	}
	return anns, steps, nil
}

// moved returns sum moved by the change (workspace.Change.Update), with
// its stored JSON.
func moved(sum workspace.Summary, c workspace.Change) (summaryJSON, error) {
	next := c.Update(sum)
	j, err := encode(next)
	if err != nil {
		return summaryJSON{}, fmt.Errorf("document %s: %w", sum.ID, err)
	}
	return summaryJSON{sum: next, json: j}, nil
}

// summaryJSON is a summary and its JSON exactly as stored.
type summaryJSON struct {
	sum  workspace.Summary
	json string
}

// knownSummaries holds the summaries this Store last read or wrote, as
// stored, for Apply's compare-and-swap: a few documents' (the open one,
// and those the library just renamed), never the whole library's.
type knownSummaries struct {
	mu sync.Mutex // held only for a map operation: never across a wait
	m  map[string]summaryJSON
}

// maxKnownSummaries bounds knownSummaries: past it, it starts again empty
// (a miss costs one call back into Go, not a wrong write).
const maxKnownSummaries = 16

func (k *knownSummaries) get(id string) (summaryJSON, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	v, ok := k.m[id]
	return v, ok
}

func (k *knownSummaries) put(id string, v summaryJSON) {
	if v.json == "" {
		k.forget(id)
		return
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.m == nil || len(k.m) >= maxKnownSummaries {
		k.m = map[string]summaryJSON{}
	}
	k.m[id] = v
}

func (k *knownSummaries) forget(id string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	delete(k.m, id)
}
