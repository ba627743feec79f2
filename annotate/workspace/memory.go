package workspace

// This file keeps a workspace in memory: the Store that native tests use,
// and the one the app falls back on when the browser offers no IndexedDB.

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"sync"

	"github.com/newsannotator/annotator/annotate"
)

// Memory is a Store held in memory: for tests, and for browsers that offer
// no IndexedDB (the work then lasts as long as the tab). It is safe for
// concurrent use.
type Memory struct {
	mu          sync.Mutex
	layout      int
	settings    Settings
	summaries   map[string]Summary
	bodies      map[string]Body
	byText      map[string]string
	annotations map[string]map[string]annotate.Annotation
	steps       map[string]map[int]annotate.Step
	// damaged are the records a test damaged (memory_damage.go).
	damaged damage
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory {
	return &Memory{
		summaries:   map[string]Summary{},
		bodies:      map[string]Body{},
		byText:      map[string]string{},
		annotations: map[string]map[string]annotate.Annotation{},
		steps:       map[string]map[int]annotate.Step{},
		damaged:     damage{},
	}
}

// Memory implements Store; its methods do what Store's say.
var (
	_ Store      = (*Memory)(nil)
	_ ManyWriter = (*Memory)(nil)
)

func (m *Memory) Layout() (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.layout, nil
}

func (m *Memory) SetLayout(v int) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.layout = v
	return nil
}

func (m *Memory) Settings() (Settings, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s := m.settings
	s.Schema = s.Schema.Clone()
	return s, nil
}

func (m *Memory) PutSettings(s Settings) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	s.Schema = s.Schema.Clone()
	m.settings = s
	return nil
}

func (m *Memory) EditSettings(e SettingsEdit) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.settings = e.Apply(m.settings)
	return nil
}

func (m *Memory) PutDocument(r DocumentRecord, anns []annotate.Annotation) error {
	if err := checkRecord(r, anns); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.put(r, anns)
	return nil
}

// put is PutDocument once the record is checked, m locked.
func (m *Memory) put(r DocumentRecord, anns []annotate.Annotation) {
	byID := make(map[string]annotate.Annotation, len(anns))
	for _, a := range anns {
		byID[a.ID] = a.Clone()
	}
	r = r.Clone()
	r.Version = Version{} // written whole: no change follows it (see Summary)
	if old, ok := m.bodies[r.ID]; ok && m.byText[old.TextSHA256] == r.ID {
		delete(m.byText, old.TextSHA256)
	}
	m.summaries[r.ID] = r.Summary
	m.bodies[r.ID] = r.Body
	if r.TextSHA256 != "" {
		m.byText[r.TextSHA256] = r.ID
	}
	m.annotations[r.ID] = byID
	m.steps[r.ID] = map[int]annotate.Step{}
	m.damaged.forget(r.ID)
}

func (m *Memory) AddDocument(r DocumentRecord, anns []annotate.Annotation) (string, error) {
	found, err := m.PutDocuments([]NewDocument{{Record: r, Annotations: anns}})
	if err != nil {
		return "", err
	}
	return found[0], nil
}

// PutDocuments writes the new documents of docs as PutDocument does,
// refusing them all when one is not a record it can store, and leaving
// out those already stored (see ManyWriter).
func (m *Memory) PutDocuments(docs []NewDocument) ([]string, error) {
	for _, d := range docs {
		if err := checkRecord(d.Record, d.Annotations); err != nil {
			return nil, err
		}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	found := make([]string, len(docs))
	for i, d := range docs {
		if id, ok := m.stored(d.Record.TextSHA256, d.Record.ID); ok {
			found[i] = id
			continue
		}
		m.dropLeftover(d.Record.TextSHA256)
		m.put(d.Record, d.Annotations)
	}
	return found, nil
}

// checkRecord refuses a record PutDocument cannot store.
func checkRecord(r DocumentRecord, anns []annotate.Annotation) error {
	if r.ID == "" {
		return fmt.Errorf("a document without an id: %w", ErrRecord)
	}
	for _, a := range anns {
		if a.ID == "" {
			return fmt.Errorf("an annotation without an id in document %s: %w", r.ID, ErrRecord)
		}
	}
	return nil
}

func (m *Memory) PutSummary(s Summary) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.summaries[s.ID]; !ok {
		return fmt.Errorf("document %s: %w", s.ID, ErrNoDocument)
	}
	m.summaries[s.ID] = s.clone()
	delete(m.damaged, summaryKey(s.ID)) // written again whole
	return nil
}

func (m *Memory) Document(id string) (DocumentRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.summaries[id]
	if !ok {
		return DocumentRecord{}, fmt.Errorf("document %s: %w", id, ErrNoDocument)
	}
	if m.damaged[summaryKey(id)] {
		return DocumentRecord{}, fmt.Errorf("document %s: %w", id, ErrDamaged)
	}
	return DocumentRecord{Summary: s, Body: m.bodies[id]}.Clone(), nil
}

func (m *Memory) Summary(id string) (Summary, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.summaries[id]
	if !ok {
		return Summary{}, fmt.Errorf("document %s: %w", id, ErrNoDocument)
	}
	if m.damaged[summaryKey(id)] {
		return Summary{}, fmt.Errorf("document %s: %w", id, ErrDamaged)
	}
	return s.clone(), nil
}

func (m *Memory) Documents() ([]Summary, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]Summary, 0, len(m.summaries))
	var lost []string
	for id, s := range m.summaries {
		if m.damaged[summaryKey(id)] {
			lost = append(lost, id)
			continue
		}
		out = append(out, s.clone())
	}
	if lost != nil {
		return out, &DamagedError{IDs: lost}
	}
	return out, nil
}

func (m *Memory) DocumentByText(sha string) (string, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	id, ok := m.byText[sha]
	if !m.readable(id) {
		return "", false, nil // a body left without its summary is no document
	}
	return id, ok, nil
}

func (m *Memory) StoredDocument(sha, id string) (string, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	found, ok := m.stored(sha, id)
	return found, ok, nil
}

// stored is StoredDocument, m locked.
func (m *Memory) stored(sha, id string) (string, bool) {
	if found, ok := m.byText[sha]; ok && sha != "" {
		// A body left without its summary (a deletion the browser did
		// not finish) is no document: the article is stored again.
		if m.readable(found) {
			return found, true
		}
	}
	if m.readable(id) {
		return id, true
	}
	return "", false
}

// readable reports whether document id has a summary that can be read,
// m locked: one whose summary is damaged is no document to find by its
// text or id, or its article could never be added again (the library
// does not list it).
func (m *Memory) readable(id string) bool {
	_, ok := m.summaries[id]
	return ok && !m.damaged[summaryKey(id)]
}

func (m *Memory) DeleteDocument(id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.summaries[id]; !ok {
		return fmt.Errorf("document %s: %w", id, ErrNoDocument)
	}
	if m.byText[m.bodies[id].TextSHA256] == id {
		delete(m.byText, m.bodies[id].TextSHA256)
	}
	delete(m.summaries, id)
	delete(m.bodies, id)
	delete(m.annotations, id)
	delete(m.steps, id)
	m.damaged.forget(id)
	return nil
}

func (m *Memory) Apply(docID string, c Change) error {
	for _, a := range c.Put {
		if a.ID == "" {
			return fmt.Errorf("an annotation without an id in document %s: %w", docID, ErrRecord)
		}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	sum, ok := m.summaries[docID]
	if !ok {
		return fmt.Errorf("document %s: %w", docID, ErrNoDocument)
	}
	anns, steps := m.annotations[docID], m.steps[docID]
	for _, a := range c.Put {
		anns[a.ID] = a.Clone()
		delete(m.damaged, annotationKey(docID, a.ID)) // written again whole
	}
	for _, id := range c.Delete {
		delete(anns, id)
		delete(m.damaged, annotationKey(docID, id))
	}
	for _, st := range c.PutSteps {
		steps[st.Seq] = cloneStep(st)
	}
	for _, seq := range c.DeleteSteps {
		delete(steps, seq)
	}
	m.summaries[docID] = c.Update(sum)
	return nil
}

func (m *Memory) Annotations(docID string) ([]annotate.Annotation, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	anns, ok := m.annotations[docID]
	if _, stored := m.summaries[docID]; !ok || !stored {
		return nil, fmt.Errorf("document %s: %w", docID, ErrNoDocument)
	}
	ids := slices.Collect(maps.Keys(anns))
	sort.Strings(ids)
	out := make([]annotate.Annotation, 0, len(ids))
	var lost []string
	for _, id := range ids {
		if m.damaged[annotationKey(docID, id)] {
			lost = append(lost, id)
			continue
		}
		out = append(out, anns[id].Clone())
	}
	if lost != nil {
		return out, &DamagedError{IDs: lost, Annotations: true}
	}
	return out, nil
}

func (m *Memory) Steps(docID string) ([]annotate.Step, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	steps, ok := m.steps[docID]
	if _, stored := m.summaries[docID]; !ok || !stored {
		return nil, fmt.Errorf("document %s: %w", docID, ErrNoDocument)
	}
	out := make([]annotate.Step, 0, len(steps))
	for _, st := range steps {
		out = append(out, cloneStep(st))
	}
	return out, nil
}

// cloneStep returns a deep copy of st: a step holds annotations by
// pointer, which a caller could otherwise change in the store.
func cloneStep(st annotate.Step) annotate.Step {
	changes := make([]annotate.StepChange, len(st.Changes))
	for i, c := range st.Changes {
		if c.Before != nil {
			b := c.Before.Clone()
			c.Before = &b
		}
		if c.After != nil {
			a := c.After.Clone()
			c.After = &a
		}
		if c.Orphan != nil {
			o := c.Orphan.Clone()
			c.Orphan = &o
		}
		if c.OrphanAt != nil {
			at := *c.OrphanAt
			c.OrphanAt = &at
		}
		changes[i] = c
	}
	st.Changes = changes
	return st
}
