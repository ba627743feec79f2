package app

// This file keeps where the article shown is read as a place in its text:
// the code-point offset of the text at the top of the article's view, and
// how far its line's top was below the view's top. The window's scroll
// position alone, kept before, showed other text once the layout had
// changed (another window's width, zoom or text size, the sidebar a sheet
// below rather than a column beside): a reload, or the article shown again
// after the library, came back to another part of it. web/workspace.js
// keeps the place in local storage (scrollKey) as the page scrolls and
// goes; web/annotator.js finds the text at the top and scrolls it back
// there.

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
)

// keepPlace has web/workspace.js keep the place of document id, shown as
// doc, from now on. It hands the script a function from a DOM position of
// the article to its code-point offset, through the document's text
// index: the script asks it only as it writes the place (a quarter of a
// second after scrolling stops, and as the page goes), and a lookup costs
// a binary search, however long the article. The function for the
// document shown before is released once the script holds the new one.
func (a *Annotator) keepPlace(id string, doc *annotate.Document) {
	h := helper()
	if !app.IsClient || !h.Truthy() || doc == nil {
		return
	}
	index := doc.Index()
	f := app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) < 2 || args[0].Type() != app.TypeNumber || args[1].Type() != app.TypeNumber {
			return -1
		}
		cp, err := index.FromDOM(args[0].Int(), args[1].Int())
		if err != nil {
			return -1
		}
		return cp
	})
	h.Call("keepScroll", scrollKey, id, f)
	if a.placeOf != nil {
		a.placeOf.Release()
	}
	a.placeOf = f
}

// scrollToPlace scrolls the article shown, doc, back to the place pos
// kept: the text at its offset to the top of the article's view, as far
// from it as it was. A place of an earlier version (pixels alone), or one
// whose text is not drawn, is the scroll position as it was kept; so is
// the top of the page. The text's place is kept through the frames that
// follow (web/annotator.js settlePlace); "annotator:placed" is marked
// once the place is final, which tests wait for.
func scrollToPlace(doc *annotate.Document, pos scrollPosition) {
	// At the top, the reader was at the article's start in any layout:
	// no text to find, and no layout forced (for its boxes) before a
	// start's first frame, where most starts are.
	if h := helper(); pos.Y > 0 && pos.At != nil && doc != nil && h.Truthy() {
		if node, u, ok := doc.Index().ToDOM(*pos.At, true); ok && h.Call("scrollToPlace", node, u, pos.Dy).Bool() {
			return
		}
	}
	app.Window().Call("scrollTo", 0, pos.Y)
	mark("annotator:placed")
}

// placeShown returns the place of the article shown now, as keepPlace
// would keep it: the offset of the text at the top of the article's view
// and how far below that top its line is; ok is false when there is none
// (nothing of the article at the top, a page without the script).
func (a *Annotator) placeShown() (pos scrollPosition, ok bool) {
	h := helper()
	if !app.IsClient || !h.Truthy() || a.doc == nil || !h.Get("placeAtTop").Truthy() {
		return pos, false
	}
	p := h.Call("placeAtTop")
	if p.Type() != app.TypeObject || p.Length() < 3 {
		return pos, false
	}
	at, err := a.doc.Index().FromDOM(p.Index(0).Int(), p.Index(1).Int())
	if err != nil {
		return pos, false
	}
	pos.At, pos.Dy, pos.Y = &at, p.Index(2).Float(), app.Window().Get("scrollY").Float()
	return pos, true
}
