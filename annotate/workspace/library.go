package workspace

// This file keeps the library's rules: how documents are listed (sorted
// and filtered as an annotator with a thousand articles expects: titles
// compared without regard to case or accents, every word typed must
// match), and the changes made from the library (rename, status, delete),
// each of which one undo reverses, so that a document deleted by mistake
// comes back with every annotation it had.

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/newsannotator/annotator/annotate"
)

// SortKey is what a listing is sorted by.
type SortKey string

// The keys a listing can be sorted by. The zero SortKey sorts by SortAdded.
const (
	SortTitle   SortKey = "title"
	SortAdded   SortKey = "added"
	SortChanged SortKey = "changed"
	SortStatus  SortKey = "status"
)

// Query says which documents a listing shows, and in what order.
type Query struct {
	Sort SortKey
	// Descending reverses the order.
	Descending bool
	// Status, when not "", keeps only the documents with that status.
	Status Status
	// Words, when not blank, keeps only the documents whose title has
	// every one of its words, each as the start of a word of the title,
	// ignoring case and accents: "elec uk" finds "UK élections".
	Words string
}

// ErrTitle is the error of a blank title.
var ErrTitle = errors.New("a title cannot be blank")

// ErrTitleLong is the error of a title longer than annotate.TitleLimit.
var ErrTitleLong = errors.New("a title can have at most " + strconv.Itoa(annotate.TitleLimit) + " characters")

// titled names a document by its title in the library's words and
// messages, between the quotation marks the app writes: Go's %q escaped a
// headline's own quotes (`"Trump calls trade \"balanced\""`), a raw
// string in the Undo button, its message and the import's report.
func titled(title string) string { return "“" + title + "”" }

// ErrNothingToUndo is the error of an Undo with nothing to undo.
var ErrNothingToUndo = errors.New("there is nothing to undo in the library")

// List returns the summaries that q keeps, in q's order. Ties are broken
// by title, then id, so the order never depends on the store's.
func List(summaries []Summary, q Query) []Summary {
	words := foldWords(q.Words)
	// Sort small entries that point at the summaries: moving whole
	// summaries about costs more than comparing them.
	kept := make([]listEntry, 0, len(summaries))
	// By the time of a change or of adding, titles only break ties, which
	// are rare: their keys are made then (listEntry.key).
	keyed := len(words) > 0 || q.Sort == SortTitle || q.Sort == SortStatus
	for i := range summaries {
		e := listEntry{s: &summaries[i]}
		if keyed {
			e.title = titleKey(e.s.Title)
		}
		if q.keeps(e, words) {
			kept = append(kept, e)
		}
	}
	slices.SortFunc(kept, q.compare)
	out := make([]Summary, len(kept))
	for i, e := range kept {
		out[i] = *e.s
	}
	return out
}

// listEntry is a summary as a listing sorts it: with its title's key
// (titleKey), or "" when it is yet to be made.
type listEntry struct {
	s     *Summary
	title string
}

// key returns the entry's title key, made now if it was not.
func (e listEntry) key() string {
	if e.title == "" && e.s.Title != "" {
		return titleKey(e.s.Title)
	}
	return e.title
}

// keeps reports whether q shows e; words are q's, folded.
func (q Query) keeps(e listEntry, words []string) bool {
	if q.Status != "" && e.s.Status != q.Status {
		return false
	}
	return len(words) == 0 || hasWords(e.key(), words)
}

// compare orders two entries as q lists them.
func (q Query) compare(a, b listEntry) int {
	c := 0
	switch q.Sort {
	case SortTitle:
	case SortChanged:
		c = a.s.Changed.Compare(b.s.Changed)
	case SortStatus:
		c = cmp.Compare(a.s.Status.rank(), b.s.Status.rank())
	default:
		c = a.s.Added.Compare(b.s.Added)
	}
	if c == 0 {
		c = cmp.Or(strings.Compare(a.key(), b.key()), strings.Compare(a.s.Title, b.s.Title), strings.Compare(a.s.ID, b.s.ID))
	}
	if q.Descending {
		return -c
	}
	return c
}

// fold writes s in lower case without accents: "Élection" gives
// "election". Each character is decomposed (NFKD) on its own and its
// combining marks dropped, which gives what decomposing the whole string
// would, since the marks are dropped whatever their order. The Latin
// letters are looked up in a table made once: the library folds every
// title on every keystroke in its search box.
func fold(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r < 0x80 {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
			continue
		}
		if latin := latinFolds(); r < rune(len(latin)) {
			b = append(b, latin[r]...)
			continue
		}
		b = foldRune(b, r)
	}
	return string(b)
}

// foldRune appends the folding of r to b.
func foldRune(b []byte, r rune) []byte {
	if f, ok := baseLetters[r]; ok {
		return append(b, f...)
	}
	var one [4]byte
	n := utf8.EncodeRune(one[:], r)
	for _, d := range norm.NFKD.String(string(one[:n])) {
		if !unicode.Is(unicode.Mn, d) {
			d = unicode.ToLower(d)
			if d == 'ς' {
				d = 'σ' // the final sigma: "ΕΚΛΟΓΕΣ" is "εκλογές"
			}
			b = utf8.AppendRune(b, d)
		}
	}
	return b
}

// baseLetters folds the letters whose mark is drawn through them (a
// stroke, a bar) or that join two letters: NFKD leaves them whole, and
// "lodz" missed "Łódź", which sorted after "z". "ß" is "ss", as German
// writes it without the letter (and as Unicode's full case folding has
// it): "strasse" missed "Straße".
var baseLetters = map[rune]string{
	'Ł': "l", 'ł': "l", 'Ø': "o", 'ø': "o", 'Đ': "d", 'đ': "d", 'Ð': "d", 'ð': "d",
	'Ħ': "h", 'ħ': "h", 'Ŧ': "t", 'ŧ': "t", 'ı': "i", 'Æ': "ae", 'æ': "ae",
	'Œ': "oe", 'œ': "oe", 'Þ': "th", 'þ': "th", 'ß': "ss", 'ẞ': "ss",
}

// latinFolds holds the folding of every character below U+0250 (the
// Latin letters of most European languages), made once.
var latinFolds = sync.OnceValue(func() []string {
	t := make([]string, 0x250)
	for r := range rune(len(t)) {
		t[r] = string(foldRune(nil, r))
	}
	return t
})

// splitWords cuts s into its words: letters and numbers, with the marks
// that go with them (a Devanagari vowel sign is a spacing mark, Mc: cut
// there, "नदी" found "हिन्दी").
func splitWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !inWord(r) }) {
		start, last := 0, neutral
		for i, r := range w {
			c := scriptClass(r)
			if c != neutral && last != neutral && c != last {
				out, start = append(out, w[start:i]), i
			}
			if c != neutral {
				last = c
			}
		}
		out = append(out, w[start:])
	}
	return out
}

// The classes of letters that scriptClass tells apart.
const (
	neutral        = iota // digits, marks, signs of no script (ー)
	unspacedScript        // a script written without spaces (Chinese, Japanese...)
	spacedScript          // any other (Latin, Cyrillic, Hangul...)
)

// scriptClass says whether r is a letter of a script written without
// spaces, of another, or of none: where one of the first two meets the
// other, a word ends, so that "新型iPhone発表" holds the word "iphone" as
// a headline in Japanese writes it.
func scriptClass(r rune) int {
	switch {
	case r < utf8.RuneSelf:
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			return spacedScript
		}
		return neutral
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar):
		return unspacedScript
	case unicode.In(r, unicode.Common, unicode.Inherited) || !unicode.IsLetter(r):
		return neutral
	}
	return spacedScript
}

func foldWords(s string) []string { return splitWords(fold(s)) }

// titleKey is a title as a listing sorts and searches it: folded, its
// words alone, one space apart: a headline that opens with a quotation
// mark sorts by its first word, not after "z" (“) or before "a" (").
//
// It folds and keeps the words in one pass: sorting by title makes the
// key of every document.
func titleKey(title string) string {
	b := make([]byte, 0, len(title))
	gap := false
	last := neutral // the class of the word's last letter (scriptClass)
	put := func(d rune) {
		if gap {
			last = neutral
		}
		if c := scriptClass(d); c != neutral {
			gap = gap || last != neutral && c != last
			last = c
		}
		if gap && len(b) > 0 {
			b = append(b, ' ')
		}
		gap = false
		b = utf8.AppendRune(b, d)
	}
	var one [16]byte
	for _, r := range title {
		if r < utf8.RuneSelf {
			switch {
			case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			case 'A' <= r && r <= 'Z':
				r += 'a' - 'A'
			default:
				gap = true
				continue
			}
			put(r)
			continue
		}
		var f []byte
		if latin := latinFolds(); r < rune(len(latin)) {
			f = append(one[:0], latin[r]...)
		} else {
			f = foldRune(one[:0], r)
		}
		for _, d := range string(f) {
			if !inWord(d) {
				gap = true
				continue
			}
			put(d)
		}
	}
	return string(b)
}

// inWord reports whether r is part of a word: a letter, a number, or a
// mark that goes with them.
func inWord(r rune) bool {
	if r < utf8.RuneSelf {
		// ASCII, most of a title's characters: the same answer, without
		// unicode.IsMark's search of its tables.
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// hasWords reports whether every one of words, folded, starts a word of
// key, a title's key (titleKey); a word of a script written without
// spaces (Chinese, Japanese, Thai...) is found anywhere in a word of it.
func hasWords(key string, words []string) bool {
	for _, w := range words {
		match := strings.HasPrefix
		if unspaced(w) {
			match = strings.Contains
		}
		found := false
		for t := range strings.SplitSeq(key, " ") {
			if found = match(t, w); found {
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// unspaced reports whether w holds a letter of a script written without
// spaces between words.
func unspaced(w string) bool {
	for _, r := range w {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar) {
			return true
		}
	}
	return false
}

// List returns the workspace's documents that q keeps, in q's order.
// When some summaries cannot be read, the rest are listed with the
// *DamagedError that says so.
func (w *Workspace) List(q Query) ([]Summary, error) {
	all, damaged := w.store.Documents()
	if err := readable(damaged); err != nil {
		return nil, err
	}
	return List(all, q), damaged
}

// UndoLimit is how many library changes a Workspace remembers for undo.
// A deleted document is held in memory until it drops off the list.
const UndoLimit = 20

// libraryChange is one change made from the library, with how to undo it.
// doc is the document whose title or annotations the undo changes (what
// an editor holding it open holds), or ""; row is the document whose
// summary, and row in the library, the undo changes; summaryOnly is set
// when the undo changes that summary alone (a status).
type libraryChange struct {
	label       string
	doc, row    string
	summaryOnly bool
	undo        func() error
}

func (w *Workspace) remember(label, doc, row string, summaryOnly bool, undo func() error) {
	w.undo = append(w.undo, libraryChange{label, doc, row, summaryOnly, undo})
	if len(w.undo) > UndoLimit {
		w.undo = slices.Delete(w.undo, 0, len(w.undo)-UndoLimit)
	}
}

// UndoLabel describes the change Undo would undo, such as `delete "Budget
// day"`, or "" when there is none.
func (w *Workspace) UndoLabel() string {
	if len(w.undo) == 0 {
		return ""
	}
	return w.undo[len(w.undo)-1].label
}

// UndoDocument returns the id of the document whose annotations Undo
// would change (a gold file's), or "" when it would change none (a title,
// a status, a deleted document brought back): an editor that holds that
// document open holds it as it was before, and must read it again.
func (w *Workspace) UndoDocument() string {
	if len(w.undo) == 0 {
		return ""
	}
	return w.undo[len(w.undo)-1].doc
}

// UndoRow returns the id of the document whose summary Undo would change
// (its title, its status, or the whole, brought back), or "" when there is
// nothing to undo: a listing need read only that document again.
func (w *Workspace) UndoRow() string {
	if len(w.undo) == 0 {
		return ""
	}
	return w.undo[len(w.undo)-1].row
}

// UndoSummaryOnly reports whether Undo would change UndoRow's summary
// alone (a title, a status): the other tabs are told so (SummaryChange),
// and one showing the document takes the summary and reads none of its
// annotations again.
func (w *Workspace) UndoSummaryOnly() bool {
	return len(w.undo) > 0 && w.undo[len(w.undo)-1].summaryOnly
}

// Undo undoes the most recent rename, status change or delete made from
// the library. It returns ErrNothingToUndo when there is none; a change
// that cannot be undone (a deleted article added again meanwhile; a
// rename, a status or a gold file changed since, ErrChangedSince) is
// dropped from the list and its error returned. A change refused because
// its document is open elsewhere (the error wraps ErrInUse), or whose
// write the store refused (a full storage), stays on the list: it can be
// undone once the document is closed there, or the store has room.
func (w *Workspace) Undo() error {
	if len(w.undo) == 0 {
		return ErrNothingToUndo
	}
	c := w.undo[len(w.undo)-1]
	err := c.undo()
	if err == nil || undoneForGood(err) {
		w.undo = w.undo[:len(w.undo)-1]
	}
	return err
}

// undoneForGood reports whether a change whose undo failed with err can
// never be undone: the document changed since, was added again, or is
// gone. Any other failure (open elsewhere, ErrInUse; the store refusing
// the write, a full storage) keeps it on the list: a deleted document
// lives only there, and is brought back once the store takes it.
func undoneForGood(err error) bool {
	return errors.Is(err, ErrChangedSince) || errors.Is(err, ErrDuplicateText) || errors.Is(err, ErrNoDocument) ||
		errors.Is(err, ErrCorrupt) || errors.Is(err, ErrRecord)
}

// Rename gives document id a new title, cleaned as annotate.CleanTitle
// cleans it. A title with no visible character is refused with ErrTitle,
// one longer than annotate.TitleLimit with ErrTitleLong.
func (w *Workspace) Rename(id, title string) error {
	title, err := newTitle(title)
	if err != nil {
		return err
	}
	old, err := w.store.Summary(id)
	if err != nil {
		return err
	}
	if title == old.Title {
		return nil // nothing changes, and there is nothing to undo
	}
	return w.rename(id, old, title, "")
}

// newTitle returns title cleaned as annotate.CleanTitle cleans it, or the
// error of a title the library refuses: ErrTitle, ErrTitleLong.
func newTitle(title string) (string, error) {
	title = annotate.CleanTitle(title)
	if title == "" {
		return "", ErrTitle
	}
	if n := annotate.RuneCount(title); n > annotate.TitleLimit {
		return "", fmt.Errorf("%w: this one has %s", ErrTitleLong, annotate.GroupDigits(int64(n)))
	}
	return title, nil
}

// rename writes title, cleaned, over old, document id's summary, as a
// change the library's Undo takes back: only while the document is still
// titled ifTitle, looked at inside the write, when ifTitle is not "".
func (w *Workspace) rename(id string, old Summary, title, ifTitle string) error {
	at := w.now()
	if err := w.store.Apply(id, Change{Library: &SummaryEdit{Title: title, IfTitle: ifTitle}, Changed: at}); err != nil {
		return err
	}
	w.remember("rename "+titled(old.Title), "", id, true, func() error {
		// Renamed since (in another tab), the document keeps that name:
		// the undo is refused, in words, as a gold file's is.
		now, err := w.store.Summary(id)
		if err != nil {
			return err
		}
		if now.Title != title {
			return fmt.Errorf("the rename of %s cannot be undone: %w", titled(title), ErrChangedSince)
		}
		return w.store.Apply(id, Change{Library: &SummaryEdit{Title: old.Title, IfTitle: title}, Changed: w.changedBack(now, at, old)})
	})
	return nil
}

// SetStatus sets the status of document id.
func (w *Workspace) SetStatus(id string, st Status) error {
	if !st.Valid() {
		return fmt.Errorf("%q: %w", st, ErrStatus)
	}
	old, err := w.store.Summary(id)
	if err != nil {
		return err
	}
	if st == old.Status {
		return nil // nothing changes, and there is nothing to undo
	}
	at := w.now()
	if err := w.store.Apply(id, Change{Library: &SummaryEdit{Status: st}, Changed: at}); err != nil {
		return err
	}
	w.remember(fmt.Sprintf("mark %s %s", titled(old.Title), st), "", id, true, func() error {
		// Set since to another status (in another tab), the document
		// keeps it, as a rename undone keeps a later name.
		now, err := w.store.Summary(id)
		if err != nil {
			return err
		}
		// Tagged since (in another tab), a document marked done while
		// new goes back to the status the tags would have given it.
		back := old.Status
		if now.Orphans != old.Orphans || !maps.Equal(now.Counts, old.Counts) {
			back = annotated(back)
		}
		switch now.Status {
		case back:
			return nil // so already
		case st:
			return w.store.Apply(id, Change{Library: &SummaryEdit{Status: back, IfStatus: st}, Changed: w.changedBack(now, at, old)})
		}
		return fmt.Errorf("marking %s %s cannot be undone: %w", titled(now.Title), st, ErrChangedSince)
	})
	return nil
}

// changedBack is the time of last change an undo of a rename or a status
// written at at writes: the document's time before it, old's, when
// nothing changed it since (now, the summary as the undo reads it), so
// that an undo leaves the document as it was (its row where it was, by
// last change; the sample untouched, HoldsWork); else the time of the
// undo.
func (w *Workspace) changedBack(now Summary, at time.Time, old Summary) time.Time {
	if now.Changed.Equal(at) {
		return old.Changed
	}
	return w.now()
}

// Delete deletes document id, its annotations and its undo history. Undo
// restores all three: a document deleted by mistake comes back as it was,
// Ctrl+Z included. A document open elsewhere (Hold) is not deleted: the
// error wraps ErrInUse.
func (w *Workspace) Delete(id string) error {
	release, inUse := w.hold(id)
	defer release()
	rec, err := w.store.Document(id)
	if err != nil {
		return err
	}
	if inUse != nil {
		return fmt.Errorf("%s cannot be deleted: %w", titled(rec.Title), inUse)
	}
	anns, err := w.store.Annotations(id)
	if _, ok := errors.AsType[*DamagedError](err); ok {
		// The annotations that cannot be read never block the deletion:
		// Undo brings back those that could, counted as they are.
		rec.Counts, rec.Orphans = placedCounts(anns)
	} else if err != nil {
		return err
	}
	steps, err := w.store.Steps(id)
	if err != nil {
		return err
	}
	if err := w.saving(id); err != nil {
		return fmt.Errorf("%s cannot be deleted: %w", titled(rec.Title), err)
	}
	if err := w.store.DeleteDocument(id); err != nil {
		return err
	}
	w.remember("delete "+titled(rec.Title), "", id, false, func() error { return w.restore(rec, anns, steps) })
	return nil
}

// restore puts back a deleted document, its annotations and its undo
// history. The history is a change of its own, written after the
// document: were it to fail, the document is back all the same. The
// document is held from the one write to the other (Hold): a tab that
// opened it in between would tag it with the counts and the history's
// numbers of a document without that history, and the second write put
// the old counts and steps over its own. A tab that holds it already
// changed nothing of it (there was nothing to change: one that showed it
// read-only as it was deleted, and got its lock after), and the undo
// goes on: refused, it would wait for that tab to leave the document.
func (w *Workspace) restore(rec DocumentRecord, anns []annotate.Annotation, steps []annotate.Step) error {
	// This tab's own changes of the article on their way (opened again
	// since, and tagged) would land on the document brought back, counted
	// without its annotations: the undo waits for them (ErrInUse keeps
	// it on the list).
	if err := w.saving(rec.ID); err != nil {
		return fmt.Errorf("%s cannot be brought back: %w", titled(rec.Title), err)
	}
	release, _ := w.hold(rec.ID)
	defer release()
	if err := w.addDocument(rec, anns); err != nil {
		return err
	}
	if len(steps) == 0 {
		return nil
	}
	return w.store.Apply(rec.ID, Change{PutSteps: steps, Counts: rec.Counts, Orphans: rec.Orphans, Changed: rec.Changed})
}

// placedCounts returns the counts per label of the placed annotations of
// anns, and how many are orphans.
func placedCounts(anns []annotate.Annotation) (map[string]int, int) {
	counts, orphans := map[string]int{}, 0
	for _, a := range anns {
		if a.Anchor == annotate.AnchorOrphan {
			orphans++
			continue
		}
		counts[a.Label]++
	}
	return counts, orphans
}
