package app

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
)

// This file is the Go side of the page's scripts (window.annotator: web/
// annotator.js, sidebar.js, page.js and workspace.js), which walk the DOM
// in one call where Go would need one call per node. Every DOM
// position that crosses it is a (text node, UTF-16 offset) pair, the text
// node counted under the article's root in document order.

// domSpan is a span of the article in DOM positions.
type domSpan struct {
	StartNode, StartOffset, EndNode, EndOffset int
}

// selectionState says where the browser's selection is.
type selectionState int

const (
	selectionNone    selectionState = iota // nothing, or a caret
	selectionInside                        // within the article
	selectionOutside                       // entirely outside the article
	selectionAcross                        // across the article's edge
)

// helper returns window.annotator, or an undefined value when the script
// has not loaded (or outside a browser).
func helper() app.Value {
	if app.IsServer {
		return app.Undefined()
	}
	return app.Window().Get("annotator")
}

// readSelection returns the browser's selection.
func readSelection() (selectionState, domSpan) {
	h := helper()
	if !h.Truthy() {
		return selectionNone, domSpan{}
	}
	v := h.Call("selection")
	s := domSpan{v.Index(1).Int(), v.Index(2).Int(), v.Index(3).Int(), v.Index(4).Int()}
	return selectionState(v.Index(0).Int()), s
}

// caretAt returns the DOM position of the start of the character under a
// viewport point (not the caret position nearest to it, which follows a
// character clicked on its right half), or ok false when the point is not
// on the article's text.
func caretAt(x, y float64) (node, offset int, ok bool) {
	h := helper()
	if !h.Truthy() {
		return 0, 0, false
	}
	v := h.Call("caretAt", x, y)
	node, offset = v.Index(0).Int(), v.Index(1).Int()
	return node, offset, node >= 0
}

// paintList is spans on their way to web/annotator.js's paint or patch:
// five integers a span (the highlight's index among the names, then its
// start and end as DOM positions) and, beside them, the annotation's id,
// empty for a span of no one annotation (an overlap, the selection).
type paintList struct {
	nums, ids strings.Builder
	n         int
}

// add converts sp to DOM positions through index and adds it to
// highlight name; a span that does not map is left out.
func (l *paintList) add(index *annotate.TextIndex, name int, sp annotate.Span, id string) {
	sn, so, ok1 := index.ToDOM(sp.Start, true)
	en, eo, ok2 := index.ToDOM(sp.End, false)
	if !ok1 || !ok2 {
		return
	}
	if l.n > 0 {
		l.nums.WriteByte(',')
		l.ids.WriteByte(',')
	}
	for k, n := range [5]int{name, sn, so, en, eo} {
		if k > 0 {
			l.nums.WriteByte(',')
		}
		l.nums.WriteString(strconv.Itoa(n))
	}
	l.ids.WriteString(id)
	l.n++
}

// paintAll replaces every highlight with those of l. names are the
// highlights' names, later ones painted above earlier ones.
func paintAll(names []string, l *paintList) {
	if h := helper(); h.Truthy() {
		h.Call("paint", strings.Join(names, ","), l.nums.String(), l.ids.String())
	}
}

// patchPaint changes what paintAll painted: l's spans with an id replace
// that annotation's, the ids in gone are taken out, and the highlights in
// replace get l's spans without an id in place of theirs. It reports false
// when the page could not patch (names changed): paint everything then.
func patchPaint(names []string, l *paintList, gone, replace []string) bool {
	h := helper()
	if !h.Truthy() {
		return true
	}
	return h.Call("patch", strings.Join(names, ","), l.nums.String(), l.ids.String(),
		strings.Join(gone, ","), strings.Join(replace, ",")).Int() >= 0
}

// scrollToSpan scrolls the start of a span into view.
func scrollToSpan(doc *annotate.Document, sp annotate.Span) {
	h := helper()
	if !h.Truthy() || doc == nil {
		return
	}
	if node, offset, ok := doc.Index().ToDOM(sp.Start, true); ok {
		h.Call("scrollTo", node, offset)
	}
}

// showSpan scrolls the start of a span into view, as scrollToSpan does,
// unless some of the span is in view already.
func showSpan(doc *annotate.Document, sp annotate.Span) {
	h := helper()
	if !h.Truthy() || doc == nil {
		return
	}
	index := doc.Index()
	sn, so, ok1 := index.ToDOM(sp.Start, true)
	en, eo, ok2 := index.ToDOM(sp.End, false)
	if ok1 && ok2 {
		h.Call("showSpan", sn, so, en, eo)
	}
}

// moveSelection moves the caret (alter "move") or the selection's focus
// (alter "extend") by one of Selection.modify's granularities, within the
// article.
func moveSelection(alter, direction, granularity string) {
	if h := helper(); h.Truthy() {
		h.Call("move", alter, direction, granularity)
	}
}

// caretPosition returns the DOM position of the caret (the selection's
// focus), or ok false when it is not in the article.
func caretPosition() (node, offset int, ok bool) {
	h := helper()
	if !h.Truthy() {
		return 0, 0, false
	}
	v := h.Call("caret")
	node, offset = v.Index(0).Int(), v.Index(1).Int()
	return node, offset, node >= 0
}

// placeCaret puts the caret at a DOM position, or with extend moves the
// selection's focus there.
func placeCaret(node, offset int, extend bool) {
	if h := helper(); h.Truthy() {
		h.Call("place", node, offset, extend)
	}
}

// selectText sets the document's selection to the article's text from
// node sn, offset so, to node en, offset eo (the index's nodes).
func selectText(sn, so, en, eo int) {
	if h := helper(); h.Truthy() {
		h.Call("select", sn, so, en, eo)
	}
}

// holdKeys holds the keys typed from now on until releaseKeys (see
// web/annotator.js, "Type-ahead").
func holdKeys() {
	if h := helper(); h.Truthy() {
		h.Call("holdKeys")
	}
}

// releaseKeys gives the keys held since holdKeys to the element that has
// the focus now, in order, in a task of their own.
func releaseKeys() {
	if h := helper(); h.Truthy() {
		h.Call("releaseKeys")
	}
}

// collapseSelection leaves a caret where the selection was: at its end
// (toEnd), or at its focus.
func collapseSelection(toEnd bool) {
	if h := helper(); h.Truthy() {
		h.Call("collapse", toEnd)
	}
}

// focusText moves the focus to the article, with its caret in view.
func focusText() {
	if h := helper(); h.Truthy() {
		h.Call("focusText")
	}
}

// focusFrameIfLost gives the article's frame the focus when no element
// has it (it fell to the page's body with the element that had it), its
// caret and the scroll left as they are.
func focusFrameIfLost() {
	if h := helper(); h.Truthy() {
		h.Call("focusFrameIfLost")
	}
}

// clearSelection removes the browser's selection.
func clearSelection() {
	if h := helper(); h.Truthy() {
		h.Call("clear")
	}
}

// download saves text as a file.
func download(filename, text, mime string) {
	if h := helper(); h.Truthy() {
		h.Call("download", filename, text, mime)
	}
}

// downloadBytes saves data as a file, byte for byte. A Go string handed
// to JavaScript is decoded as UTF-8 with its byte order mark taken away,
// which a CSV for Excel must keep.
func downloadBytes(filename string, data []byte, mime string) {
	if h := helper(); h.Truthy() {
		buf := app.Window().Get("Uint8Array").New(len(data))
		app.CopyBytesToJS(buf, data)
		h.Call("download", filename, buf, mime)
	}
}

// copyText puts text on the clipboard and calls done with whether it did.
func copyText(text string, done func(ok bool)) {
	h := helper()
	if !h.Truthy() {
		done(false)
		return
	}
	h.Call("copy", text).Then(func(v app.Value) { done(v.Truthy()) })
}

// readFile reads a File object's bytes and calls done with them, or with
// nil when the file cannot be read (a folder, a file gone since it was
// chosen).
func readFile(file app.Value, done func([]byte)) {
	h := helper()
	if !h.Truthy() {
		done(nil)
		return
	}
	h.Call("readFile", file).Then(func(v app.Value) {
		if !v.Truthy() {
			done(nil)
			return
		}
		data := make([]byte, v.Length())
		app.CopyBytesToGo(data, v)
		done(data)
	})
}

// afterNextFrame calls fn once the browser has drawn its next frame: from a
// task queued by the frame's animation callback, which runs after the
// frame's rendering. The callback is web/annotator.js's (afterFrame), so
// that no Go runs in the frame: a call into Go runs go-app's render too
// when its ticker is due.
func afterNextFrame(fn func()) {
	if !app.IsClient {
		fn()
		return
	}
	var after app.Func
	after = app.FuncOf(func(this app.Value, args []app.Value) any {
		after.Release()
		fn()
		return nil
	})
	if h := helper(); h.Truthy() {
		h.Call("afterFrame", after)
		return
	}
	// Without the script (it failed to load): the frame's callback is
	// Go's, which is late, never wrong.
	var inFrame app.Func
	inFrame = app.FuncOf(func(this app.Value, args []app.Value) any {
		inFrame.Release()
		app.Window().Call("setTimeout", after, 0)
		return nil
	})
	app.Window().Call("requestAnimationFrame", inFrame)
}

// mark records a performance mark, which benchmarks read to time the app.
func mark(name string) {
	if app.IsClient {
		app.Window().Get("performance").Call("mark", name)
	}
}
