package app

import (
	"encoding/json"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/workspace"
)

// listen registers the annotator's document-wide listeners: the keyboard,
// paste, drag and drop, and the end of a mouse selection. go-app has no
// document-level events, so they are added here and removed on dismount.
func (a *Annotator) listen(ctx app.Context) {
	if !app.IsClient {
		return
	}
	doc := app.Window().Get("document")
	on := func(event string, handle func(e app.Value)) app.Func {
		fn := app.FuncOf(func(this app.Value, args []app.Value) any {
			handle(args[0])
			return nil
		})
		doc.Call("addEventListener", event, fn)
		a.listeners = append(a.listeners, func() {
			doc.Call("removeEventListener", event, fn)
			fn.Release()
		})
		return fn
	}

	a.keydown = on("keydown", func(e app.Value) {
		target := e.Get("target")
		k := a.keyPressOf(e)
		b := bindingFor(k, a.schemaForKeys())
		if b.Command == cmdNone {
			return
		}
		if k.InField && (b.Command == cmdExport || b.Command == cmdOpen || b.Command == cmdFocus) {
			// Leaving the field fires its change event, which keeps the
			// edit, and is dispatched before the export or the jump (Alt+W
			// takes the field off the page, with no change event).
			target.Call("blur")
		}
		// The decision is made here, in the event, so that the browser's
		// own action for the key (typing, saving the page) is stopped.
		e.Call("preventDefault")
		mark("annotator:key")
		hold := movesFocus(b, k)
		if hold {
			holdKeys()
		}
		ctx.Dispatch(func(ctx app.Context) {
			a.keysHeld = hold
			a.run(ctx, b)
			if a.keysHeld {
				// After the render, and after the focus that the command
				// asked for once it is drawn (focusAfterRender: defers
				// run in order), unless the command took them (takeHeld).
				a.keysHeld = false
				a.afterRender(ctx, func(app.Context) { releaseKeys() })
			}
		})
	})

	// A button pressed from the keyboard (Enter or Space, or a key held
	// and given again: a click with no mouse's detail) may move the focus
	// once its handler's render is done: the help's Close gives it back
	// to the article. The keys typed until then are held, as after a key
	// whose command moves it (movesFocus): ? Enter c typed ahead closed
	// the help and lost the c, given to the Close button still drawn.
	// Released from a dispatch queued after the click's own.
	on("click", func(e app.Value) {
		if e.Get("detail").Int() != 0 || !isButton(e.Get("target")) {
			return
		}
		holdKeys()
		ctx.Dispatch(func(ctx app.Context) {
			a.afterRender(ctx, func(app.Context) { releaseKeys() })
		})
	})

	// The page's helper asks to run a function once the events so far are
	// carried out and drawn (web/annotator.js, "Type-ahead": a held Enter
	// that changed a field, whose handler may move the focus).
	if h := helper(); h.Truthy() && h.Get("onRendered").Truthy() {
		rendered := app.FuncOf(func(this app.Value, args []app.Value) any {
			then := args[0]
			ctx.Dispatch(func(ctx app.Context) {
				a.afterRender(ctx, func(app.Context) { then.Invoke() })
			})
			return nil
		})
		h.Call("onRendered", rendered)
		a.listeners = append(a.listeners, func() {
			h.Call("onRendered", nil)
			rendered.Release()
		})
	}

	// The end of a selection by mouse or keyboard: show what is selected.
	selectionEnd := func(e app.Value) {
		ctx.Dispatch(func(ctx app.Context) { a.describeSelection(false) })
	}
	on("mouseup", selectionEnd)
	on("keyup", func(e app.Value) {
		if e.Get("shiftKey").Bool() || e.Get("key").String() == "Shift" {
			selectionEnd(e)
		}
	})

	// Closing or reloading the tab while a change is still being written,
	// when the workspace lives only in this tab, or with an adjudication's
	// decisions not saved, asks first (unloadLoses).
	win := app.Window()
	beforeUnload := app.FuncOf(func(this app.Value, args []app.Value) any {
		if a.unloadLoses() {
			args[0].Call("preventDefault")
			args[0].Set("returnValue", "")
		}
		return nil
	})
	win.Call("addEventListener", "beforeunload", beforeUnload)
	a.listeners = append(a.listeners, func() {
		win.Call("removeEventListener", "beforeunload", beforeUnload)
		beforeUnload.Release()
	})

	// What is being typed into a field of the selected annotation, the
	// name or a library row's title is kept as the page goes away: its
	// change event never comes. What it was typed over is noted as the
	// field takes the focus.
	on("focusin", func(e app.Value) { a.noteFocus(e.Get("target")) })
	pageHide := app.FuncOf(func(this app.Value, args []app.Value) any {
		a.keepTyped(false)
		a.pageGone = true
		// A page kept in the back-forward cache (the tab went to another
		// address) would hold its document's lock there, unseen: the app
		// opened at its address again in this tab, or in another, showed
		// the document read-only, "open in another tab", until the browser
		// evicted the cached page. Its locks go with it now, unless a
		// change is still being written (the tab asked before leaving);
		// they are asked for again if it comes back (locksLetGo).
		if len(args) > 0 && args[0].Get("persisted").Truthy() && !a.keep.unsafe() {
			if h := helper(); h.Truthy() {
				h.Call("unlockDocument")
				a.locksLetGo = true
			}
		}
		return nil
	})
	win.Call("addEventListener", "pagehide", pageHide)
	a.listeners = append(a.listeners, func() {
		win.Call("removeEventListener", "pagehide", pageHide)
		pageHide.Release()
	})

	// A document shown read-only is not read again while the page is
	// hidden (follow.go).
	if doc.Get("hidden").Bool() {
		a.follow.Hide()
	}
	on("visibilitychange", func(e app.Value) {
		shown := !doc.Get("hidden").Bool()
		// Kept in the event, as at pagehide: a hidden tab may be
		// discarded with no other event (typed.go).
		// A page going away is hidden after its pagehide (the spec's
		// order): kept there as gone, the text is not kept again as of a
		// tab still open, which the next start would leave for it.
		switch {
		case shown:
			a.pageGone = false // back from the back-forward cache
			a.forgetTyped()
			if a.locksLetGo {
				a.locksLetGo = false
				ctx.Dispatch(func(ctx app.Context) { a.lockAgain(ctx) })
			}
		case !a.pageGone:
			a.keepTyped(true)
		}
		ctx.Dispatch(func(ctx app.Context) { a.pageShown(ctx, shown) })
	})

	// A document changed in another tab (renamed, or tagged where it is
	// shown read-only) is shown as it is now.
	if h := helper(); h.Truthy() && h.Get("onChange").Truthy() {
		changed := app.FuncOf(func(this app.Value, args []app.Value) any {
			id := args[0].String()
			// The change written, when announced with it: decoded here,
			// at the cost of the change.
			var c *workspace.Change
			if len(args) > 1 && args[1].Type() == app.TypeString {
				var got workspace.Change
				if json.Unmarshal([]byte(args[1].String()), &got) == nil {
					c = &got
				}
			}
			ctx.Dispatch(func(ctx app.Context) { a.changedElsewhere(ctx, id, c) })
			return nil
		})
		h.Call("onChange", changed)
		a.listeners = append(a.listeners, func() {
			h.Call("onChange", nil)
			changed.Release()
		})
	}

	on("paste", func(e app.Value) {
		if isField(e.Get("target")) || dialogOpen() {
			return // a field's own paste; a dialog takes no paste
		}
		e.Call("preventDefault")
		a.paste(ctx, e.Get("clipboardData"))
	})

	// A copy of text selected in the article puts on the clipboard, as
	// plain text, the article's own text between the selection's ends:
	// what tagging that selection exports as the annotation's text, but
	// for white space at its ends, which a tag leaves out and a copy
	// keeps, as the reader selected it. The
	// browser's own wrote one line break where the text has a blank line
	// (after a headline, a list, a table) and a space for a no-break
	// space, so that a passage copied from the article was not found
	// again in the dataset. Its HTML is the selection's.
	on("copy", func(e app.Value) {
		data := e.Get("clipboardData")
		doc := a.doc
		if !data.Truthy() || doc == nil || isField(e.Get("target")) || a.view == viewLibrary {
			return
		}
		state, dom := readSelection()
		if state != selectionInside {
			return
		}
		index := doc.Index()
		start, err1 := index.FromDOM(dom.StartNode, dom.StartOffset)
		end, err2 := index.FromDOM(dom.EndNode, dom.EndOffset)
		if err1 != nil || err2 != nil || end <= start {
			return
		}
		data.Call("setData", "text/plain", doc.Text().Slice(start, end))
		if h := helper(); h.Truthy() && h.Get("selectionHTML").Truthy() {
			data.Call("setData", "text/html", h.Call("selectionHTML").String())
		}
		e.Call("preventDefault")
	})

	// A drag that starts in the page (a selection of the article, say) is
	// not something to open.
	internalDrag := false
	on("dragstart", func(e app.Value) { internalDrag = true })
	on("dragend", func(e app.Value) { internalDrag = false })

	on("dragover", func(e app.Value) {
		if internalDrag || !carriesData(e) {
			return
		}
		e.Call("preventDefault") // allows the drop
		if !a.dragging {
			ctx.Dispatch(func(ctx app.Context) { a.dragging = true })
		}
	})
	on("dragleave", func(e app.Value) {
		// Leaving for the outside of the window, not for a child element.
		if e.Get("relatedTarget").Truthy() {
			return
		}
		ctx.Dispatch(func(ctx app.Context) { a.dragging = false })
	})
	on("drop", func(e app.Value) {
		if internalDrag || !carriesData(e) {
			return
		}
		e.Call("preventDefault")
		ctx.Dispatch(func(ctx app.Context) { a.dragging = false })
		a.drop(ctx, e.Get("dataTransfer"))
	})
}

// schemaForKeys returns the labels the keyboard handler maps keys to. It
// runs in the event, outside the UI goroutine, so it reads a copy that
// changes only with the document.
func (a *Annotator) schemaForKeys() annotate.Schema { return a.keySchema }

// keyPressOf reads a keydown event as the bindings take it (bindingFor):
// the key, its modifiers, and where it was pressed.
func (a *Annotator) keyPressOf(e app.Value) keyPress {
	target := e.Get("target")
	k := keyPress{
		Key:       e.Get("key").String(),
		Code:      e.Get("code").String(),
		Ctrl:      e.Get("ctrlKey").Bool(),
		Meta:      e.Get("metaKey").Bool(),
		Shift:     e.Get("shiftKey").Bool(),
		Alt:       e.Get("altKey").Bool(),
		InField:   isField(target),
		InSelect:  target.Truthy() && strings.EqualFold(target.Get("tagName").String(), "SELECT"),
		OnButton:  isButton(target),
		InArticle: inArticle(target),
		InDialog:  dialogOpen(),
		// Read in the event, as keySchema is: WebAssembly runs one
		// goroutine at a time, and the view changes only in the UI's.
		InLibrary: a.view == viewLibrary,
		Composing: e.Get("isComposing").Bool() || e.Get("keyCode").Int() == 229,
	}
	if (k.Ctrl || k.Meta) && !k.InField && !k.InArticle {
		k.CaretInArticle = selectionInArticle()
	}
	if del := k.Key == "Delete" || k.Key == "Backspace"; del || k.OnButton {
		// An entry of the list is a button: Delete and a label's
		// key there act on its annotation.
		k.Entry = focusedEntry()
		if del {
			k.Orphan = orphanOf(target)
		}
	}
	return k
}

// isElement reports whether v is a DOM element. An event's target can be
// the document or the window (a key event an extension or a script sends
// there), which have no getAttribute nor closest: calling one stopped
// the whole app ("Go program has already exited").
func isElement(v app.Value) bool {
	return v.Truthy() && v.Get("nodeType").Truthy() && v.Get("nodeType").Int() == 1
}

// isField reports whether a DOM element takes typed text.
func isField(el app.Value) bool {
	if !isElement(el) {
		return false
	}
	if ce := el.Get("isContentEditable"); ce.Truthy() {
		return true
	}
	switch strings.ToUpper(el.Get("tagName").String()) {
	case "TEXTAREA", "SELECT":
		return true
	case "INPUT":
		switch strings.ToLower(el.Get("type").String()) {
		case "button", "submit", "reset", "checkbox", "radio", "file", "range", "color":
			return false
		}
		return true
	}
	return false
}

// inArticle reports whether a DOM element is the article's frame or in it.
func inArticle(el app.Value) bool {
	return isElement(el) && el.Call("closest", "#article").Truthy()
}

// selectionInArticle reports whether the document's selection ends (its
// focus) in the article.
func selectionInArticle() bool {
	sel := app.Window().Get("document").Call("getSelection")
	if !sel.Truthy() || sel.Get("rangeCount").Int() == 0 {
		return false
	}
	n := sel.Get("focusNode")
	if n.Truthy() && n.Get("nodeType").Int() != 1 { // a text node: its element
		n = n.Get("parentElement")
	}
	return inArticle(n)
}

// orphanOf returns the id of the orphan whose button el is, or "".
func orphanOf(el app.Value) string {
	if !isElement(el) || !el.Call("closest", "#"+orphanListID+" button").Truthy() {
		return ""
	}
	if id := el.Call("closest", "li").Get("dataset").Get("id"); id.Truthy() {
		return id.String()
	}
	return ""
}

// dialogOpen reports whether one of the app's dialogs is open. The app
// draws a <dialog> only while it is open, and shows it as a modal just
// after (modal.OnMount): a key pressed in between is the dialog's too, so
// the element is enough, open attribute or not.
func dialogOpen() bool {
	return app.Window().Get("document").Call("querySelector", "dialog").Truthy()
}

// isButton reports whether a DOM element is pressed by Enter or Space.
func isButton(el app.Value) bool {
	if !isElement(el) {
		return false
	}
	switch strings.ToUpper(el.Get("tagName").String()) {
	case "BUTTON", "SUMMARY", "A":
		return true
	case "INPUT":
		return true
	}
	return el.Call("getAttribute", "role").String() == "button"
}

// carriesData reports whether a drag event carries files or text, rather
// than, say, a selection being dragged within the page.
func carriesData(e app.Value) bool {
	dt := e.Get("dataTransfer")
	if !dt.Truthy() {
		return false
	}
	types := dt.Get("types")
	for i := 0; i < types.Length(); i++ {
		switch types.Index(i).String() {
		case "Files", "text/html", "text/plain", "text/uri-list":
			return true
		}
	}
	return false
}
