package app

// This file brings articles into the workspace by the hundred and takes
// datasets and backups out of it. The rules (which files are what, each
// bad line named, duplicates reported) are the workspace's; this file
// reads the files, shows the progress with a Cancel button, and shows the
// report.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/formats"
	"github.com/newsannotator/annotator/annotate/workspace"
)

// The hidden file inputs of the library.
const (
	manyInputID   = "add-files"
	backupInputID = "restore-file"
)

// actionImport asks the importer to import files (its value: the
// []app.Value of File objects); actionLibraryChanged tells the root that
// the workspace changed under the library.
const (
	actionImport         = "annotator.import"
	actionLibraryChanged = "annotator.library-changed"
	actionTell           = "annotator.tell"
	// actionUntell takes the message (its value: the text) off the
	// message line, if it is still the one there.
	actionUntell = "annotator.untell"
)

// progressEvery is how often an import's progress is drawn.
const progressEvery = 100 * time.Millisecond

// importer brings many files into the workspace: a component that owns the
// import's progress and its last report. Work reaches it by actionImport.
type importer struct {
	app.Compo

	// Host gives it the workspace, and what the library shows.
	Host importHost

	running *importProgress
	report  *importReport
	// told is the message line's words of the report: they point to it,
	// and go with it.
	told string
	own  app.Context
}

// importProgress is the state of a running import.
type importProgress struct {
	Done, Total int
	What        string
	cancel      context.CancelFunc
}

// fileRead records that a file was read, left still to read. Each file
// read counts: the bar stood at 0 until the last was read, a long while
// for a folder on a slow disk or a network share.
func (p *importProgress) fileRead(left int) {
	if p.What == "reading the files" {
		p.Done = p.Total - left
	}
}

// advance records that done of all are imported. An import asked to stop
// is said to be stopping until it has: the next step's progress, which
// comes after Cancel, said "adding them to the library" again, as if the
// Cancel had been lost.
func (p *importProgress) advance(done, all int) {
	p.Done, p.Total = done, all
	if p.What != "stopping" {
		p.What = "adding them to the library"
	}
}

// said is what a screen reader hears of the import's progress: that it
// started, then each quarter done. (Total is the files' number until a
// batch's lines are counted, so the words do not count them.)
func (p *importProgress) said() string {
	q := 0
	if p.Total > 0 {
		q = p.Done * 4 / p.Total
	}
	switch {
	case p.What == "stopping":
		return "Stopping the import."
	case q == 1:
		return "A quarter of the import done."
	case q == 2:
		return "Half of the import done."
	case q == 3:
		return "Three quarters of the import done."
	case q >= 4:
		return "Finishing the import."
	}
	return "Import started."
}

// importReport is what the last import did, in words.
type importReport struct {
	Summary string
	Lines   []string // each refused line or file, each duplicate and each note
}

// OnMount listens for files to import.
func (m *importer) OnMount(ctx app.Context) {
	m.own = ctx
	ctx.Handle(actionImport, func(ctx app.Context, a app.Action) {
		if files, ok := a.Value.([]app.Value); ok {
			m.importMany(files)
		}
	})
}

// importWhat names the files of an import: "batch.jsonl", or "a.html and
// 41 other files".
func importWhat(files []app.Value) string {
	what := files[0].Get("name").String()
	if n := len(files) - 1; n > 0 {
		what += fmt.Sprintf(" and %s other %s", annotate.GroupDigits(int64(n)), annotate.Plural(n, "file", "files"))
	}
	return what
}

// importBegan notes in the browser that an import of what runs, and
// returns its token for importEnded (web/workspace.js: a lock held while
// it runs, and what it imports kept in local storage). A start of any tab
// that finds an import noted that no tab runs says that it stopped before
// its end (sayStoppedImports): what it had added was there, and nothing
// said that the rest was not. It was this tab's session storage, which a
// new tab after a crash or a closed one does not have.
func importBegan(what string) string {
	h := helper()
	if !h.Truthy() || !h.Get("importBegan").Truthy() {
		return ""
	}
	return h.Call("importBegan", what).String()
}

// importEnded notes the end of the import of token.
func importEnded(token string) {
	if h := helper(); token != "" && h.Truthy() && h.Get("importEnded").Truthy() {
		h.Call("importEnded", token)
	}
}

// sayStoppedImports calls say, once, with what a start says of the
// imports that stopped before their end, if any.
func sayStoppedImports(say func(string)) {
	h := helper()
	if !h.Truthy() || !h.Get("stoppedImports").Truthy() {
		return
	}
	var then app.Func
	then = app.FuncOf(func(this app.Value, args []app.Value) any {
		then.Release()
		var said []string
		if len(args) > 0 && args[0].Truthy() {
			for i := range args[0].Length() {
				said = append(said, stoppedImportWords(args[0].Index(i).String()))
			}
		}
		if len(said) > 0 {
			say(strings.Join(said, " "))
		}
		return nil
	})
	h.Call("stoppedImports").Call("then", then)
}

// stoppedImportWords says that the import of what stopped before its end.
func stoppedImportWords(what string) string {
	return fmt.Sprintf("The import of %s stopped before its end, when its tab was reloaded or closed: what it had added is in the library. "+
		"Add the same files again to bring in the rest (what is there already is reported, not added twice).", what)
}

func (m *importer) tell(text string, isError bool) {
	m.own.NewActionWithValue(actionTell, notice{Text: text, Error: isError})
}

// importMany reads files and imports them into the workspace.
func (m *importer) importMany(files []app.Value) {
	ctx := m.own
	ws := m.Host.workspaceOf()
	if ws == nil || len(files) == 0 {
		return
	}
	if m.running != nil {
		m.tell("An import is already running; wait for it or cancel it first.", true)
		return
	}
	// Each file is checked against its limit before it is read.
	var refused []string
	var total int64
	var ok []app.Value
	for _, f := range files {
		name, size := f.Get("name").String(), int64(f.Get("size").Int())
		if err := annotate.LimitFor(name, f.Get("type").String()).Check(name, size); err != nil {
			refused = append(refused, sentence(err.Error(), name))
			continue
		}
		ok = append(ok, f)
		total += size
	}
	cctx, cancel := context.WithCancel(context.Background())
	m.running = &importProgress{Total: len(ok), What: "reading the files", cancel: cancel}
	m.Host.importRunning(true)
	var token string
	if len(ok) > 0 {
		token = importBegan(importWhat(ok))
	}
	m.report = nil
	read := make([]workspace.File, len(ok))
	remaining := len(ok)
	start := time.Now()
	run := func() {
		ctx.Async(func() {
			// The progress is drawn at most every progressEvery, and at
			// the end: drawn after each line, a batch of 300 short
			// articles redrew the page 300 times.
			var drawn time.Time
			progress := func(done, all int) {
				now := time.Now()
				if done < all && now.Sub(drawn) < progressEvery {
					return
				}
				drawn = now
				ctx.Dispatch(func(ctx app.Context) {
					if m.running != nil {
						m.running.advance(done, all)
					}
				})
			}
			var rep workspace.Report
			var err error
			if len(read) == 1 && strings.HasSuffix(strings.ToLower(read[0].Name), ".jsonl") {
				rep, err = ws.ImportBatch(cctx, read[0].Name, read[0].Data, progress)
			} else {
				rep, err = ws.ImportFiles(cctx, read, progress)
			}
			took := time.Since(start)
			ctx.Dispatch(func(ctx app.Context) {
				m.running = nil
				m.Host.importRunning(false)
				importEnded(token)
				m.showReport(rep, refused, err, total, took)
				// Cancel, gone with the progress, had the focus: it goes
				// to the report's Close rather than the page's body.
				ctx.Defer(func(app.Context) {
					if focusedNowhere() {
						focusFirst("#import-report-close")
					}
				})
				ctx.NewActionWithValue(actionLibraryChanged, rep.Filled())
				mark("annotator:imported")
			})
		})
	}
	if remaining == 0 {
		run()
		return
	}
	for i, f := range ok {
		name := f.Get("name").String()
		readFile(f, func(data []byte) {
			ctx.Dispatch(func(ctx app.Context) {
				if data == nil {
					refused = append(refused, name+": the file could not be read.")
				} else {
					read[i] = workspace.File{Name: name, Data: data}
				}
				remaining--
				if m.running != nil {
					m.running.fileRead(remaining)
				}
				if remaining == 0 {
					kept := read[:0]
					for _, f := range read {
						if f.Name != "" {
							kept = append(kept, f)
						}
					}
					read = kept
					run()
				}
			})
		})
	}
}

// cancel stops the import between two files or lines; what was added
// stays.
func (m *importer) cancel() {
	if m.running != nil && m.running.cancel != nil {
		m.running.cancel()
		m.running.What = "stopping"
	}
}

// showReport says what an import did.
func (m *importer) showReport(rep workspace.Report, refused []string, err error, size int64, took time.Duration) {
	r := &importReport{}
	for _, e := range rep.Errors {
		r.Lines = append(r.Lines, sentence(e.Error(), e.Name))
	}
	r.Lines = append(r.Lines, refused...)
	for _, d := range rep.Duplicates {
		r.Lines = append(r.Lines, sentence(d.String(), d.Name))
	}
	for _, n := range rep.Notes {
		r.Lines = append(r.Lines, sentence(n.String(), n.Name))
	}
	bad := len(rep.Errors) + len(refused)
	r.Summary = fmt.Sprintf("Added %s %s to the library", annotate.GroupDigits(int64(len(rep.Added))), annotate.Plural(len(rep.Added), "document", "documents"))
	r.Summary += m.Host.hiddenWords(rep.Added)
	if bad > 0 {
		r.Summary += "; " + annotate.GroupDigits(int64(bad)) + " refused"
	}
	if len(rep.Duplicates) > 0 {
		r.Summary += "; " + annotate.GroupDigits(int64(len(rep.Duplicates))) + " already there"
	}
	if len(rep.Notes) > 0 {
		r.Summary += fmt.Sprintf("; %s %s", annotate.GroupDigits(int64(len(rep.Notes))), annotate.Plural(len(rep.Notes), "note", "notes"))
	}
	if err == context.Canceled {
		r.Summary += "; the import was cancelled, and what it added is kept"
	} else if err != nil {
		// A store's refusal in words (a full storage), as a restore
		// says it, not the adapter's operation and documents' ids.
		r.Summary += "; it stopped: " + failureReason(err)
	}
	r.Summary += sizeAndTime(size, took) + "."
	if se := (storageError)(nil); errors.As(err, &se) && se.Retryable() {
		r.Summary += " Make room, then add the same files again to bring in the rest."
	}
	if err == context.Canceled && rep.Stopped != nil {
		if rep.Stopped.Files > 0 {
			// A batch alone counts no files.
			rep.Stopped.Refused = len(refused)
		}
		r.Summary += " " + rep.Stopped.String()
	}
	m.report = r
	switch {
	// A cancel is the user's: with nothing refused, no reasons to list.
	case bad > 0:
		m.told = r.Summary + " The reasons are listed in the report above."
		m.tell(m.told, true)
	case err != nil && err != context.Canceled:
		m.told = r.Summary
		m.tell(m.told, true)
	case len(rep.Notes) > 0:
		m.told = r.Summary + " The notes are listed in the report above."
		m.tell(m.told, false)
	default:
		m.told = r.Summary
		m.tell(m.told, false)
	}
}

// closeReport takes the report away and gives the focus to “Add files…”,
// where the import started, else to the article: the Close button went
// with the report, the focus fell to the page's body, and the next Tab
// started over at the top of the page.
func (m *importer) closeReport() {
	m.report = nil
	// The message line pointed to the report ("listed in the report
	// above"), and stayed when it was closed, pointing to nothing.
	m.own.NewActionWithValue(actionUntell, m.told)
	m.told = ""
	m.own.Defer(func(app.Context) { focusFirst("#library-add", "#article") })
}

// Render draws the progress of an import and the last report.
func (m *importer) Render() app.UI {
	return app.Div().Class("importer").Body(
		app.If(m.running != nil, func() app.UI {
			p := m.running
			label := fmt.Sprintf("Importing: %s, %d of %d…", p.What, p.Done, p.Total)
			// The count, drawn every tenth of a second, is not a live
			// region: a screen reader read each one out, a queue of
			// numbers that ran on long after the import. What it hears
			// (import-said) changes at each quarter; the report says the
			// end.
			return app.Div().ID("import-progress").Class("progress").Body(
				app.Span().Text(label),
				app.Progress().Max(max(p.Total, 1)).Value(p.Done).Aria("label", "Importing"),
				app.Span().ID("import-said").Class("visually-hidden").Role("status").Text(p.said()),
				app.Button().ID("import-cancel").OnClick(func(ctx app.Context, e app.Event) { m.cancel() }).Text("Cancel"),
			)
		}),
		app.If(m.report != nil, func() app.UI {
			r := m.report
			return app.Section().ID("import-report").Class("import-report").Aria("labelledby", "import-report-title").Body(
				app.H2().ID("import-report-title").Text("Import"),
				app.P().Text(r.Summary),
				app.If(len(r.Lines) > 0, func() app.UI {
					// The list scrolls in its box: a stop of Tab, with a name,
					// so that a keyboard reaches its last lines in every
					// browser (Chromium alone makes a scrolling box one).
					return app.Ul().TabIndex(0).Aria("label", "What the import said, file by file").Body(
						app.Range(r.Lines).Slice(func(i int) app.UI { return app.Li().Text(r.Lines[i]) }))
				}),
				app.Button().ID("import-report-close").OnClick(func(ctx app.Context, e app.Event) { m.closeReport() }).Text("Close"),
			)
		}),
	)
}

// exportDataset downloads the documents sel holds in one file of format:
// the JSON Lines dataset ("jsonl"), or another single-file format of
// annotate/formats. what names them, and none says that sel holds no
// document ("No document is marked done"): "every document marked done
// holds no document" read as though those documents were empty.
func (a *Annotator) exportDataset(ctx app.Context, sel workspace.Selection, what, none, format string) {
	sel.Unstored = a.unstored(ctx)
	if format == "" || format == "jsonl" {
		a.exportLines(ctx, sel, what, none)
		return
	}
	f, err := formats.Lookup(format)
	if err != nil || f.Extension == "" {
		a.fail(fmt.Sprintf("The library cannot export as %q: choose another format.", format))
		return
	}
	name := "annotations-" + time.Now().Format("2006-01-02") + f.Extension
	a.writeOut(ctx, "Writing "+what+" as "+f.Name+"…", func(ws *workspace.Workspace) (string, error) {
		files, err := ws.Files(sel)
		switch {
		case err != nil:
			return "", fmt.Errorf("the export could not be written: %w", err)
		case len(files) == 0:
			return "", errors.New(none + ": there is nothing to export")
		}
		out, err := f.Export(files, time.Now())
		if err != nil {
			return "", fmt.Errorf("the export could not be written: %w", err)
		}
		if len(out) != 1 {
			return "", fmt.Errorf("%s writes %d files for %s: export the documents one by one", f.Name, len(out), what)
		}
		downloadBytes(name, out[0].Data, mediaTypes[f.Extension])
		rowless := f.Rowless(files)
		if rowless != "" {
			rowless = "; " + rowless
		}
		return fmt.Sprintf("Downloaded %s: %s, %d %s (offsets count %s)%s.",
			name, what, len(files), annotate.Plural(len(files), "document", "documents"), unitWords[f.Unit], rowless) + unplacedWords(ws, sel, f), nil
	})
}

// mediaTypes are the types the exports are downloaded with, by extension.
var mediaTypes = map[string]string{".json": "application/json", ".jsonld": "application/ld+json", ".csv": "text/csv", ".jsonl": "application/jsonl"}

// unitWords says what each offset unit counts, in words.
var unitWords = map[string]string{"codepoint": "code points", "utf16": "UTF-16 code units, as JavaScript and Label Studio do"}

// exportLines downloads the documents sel holds as one JSON Lines
// dataset.
func (a *Annotator) exportLines(ctx app.Context, sel workspace.Selection, what, none string) {
	name := "dataset-" + time.Now().Format("2006-01-02") + ".jsonl"
	a.writeOut(ctx, "Writing the dataset of "+what+"…", func(ws *workspace.Workspace) (string, error) {
		var buf bytes.Buffer
		n, err := ws.ExportDataset(&buf, sel)
		switch {
		case err != nil:
			return "", fmt.Errorf("the dataset could not be written: %w", err)
		case n == 0:
			return "", errors.New(none + ": there is nothing to export")
		}
		download(name, buf.String(), "application/jsonl")
		f, _ := formats.Lookup("jsonl")
		return fmt.Sprintf("Downloaded %s: %s, %d %s, one a line (offsets count code points).",
			name, what, n, annotate.Plural(n, "document", "documents")) + unplacedWords(ws, sel, f), nil
	})
}

// unplacedWords says, after an export's message, how many orphans of
// sel's documents format f left out (none when it keeps them): they are
// listed "N unplaced" in the library, and were left out in silence.
func unplacedWords(ws *workspace.Workspace, sel workspace.Selection, f formats.Format) string {
	if f.KeepsOrphans {
		return ""
	}
	n, err := ws.Unplaced(sel)
	if err != nil || n == 0 {
		return ""
	}
	return fmt.Sprintf(" %s %s not in it: %s no place in the text, which the format needs; the backup keeps %s.",
		annotate.GroupDigits(int64(n)), annotate.Plural(n, "unplaced annotation is", "unplaced annotations are"),
		annotate.Plural(n, "it has", "they have"), annotate.Plural(n, "it", "them"))
}

// backup downloads the whole workspace in one file.
func (a *Annotator) backup(ctx app.Context) {
	name := "annotator-backup-" + time.Now().Format("2006-01-02") + ".json"
	unstored := a.unstored(ctx)
	a.writeOut(ctx, "Writing the backup…", func(ws *workspace.Workspace) (string, error) {
		data, err := ws.BackupWith(unstored)
		if err != nil {
			return "", fmt.Errorf("the backup could not be written: %w", err)
		}
		download(name, string(data), "application/json")
		return fmt.Sprintf("Downloaded %s (%s): restore it in any browser with “Restore…” in the library.",
			name, annotate.FormatSize(int64(len(data)))), nil
	})
}

// writeOut runs write, which reads the whole library and downloads what it
// makes, off the UI goroutine: on a library of a thousand documents it
// reads for seconds, and the page goes on meanwhile. It says what it did.
func (a *Annotator) writeOut(ctx app.Context, doing string, write func(ws *workspace.Workspace) (string, error)) {
	ctx = a.ui(ctx)
	ws := a.keep.ws
	if ws == nil {
		return
	}
	a.say(doing)
	ctx.Async(func() {
		done, err := write(ws)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				a.fail(sentence(err.Error(), ""))
				return
			}
			a.say(done)
		})
	})
}

// onBackupChosen restores the backup chosen in the picker.
func (a *Annotator) onBackupChosen(ctx app.Context, e app.Event) {
	input := ctx.JSSrc()
	ctx = a.ui(ctx)
	files := input.Get("files")
	if files.Length() == 0 || a.keep.ws == nil {
		return
	}
	file := files.Index(0)
	input.Set("value", "")
	name := file.Get("name").String()
	if err := annotate.JSONLimit.Check(name, int64(file.Get("size").Int())); err != nil {
		a.fail(sentence(err.Error(), name))
		return
	}
	readFile(file, func(data []byte) {
		ctx.Dispatch(func(ctx app.Context) {
			if data == nil {
				a.fail("The file " + name + " could not be read.")
				return
			}
			a.restore(ctx, name, data)
		})
	})
}

// restore restores a backup into the workspace: only an empty one, or one
// that holds only the untouched sample.
func (a *Annotator) restore(ctx app.Context, name string, data []byte) {
	ctx = a.ui(ctx)
	ws := a.keep.ws
	ctx.Async(func() {
		// This tab's locks are let go after the restore, not before: its
		// own lock of the sample, still being let go, would read as
		// another tab's (Workspace.Hold).
		err := ws.RestoreOver(data, sampleSourceID)
		docs, _ := ws.Store().Documents()
		// An article another tab added meanwhile was kept as it is there,
		// and the rest restored: said, after the count.
		var kept *workspace.KeptError
		if errors.As(err, &kept) {
			err = nil
		}
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				// A write the browser refused says why in words
				// (failureReason), not the storage adapter's error
				// chain with the ids of the documents it was writing.
				a.fail(sentence(fmt.Sprintf("%s was not restored: %s. Nothing in the library changed", name, failureReason(err)), name))
				return
			}
			if app.IsClient {
				a.unlockDocuments()
			}
			a.keep.editor, a.doc, a.set, a.orphans = nil, nil, nil, nil
			a.view = viewLibrary
			a.libraryGeneration++
			a.measureStorage(ctx)
			announceLibrary()
			msg := fmt.Sprintf("Restored %s: %d %s.", name, len(docs), annotate.Plural(len(docs), "document", "documents"))
			if kept != nil {
				msg += " " + sentence(kept.Error()+"; the backup's copy was not restored", "")
			}
			a.say(msg)
			mark("annotator:restored-backup")
		})
	})
}

func (a *Annotator) pickFiles() {
	if app.IsClient {
		app.Window().GetElementByID(manyInputID).Call("click")
	}
}

func (a *Annotator) pickBackup() {
	if app.IsClient {
		app.Window().GetElementByID(backupInputID).Call("click")
	}
}

// onManyChosen hands the files chosen in the library's picker to the
// importer.
func (a *Annotator) onManyChosen(ctx app.Context, e app.Event) {
	input := ctx.JSSrc()
	files := input.Get("files")
	list := make([]app.Value, files.Length())
	for i := range list {
		list[i] = files.Index(i)
	}
	input.Set("value", "")
	ctx.NewActionWithValue(actionImport, list)
}

// sizeAndTime says how much an import read and how long it took, as
// " (1.2 MB in 3.4 s)", or the size alone when it took under a tenth of a
// second ("918 bytes in 0.0 s" read as if nothing had been done).
func sizeAndTime(size int64, took time.Duration) string {
	switch {
	case size <= 0:
		return ""
	case took < 50*time.Millisecond:
		return fmt.Sprintf(" (%s)", annotate.FormatSize(size))
	}
	return fmt.Sprintf(" (%s in %.1f s)", annotate.FormatSize(size), took.Seconds())
}
