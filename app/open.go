package app

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/formats"
)

// fileInputID is the ID of the hidden file input that Open uses.
const fileInputID = "open-file"

// Opening an article shows its progress only when the wait is long
// enough to need it. Load runs on the page's one thread, so showing a
// step means stopping it until the browser has drawn a frame: a frame or
// two of the load's own time each. Under progressPace a wait feels
// immediate, so a step is shown only once the load has run that long
// since the last thing shown; an article of progressFrom bytes or more,
// whose parse alone can take longer than that, shows its name and size
// before the load starts, so that the click is answered at once.
//
// Measured (BenchmarkBrowserOpenPages, BENCH.md): showing every step of
// every page over 200 KB, each after a 20 ms sleep, made the corpus's 42
// largest pages 231 ms each to open on average, of which about 160 ms was
// that showing.
const (
	progressPace = 100 * time.Millisecond
	progressFrom = 1 << 20
)

// openFilePicker opens the browser's file picker.
func openFilePicker() {
	if app.IsClient {
		app.Window().GetElementByID(fileInputID).Call("click")
	}
}

// onFileChosen opens the file chosen in the picker.
func (a *Annotator) onFileChosen(ctx app.Context, e app.Event) {
	input := ctx.JSSrc()
	files := input.Get("files")
	if files.Length() == 0 {
		return
	}
	a.openFile(ctx, files.Index(0))
	input.Set("value", "") // choosing the same file again opens it again
}

// openFile reads a File object and opens it.
func (a *Annotator) openFile(ctx app.Context, file app.Value) {
	ctx = a.ui(ctx)
	name := file.Get("name").String()
	mediaType := file.Get("type").String()
	size := file.Get("size").Int()
	// Refuse before reading: a file over its limit would cost the tab its
	// whole size in memory just to be refused. An export may be as large
	// as JSONLimit; anything else is an article.
	if err := annotate.LimitFor(name, mediaType).Check(name, int64(size)); err != nil {
		a.fail(sentence(err.Error(), name) + " The current article stays open.")
		mark("annotator:open-failed")
		ctx.Update()
		return
	}
	a.loading = &progress{Name: name, Size: size, What: "reading the file"}
	ctx.Update()
	readFile(file, func(data []byte) {
		ctx.Dispatch(func(ctx app.Context) {
			if data == nil {
				a.loading = nil
				a.fail("The file " + name + " could not be read. The current article stays open.")
				return
			}
			a.open(ctx, data, name, mediaType)
		})
	})
}

// transferWords are the words of what a paste or a drop brings: the
// names of an article opened from its HTML or its text, and the message
// for one that brings neither. A dropped passage was named "Pasted
// article", in the message and in the library, though nothing was
// pasted.
type transferWords struct {
	HTML, Text, Empty string
}

var (
	pasted  = transferWords{"Pasted article", "Pasted text", "The clipboard holds no text or HTML to open."}
	dropped = transferWords{"Dropped article", "Dropped text", "What was dropped holds no text or HTML to open."}
)

// paste opens what the clipboard holds: a file, else HTML, else text.
func (a *Annotator) paste(ctx app.Context, clipboard app.Value) {
	a.openTransfer(ctx, clipboard, pasted)
}

// openTransfer opens what a paste's clipboard or a drop's data holds: a
// file, else HTML, else text, named with words.
func (a *Annotator) openTransfer(ctx app.Context, transfer app.Value, words transferWords) {
	if !transfer.Truthy() {
		return
	}
	if files := transfer.Get("files"); files.Truthy() && files.Length() > 0 && !picturesOfText(transfer, files) {
		ctx.Dispatch(func(ctx app.Context) { a.openFile(ctx, files.Index(0)) })
		return
	}
	htmlData := transfer.Call("getData", "text/html").String()
	textData := transfer.Call("getData", "text/plain").String()
	ctx.Dispatch(func(ctx app.Context) {
		switch {
		case annotate.IsLink(textData):
			// A copied link address, or a link dragged from another tab
			// (whose HTML is the link alone): the page is not there.
			a.fail(fmt.Sprintf("That is the address of a page (%s), not the page: the annotator fetches nothing from the network. "+
				"Open the page in the browser and save it (Ctrl+S), then open the saved file here; or select the article's text there and paste it.",
				strings.TrimSpace(textData)))
			mark("annotator:open-failed")
		case strings.TrimSpace(htmlData) != "":
			a.open(ctx, []byte(htmlData), words.HTML, "text/html")
		case strings.TrimSpace(textData) != "":
			a.open(ctx, []byte(textData), words.Text, "text/plain")
		default:
			a.fail(words.Empty)
			mark("annotator:open-failed")
		}
	})
}

// picturesOfText reports whether files, a paste's, are pictures alone
// beside text: Word, Excel, PowerPoint and OneNote put a picture of what
// was copied on the clipboard with its HTML and its text, which Chrome
// gives the page as a file, image.png, and the passage opened as that
// picture, refused. (An image copied from a page comes with HTML, its
// <img>, but with no text: it is still said to be no article.)
func picturesOfText(transfer, files app.Value) bool {
	for i := 0; i < files.Length(); i++ {
		if !strings.HasPrefix(files.Index(i).Get("type").String(), "image/") {
			return false
		}
	}
	return strings.TrimSpace(transfer.Call("getData", "text/plain").String()) != ""
}

// drop opens what was dropped on the page: a file, else HTML, else text.
func (a *Annotator) drop(ctx app.Context, transfer app.Value) {
	if files := transfer.Get("files"); files.Truthy() && files.Length() > 0 {
		if files.Length() > 1 || strings.HasSuffix(strings.ToLower(files.Index(0).Get("name").String()), ".jsonl") {
			// Many files, or a batch: into the library.
			list := make([]app.Value, files.Length())
			for i := range list {
				list[i] = files.Index(i)
			}
			ctx.NewActionWithValue(actionImport, list)
			return
		}
		ctx.Dispatch(func(ctx app.Context) { a.openFile(ctx, files.Index(0)) })
		return
	}
	a.openTransfer(ctx, transfer, dropped)
}

// open loads an article or imports an export, in the background, and shows
// it when it is ready. On error the current document stays.
func (a *Annotator) open(ctx app.Context, data []byte, name, mediaType string) {
	ctx = a.ui(ctx)
	if annotate.IsExport(data, name, mediaType) || isExchange(data, name) {
		a.importExport(ctx, data, name)
		return
	}
	a.loading = &progress{Name: name, Size: len(data), Steps: annotate.LoadSteps, What: "starting"}
	// A file's type is the browser's guess from its name, and pasted
	// HTML is already decoded: neither declares a charset.
	src := annotate.FileSource(name, mediaType)
	var shown time.Time // when the progress was last drawn, or the load started
	src.Progress = func(step, steps int, what string) {
		if time.Since(shown) < progressPace {
			return
		}
		a.showProgress(ctx, func(p *progress) { p.Step, p.Steps, p.What = step, steps, what })
		shown = time.Now()
	}
	release := holdCollections(len(data))
	ctx.Async(func() {
		if len(data) >= progressFrom {
			a.showProgress(ctx, func(*progress) {})
		}
		shown = time.Now()
		doc, err := annotate.Load(data, src)
		ctx.Dispatch(func(ctx app.Context) {
			a.loading = nil
			if err != nil {
				a.fail(sentence(err.Error(), name) + " The current article stays open.")
				mark("annotator:open-failed")
				release()
				return
			}
			if name == sampleName {
				titleSample(doc)
			}
			a.addAndOpen(ctx, doc, nil, nil,
				fmt.Sprintf("Opened “%s”: %d characters, and added it to your library. Select text and press a label's key to tag it.", doc.Title, doc.Text().Len()),
				release)
		})
	})
}

// showProgress changes the progress shown with set and waits until the
// browser has drawn it. Load runs on the calling goroutine and holds the
// only thread until it blocks: wait until go-app has put the change on the
// page (a Defer runs after the frame's updates), then until the browser
// has drawn the frame after it. A Defer whose element is gone is dropped,
// hence the time limit.
func (a *Annotator) showProgress(ctx app.Context, set func(*progress)) {
	updated := make(chan struct{})
	ctx.Dispatch(func(ctx app.Context) {
		if a.loading != nil {
			set(a.loading)
		}
		ctx.Defer(func(app.Context) { close(updated) })
	})
	select {
	case <-updated:
	case <-time.After(250 * time.Millisecond):
	}
	drawn := make(chan struct{})
	afterNextFrame(func() { close(drawn) })
	<-drawn
}

// importExport imports a version-1 export: its article and annotations.
func (a *Annotator) importExport(ctx app.Context, data []byte, name string) {
	ctx = a.ui(ctx)
	a.loading = &progress{Name: name, Size: len(data), Steps: 1, What: "importing"}
	var known formats.Known
	if ws := a.keep.ws; ws != nil {
		known = ws.Find
	}
	release := holdCollections(len(data))
	ctx.Async(func() {
		// The import's steps, on the page's timeline: the file in hand,
		// read into the document and its annotations, added (the
		// benchmarks split an import's time by them).
		mark("annotator:import")
		imp, moved, left, err := importOne(data, name, known)
		mark("annotator:imported")
		ctx.Dispatch(func(ctx app.Context) {
			a.loading = nil
			if err != nil {
				a.fail(fmt.Sprintf("%s could not be imported: %s The current article stays open.", name, sentence(err.Error(), name)))
				mark("annotator:open-failed")
				release()
				return
			}
			n := imp.Set.Len()
			note := fmt.Sprintf("Imported “%s” with %d %s.", imp.Document.Title, n, annotate.Plural(n, "annotation", "annotations"))
			if moved += imp.Moved; moved > 0 {
				note += fmt.Sprintf(" %d were placed again by their text because the article changed.", moved)
			}
			if len(imp.Orphans) > 0 {
				note += fmt.Sprintf(" %d could not be placed: they are listed as orphans for you to place or drop.", len(imp.Orphans))
			}
			if len(left) > 0 {
				note += fmt.Sprintf(" %d %s left out: %s", len(left), annotate.Plural(len(left), "was", "were"), sentence(strings.Join(left, "; "), name))
			}
			a.addAndOpen(ctx, imp.Document, imp.Set, imp.Orphans, note, release)
		})
	})
}

// isExchange reports whether data, opened alone, is a file of an exchange
// format other than the native export (W3C, Label Studio, JSON Lines,
// CSV): a .txt alone is an article.
func isExchange(data []byte, name string) bool {
	f := formats.Classify([]formats.Input{{Name: name, Data: data}})[0]
	return f.Name != "" && f.Name != "v1"
}

// importOne reads a file to open: a native export, or a file of an
// exchange format that holds one document, read into the native model and
// imported as an export is. moved counts the annotations the exchange
// format's reading placed by their text, and left says each that it left
// out as wrong (a span outside the text), where in the file it stands.
func importOne(data []byte, name string, known formats.Known) (imp *annotate.Imported, moved int, left []string, err error) {
	if !isExchange(data, name) {
		imp, err = annotate.Import(data)
		return imp, 0, nil, err
	}
	docs, faults := formats.ReadAll([]formats.Input{{Name: name, Data: data}}, known)
	switch {
	case len(faults) > 0:
		return nil, 0, nil, errors.New(faults[0].Message)
	case len(docs) != 1:
		return nil, 0, nil, fmt.Errorf("it holds %d documents: add it to the library with “Add files…” there", len(docs))
	}
	native, err := docs[0].File.Marshal()
	if err != nil {
		return nil, 0, nil, err
	}
	for _, f := range docs[0].Faults {
		left = append(left, f.Error())
	}
	imp, err = annotate.Import(native)
	return imp, docs[0].Moved, left, err
}

// sentence makes an error message a sentence: a capital at its start,
// unless it starts with a file's name, which keeps its own spelling, and a
// full stop at its end.
func sentence(s, name string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	if name == "" || !strings.HasPrefix(s, name) {
		r, size := utf8.DecodeRuneInString(s)
		s = string(unicode.ToUpper(r)) + s[size:]
	}
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
