package workspace

// This file keeps the rule that no change is lost and none costs more than
// it must: a Workspace adds documents whole, once, and an Editor writes
// back after each change exactly the annotations that changed and the
// document's small summary, never its body.

import (
	"errors"
	"fmt"
	"maps"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/newsannotator/annotator/annotate"
)

// ErrDuplicateText is the error of a document whose canonical text is
// already in the workspace: the same article is never stored twice.
var ErrDuplicateText = errors.New("the same article (the same text) is already in the workspace")

// ErrCorrupt is the error of a stored document whose text no longer matches
// its hash or its HTML: the store was damaged outside the annotator.
var ErrCorrupt = errors.New("the stored document is damaged: its text does not match its HTML or its hash")

// ErrInUse is the error of a change refused because it would replace the
// annotations of a document that is open elsewhere (another tab): that
// editor would go on from the annotations it holds, and its next change
// would write counts and history without those written here.
var ErrInUse = errors.New("it is open in another tab")

// ErrSavingHere is the error of a change refused, as one of a document
// open in another tab is (it wraps ErrInUse), because this tab still has
// changes of the document on their way to the store (Workspace.Saving):
// looked at without them, the document would be written over them as
// they land, and counted without them.
var ErrSavingHere error = savingHere{}

type savingHere struct{}

func (savingHere) Error() string {
	return "its last changes in this tab are still being saved"
}

func (savingHere) Unwrap() error { return ErrInUse }

// Workspace is the annotator's library of documents over a Store.
// It is not safe for concurrent use.
type Workspace struct {
	store Store
	clock func() time.Time
	undo  []libraryChange
	// Hold, when set, takes the lock of document id for this workspace,
	// unless it is open for editing elsewhere (in the browser, another tab
	// holds its lock): held is then false. Otherwise release lets the lock
	// go. A change that replaces what a document holds (an export's
	// annotations written into it by AddExport or an import, a gold file
	// and its undo, a delete, a restore over it) is refused for a document
	// open elsewhere, and holds the document from that check to its
	// write: only looked at, the lock could be taken by a tab that opened
	// the document between the check and the write, and whose tags the
	// write then replaced. That tab waits, read-only, until the write is
	// done, and then reads what it wrote.
	Hold func(id string) (release func(), held bool)
	// Saving, when set, reports whether this tab has changes of document
	// id not yet in the store (its editor's, queued or being written). A
	// change that Hold would hold is then refused with ErrSavingHere:
	// this tab's own lock lets Hold through, and the change would look at
	// the document without them.
	Saving func(id string) bool
	// added is when the last new document was added: the next is added
	// after it, so that the documents of a batch read within one
	// millisecond keep their order (SortAdded, the dataset export).
	added time.Time
}

// hold holds document id (see Hold) and returns the function that lets it
// go, never nil; err, when it is open elsewhere or has changes here not
// yet stored (Saving), wraps ErrInUse, and nothing is held.
func (w *Workspace) hold(id string) (release func(), err error) {
	if err := w.saving(id); err != nil {
		return func() {}, err
	}
	if w.Hold == nil {
		return func() {}, nil
	}
	release, held := w.Hold(id)
	if !held {
		return func() {}, ErrInUse
	}
	return release, nil
}

// saving returns ErrSavingHere when this tab has changes of document id
// not yet stored (Saving), else nil. A change that replaces what the
// document holds asks it when it holds the document, and again once it
// has read it: while it waited on that read, this tab may have opened the
// document again and changed it.
func (w *Workspace) saving(id string) error {
	if w.Saving != nil && w.Saving(id) {
		return ErrSavingHere
	}
	return nil
}

// Open opens the workspace kept in s, upgrading its layout first (see
// Upgrade). now stamps every date the workspace writes; nil means the
// current time in UTC to the millisecond, as JSON and JavaScript keep it.
func Open(s Store, now func() time.Time) (*Workspace, error) {
	v, err := s.Layout()
	if err != nil {
		return nil, err
	}
	if err := Upgrade(s, v); err != nil {
		return nil, err
	}
	return &Workspace{store: s, clock: now}, nil
}

// Store returns the store the workspace keeps its records in.
func (w *Workspace) Store() Store { return w.store }

func (w *Workspace) now() time.Time {
	if w.clock != nil {
		return w.clock().UTC()
	}
	return time.Now().UTC().Truncate(time.Millisecond)
}

// Settings returns the workspace's settings, with the default schema when
// none was set.
func (w *Workspace) Settings() (Settings, error) {
	s, err := w.store.Settings()
	if err != nil {
		return s, err
	}
	if len(s.Schema.Labels) == 0 {
		s.Schema = annotate.DefaultSchema()
	}
	return s, nil
}

// settingsRead is what settingsLater gives.
type settingsRead struct {
	settings Settings
	err      error
}

// settingsLater reads the settings on a goroutine of its own, for a
// caller that has other reads to make meanwhile: in the browser each read
// is a wait on IndexedDB, and waits made one after the other add up.
func (w *Workspace) settingsLater() <-chan settingsRead {
	read := make(chan settingsRead, 1)
	go func() { s, err := w.Settings(); read <- settingsRead{s, err} }()
	return read
}

// SetAuthor sets the name that new annotations are stamped with.
func (w *Workspace) SetAuthor(name string) error {
	name = strings.TrimSpace(name)
	return w.store.EditSettings(SettingsEdit{Author: &name})
}

// SetSchema sets the label schema that documents added from now on start
// with. It refuses a schema that is not valid.
func (w *Workspace) SetSchema(schema annotate.Schema) error {
	if err := schema.Validate(); err != nil {
		return err
	}
	return w.store.EditSettings(SettingsEdit{Schema: &schema})
}

// Site returns the site an article came from: the name the page declares,
// or else the host of its URL without "www.".
func Site(meta annotate.Meta, address string) string {
	if s := strings.TrimSpace(meta.SiteName); s != "" {
		return s
	}
	for _, a := range []string{address, meta.CanonicalURL} {
		// A host is the same in any case, and with the root's dot.
		if u, err := url.Parse(a); err == nil && strings.TrimSuffix(u.Hostname(), ".") != "" {
			return unicodeHost(strings.TrimPrefix(strings.ToLower(strings.TrimSuffix(u.Hostname(), ".")), "www."))
		}
	}
	return ""
}

// Add stores doc with the annotations of set (nil for none) and the
// orphans that could not be placed, and returns its summary. sourceID is
// the id the document had where it came from, such as a batch line, or "".
// A document whose text is already stored is refused with an error
// wrapping ErrDuplicateText that names the document already there.
func (w *Workspace) Add(doc *annotate.Document, set *annotate.Set, orphans []annotate.Annotation, sourceID string) (Summary, error) {
	return w.add(doc, set, orphans, sourceID, "")
}

// add is Add, the document written with status st when st is not "": a
// status set by a write of its own, after, would write back the whole
// summary over a change another tab made in between.
func (w *Workspace) add(doc *annotate.Document, set *annotate.Set, orphans []annotate.Annotation, sourceID string, st Status) (Summary, error) {
	var schema *annotate.Schema
	if set == nil {
		s, err := w.Settings()
		if err != nil {
			return Summary{}, err
		}
		schema = &s.Schema
	}
	rec, all, err := w.newRecord(doc, set, orphans, sourceID, schema)
	if err != nil {
		return Summary{}, err
	}
	rec.Body.Index = doc.IndexData()
	if st != "" {
		rec.Status = st
	}
	if err := w.addDocument(rec, all); err != nil {
		return Summary{}, err
	}
	return rec.Summary.clone(), nil
}

// newRecord is Add up to the write: it refuses a document already stored
// and makes the record and the annotations (orphans marked) that Add
// writes. A document without a set takes the schema schema, the
// workspace's (a batch reads it once for all its documents). The record's
// text index (Body.Index) is the caller's to make, when it writes the
// record: AddAndEditLater makes it only with the editor's first change,
// after the document is shown (in the browser, 7 ms of a first import).
func (w *Workspace) newRecord(doc *annotate.Document, set *annotate.Set, orphans []annotate.Annotation, sourceID string, schema *annotate.Schema) (DocumentRecord, []annotate.Annotation, error) {
	if err := w.checkNew(doc); err != nil {
		return DocumentRecord{}, nil, err
	}
	rec, all := w.record(doc, set, orphans, sourceID, schema)
	return rec, all, nil
}

// checkNew refuses a document already stored, by its text or its id.
func (w *Workspace) checkNew(doc *annotate.Document) error {
	if id, found, err := w.store.StoredDocument(doc.TextSHA256(), doc.ID); err != nil {
		return err
	} else if found {
		return w.duplicateError(id)
	}
	return nil
}

// record makes the record of doc and the annotations (orphans marked)
// that Add writes: newRecord past its check.
func (w *Workspace) record(doc *annotate.Document, set *annotate.Set, orphans []annotate.Annotation, sourceID string, schema *annotate.Schema) (DocumentRecord, []annotate.Annotation) {
	sha := doc.TextSHA256()
	if set != nil {
		s := set.Schema()
		schema = &s
	}
	now := w.now()
	if !now.After(w.added) {
		now = w.added.Add(time.Millisecond)
	}
	w.added = now
	// The title as a file gave it may hold control characters, or only
	// invisible ones (package formats keeps a line's "title" as it is).
	title := annotate.CutTitle(doc.Title)
	if title == "" {
		title = "Untitled article"
	}
	var anns []annotate.Annotation
	if set != nil {
		anns = set.All()
	}
	rec := DocumentRecord{
		Summary: Summary{
			ID: doc.ID, Title: title, Site: Site(doc.Meta, doc.URL), URL: doc.URL,
			Status: StatusNew, Added: now, Changed: now,
			Counts: countLabels(anns), Orphans: len(orphans),
		},
		Body: Body{
			SourceID: sourceID, HTML: doc.HTML, Text: doc.Text().String(), TextSHA256: sha,
			Meta: doc.Meta, Schema: schema.Clone(),
		},
	}
	if len(anns)+len(orphans) > 0 {
		rec.Status = StatusInProgress
	}
	all := make([]annotate.Annotation, 0, len(anns)+len(orphans))
	all = append(all, anns...)
	for _, o := range orphans {
		o.Anchor = annotate.AnchorOrphan
		all = append(all, o)
	}
	return rec, all
}

// addDocument writes rec, a new document, with its annotations, unless
// the article is stored by now (added in another tab since it was looked
// for): that document is left as it is, and the error is a
// *DuplicateError naming it.
func (w *Workspace) addDocument(rec DocumentRecord, anns []annotate.Annotation) error {
	found, err := w.store.AddDocument(rec, anns)
	if err != nil {
		return err
	}
	if found != "" {
		return w.duplicateError(found)
	}
	return nil
}

func (w *Workspace) duplicateError(id string) error {
	e := &DuplicateError{ID: id}
	if s, err := w.store.Summary(id); err == nil {
		e.Title = s.Title
	}
	return e
}

// DuplicateError is the error of an article already in the workspace: it
// names the document there, and wraps ErrDuplicateText.
type DuplicateError struct {
	ID, Title string
}

func (e *DuplicateError) Error() string {
	if e.Title == "" {
		return fmt.Sprintf("%v (%s)", ErrDuplicateText, e.ID)
	}
	return fmt.Sprintf("%v: %s (%s)", ErrDuplicateText, titled(e.Title), e.ID)
}

func (e *DuplicateError) Unwrap() error { return ErrDuplicateText }

func countLabels(anns []annotate.Annotation) map[string]int {
	c := map[string]int{}
	for _, a := range anns {
		c[a.Label]++
	}
	return c
}

// Editor holds one document open for annotating. Change its Set (and
// Orphans) as the user works, and call Save after every change; or, where
// the write must not hold up the caller (the browser), take each change
// with Pending and hand it to the store with Apply in order.
type Editor struct {
	w  *Workspace
	id string
	// Document is the stored article, made again from its sanitised HTML.
	Document *annotate.Document
	// Set holds its placed annotations.
	Set *annotate.Set
	// Orphans are its annotations that could not be placed. To change
	// them, replace the slice (as placing, dropping and undoing do), never
	// an element in place: Pending looks at them again only when they are
	// another slice than it last looked at, not at each of 300 orphans
	// after every change of the Set.
	Orphans []annotate.Annotation
	// HistoryLost is set when the stored undo history did not fit the
	// annotations and was dropped; the annotations are kept.
	HistoryLost bool
	// Lost is set when some stored annotations of the document could not
	// be read (their records damaged): it says how many, in words. The
	// rest are open; the next change deletes the damaged records.
	Lost *DamagedError
	// saved is every annotation as handed to the store, by id.
	saved map[string]annotate.Annotation
	// tracked is the Set whose touched ids Pending takes; counts are the
	// counts per label of its placed annotations as handed to the store,
	// and orphanIDs the ids of the orphans, so that a change costs what
	// changed.
	tracked   *annotate.Set
	counts    map[string]int
	orphanIDs map[string]bool
	// taken is Orphans as Pending last looked at them, when looked is set.
	taken  []annotate.Annotation
	looked bool
	// steps holds the numbers of the history steps handed to the store;
	// stale those to delete at the next change (a history that was
	// dropped, or replaced with the Set).
	steps map[int]bool
	stale []int
	// damaged are the ids of the annotation records that could not be
	// read, deleted with the next change (one the user makes: deleting
	// them alone would mark the document changed).
	damaged []string
	// unwritten is the document itself, until Pending hands it over
	// (AddAndEditLater).
	unwritten *DocumentRecord
	// read is the summary Edit read, and handed is set once Pending has
	// handed a change over: until then the stored summary is read's,
	// unless something else wrote the document since (Outdated).
	read   Summary
	handed bool
	// sourceID is the document's source id as Edit read it, which a
	// document written again whole keeps (WriteWhole).
	sourceID string
	// writer names this editor in the versions its changes make (a
	// random id, new at each opening); version is the version of the
	// document as of its last change, or as read (see Version).
	writer  string
	version Version
}

// Edit opens document id for annotating, with its undo history. An
// annotation that no longer fits the text (which only a damaged store
// holds) is kept as an orphan, and the next change stores it so.
func (w *Workspace) Edit(id string) (*Editor, error) {
	rec, err := w.store.Document(id)
	if err != nil {
		return nil, err
	}
	// The annotations, the history and the settings are read at once, and
	// while the HTML is parsed: in the browser each of the store's reads
	// waits on IndexedDB, and the three waits then overlap, and the parse
	// fills them, instead of following each other. The body is read
	// alone, before them: the parse needs it, and when the three were
	// asked beside it, IndexedDB gave it 20–25 ms later on a document of
	// 2,000 annotations (3–4 ms alone).
	read := make(chan storedEdits, 1)
	go func() { read <- w.readEdits(id) }()
	// WebAssembly runs one goroutine at a time and switches only when one
	// blocks: let the readers issue their reads before the parse starts.
	runtime.Gosched()
	// The stored HTML is parsed once (FromStored), not made again as an
	// import makes it: on a long article that halves the reopening.
	doc, err := annotate.FromStored(annotate.Stored{HTML: rec.HTML, Text: rec.Text, TextSHA256: rec.TextSHA256,
		Index: rec.Index, Title: rec.Title, URL: rec.URL, Meta: rec.Meta})
	got := <-read
	if err != nil {
		return nil, fmt.Errorf("document %s: %w (%v)", id, ErrCorrupt, err)
	}
	if got.err != nil {
		return nil, got.err
	}
	e, err := w.editor(got.settings, id, doc, rec.Schema, got.anns, got.steps)
	if err != nil {
		return nil, err
	}
	e.read, e.version, e.sourceID = rec.Summary, rec.Version, rec.SourceID
	if got.lost != nil {
		e.Lost, e.damaged = got.lost, got.lost.IDs
	}
	return e, nil
}

// Outdated reports whether the store's copy of the document changed since
// Edit read it, while the editor has handed no change over: in the
// browser, another tab may write it (an import that fills it, a gold
// file, a rename) after this tab read it and before it holds it, and the
// editor would go on from what it read. An editor that has handed a
// change over, or that was not made by Edit, is never outdated.
func (e *Editor) Outdated() (bool, error) {
	if e.read.ID == "" || e.handed || e.unwritten != nil {
		return false, nil
	}
	s, err := e.w.store.Summary(e.id)
	if err != nil {
		return false, err
	}
	r := e.read
	return !s.Changed.Equal(r.Changed) || s.Title != r.Title || s.Orphans != r.Orphans || !maps.Equal(s.Counts, r.Counts), nil
}

// storedEdits is what Edit reads of a document beside its body, and the
// settings its editor needs.
type storedEdits struct {
	anns     []annotate.Annotation
	lost     *DamagedError // annotations that could not be read
	steps    []annotate.Step
	settings Settings
	err      error
}

// readEdits reads document id's annotations and history, and the
// settings, the three at once (each its own wait on IndexedDB in the
// browser).
func (w *Workspace) readEdits(id string) storedEdits {
	type stepsRead struct {
		steps []annotate.Step
		err   error
	}
	steps, settings := make(chan stepsRead, 1), w.settingsLater()
	go func() { s, err := w.store.Steps(id); steps <- stepsRead{s, err} }()
	anns, err := w.store.Annotations(id)
	lost, _ := errors.AsType[*DamagedError](err)
	st, set := <-steps, <-settings
	for _, err := range []error{readable(err), st.err, set.err} {
		if err != nil {
			return storedEdits{err: err}
		}
	}
	return storedEdits{anns: anns, lost: lost, steps: st.steps, settings: set.settings}
}

// editor makes the Editor of document id, made from doc, with the stored
// annotations and history steps, and the author and clock of settings
// (read by the caller, beside its other reads: each read of the store is
// a wait on IndexedDB in the browser).
func (w *Workspace) editor(settings Settings, id string, doc *annotate.Document, schema annotate.Schema, anns []annotate.Annotation, steps []annotate.Step) (*Editor, error) {
	e := &Editor{w: w, id: id, Document: doc, Set: annotate.NewSet(doc.Text(), schema),
		saved: make(map[string]annotate.Annotation, len(anns)), writer: uuid.NewString()}
	e.Set.SetAuthor(settings.Author)
	e.Set.SetClock(w.clock)
	placed := make([]annotate.Annotation, 0, len(anns))
	for _, a := range anns {
		e.saved[a.ID] = a
		if a.Anchor == annotate.AnchorOrphan {
			e.Orphans = append(e.Orphans, a)
			continue
		}
		placed = append(placed, a)
	}
	// In one step: one at a time, 2,000 inserts would each move the Set's
	// order.
	for i, err := range e.Set.InsertAll(placed) {
		if err != nil {
			o := placed[i].Clone()
			o.Anchor = annotate.AnchorOrphan
			e.Orphans = append(e.Orphans, o)
		}
	}
	annotate.SortOrphans(e.Orphans)
	e.Set.ClearHistory()
	e.Set.TakeTouchedSteps()
	if err := e.Set.RestoreHistory(steps); err != nil {
		// The history is dropped, here and in the store at the next
		// change; the annotations are what matters.
		e.HistoryLost = true
	}
	e.steps = map[int]bool{}
	for _, st := range steps {
		e.steps[st.Seq] = true
	}
	if e.HistoryLost {
		e.stale = slices.Sorted(maps.Keys(e.steps))
	}
	e.track()
	return e, nil
}

// AddAndEdit adds doc and opens it for annotating at once, from the
// document in hand: opening it from the store would parse its HTML again,
// which on a long article costs seconds.
//
// The document is written first, on its own: set's annotations and the
// orphans are the editor's first change, which its first Pending hands
// over whole (and Save writes). So the caller can show the document before
// they are written, as it shows every change before the change is written:
// 2,000 annotations took 0.3–0.5 s to write here, in the browser. Until that
// change is applied, the library lists the document as new and with no
// annotations; if it never is (the tab closed first), adding the same
// export again fills it in (AddExport).
func (w *Workspace) AddAndEdit(doc *annotate.Document, set *annotate.Set, orphans []annotate.Annotation, sourceID string) (*Editor, error) {
	e, err := w.AddAndEditLater(doc, set, orphans, sourceID)
	if err != nil {
		return nil, err
	}
	e.unwritten.Body.Index = doc.IndexData()
	if err := w.addDocument(*e.unwritten, nil); err != nil {
		return nil, err
	}
	e.unwritten = nil
	return e, nil
}

// AddAndEditLater is AddAndEdit, but for the document's write: the
// editor's first change (its first Pending) carries the document, and Write
// writes it before the rest. So the caller can show a document before
// anything of it is written, as it shows every change before the change
// is written: in the browser, writing the 2,000-annotation export's
// document took 34–61 ms before it could be shown. Until that first change
// is written, the library does not list the document, and a document
// added meanwhile with the same text is not refused as a duplicate (the
// first written is kept; see Write).
func (w *Workspace) AddAndEditLater(doc *annotate.Document, set *annotate.Set, orphans []annotate.Annotation, sourceID string) (*Editor, error) {
	// The settings are read beside the look for a document this one would
	// double: in the browser each read is a wait on IndexedDB, and one
	// after the other every opening of a file waited for both.
	read := w.settingsLater()
	runtime.Gosched() // let the reader ask first (one goroutine runs at a time)
	newErr := w.checkNew(doc)
	got := <-read
	if got.err != nil {
		return nil, got.err
	}
	if newErr != nil {
		return nil, newErr
	}
	settings := got.settings
	schema := settings.Schema
	if set != nil {
		schema = set.Schema()
	}
	// Made as a document without annotations: new, nothing counted.
	rec, _ := w.record(doc, nil, nil, sourceID, &schema)
	// The editor's document carries the title the library keeps, as it
	// will once read back from the store: an export made before then is
	// named and titled the same as one made after.
	doc.Title = rec.Title
	e, err := w.editor(settings, rec.ID, doc, schema, nil, nil)
	if err != nil {
		return nil, err
	}
	if set != nil {
		// The file's Set itself, its history cleared by the import:
		// Pending finds it is not the Set it tracks and hands over all it
		// holds.
		set.SetAuthor(settings.Author)
		set.SetClock(w.clock)
		e.Set = set
	}
	for _, o := range orphans {
		o.Anchor = annotate.AnchorOrphan
		e.Orphans = append(e.Orphans, o)
	}
	annotate.SortOrphans(e.Orphans)
	e.unwritten = &rec
	return e, nil
}

// track makes e.Set the Set that Pending follows, counting what the store
// holds: Pending then looks only at the annotations the Set says changed.
func (e *Editor) track() {
	e.tracked = e.Set
	e.Set.TakeTouched()
	e.counts = map[string]int{}
	e.orphanIDs, e.looked = map[string]bool{}, false
	for id, a := range e.saved {
		if a.Anchor == annotate.AnchorOrphan {
			e.orphanIDs[id] = true
		} else {
			e.counts[a.Label]++
		}
	}
}

// Unwritten reports whether the document itself is still to be written,
// by the editor's first change (AddAndEditLater).
func (e *Editor) Unwritten() bool { return e.unwritten != nil }

// ID returns the id of the document being edited.
func (e *Editor) ID() string { return e.id }

// Save writes what changed since the document was opened or last saved
// (see Pending) and returns how many annotations it wrote or deleted.
func (e *Editor) Save() (int, error) {
	c := e.Pending()
	if c.Empty() {
		return 0, nil
	}
	return len(c.Put) + len(c.Delete), Write(e.w.store, e.id, c)
}

// Pending returns what changed since the last Pending: each annotation
// added or changed, each one deleted, the undo history's steps, and the
// counts; and counts it as handed to the store. The caller must Apply
// every Change it takes, in order: one that fails must be applied again
// before the next (each puts or deletes whole records, so applying one
// twice does no harm).
func (e *Editor) Pending() Change {
	// Pending runs after every change, on documents of thousands of
	// annotations: it looks only at the annotations and steps the Set says
	// were touched, and at the orphans (few, and kept outside the Set).
	var touched []string
	if e.Set != e.tracked {
		// The Set was replaced: compare every annotation, stored or
		// held, once, and follow the new Set from now on. Its history
		// replaces the old one.
		e.tracked = e.Set
		e.Set.TakeTouched()
		touched = make([]string, 0, len(e.saved)+e.Set.Len())
		for id := range e.saved {
			touched = append(touched, id)
		}
		for _, a := range e.Set.Snapshot() {
			touched = append(touched, a.ID)
		}
		e.Set.TakeTouchedSteps()
		e.stale = append(e.stale, slices.Sorted(maps.Keys(e.steps))...)
		for _, st := range e.Set.History() {
			e.stale = append(e.stale, st.Seq) // put again below if held
		}
	} else {
		touched = e.Set.TakeTouched()
	}
	c := e.collect(touched)
	e.collectSteps(&c, append(e.stale, e.Set.TakeTouchedSteps()...))
	e.stale = nil
	if e.unwritten != nil {
		// The document's text index, left out of its record until it is
		// written (AddAndEditLater), so that it is made after the
		// document is shown.
		e.unwritten.Body.Index = e.Document.IndexData()
	}
	c.Document, e.unwritten = e.unwritten, nil
	if c.Empty() {
		return Change{}
	}
	c.Delete = append(c.Delete, e.damaged...)
	e.damaged = nil
	c.Counts = maps.Clone(e.counts)
	c.Orphans = len(e.Orphans)
	c.Changed = e.w.now()
	c.From = e.version
	e.version = Version{Editor: e.writer, Seq: e.version.Seq + 1}
	if c.From.Editor != e.writer {
		e.version.Seq = 1
	}
	c.To = e.version
	e.handed = true
	return c
}

// collect puts in c the annotations whose ids are touched, and the
// orphans, as they now are: added or changed ones put, gone ones deleted,
// the counts per label kept up to date.
func (e *Editor) collect(touched []string) Change {
	var c Change
	uncount := func(a annotate.Annotation) {
		if a.Anchor != annotate.AnchorOrphan {
			if e.counts[a.Label]--; e.counts[a.Label] <= 0 {
				delete(e.counts, a.Label)
			}
		}
	}
	put := func(a annotate.Annotation) {
		old, ok := e.saved[a.ID]
		if ok && old.Equal(a) {
			return
		}
		if ok {
			uncount(old)
		}
		if a.Anchor != annotate.AnchorOrphan {
			e.counts[a.Label]++
		}
		a = a.Clone()
		e.saved[a.ID] = a
		c.Put = append(c.Put, a)
	}
	drop := func(id string) {
		old, ok := e.saved[id]
		if !ok {
			return
		}
		uncount(old)
		delete(e.saved, id)
		c.Delete = append(c.Delete, id)
	}
	gone := touched
	if !e.looked || !annotate.SameSlice(e.Orphans, e.taken) {
		orphanIDs := make(map[string]bool, len(e.Orphans))
		for _, o := range e.Orphans {
			o.Anchor = annotate.AnchorOrphan
			orphanIDs[o.ID] = true
			put(o)
		}
		for id := range e.orphanIDs {
			if !orphanIDs[id] {
				gone = append(gone, id) // an orphan placed or dropped
			}
		}
		e.orphanIDs, e.taken, e.looked = orphanIDs, e.Orphans, true
	}
	orphanIDs := e.orphanIDs
	for _, id := range gone {
		if orphanIDs[id] {
			continue
		}
		if a, placed := e.Set.Get(id); placed {
			put(a)
		} else {
			drop(id)
		}
	}
	c.Annotated = len(c.Put)+len(c.Delete) > 0
	return c
}

// collectSteps puts in c the history steps numbered seqs as they now are:
// put when the Set's history has them, deleted when the store has them and
// the history no longer does.
func (e *Editor) collectSteps(c *Change, seqs []int) {
	slices.Sort(seqs)
	for i, seq := range seqs {
		if i > 0 && seqs[i-1] == seq {
			continue
		}
		if st, ok := e.Set.HistoryStep(seq); ok {
			c.PutSteps = append(c.PutSteps, st)
			e.steps[seq] = true
		} else if e.steps[seq] {
			c.DeleteSteps = append(c.DeleteSteps, seq)
			delete(e.steps, seq)
		}
	}
}

// Annotations returns the document's annotations as the user has them,
// stored or not: the placed ones, then the orphans, marked as a store
// keeps them. They are copies, for an export made while the user goes on
// (Selection.Unstored).
func (e *Editor) Annotations() []annotate.Annotation {
	all := e.Set.All()
	for _, o := range e.Orphans {
		o = o.Clone()
		o.Anchor = annotate.AnchorOrphan
		all = append(all, o)
	}
	return all
}

// Export returns the document's version-1 JSON export, stamped now.
func (e *Editor) Export(now time.Time) ([]byte, error) {
	return annotate.NewFile(e.Document, e.Set, e.Orphans, now).Marshal()
}

// AddExport adds an imported export's document like Add. When its article
// is already in the workspace without a single annotation, the export's
// annotations are written into that document instead (nothing is lost: it
// had none), and filled is set. When the document there has annotations of
// its own, nothing is written and the error is the *DuplicateError; when
// it is open elsewhere (Hold), the error wraps ErrInUse.
func (w *Workspace) AddExport(doc *annotate.Document, set *annotate.Set, orphans []annotate.Annotation) (sum Summary, filled bool, err error) {
	sum, err = w.Add(doc, set, orphans, "")
	var dup *DuplicateError
	if !errors.As(err, &dup) {
		return sum, false, err
	}
	sum, err = w.fill(dup, doc, set, orphans)
	return sum, err == nil, err
}

// fill is AddExport's rule for an export whose article is already in the
// workspace, as document dup: the export's annotations are written into
// that document when it has none of its own, and its summary returned;
// otherwise nothing is written and the error is dup, or wraps ErrInUse
// when the document is open elsewhere. An import of many files keeps the
// same rule.
func (w *Workspace) fill(dup *DuplicateError, doc *annotate.Document, set *annotate.Set, orphans []annotate.Annotation) (Summary, error) {
	have, err := w.store.Summary(dup.ID)
	if err != nil {
		return Summary{}, err
	}
	if !fills(have.Annotations()+have.Orphans, set, orphans) {
		return Summary{}, dup
	}
	release, err := w.hold(dup.ID)
	defer release()
	if err != nil {
		return Summary{}, fmt.Errorf("%s: %w", titled(dup.Title), err)
	}
	// Read again, held: it may have been tagged since it was looked at.
	rec, err := w.store.Document(dup.ID)
	if err != nil {
		return Summary{}, err
	}
	if rec.Text != doc.Text().String() || !fills(rec.Annotations()+rec.Orphans, set, orphans) {
		return Summary{}, dup
	}
	if err := w.saving(dup.ID); err != nil {
		return Summary{}, fmt.Errorf("%s: %w", titled(dup.Title), err)
	}
	anns := set.All()
	rec.Counts, rec.Orphans, rec.Changed = countLabels(anns), len(orphans), w.now()
	// The export's labels come with its annotations, as a gold file's do
	// (the document had none of its own, so nothing is lost): under the
	// schema it had, a label the export added made its annotations
	// orphans once opened, and every backup was refused.
	rec.Schema = set.Schema()
	if rec.Status == StatusNew {
		rec.Status = StatusInProgress
	}
	for _, o := range orphans {
		o.Anchor = annotate.AnchorOrphan
		anns = append(anns, o)
	}
	if err := w.store.PutDocument(rec, anns); err != nil {
		return Summary{}, err
	}
	return rec.Summary.clone(), nil
}

// fills reports whether an export's annotations, set and orphans, are
// written into a document of its article that holds has annotations: only
// into one that has none (nothing is lost), and only when the export
// brings some.
func fills(has int, set *annotate.Set, orphans []annotate.Annotation) bool {
	return has == 0 && set != nil && set.Len()+len(orphans) > 0
}

// Fill puts an export of the open document's article, doc with the
// annotations of set and orphans, into the editor, as AddExport puts one
// into the stored document, by the same rule: only when the editor holds
// no annotation. It reports whether it did; the next Pending hands them
// over, and one undo takes them back (the orphans stay). An import of the
// document open in this tab goes through its editor, not beside it: the
// editor, holding changes the store may not have yet, would go on without
// the file's annotations and count without them, and a write of its
// landing between the import's look and its write was replaced.
// Annotations the document's schema has no label for are kept as orphans,
// as they are when the stored document is opened.
func (e *Editor) Fill(doc *annotate.Document, set *annotate.Set, orphans []annotate.Annotation) bool {
	if doc.TextSHA256() != e.Document.TextSHA256() || !fills(e.Set.Len()+len(e.Orphans), set, orphans) {
		return false
	}
	anns := set.All()
	var kept []annotate.Annotation
	for i, err := range e.Set.InsertAll(anns) {
		if err != nil {
			kept = append(kept, anns[i])
		}
	}
	if kept = append(kept, orphans...); len(kept) > 0 {
		// A slice of its own: Pending looks at the orphans again only
		// when they are another slice.
		for i := range kept {
			kept[i].Anchor = annotate.AnchorOrphan
		}
		annotate.SortOrphans(kept)
		e.Orphans = kept
	}
	return true
}
