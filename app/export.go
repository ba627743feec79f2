package app

import (
	"fmt"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
)

// downloadExport saves the export as a file named after the title: of the
// document as stored now, when it is shown read-only (another tab writes
// it; see whenFollowed).
func (a *Annotator) downloadExport(ctx app.Context) {
	a.whenFollowed(ctx, a.downloadNow)
}

func (a *Annotator) downloadNow(ctx app.Context) {
	data, ok := a.exportOrSay()
	if !ok {
		return
	}
	name := annotate.ExportFileName(a.doc.Title)
	download(name, string(data), "application/json")
	n := a.set.Len()
	a.say(fmt.Sprintf("Downloaded %s with %d %s.", name, n, annotate.Plural(n, "annotation", "annotations")))
}

// copyExport puts the export on the clipboard, as stored now when the
// document is shown read-only (see downloadExport).
func (a *Annotator) copyExport(ctx app.Context) {
	a.whenFollowed(ctx, a.copyNow)
}

func (a *Annotator) copyNow(ctx app.Context) {
	data, ok := a.exportOrSay()
	if !ok {
		return
	}
	count := a.set.Len()
	copyText(string(data), func(ok bool) {
		ctx.Dispatch(func(ctx app.Context) {
			if !ok {
				a.fail("The browser did not allow copying to the clipboard. Use Download instead.")
				return
			}
			a.say(fmt.Sprintf("Copied the export (%d %s, %d KB) to the clipboard.", count, annotate.Plural(count, "annotation", "annotations"), (len(data)+1023)/1024))
		})
	})
}

// exportOrSay returns the export of the open document, or says why there
// is none.
func (a *Annotator) exportOrSay() ([]byte, bool) {
	if a.doc == nil {
		return nil, false
	}
	data, err := annotate.NewFile(a.doc, a.set, a.orphans, time.Now()).Marshal()
	if err != nil {
		a.fail("The export could not be written: " + err.Error())
		return nil, false
	}
	return data, true
}
