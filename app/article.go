package app

// This file draws the article's text. It is a component of its own for one
// reason: the text never changes while its document is open (annotations
// are painted over it as highlights, see paint.go), so it renders again
// only when another document opens, and a change of the annotations never
// makes go-app compare the article's HTML (357 KB on a 50,000-word
// article) with itself.

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
)

// articleHost is what the article's text asks of the root.
type articleHost interface {
	// clickText selects the annotations under a click at a viewport point.
	clickText(x, y float64)
	// stayOnLink says that a plain click on a link does not leave.
	stayOnLink(href string)
	// textShown says that the text is on the page again, with new nodes
	// for the highlights to lie in.
	textShown()
}

// articleText is the article's text, focusable, with its instructions.
type articleText struct {
	app.Compo

	Doc  *annotate.Document
	Hint string
	Host articleHost
}

// OnMount has the highlights painted on the text just drawn: coming back
// from the library draws the article anew.
func (t *articleText) OnMount(ctx app.Context) { t.Host.textShown() }

func (t *articleText) Render() app.UI {
	html := ""
	if t.Doc != nil {
		html = t.Doc.HTML
	}
	return app.Div().Class("article-text").Body(
		// The instructions are the frame's description, which a screen
		// reader says when the frame takes the focus; aria-label is only
		// heard on an element with a role, so the frame is a region.
		app.P().ID("article-hint").Class("visually-hidden").Text(t.Hint),
		app.Div().ID("article").Class("article-frame").TabIndex(0).
			Role("region").Aria("label", "Article text").Aria("describedby", "article-hint").
			OnClick(t.onClick).
			Body(app.Raw(html)),
	)
}

// onClick keeps the article's links from leaving the annotator on a plain
// click, and selects the annotations under the click.
func (t *articleText) onClick(ctx app.Context, e app.Event) {
	ctx.PreventUpdate() // nothing of this component changes
	target := e.Get("target")
	if target.Truthy() && target.Get("closest").Truthy() {
		if link := target.Call("closest", "a[href]"); link.Truthy() {
			if !e.Get("ctrlKey").Bool() && !e.Get("metaKey").Bool() {
				e.PreventDefault()
				t.Host.stayOnLink(link.Get("href").String())
			}
			return // with Ctrl, the link opens in a new tab, as the sanitiser set it
		}
	}
	t.Host.clickText(e.Get("clientX").Float(), e.Get("clientY").Float())
}
