//go:build js && wasm

package idb

// This file keeps the write the app makes after every change of the open
// document, Store.Apply, and its one rule: it costs the main thread the
// change, never the document, and as little of the change as it can. With
// web/annotator.js on the page, the whole transaction is one call,
// applyChange, and the summary the change moves is written by
// compare-and-swap: Go moves the summary it last read or wrote, and the
// script writes that when the stored one is still the same; only when
// another tab changed it does the script call back into Go, which moves
// the summary it finds. Without the script, Go issues every request and
// moves the summary in the read's callback (applyFromGo).

import (
	"encoding/json"
	"fmt"
	"sync"
	"syscall/js"

	"github.com/newsannotator/annotator/annotate/workspace"
)

func (s *Store) Apply(docID string, c workspace.Change) error {
	if h := helper("applyChange"); h.Type() == js.TypeObject {
		return s.applyInOneCall(h, docID, c)
	}
	return s.applyFromGo(docID, c)
}

// helper returns web/annotator.js's window.annotator when the page has it
// and it has the function name; otherwise undefined.
func helper(name string) js.Value {
	h := js.Global().Get("annotator")
	if h.Type() != js.TypeObject || h.Get(name).Type() != js.TypeFunction {
		return js.Undefined()
	}
	return h
}

// changeJSON is a change as applyChange reads it (see web/annotator.js):
// the records' JSON as strings, written as they are.
type changeJSON struct {
	Stores      [3]string    `json:"stores"` // summaries, annotations, steps
	Doc         string       `json:"doc"`
	Put         []recordJSON `json:"put"`
	Delete      []string     `json:"delete"`
	PutSteps    []recordJSON `json:"putSteps"`
	DeleteSteps []int        `json:"deleteSteps"`
	// Expect is the stored summary's JSON as this Store last knew it
	// (null when it knows none); Summary is that summary moved by the
	// change, written when the stored one is still Expect.
	Expect  *string `json:"expect"`
	Summary string  `json:"summary"`
}

// recordJSON is one annotation or history step as stored: its key within
// the document (an annotation's id, a step's number) and its JSON.
type recordJSON struct {
	Key  any    `json:"key"`
	JSON string `json:"json"`
}

// applyInOneCall writes the change through applyChange: one syscall/js
// call to issue every request, and none between the summary's read and
// its write unless another tab moved the summary.
func (s *Store) applyInOneCall(h js.Value, docID string, c workspace.Change) error {
	op := "write a change of document " + docID
	if err := s.closed.Load(); err != nil {
		return fmt.Errorf("%s: %w", op, *err)
	}
	p := changeJSON{Stores: [3]string{summaryStore, annotationStore, stepStore}, Doc: docID,
		Delete: c.Delete, DeleteSteps: c.DeleteSteps}
	anns, err := annotationJSON(docID, c.Put)
	if err != nil {
		return err
	}
	for i, a := range c.Put {
		p.Put = append(p.Put, recordJSON{Key: a.ID, JSON: anns[i]})
	}
	for _, st := range c.PutSteps {
		j, err := encode(st)
		if err != nil {
			return fmt.Errorf("%s: step %d: %w", op, st.Seq, err)
		}
		p.PutSteps = append(p.PutSteps, recordJSON{Key: st.Seq, JSON: j})
	}
	var next summaryJSON
	if k, ok := s.summaries.get(docID); ok {
		if next, err = moved(k.sum, c); err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		p.Expect, p.Summary = &k.json, next.json
	}
	payload, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}

	// Go's only work inside the transaction: moving a summary another
	// tab changed (call "merge", from the read's success callback, which
	// must not block), and hearing how it ended (call "done").
	var (
		done           = make(chan struct{}, 1)
		status         string
		failure        js.Value
		mergeErr       error
		mergeCalled    bool
		mergedOrExpect = next
	)
	call := js.FuncOf(func(_ js.Value, args []js.Value) any {
		switch args[0].String() {
		case "merge":
			mergeCalled = true
			stored := args[1]
			if stored.Type() != js.TypeString {
				mergeErr = fmt.Errorf("IndexedDB: %s: a stored record has no JSON: %w", op, workspace.ErrRecord)
				return nil
			}
			sum, err := decodeSummary(op, stored.String())
			if err == nil {
				mergedOrExpect, err = moved(sum, c)
			}
			if err != nil {
				mergeErr = err
				return nil
			}
			return mergedOrExpect.json
		case "done":
			status, failure = args[1].String(), args[2]
			done <- struct{}{}
		}
		return nil
	})
	defer call.Release()
	if err := try(func() { h.Call("applyChange", s.db, call, string(payload)) }); err != nil {
		s.summaries.forget(docID)
		if cerr := s.closed.Load(); cerr != nil {
			return fmt.Errorf("%s: %w", op, *cerr)
		}
		return asError(op, err, nil)
	}
	<-done
	if status == "complete" {
		s.summaries.put(docID, mergedOrExpect)
		return nil
	}
	s.summaries.forget(docID)
	switch {
	case status == "missing":
		return fmt.Errorf(noDocumentReason, docID, workspace.ErrNoDocument)
	case mergeCalled && mergeErr != nil:
		return mergeErr
	}
	if err := s.closed.Load(); err != nil {
		return fmt.Errorf("%s: %w", op, *err)
	}
	if failure.IsNull() || failure.IsUndefined() {
		return &Error{Op: op, Name: "AbortError", Message: "the browser aborted the transaction"}
	}
	return asError(op, errorOf(failure), nil)
}

// applyFromGo writes the change with a syscall/js call per request, and
// moves the summary in the read's success callback.
func (s *Store) applyFromGo(docID string, c workspace.Change) error {
	op := "write a change of document " + docID
	anns, err := annotationRecords(docID, c.Put)
	if err != nil {
		return err
	}
	steps := make([]any, len(c.PutSteps))
	for i, st := range c.PutSteps {
		j, err := encode(st)
		if err != nil {
			return fmt.Errorf("%s: step %d: %w", op, st.Seq, err)
		}
		steps[i] = map[string]any{"doc": docID, "seq": st.Seq, "json": j}
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
