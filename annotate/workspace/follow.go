package workspace

// This file keeps the rule for a document shown read-only (another tab
// holds it open for editing): it is shown as the store holds it. Each
// change message about it (the other tab wrote a change) has it read again
// from the store, and a burst of messages has it read at most twice: once
// for the first message, and once more after that read for every message
// that came during it, so that what is shown last was read after the last
// change. A page hidden reads it once, when it is shown again.

// Follower decides when a document shown read-only is read again. Its
// zero value follows nothing, in a page shown.
type Follower struct {
	doc string
	// reading is set while a read of doc is on its way; again when doc
	// changed after that read began, so that it must be read once more.
	reading, again bool
	// hidden is set while the page is hidden (another tab of the window
	// is in front); missed when doc changed meanwhile: it is read once
	// the page is shown, not at each change nobody sees.
	hidden, missed bool
}

// Follow makes f follow document id, shown read-only: any read of another
// document still on its way is no longer awaited. Follow("") follows
// nothing (the document is editable, or no longer shown).
func (f *Follower) Follow(id string) { *f = Follower{doc: id, hidden: f.hidden} }

// Following returns the document f follows, or "".
func (f *Follower) Following() string { return f.doc }

// Changed notes that document id was written elsewhere, and reports
// whether to read it now: only when it is the document followed, the
// page is shown, and no read of it is on its way (a read on its way is
// followed by one more, see Read; a hidden page reads it once shown, see
// Show).
func (f *Follower) Changed(id string) bool {
	if id == "" || id != f.doc {
		return false
	}
	if f.hidden {
		f.missed = true
		return false
	}
	return f.start()
}

// Need reports whether to read document id now for something that needs
// what is stored (a download), shown or hidden: as Changed, but the read
// is not put off.
func (f *Follower) Need(id string) bool {
	if id == "" || id != f.doc {
		return false
	}
	f.missed = false
	return f.start()
}

// start starts a read, or asks for one more after the read on its way.
func (f *Follower) start() bool {
	if f.reading {
		f.again = true
		return false
	}
	f.reading = true
	return true
}

// Hide notes that the page is hidden.
func (f *Follower) Hide() { f.hidden = true }

// Show notes that the page is shown again, and reports whether to read
// the document now: it changed while the page was hidden.
func (f *Follower) Show() bool {
	f.hidden = false
	if !f.missed {
		return false
	}
	f.missed = false
	return f.start()
}

// Read notes that the read Changed, Need or Show asked for has ended, and
// reports whether to read the document once more: it changed again while
// it was being read. When it returns false no read is on its way, and
// what was read is the document as it is after every change announced so
// far (but those missed while hidden).
func (f *Follower) Read() bool {
	if !f.reading {
		return false
	}
	if f.again {
		f.again = false
		return true
	}
	f.reading = false
	return false
}

// Reread reads e's document again from the store: its annotations, its
// undo history and its summary, and returns a new Editor of it, for a tab
// that shows it read-only while another tab writes it. The document
// itself, whose text never changes under its id, is e's: the page that
// shows it keeps its article as drawn (a new Document is drawn anew, and
// the reader's place in it lost). Its cost is Edit's less the HTML made
// again from the stored index, which is little (BenchmarkReread2000: about
// 5–6 ms natively for 2,000 annotations either way; building the Set is
// most of it). The body is read only to check the text and to take its
// schema; a document whose text changed (a restore replaced it) is opened
// again whole, as Edit does.
func (e *Editor) Reread() (*Editor, error) {
	w := e.w
	rec, err := w.store.Document(e.id)
	if err != nil {
		return nil, err
	}
	if rec.TextSHA256 != e.Document.TextSHA256() {
		return w.Edit(e.id)
	}
	got := w.readEdits(e.id)
	if got.err != nil {
		return nil, got.err
	}
	again, err := w.editor(got.settings, e.id, e.Document, rec.Schema, got.anns, got.steps)
	if err != nil {
		return nil, err
	}
	again.read = rec.Summary
	return again, nil
}
