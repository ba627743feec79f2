package app

import (
	"errors"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/agree"
	"github.com/newsannotator/annotator/annotate/workspace"
)

// TestUpdateOfferSaysWhatReloadingLoses: the offer of a new version says
// that reloading keeps all the work only when it does: not when the work
// is kept only in this tab (no IndexedDB), nor when a change could not be
// written.
func TestUpdateOfferSaysWhatReloadingLoses(t *testing.T) {
	ws, err := workspace.Open(workspace.NewMemory(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		setup func(k *keeper)
		want  string
	}{
		{"saved", func(k *keeper) {}, "Reloading keeps all your work"},
		{"in memory", func(k *keeper) {
			k.memory, k.ws = true, withArticle(t)
		}, "kept only in this tab"},
		{"failed", func(k *keeper) {
			k.failed = errors.New("QuotaExceededError")
			k.queue = []queuedChange{{doc: "d"}}
		}, "could not be saved"},
		{"adjudicating", func(k *keeper) {}, "drop them"},
		{"importing", func(k *keeper) {}, "An import is running"},
		// A change on its way is not said: the offer would be said again
		// at every change (the click waits for it).
		{"saving", func(k *keeper) { k.queue = []queuedChange{{doc: "d"}} }, "Reloading keeps all your work"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := &Annotator{}
			a.keep.ws = ws
			c.setup(&a.keep)
			switch c.name {
			case "adjudicating":
				// Decisions of an adjudication live only in the tab.
				a.adjudicating = adjudicationState{report: &agree.Report{}, touched: true}
			case "importing":
				a.importRunning(true)
			}
			u := &update{Host: a, Loses: a.reloadLoses(), ready: true}
			e := app.NewTestEngine()
			if err := e.Load(u); err != nil {
				t.Fatal(err)
			}
			e.ConsumeAll()
			html := app.HTMLString(u)
			if !strings.Contains(html, c.want) {
				t.Errorf("the offer says %q, want %q in it", html, c.want)
			}
			if c.name != "saved" && c.name != "saving" && strings.Contains(html, "keeps all your work") {
				t.Errorf("the offer says %q, though reloading would lose work", html)
			}
		})
	}
}

// withArticle returns a workspace in memory that holds an article opened
// by the user (work a closed tab would lose).
func withArticle(t *testing.T) *workspace.Workspace {
	t.Helper()
	ws, err := workspace.Open(workspace.NewMemory(), nil)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := annotate.Load([]byte("An article the user opened."), annotate.FileSource("a.txt", "text/plain"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Add(doc, nil, nil, ""); err != nil {
		t.Fatal(err)
	}
	return ws
}

// TestUpdateReloadWaitsNotForAFailedWrite: Reload now waits for a change
// on its way, but not for one whose write failed, which would never be
// written: it says what reloading would lose, and waits for nothing.
func TestUpdateReloadWaitsNotForAFailedWrite(t *testing.T) {
	a := &Annotator{}
	a.keep.failed = errors.New("QuotaExceededError")
	a.keep.queue = []queuedChange{{doc: "d"}}
	n := a.reloadWhenSaved(app.Context{})
	if !n.Error || !strings.Contains(n.Text, "could not be saved") {
		t.Errorf("Reload now with a failed write says %+v", n)
	}
	if a.keep.reloadSaved {
		t.Error("Reload now waits for a write that failed")
	}
}
