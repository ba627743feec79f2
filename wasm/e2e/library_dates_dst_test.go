//go:build !wasm

package e2e

// This file checks the library's dates as shown in another time zone: a
// document's "date added" and "last change" are the wall-clock date and
// time in the user's zone on the day they were made, daylight saving time
// included.

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/workspace"
)

// TestLibraryDatesAcrossDaylightSaving: in Berlin, a document added in
// the other half of the year (summer time when it is winter now, winter
// time when it is summer) shows the date and time it had there then. The
// app showed it with today's offset from UTC: an hour off, and, for a
// document added in the hour before or after midnight, on the wrong day.
func TestLibraryDatesAcrossDaylightSaving(t *testing.T) {
	const zone = "Europe/Berlin"
	berlin, err := time.LoadLocation(zone)
	if err != nil {
		t.Skip(err)
	}
	// A time an hour before midnight by the offset the app would use now
	// (today's), in the other half of the year.
	now := time.Now().In(berlin)
	var at time.Time
	if now.IsDST() {
		at = time.Date(2025, 1, 15, 22, 30, 0, 0, time.UTC) // 23:30 CET; with today's +2, 00:30 on the 16th
	} else {
		at = time.Date(2025, 7, 15, 22, 30, 0, 0, time.UTC) // 00:30 CEST on the 16th; with today's +1, 23:30 on the 15th
	}
	w, err := workspace.Open(workspace.NewMemory(), func() time.Time { return at })
	if err != nil {
		t.Fatal(err)
	}
	doc, err := annotate.Load([]byte("A summer article, added just after midnight in Berlin."), annotate.Source{Name: "summer.txt", MediaType: "text/plain"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Add(doc, nil, nil, ""); err != nil {
		t.Fatal(err)
	}
	data, err := w.Backup()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "backup.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}

	b, _ := openApp(t)
	b.runIn(t, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: zone})
		return err
	}))
	b.run(chromedp.Reload())
	waitStarted(t, b)
	if got := evalJS[string](t, b, `Intl.DateTimeFormat().resolvedOptions().timeZone`); got != zone {
		t.Fatalf("the browser's zone is %q, not %s", got, zone)
	}
	showLibrary(t, b)
	b.run(chromedp.SetUploadFiles(chromedp.ID("restore-file"), []string{path}))
	waitFor(t, b, `performance.getEntriesByName("annotator:restored-backup").length > 0`)
	waitFor(t, b, `[...document.querySelectorAll("#library-table .library-row .library-title")].some(e => e.textContent.includes("summer"))`)
	got := evalJS[[]string](t, b, `[...document.querySelectorAll("#library-table .library-row")].filter(r => r.querySelector(".library-title").textContent.includes("summer")).map(r => [r.querySelector(".library-added").textContent, r.querySelector(".library-changed").textContent]).flat()`)
	local := at.In(berlin)
	want := []string{local.Format("2 Jan 2006"), local.Format("2 Jan 2006 15:04")}
	// What the browser itself says the wall clock read in Berlin then.
	js := evalJS[string](t, b, `new Date(`+jsString(at.Format(time.RFC3339))+`).toString()`)
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("in %s, a document added and changed at %s (%s there; the browser: %s) shows added %q, last change %q; want %q and %q",
			zone, at.Format(time.RFC3339), local.Format("2 Jan 2006 15:04 MST"), js, nthOr(got, 0), nthOr(got, 1), want[0], want[1])
	}
}

func nthOr(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}
