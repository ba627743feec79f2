package workspace

// This file lets a test damage Memory's records as a browser may keep
// IndexedDB's (a record cut short, a deletion left half done), so that
// what the Store promises of them (ErrDamaged, DamagedError) is held to
// natively as in the browser, and the workspace's answer to them tested
// without one.

import "strings"

// damage holds the keys of the records damaged: summaryKey for a
// document's summary, annotationKey for an annotation.
type damage map[string]bool

func summaryKey(doc string) string        { return doc }
func annotationKey(doc, id string) string { return doc + "\x00" + id }

// forget drops the marks of document doc's records, written again whole
// or deleted.
func (d damage) forget(doc string) {
	delete(d, summaryKey(doc))
	for k := range d {
		if strings.HasPrefix(k, doc+"\x00") {
			delete(d, k)
		}
	}
}

// DamageSummary makes the summary of document doc unreadable, as a
// record the browser kept damaged: the document is still stored, but
// Documents leaves it out and Document and Summary refuse it, until it
// is written again or deleted.
func (m *Memory) DamageSummary(doc string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.damaged[summaryKey(doc)] = true
}

// DamageAnnotation makes the record of annotation id of document doc
// unreadable: Annotations leaves it out, until it is written again or
// deleted.
func (m *Memory) DamageAnnotation(doc, id string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.damaged[annotationKey(doc, id)] = true
}

// LeaveBody deletes the summary of document doc and nothing else, as a
// deletion the browser did not finish: its body, annotations and history
// are left behind.
func (m *Memory) LeaveBody(doc string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.summaries, doc)
}

// dropLeftover deletes what is left of a document of text sha deleted but
// for its body (LeaveBody), as the article is stored again: its text then
// finds the document written, as in IndexedDB, where the two bodies would
// otherwise share the text's index. m is locked.
func (m *Memory) dropLeftover(sha string) {
	left, ok := m.byText[sha]
	if _, stored := m.summaries[left]; !ok || stored {
		return
	}
	delete(m.byText, sha)
	delete(m.bodies, left)
	delete(m.annotations, left)
	delete(m.steps, left)
	m.damaged.forget(left)
}
