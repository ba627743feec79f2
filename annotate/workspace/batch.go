package workspace

// This file keeps the rules for importing articles by the hundred: a bad
// line or a bad file never stops the others, and each is named with its
// line number and the reason in words, so that the user can fix exactly
// that one; what a line or file kept loses on the way (a span left out, a
// label changed) is named the same way, as a note, never dropped in
// silence; an article already in the workspace, or met earlier in the same
// batch, is reported as a duplicate rather than stored twice.
//
// A batch is JSON Lines, one article to a line, read by package formats
// (line.go says what a line holds):
//
//	{"id": "a7", "title": "…", "url": "https://…", "html": "<p>…</p>", "meta": {"author": "…"}}
//
// with either "html" or "text", never both; "meta" overrides what the page
// says of itself. A line with spans is a dataset line, as the dataset
// export writes it: its document comes with its annotations.

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/formats"
)

// The reasons a line or file is refused, besides the errors of
// annotate.Load and annotate.Import, which keep their own (annotate.ErrEmpty,
// annotate.ErrTooLarge, *annotate.ImportError, …). Test for them with
// errors.Is on an ItemError.
var (
	ErrBadJSON      = formats.ErrBadJSON
	ErrNoArticle    = formats.ErrNoArticle
	ErrBothArticles = formats.ErrBothArticles
	ErrNotUTF8      = formats.ErrNotUTF8
	ErrNoLines      = formats.ErrNoLines
	ErrHTMLPage     = formats.ErrHTMLPage
	ErrBlank        = formats.ErrBlank
	ErrDuplicateID  = errors.New("the id is used by an earlier line for another article: give every article its own id")
	ErrUnsupported  = errors.New("only .html, .htm, .xhtml and .txt articles, .json exports, .jsonl batches and the files of W3C Web Annotation, Label Studio, brat (a .txt with its .ann) and CSV can be imported")
)

// BatchLine is one line of a batch.
type BatchLine = formats.Line

// ItemError is why one line of a batch, or one file, was not imported.
type ItemError struct {
	// Name is the file's name (the batch's, for a line).
	Name string
	// Line is the line's number, from 1, or 0 for a whole file.
	Line int
	// ID is the line's id, when it has one.
	ID  string
	Err error
}

// Where names the file and line.
func (e *ItemError) Where() string {
	w := e.Name
	if e.Line > 0 {
		if w != "" {
			w += ", "
		}
		w += fmt.Sprintf("line %d", e.Line)
	}
	if e.ID != "" {
		w += fmt.Sprintf(" (id %q)", e.ID)
	}
	return w
}

func (e *ItemError) Error() string { return e.Where() + ": " + e.Err.Error() }
func (e *ItemError) Unwrap() error { return e.Err }

// Duplicate is an article that was not added because its text is already
// in the workspace.
type Duplicate struct {
	// Name, Line and ID say where the duplicate was, as in ItemError.
	Name string
	Line int
	ID   string
	// Of is the id of the document already stored, OfTitle its title.
	Of, OfTitle string
	// Annotations counts the annotations (orphans included) that came with
	// it, from an export. They were written into the document there when
	// it had none of its own, as AddExport writes them, and Filled is set;
	// otherwise they were not imported, and Own counts the annotations
	// (orphans included) that the document there has.
	Annotations int
	Filled      bool
	Own         int
	// InUse is set when the document there had no annotation but is open
	// in another tab, so that they were not written into it (ErrInUse);
	// Saving too when it is open in this tab instead, with changes still
	// being saved (ErrSavingHere).
	InUse, Saving bool
	// Earlier names the line or file of this import that added it, such
	// as "batch.jsonl, line 12" or "budget.html", or is "" when it was in the
	// workspace before.
	Earlier string
}

func (d Duplicate) String() string {
	where := (&ItemError{Name: d.Name, Line: d.Line, ID: d.ID}).Where()
	var msg string
	if d.Earlier != "" {
		msg = fmt.Sprintf("%s: the same article as %s; it was not added twice", where, d.Earlier)
	} else {
		msg = fmt.Sprintf("%s: the same article as %s, already in the workspace; it was not added again", where, titled(d.OfTitle))
	}
	its := fmt.Sprintf("its %s %s", annotate.GroupDigits(int64(d.Annotations)), annotate.Plural(d.Annotations, "annotation was", "annotations were"))
	switch {
	case d.Filled:
		msg += ", and " + its + " added to it, which had none"
	case d.Saving:
		msg += ", and " + its + " not imported: the library's copy is open in this tab, and its last changes are still being saved. Import the file again once they are saved"
	case d.InUse:
		msg += ", and " + its + " not imported: the library's copy is open in another tab. Import the file again once it is closed there"
	case d.Annotations > 0:
		msg += ", and " + its + " not imported"
		if d.Own > 0 {
			msg += fmt.Sprintf(": the library's copy has %s %s of its own", annotate.GroupDigits(int64(d.Own)), annotate.Plural(d.Own, "annotation", "annotations"))
		}
		// What the app offers for two annotators' files of one article.
		msg += ". To compare or combine the two, open the library's copy, download it with Download JSON, and choose both files with Adjudicate… in the library"
	}
	return msg
}

// Note is a warning about a line or file that was imported: a problem
// that did not stop it, with what the import did about it (a span left
// out, a label read in lower case, a span placed by its offsets because
// its text did not match them).
type Note struct {
	// Name, Line and ID say where, as in ItemError.
	Name string
	Line int
	ID   string
	// Text says what was wrong and what was done, in words.
	Text string
}

func (n Note) String() string {
	return (&ItemError{Name: n.Name, Line: n.Line, ID: n.ID}).Where() + ": " + n.Text
}

// Report says what an import did.
type Report struct {
	// Added are the documents stored, in the order of the input.
	Added []Summary
	// Duplicates are the articles whose text was already stored.
	Duplicates []Duplicate
	// Errors are the lines and files refused, in the order of the input.
	Errors []*ItemError
	// Notes are the warnings about the lines and files that were not
	// refused, in the order of the input: what of them was left out or
	// changed, so that nothing is dropped in silence.
	Notes []Note
	// Stopped is where a cancelled import stopped, nil when it was not.
	Stopped *Stop
}

// Filled returns the ids of the documents stored before the import whose
// annotations it wrote (Duplicate.Filled): a caller that holds one of them
// open holds it as it was, and must read it again.
func (r Report) Filled() []string {
	var ids []string
	for _, d := range r.Duplicates {
		if d.Filled && d.Earlier == "" {
			ids = append(ids, d.Of)
		}
	}
	return ids
}

// Progress is told, after each line or file, how many are done of how
// many in all.
type Progress func(done, total int)

// batch is the state of one import: where each text came from, and the
// documents not yet written (see batch_write.go).
type batch struct {
	w      *Workspace
	report *Report
	// earlier names, by the SHA-256 of its text, the line or file that
	// added a document during this import.
	earlier map[string]string
	group
}

// newBatch starts an import into w that reports to r.
func newBatch(w *Workspace, r *Report) *batch {
	b := &batch{w: w, report: r, earlier: map[string]string{}}
	b.writer, _ = w.store.(ManyWriter)
	return b
}

// ImportBatch imports the JSON Lines batch data, named name, line by line.
// Bad lines are named in the report's Errors and the good ones are added;
// blank lines are skipped. It stops between two lines when ctx is done,
// returning what it added so far and ctx's error; any other error is the
// store's.
func (w *Workspace) ImportBatch(ctx context.Context, name string, data []byte, progress Progress) (Report, error) {
	var r Report
	b := newBatch(w, &r)
	err := b.finish(b.lines(ctx, name, data, progress))
	return r, err
}

func (b *batch) lines(ctx context.Context, name string, data []byte, progress Progress) error {
	if annotate.LooksLikeHTMLPage(data) {
		// A page saved as .jsonl was a "cannot be read" for each of its
		// lines.
		b.report.Errors = append(b.report.Errors, &ItemError{Name: name, Err: ErrHTMLPage})
		return nil
	}
	lines := formats.SplitLines(data)
	if len(lines) == 0 {
		b.report.Errors = append(b.report.Errors, &ItemError{Name: name, Err: ErrNoLines})
	}
	ids := map[string]*idUse{}
	for i, l := range lines {
		if err := ctx.Err(); err != nil {
			last := 0
			if i > 0 {
				last = lines[i-1].N
			}
			b.stopAt(name, last, l.N, lines[len(lines)-1].N)
			return err
		}
		bl, err := formats.ParseLine(l.Data)
		// A dataset line's id is its text's: the same id again is the same
		// article again, a duplicate, not a line to give another id.
		var use idUse
		if err == nil && bl.ID != "" && !bl.HoldsCanonicalText() {
			if first, ok := ids[bl.ID]; ok {
				use = idUse{line: first.line, text: first.text, again: true}
			} else {
				use.line = l.N
				ids[bl.ID] = &use
			}
		}
		if err != nil {
			err = &ItemError{Name: name, Line: l.N, ID: bl.ID, Err: err}
		} else {
			err = b.addLine(name, l.N, bl, &use)
		}
		if err != nil {
			var ie *ItemError
			if !errors.As(err, &ie) {
				return err // the store's
			}
			b.report.Errors = append(b.report.Errors, ie)
			// A refused line added no article under its id, which the
			// next line to give it takes: a scraper's retry of a page it
			// first wrote empty was refused as "another article".
			if ids[bl.ID] == &use {
				delete(ids, bl.ID)
			}
		}
		if progress != nil {
			progress(i+1, len(lines))
		}
	}
	return nil
}

// idUse is the first line of a batch that gave an id, and the SHA-256 of
// its article's text once it was read; again is set on a later line with
// the same id.
type idUse struct {
	line  int
	text  string
	again bool
}

// claim records text (its SHA-256) as the article of the id's first line,
// or, on a later line, reports whether it is that same article.
func (u *idUse) claim(text string) bool {
	if !u.again {
		u.text = text
		return true
	}
	return u.text == text
}

// addLine loads one good line and adds it. use is the first line that
// gave the line's id (its own when it is the first): a line that gives
// the id again is refused, unless it holds the same article, which is
// then reported as a duplicate of that line, as under any other id: the
// same line twice in a batch (two runs of a scraper joined) was counted
// among the refused, its user told to give every line its own id.
func (b *batch) addLine(name string, n int, bl BatchLine, use *idUse) error {
	fail := func(err error) error { return &ItemError{Name: name, Line: n, ID: bl.ID, Err: err} }
	// The refusal of an id given again, made only for such a line.
	reused := func() error { return fail(fmt.Errorf("%w (line %d)", ErrDuplicateID, use.line)) }
	label := bl.ID
	if label == "" {
		label = fmt.Sprintf("line %d", n)
	}
	if err := bl.CheckArticle(); err != nil {
		return fail(err)
	}
	// A dataset line comes back as it went out, spans or none: its text
	// word for word, under its own id.
	if bl.Verbatim() {
		return b.addDatasetLine(name, n, bl, use)
	}
	doc, err := formats.LineArticle(bl, label)
	if err != nil {
		return fail(err)
	}
	if !use.claim(doc.TextSHA256()) {
		return reused()
	}
	// A line's "sourceId" names the article where it came from, as on a
	// dataset line; its "id" does when it has none.
	if err := b.add(doc, nil, nil, cmp.Or(bl.SourceID, bl.ID), name, n); err != nil {
		return err
	}
	b.note(name, n, bl.ID, formats.LineNotes(bl, doc.Text().String()))
	return nil
}

// addDatasetLine adds a good line with spans: its document and
// annotations as package formats makes them, imported as a native file is.
func (b *batch) addDatasetLine(name string, n int, bl BatchLine, use *idUse) error {
	fail := func(err error) error { return &ItemError{Name: name, Line: n, ID: bl.ID, Err: err} }
	schema, err := b.workspaceSchema()
	if err != nil {
		return err
	}
	d, err := formats.LineDocIn(bl, fmt.Sprintf("%s:%d", name, n), schema)
	if err != nil {
		return fail(err)
	}
	data, err := d.File.Marshal()
	if err != nil {
		return fail(err)
	}
	imp, err := annotate.Import(data)
	if err != nil {
		return fail(err)
	}
	// The same line twice (a batch joined to itself) is the same article
	// again, a duplicate below; the id given to another article is not.
	if !use.claim(imp.Document.TextSHA256()) {
		return fail(fmt.Errorf("%w (line %d)", ErrDuplicateID, use.line))
	}
	if err := b.add(imp.Document, imp.Set, imp.Orphans, d.SourceID, name, n); err != nil {
		return err
	}
	b.noteDoc(name, n, bl.ID, d)
	return nil
}

// note reports notes, the warnings of package formats about the line or
// file named, whose document was not refused.
func (b *batch) note(name string, line int, id string, notes []string) {
	for _, n := range notes {
		b.report.Notes = append(b.report.Notes, Note{Name: name, Line: line, ID: id, Text: n})
	}
}

// noteDoc reports what package formats said of d, a document that was
// kept, read from the line or file named: its notes, then its faults (the
// spans left out as wrong), each named by the file and line that hold it
// where the fault says. The document is kept without those spans, so they
// are notes here, not refusals.
func (b *batch) noteDoc(name string, line int, id string, d formats.Doc) {
	b.note(name, line, id, d.Notes)
	for _, f := range d.Faults {
		at, n := name, line
		if f.Name != "" {
			at, n = f.Name, f.Line
		}
		b.report.Notes = append(b.report.Notes, Note{Name: at, Line: n, ID: id, Text: f.Message})
	}
}

// add stores doc, or reports it as a duplicate. Only the store's own
// failures come back as errors that are not an *ItemError.
func (b *batch) add(doc *annotate.Document, set *annotate.Set, orphans []annotate.Annotation, sourceID, name string, line int) error {
	// A title over the limit is cut as the library keeps it (CutTitle),
	// and said: a dataset came back out with other titles, unsaid.
	if n := annotate.RuneCount(annotate.CleanTitle(doc.Title)); n > annotate.TitleLimit {
		b.note(name, line, sourceID, []string{fmt.Sprintf("its title of %s characters was cut to the %s a title keeps: “%s”",
			annotate.GroupDigits(int64(n)), annotate.GroupDigits(annotate.TitleLimit), annotate.CutTitle(doc.Title))})
	}
	if b.writer != nil {
		return b.addToGroup(doc, set, orphans, sourceID, name, line)
	}
	s, err := b.w.Add(doc, set, orphans, sourceID)
	if errors.Is(err, ErrDuplicateText) {
		return b.duplicate(doc, set, orphans, sourceID, name, line, nil)
	}
	if err != nil {
		return err
	}
	b.earlier[doc.TextSHA256()] = (&ItemError{Name: name, Line: line}).Where()
	b.report.Added = append(b.report.Added, s)
	return nil
}

// duplicate reports doc as a duplicate: of the document of this import
// not yet written, when of is not nil, or of the one stored. Annotations
// that come with doc (an export's) fill the document there when it has
// none of its own, by AddExport's rule. Only the store's failures come
// back as errors.
func (b *batch) duplicate(doc *annotate.Document, set *annotate.Set, orphans []annotate.Annotation, sourceID, name string, line int, of *waiting) error {
	d := Duplicate{Name: name, Line: line, ID: sourceID, Earlier: b.earlier[doc.TextSHA256()], Annotations: len(orphans)}
	if set != nil {
		d.Annotations += set.Len()
	}
	if of != nil && d.Annotations > 0 {
		// The document read earlier in this import is written now, so that
		// the annotations fill it as they would fill one stored before
		// (and as they do when the store writes one document at a time).
		if err := b.flush(); err != nil {
			return err
		}
		of = nil
	}
	stored := false
	switch {
	case of != nil:
		d.Of = doc.ID
		if of.Record.TextSHA256 == doc.TextSHA256() {
			d.OfTitle = of.Record.Title
		}
	default:
		if id, found, _ := b.w.store.DocumentByText(doc.TextSHA256()); found {
			b.storedAs(&d, id)
			stored = true
		} else {
			d.Of = doc.ID
		}
	}
	if stored && d.Annotations > 0 {
		switch _, err := b.w.fill(&DuplicateError{ID: d.Of, Title: d.OfTitle}, doc, set, orphans); {
		case err == nil:
			d.Filled = true
		case errors.Is(err, ErrInUse):
			d.InUse, d.Saving = true, errors.Is(err, ErrSavingHere)
		case !errors.Is(err, ErrDuplicateText):
			return err
		}
	}
	b.report.Duplicates = append(b.report.Duplicates, d)
	return nil
}

// storedAs makes d a duplicate of document id, stored: it names it, and
// counts the annotations it has of its own.
func (b *batch) storedAs(d *Duplicate, id string) {
	d.Of = id
	if sum, err := b.w.store.Summary(id); err == nil {
		d.OfTitle, d.Own = sum.Title, sum.Annotations()+sum.Orphans
	}
}

// File is a file to import: its name and what it holds.
type File struct {
	Name string
	Data []byte
}

// ImportFiles imports files: .html and .htm pages and .txt texts as
// articles, .json files as version-1 exports with their annotations,
// .jsonl files as batches, and the files of the exchange formats that
// annotate/formats reads (see foreign.go). Each file refused is named in the report's
// Errors with its reason. Progress counts files. It stops between two
// files (or two lines of a batch) when ctx is done.
func (w *Workspace) ImportFiles(ctx context.Context, files []File, progress Progress) (Report, error) {
	var r Report
	b := newBatch(w, &r)
	err := b.finish(b.files(ctx, files, progress))
	inInputOrder(&r, files)
	stopInFiles(r.Stopped, files)
	return r, err
}

func (b *batch) files(ctx context.Context, files []File, progress Progress) error {
	files, foreign := splitForeign(files)
	for i, f := range files {
		if err := ctx.Err(); err != nil {
			b.stopBefore(files[i:], foreign)
			return err
		}
		if err := b.file(ctx, f); err != nil {
			var ie *ItemError
			if !errors.As(err, &ie) {
				if b.report.Stopped != nil { // cancelled among the batch's lines
					b.stopBefore(files[i+1:], foreign)
				}
				return err
			}
			b.report.Errors = append(b.report.Errors, ie)
		}
		if progress != nil {
			progress(i+1, len(files)+len(foreign))
		}
	}
	if len(foreign) > 0 {
		if err := b.foreign(ctx, foreign); err != nil {
			return err
		}
		if progress != nil {
			progress(len(files)+len(foreign), len(files)+len(foreign))
		}
	}
	return nil
}

func (b *batch) file(ctx context.Context, f File) error {
	fail := func(err error) error { return &ItemError{Name: f.Name, Err: err} }
	ext := strings.ToLower(path.Ext(f.Name))
	if ext != ".jsonl" && annotate.IsExport(f.Data, f.Name, "") {
		// An export saved under an article's name (Copy JSON pasted
		// into an editor and saved as .txt) is an export, as Open… reads it.
		ext = ".json"
	}
	switch ext {
	case ".html", ".htm", ".xhtml", ".txt":
		mediaType := "text/html"
		if ext == ".txt" {
			mediaType = "text/plain"
		}
		if err := annotate.ArticleLimit.Check(f.Name, int64(len(f.Data))); err != nil {
			return fail(err)
		}
		doc, err := annotate.Load(f.Data, annotate.FileSource(f.Name, mediaType))
		if err != nil {
			return fail(err)
		}
		return b.add(doc, nil, nil, "", f.Name, 0)
	case ".json":
		if err := annotate.JSONLimit.Check(f.Name, int64(len(f.Data))); err != nil {
			return fail(err)
		}
		imp, err := annotate.Import(f.Data)
		if err != nil {
			return fail(err)
		}
		if err := b.add(imp.Document, imp.Set, imp.Orphans, "", f.Name, 0); err != nil {
			return err
		}
		// The export's warnings (an annotation placed again by its quote,
		// a field read past) are said, as opening the file alone says them.
		notes := make([]string, len(imp.Problems))
		for i, p := range imp.Problems {
			notes[i] = p.String()
		}
		b.note(f.Name, 0, "", notes)
		return nil
	case ".jsonl":
		return b.lines(ctx, f.Name, f.Data, nil)
	default:
		if annotate.LooksLikeHTMLPage(f.Data) {
			// A page saved as a format's file (.csv, .ann) is no format's.
			return fail(ErrHTMLPage)
		}
		return fail(ErrUnsupported)
	}
}
