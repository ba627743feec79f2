//go:build !wasm

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/newsannotator/annotator/annotate/workspace"
)

// TestWorkspaceOneArticleOpenedInTwoTabsAtOnce: two tabs open, at the
// same moment, two annotators' exports of one article that the library
// does not hold yet. Each found it nowhere, and each wrote it with its
// file's annotations, the second on top of the first, with counts made
// for a document with none: the library counted one file's annotations
// and held both, and every backup after was refused. Only the tab that
// holds the article's lock writes its annotations; the other shows the
// article as stored, read-only, and says that its file's were not added.
func TestWorkspaceOneArticleOpenedInTwoTabsAtOnce(t *testing.T) {
	b, srv := openApp(t)
	waitStarted(t, b)
	waitSaved(t, b)
	tab := b.newTab(t)
	openAppAt(t, tab, srv.URL+"/")
	waitStarted(t, tab)
	waitSaved(t, tab)

	const article = "Ministers met on Tuesday.\n\nThe minister said taxes would fall. The party pledged to raise defence spending."
	files := map[*browser]string{
		b:   exportOfText(t, article, "budget.txt", "ann.annotations.json", [2]string{"taxes would fall", "claim"}),
		tab: exportOfText(t, article, "budget.txt", "bob.annotations.json", [2]string{"raise defence spending", "pledge"}),
	}

	// Both at once: each tab's file goes in from a goroutine of its own.
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	for br, path := range files {
		wg.Go(func() {
			ctx, cancel := context.WithTimeout(br.ctx, browserTimeout)
			defer cancel()
			errs <- chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{path}))
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	for br := range files {
		waitFor(t, br, `document.querySelector("#doc-title").textContent === "budget"`)
	}
	for br := range files {
		waitSaved(t, br)
	}

	// What the library holds: one file's annotation, counted as held.
	third := b.newTab(t)
	openAppAt(t, third, srv.URL+"/")
	waitStarted(t, third)
	showLibrary(t, third)
	data := downloadFile(t, third, "annotator-backup-*.json", chromedp.Click(chromedp.ID("backup-button")))
	if err := workspace.Restore(workspace.NewMemory(), data); err != nil {
		t.Errorf("the backup does not restore: %v", err)
	}
	var backup workspace.Backup
	if err := json.Unmarshal(data, &backup); err != nil {
		t.Fatal(err)
	}
	var held []string
	for _, d := range backup.Documents {
		if d.Title != "budget" {
			continue
		}
		for _, a := range d.Annotations {
			held = append(held, a.Label)
		}
		held = append(held, fmt.Sprintf("counted %v", d.Counts))
	}
	if got := strings.Join(held, ", "); got != "claim, counted map[claim:1]" && got != "pledge, counted map[pledge:1]" {
		t.Errorf("the library holds the article as %q, want one file's annotation, counted", got)
	}

	// The tab that does not hold it says that its file's were not added,
	// and shows the other's, as stored.
	label := map[*browser]string{b: "claim", tab: "pledge"}
	said := 0
	for br := range files {
		if !strings.Contains(text(t, br, "#notice"), "not added") {
			continue
		}
		said++
		other := label[b]
		if br == b {
			other = label[tab]
		}
		waitFor(t, br, fmt.Sprintf(`document.querySelectorAll("#entries > li").length === 1 &&
			CSS.highlights.get("label-%s").size === 1 && !(CSS.highlights.get("label-%s") || {size: 0}).size`, other, label[br]))
	}
	if said != 1 {
		marks := `performance.getEntriesByType("mark").filter(m => /first-document|read-only|save-queued|applied|opened|follow|lock/.test(m.name)).map(m => m.name + "@" + Math.round(m.startTime)).join(" ")`
		t.Errorf("%d tabs say that their file's annotation was not added, want 1: %q, %q\nb: %s\ntab: %s", said, text(t, b, "#notice"), text(t, tab, "#notice"), evalJS[string](t, b, marks), evalJS[string](t, tab, marks))
	}
}
