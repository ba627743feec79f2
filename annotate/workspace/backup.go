package workspace

// This file keeps the one rule for backups: a backup holds the whole
// workspace (layout version, settings, every document record and every
// annotation, orphans included) and restores into an empty store with
// nothing lost, so that a backup of the restored workspace is the same
// file, byte for byte. The undo histories are the one thing it leaves
// out: they are this browser's record of how the annotations came to be,
// and a restored document's Undo starts from the restore (README). A backup is a file from outside like any other:
// restoring checks everything before it writes anything, and sanitises
// every article's HTML again, since the HTML will be shown in the page.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/newsannotator/annotator/annotate"
)

// BackupFormat names the format in every backup's "format" field.
const BackupFormat = "annotator-workspace-backup"

// ErrBackup is the error of a file that is not a usable backup; the message
// says what is wrong and where.
var ErrBackup = errors.New("the file is not a usable workspace backup")

// ErrNotEmpty is the error of a restore into a store that holds work. It
// said to delete the workspace's documents, which the library cannot do
// for the one open (and one is always open): what it says can be done.
var ErrNotEmpty = errors.New("a backup restores only into a workspace that holds no work of its own: restore it in another browser profile, " +
	"or back this workspace up (Back up), clear this site's data in the browser's settings, and restore it here")

// ErrAddedElsewhere is the error of a restore that wrote every document
// of the backup but those whose article another tab added while it was
// restoring: they are kept as that tab has them. A *KeptError wraps it.
var ErrAddedElsewhere = errors.New("added in another tab while the backup was being restored, and kept as it is there")

// Backup is a whole workspace in one file.
type Backup struct {
	Format    string    `json:"format"`
	Layout    int       `json:"layout"`
	Generator string    `json:"generator"`
	Written   time.Time `json:"written"`
	// Author and Schema are the workspace's Settings.
	Author    string           `json:"author"`
	Schema    annotate.Schema  `json:"schema"`
	Documents []BackupDocument `json:"documents"`
}

// BackupDocument is one document of a backup, with all its annotations.
type BackupDocument struct {
	DocumentRecord
	// Annotations are every annotation of the document, orphans
	// included, sorted by id.
	Annotations []annotate.Annotation `json:"annotations"`
}

// Backup returns the whole workspace as one JSON file, stamped with the
// workspace's clock. Documents are sorted by id and annotations by id, so
// that the same workspace always gives the same file.
func (w *Workspace) Backup() ([]byte, error) { return w.BackupWith(nil) }

// BackupWith is Backup, with the work the store does not have yet (see
// Selection.Unstored) in place of what it holds, and the counts that go
// with it: a backup is the work the user sees, which a change whose write
// failed is part of, and an article whose document could not be written.
func (w *Workspace) BackupWith(unstored map[string]Unstored) ([]byte, error) {
	settings, err := w.store.Settings()
	if err != nil {
		return nil, err
	}
	sums, err := w.documentsWith(unstored)
	if err != nil {
		return nil, err
	}
	sort.Slice(sums, func(i, j int) bool { return sums[i].ID < sums[j].ID })
	b := Backup{Format: BackupFormat, Layout: LayoutVersion, Generator: annotate.Generator, Written: w.now(),
		Author: settings.Author, Schema: settings.Schema, Documents: make([]BackupDocument, 0, len(sums))}
	for _, s := range sums {
		rec, anns, err := w.recordOf(s.ID, unstored)
		if err != nil {
			return nil, err
		}
		anns = slices.Clone(anns) // sorted below: not the caller's
		sort.Slice(anns, func(i, j int) bool { return anns[i].ID < anns[j].ID })
		rec.Added, rec.Changed = rec.Added.UTC(), rec.Changed.UTC()
		for i := range anns {
			anns[i].Created, anns[i].Modified = anns[i].Created.UTC(), anns[i].Modified.UTC()
		}
		if anns == nil {
			anns = []annotate.Annotation{}
		}
		b.Documents = append(b.Documents, BackupDocument{DocumentRecord: rec, Annotations: anns})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(b); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Restore reads backup data into s, which must hold no document. It checks
// the whole backup before writing anything: a damaged one is refused with
// an error wrapping ErrBackup that names the document and what is wrong,
// one from a newer annotator with ErrNewerLayout. Every article's HTML is
// sanitised again, and must give the text the backup holds. A byte order
// mark before the backup (as Notepad saves a file) is skipped; anything
// but white space after it is refused, and so is a backup without its
// documents, which would restore an empty library.
func Restore(s Store, data []byte) error {
	b, err := readBackup(data)
	if err != nil {
		return err
	}
	existing, err := s.Documents()
	if errors.Is(err, ErrDamaged) {
		return ErrNotEmpty // a document is there, if unreadable
	}
	if err != nil {
		return err
	}
	if len(existing) > 0 {
		return ErrNotEmpty
	}
	return b.write(s)
}

// readBackup reads backup data and checks all of it, sanitising every
// article's HTML again (the costly part, so it is done once per restore),
// without writing anything.
func readBackup(data []byte) (*Backup, error) {
	var b Backup
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("%w: %s", ErrBackup, jsonWords(err))
	}
	if rest := bytes.TrimLeft(data[dec.InputOffset():], " \t\r\n"); len(rest) > 0 {
		return nil, fmt.Errorf("%w: the file has more after the backup, so it is damaged or another file was joined to it", ErrBackup)
	}
	if b.Format != BackupFormat {
		return nil, fmt.Errorf("%w: its format is %q, not %q; to open an export of one article, import it instead", ErrBackup, b.Format, BackupFormat)
	}
	if b.Documents == nil {
		return nil, fmt.Errorf("%w: it has no \"documents\", so it is not a backup made by this annotator, or it is damaged", ErrBackup)
	}
	if b.Layout > LayoutVersion {
		return nil, fmt.Errorf("the backup has layout version %d and this annotator knows up to %d: %w", b.Layout, LayoutVersion, ErrNewerLayout)
	}
	if b.Layout < 1 {
		return nil, fmt.Errorf("%w: its layout version %d is not one any annotator writes", ErrBackup, b.Layout)
	}
	if len(b.Schema.Labels) > 0 {
		if err := b.Schema.Validate(); err != nil {
			return nil, fmt.Errorf("%w: its label schema: %v", ErrBackup, err)
		}
	}
	seen := map[string]bool{}
	for i := range b.Documents {
		d := &b.Documents[i]
		if err := checkBackupDocument(d); err != nil {
			return nil, fmt.Errorf("%w: document %d (%q, %s): %v", ErrBackup, i+1, d.Title, d.ID, err)
		}
		if seen[d.ID] {
			return nil, fmt.Errorf("%w: document %d (%q) has the id %s of an earlier one", ErrBackup, i+1, d.Title, d.ID)
		}
		seen[d.ID] = true
	}
	return &b, nil
}

// jsonWords says in words why a backup could not be decoded: what
// encoding/json says of it ("unexpected EOF", "json: unknown field") is
// no message for the user, who needs to know that the file was cut short
// or is another file.
func jsonWords(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		return "the file is empty"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "the file ends before its JSON does: it was cut short (a download or a copy that did not finish)"
	case errors.As(err, &se):
		return fmt.Sprintf("it is not JSON at byte %s: %s", annotate.GroupDigits(se.Offset), annotate.SyntaxWords(se.Error()))
	case errors.As(err, &te):
		return fmt.Sprintf("its field %s holds a %s, which is not what a backup has there", te.Field, te.Value)
	}
	if field, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return fmt.Sprintf("it has a field %s, which no backup has: it is another file, or it was changed by hand", field)
	}
	return fmt.Sprintf("it could not be read as JSON (%v)", err)
}

// write writes a backup that readBackup has checked into s, whole or not
// at all: a restore that the storage cannot hold (its quota reached
// halfway) leaves s as it was, empty, so that the backup can be restored
// again once there is room; a library in part would hold documents, and
// no restore goes into one. The documents go in one transaction where the
// store can (ManyWriter), else one by one, those written taken out again
// on a failure; the settings after them. A document whose article s holds
// by now is left as it is there: another tab added it while the backup
// was being restored, and may have tagged it. The error is then a
// *KeptError naming them, once every other document is written.
func (b *Backup) write(s Store) error {
	docs := make([]NewDocument, len(b.Documents))
	for i, d := range b.Documents {
		docs[i] = NewDocument{Record: d.DocumentRecord, Annotations: d.Annotations}
	}
	found, err := putAll(s, docs)
	if err != nil {
		return err
	}
	if err := s.PutSettings(Settings{Author: b.Author, Schema: b.Schema}); err != nil {
		takeOut(s, docs, found)
		return err
	}
	if err := s.SetLayout(b.Layout); err != nil {
		return err
	}
	if err := Upgrade(s, b.Layout); err != nil {
		return err
	}
	var kept []string
	for i, id := range found {
		if id == "" {
			continue
		}
		title := b.Documents[i].Title
		if sum, err := s.Summary(id); err == nil {
			title = sum.Title
		}
		kept = append(kept, title)
	}
	if len(kept) > 0 {
		return &KeptError{Titles: kept}
	}
	return nil
}

// KeptError is the error of a restore that left the documents titled
// Titles as another tab added them while it was restoring
// (ErrAddedElsewhere): every other document of the backup is restored.
type KeptError struct {
	Titles []string
}

func (e *KeptError) Error() string {
	names := make([]string, len(e.Titles))
	for i, t := range e.Titles {
		names[i] = titled(t)
	}
	return fmt.Sprintf("%s %s %v", strings.Join(names, ", "), annotate.Plural(len(names), "was", "were"), ErrAddedElsewhere)
}

func (e *KeptError) Unwrap() error { return ErrAddedElsewhere }

// putAll writes the new documents of docs into s, all of them or, on an
// error, none; found is as ManyWriter's: the id of the document s holds
// already for each left out, "" for each written.
func putAll(s Store, docs []NewDocument) (found []string, err error) {
	if m, ok := s.(ManyWriter); ok {
		return m.PutDocuments(docs)
	}
	found = make([]string, len(docs))
	for i, d := range docs {
		f, err := s.AddDocument(d.Record, d.Annotations)
		if err != nil {
			takeOut(s, docs[:i], found[:i])
			return nil, err
		}
		found[i] = f
	}
	return found, nil
}

// takeOut deletes the documents of docs that this write stored (found[i]
// is ""), as far as it can: it undoes a write that could not be finished,
// whose error is the one to report.
func takeOut(s Store, docs []NewDocument, found []string) {
	for i, d := range docs {
		if found[i] == "" {
			s.DeleteDocument(d.Record.ID)
		}
	}
}

// checkBackupDocument checks one document of a backup and sanitises its
// HTML again, in place.
func checkBackupDocument(d *BackupDocument) error {
	if d.ID == "" {
		return errors.New("it has no id")
	}
	if !d.Status.Valid() {
		return fmt.Errorf("its status %q is not one of new, in progress or done", d.Status)
	}
	if err := d.Schema.Validate(); err != nil {
		return fmt.Errorf("its label schema: %v", err)
	}
	sum := sha256.Sum256([]byte(d.Text))
	if hex.EncodeToString(sum[:]) != d.TextSHA256 {
		return errors.New("its text does not match its textSha256")
	}
	doc, err := annotate.Load([]byte(d.HTML), annotate.Source{Name: d.Title, MediaType: "text/html"})
	if err != nil {
		return fmt.Errorf("its HTML: %v", err)
	}
	if doc.Text().String() != d.Text || doc.ID != d.ID {
		return errors.New("its HTML, sanitised again, does not give its text")
	}
	d.HTML, d.Index = doc.HTML, doc.IndexData() // a backup carries no index
	if d.Annotations == nil {
		d.Annotations = []annotate.Annotation{}
	}
	set := annotate.NewSet(doc.Text(), d.Schema)
	ids := map[string]bool{}
	orphans := 0
	for j, a := range d.Annotations {
		if ids[a.ID] || a.ID == "" {
			return fmt.Errorf("annotation %d: its id %q is empty or used twice", j+1, a.ID)
		}
		ids[a.ID] = true
		if a.Anchor == annotate.AnchorOrphan {
			orphans++
			continue
		}
		if err := set.Insert(a); err != nil {
			return fmt.Errorf("annotation %d (%s): %v", j+1, a.ID, err)
		}
	}
	if counts := set.Counts(); !sameCounts(counts, d.Counts) || orphans != d.Orphans {
		return errors.New("its counts per label do not match its annotations")
	}
	if d.Counts == nil {
		d.Counts = map[string]int{}
	}
	// Listed as a title is kept and a count shown: "0 quote" is none.
	maps.DeleteFunc(d.Counts, func(_ string, n int) bool { return n == 0 })
	if d.Title = annotate.CutTitle(d.Title); d.Title == "" {
		d.Title = "Untitled article"
	}
	return nil
}

func sameCounts(a, b map[string]int) bool {
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	for k, v := range b {
		if a[k] != v {
			return false
		}
	}
	return true
}

// HoldsWork reports whether the workspace holds work of its user's: any
// document but untouched ones from sourceID (the sample a first start
// adds, say: still new, never annotated, renamed or marked). A workspace
// kept only in memory loses that work when its tab closes.
func (w *Workspace) HoldsWork(sourceID string) (bool, error) {
	work, _, err := w.work(sourceID)
	return work, err
}

// work is HoldsWork, and the ids of the untouched documents when there is
// no work.
func (w *Workspace) work(sourceID string) (bool, []string, error) {
	sums, err := w.store.Documents()
	if errors.Is(err, ErrDamaged) {
		return true, nil, nil // a document that cannot be read may hold work
	}
	if err != nil {
		return false, nil, err
	}
	var untouched []string
	for _, s := range sums {
		// Added and Changed are the same time until a change, a rename
		// or a status is written.
		if sourceID == "" || s.Status != StatusNew || s.Annotations()+s.Orphans > 0 || !s.Changed.Equal(s.Added) {
			return true, nil, nil
		}
		rec, err := w.store.Document(s.ID)
		if err != nil {
			return false, nil, err
		}
		if rec.SourceID != sourceID {
			return true, nil, nil
		}
		untouched = append(untouched, s.ID)
	}
	return false, untouched, nil
}

// RestoreOver restores backup data into the workspace, which must hold no
// document but untouched ones from sourceID (see HoldsWork), none of them
// open in another tab (Hold: the error then wraps ErrInUse); those are
// replaced only once the whole backup has been read and checked, so that
// a bad backup changes nothing, and a write the storage cannot take
// leaves them. Once restored, the library has nothing to undo:
// its changes from before were made to documents the backup has replaced.
// An article that another tab added while it was restoring is kept as it
// is there, and the error, once the rest is restored, is a *KeptError.
func (w *Workspace) RestoreOver(data []byte, sourceID string) error {
	b, err := readBackup(data)
	if err != nil {
		return err
	}
	work, replace, err := w.work(sourceID)
	if err != nil {
		return err
	}
	if work {
		return ErrNotEmpty
	}
	// An untouched document open in another tab is not replaced under it:
	// that tab would go on from the document it holds, and write its
	// changes over what the backup brought (the same article, the same
	// id, when the backup holds it). Each is held until it is replaced,
	// and looked at again once held: a tab may have changed it since.
	sort.Strings(replace)
	for _, id := range replace {
		release, inUse := w.hold(id)
		defer release()
		if inUse != nil {
			s, err := w.store.Summary(id)
			if err != nil {
				return err
			}
			return fmt.Errorf("%s would be replaced by the backup, and %w", titled(s.Title), inUse)
		}
	}
	if work, again, err := w.work(sourceID); err != nil {
		return err
	} else if sort.Strings(again); work || !slices.Equal(again, replace) {
		return ErrNotEmpty
	}
	// A document the backup holds too is deleted first, for the
	// backup's copy to take its place; the others only once the backup
	// is written. A write the storage cannot take (full) then leaves the
	// library as it was: the sample was deleted and lost, under "nothing
	// changed". One deleted first is put back, as far as the storage
	// lets it.
	inBackup := make(map[string]bool, len(b.Documents))
	for _, d := range b.Documents {
		inBackup[d.ID] = true
	}
	var deleted []NewDocument
	putBack := func() {
		for _, d := range deleted {
			w.store.PutDocument(d.Record, d.Annotations)
		}
	}
	for _, id := range replace {
		if !inBackup[id] {
			continue
		}
		rec, err := w.store.Document(id)
		if err != nil {
			return err
		}
		anns, err := w.store.Annotations(id)
		if err := readable(err); err != nil {
			return err
		}
		if err := w.store.DeleteDocument(id); err != nil {
			putBack()
			return err
		}
		deleted = append(deleted, NewDocument{Record: rec, Annotations: anns})
	}
	// A restore that kept another tab's documents (a *KeptError) is done
	// all the same.
	var kept *KeptError
	if err := b.write(w.store); err != nil && !errors.As(err, &kept) {
		putBack()
		return err
	}
	for _, id := range replace {
		if !inBackup[id] {
			if err := w.store.DeleteDocument(id); err != nil {
				return err
			}
		}
	}
	w.undo = nil
	if kept != nil {
		return kept
	}
	return nil
}
