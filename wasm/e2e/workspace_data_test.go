//go:build !wasm

package e2e

// This file takes articles into the workspace by the hundred and datasets
// and backups out of it, in the browser: a JSON Lines batch with bad lines,
// the dataset checked in Python, and a backup restored in a fresh profile.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// batchOf writes a JSON Lines batch of n articles, with the lines bad (by
// number, from 1) broken in five different ways.
func batchOf(t testing.TB, n int, bad map[int]bool) string {
	t.Helper()
	var buf bytes.Buffer
	kinds := []string{
		`{"id": "x", "title": "no text"}`,
		`{"id": "y", "html": 12}`,
		`{"id": "z", "text": "unterminated`,
		`[1, 2, 3]`,
		`{"id": "w", "text": "   "}`,
	}
	k := 0
	for i := 1; i <= n; i++ {
		if bad[i] {
			buf.WriteString(kinds[k%len(kinds)] + "\n")
			k++
			continue
		}
		line, _ := json.Marshal(map[string]any{
			"id": fmt.Sprintf("doc-%03d", i), "title": fmt.Sprintf("Report %03d on the budget", i),
			"url":  fmt.Sprintf("https://news.example/%03d", i),
			"html": fmt.Sprintf("<h1>Report %03d</h1><p>The minister 😀 said on day %d that taxes would fall by %d%%.</p><p>Critics disagreed, naïvely.</p>", i, i, i%17),
			"meta": map[string]string{"author": "A. Writer"},
		})
		buf.Write(line)
		buf.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "batch.jsonl")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestWorkspaceBatchDatasetBackup(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	tagTwo(t, b)

	bad := map[int]bool{7: true, 50: true, 99: true, 150: true, 200: true}
	batch := batchOf(t, 200, bad)
	showLibrary(t, b)
	b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{batch}))
	waitFor(t, b, `document.querySelector("#import-report") !== null`)
	report := text(t, b, "#import-report")
	if !strings.Contains(report, "Added 195 documents") || !strings.Contains(report, "5 refused") {
		t.Errorf("the import report says %q", report)
	}
	// The message line points to the report where it is: above it.
	waitFor(t, b, `document.querySelector("#notice").textContent.includes("Added 195")`)
	if said, above := text(t, b, "#notice"), evalJS[bool](t, b, `document.querySelector("#import-report").getBoundingClientRect().bottom <= document.querySelector("#notice").getBoundingClientRect().top`); !above || !strings.HasSuffix(strings.TrimSpace(said), "The reasons are listed in the report above.") {
		t.Errorf("the message line says %q; the report is above it: %v", said, above)
	}
	lines := evalJS[[]string](t, b, `[...document.querySelectorAll("#import-report li")].map(e => e.textContent)`)
	if len(lines) != 5 {
		t.Errorf("the report names %d lines, want 5: %q", len(lines), lines)
	}
	for i, n := range []int{7, 50, 99, 150, 200} {
		if i < len(lines) && !strings.Contains(lines[i], fmt.Sprintf("line %d", n)) {
			t.Errorf("report line %d is %q, want line %d named", i, lines[i], n)
		}
	}
	waitFor(t, b, `document.querySelector("#library-count").textContent.startsWith("196 documents")`)
	// Closed, the report takes the words that point to it with it.
	b.run(chromedp.Click(chromedp.ID("import-report-close")))
	waitFor(t, b, `document.querySelector("#import-report") === null`)
	waitFor(t, b, `!document.querySelector("#notice").textContent.includes("Added 195")`)

	// The dataset, checked in Python: text[start:end] is every span.
	dataset := downloadFile(t, b, "dataset-*.jsonl", chromedp.Click(chromedp.ID("export-all")))
	if got := bytes.Count(dataset, []byte("\n")); got != 196 {
		t.Errorf("the dataset has %d lines, want 196", got)
	}
	checkDatasetInPython(t, dataset, 2)

	// A backup restored into a fresh profile gives the same library: the
	// same dataset, byte for byte.
	backup := filepath.Join(t.TempDir(), "backup.json")
	if err := os.WriteFile(backup, downloadFile(t, b, "annotator-backup-*.json", chromedp.Click(chromedp.ID("backup-button"))), 0o644); err != nil {
		t.Fatal(err)
	}
	fresh, _ := openApp(t)
	waitStarted(t, fresh)
	showLibrary(t, fresh)
	fresh.run(chromedp.SetUploadFiles(chromedp.ID("restore-file"), []string{backup}))
	waitFor(t, fresh, `performance.getEntriesByName("annotator:restored-backup").length > 0`)
	waitFor(t, fresh, `document.querySelector("#library-count") && document.querySelector("#library-count").textContent.startsWith("196 documents")`)
	again := downloadFile(t, fresh, "dataset-*.jsonl", chromedp.Click(chromedp.ID("export-all")))
	if !bytes.Equal(again, dataset) {
		t.Errorf("the restored library's dataset differs from the original's (%d bytes against %d)", len(again), len(dataset))
	}
}

// TestWorkspaceImportNotes adds a dataset line with a span past the end of
// its text and a label in capitals: the document is added with its good
// span, and the report counts the two notes and lists each with its file
// and line, as it lists the lines refused.
func TestWorkspaceImportNotes(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	path := filepath.Join(t.TempDir(), "spans.jsonl")
	line := `{"id":"d1","text":"Short text here.","spans":[{"start":0,"end":5,"label":"claim"},{"start":10,"end":99,"label":"CLAIM"}]}`
	if err := os.WriteFile(path, []byte(line+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	showLibrary(t, b)
	b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{path}))
	waitFor(t, b, `document.querySelector("#import-report") !== null`)
	report := text(t, b, "#import-report")
	if !strings.Contains(report, "Added 1 document") || !strings.Contains(report, "2 notes") || strings.Contains(report, "refused") {
		t.Errorf("the import report says %q; want 1 document added and 2 notes", report)
	}
	lines := evalJS[[]string](t, b, `[...document.querySelectorAll("#import-report li")].map(e => e.textContent)`)
	if len(lines) != 2 {
		t.Fatalf("the report lists %q; want the 2 notes", lines)
	}
	for i, want := range []string{"lower case", "span 2"} {
		if !strings.HasPrefix(lines[i], "spans.jsonl, line 1") || !strings.Contains(lines[i], want) {
			t.Errorf("note %d is %q; want spans.jsonl, line 1, saying %q", i+1, lines[i], want)
		}
	}
	waitFor(t, b, `document.querySelector("#library-count").textContent.startsWith("2 documents")`)
}

// checkDatasetInPython checks a JSON Lines dataset with Python: for every
// span, text[start:end] is its text, and spans spans are there in all.
func checkDatasetInPython(t testing.TB, data []byte, spans int) {
	t.Helper()
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Fatal("python3 is needed to check the dataset's offsets as Python counts them")
	}
	const script = `
import json, sys
n = 0
for i, line in enumerate(sys.stdin, 1):
    d = json.loads(line)
    for s in d["spans"]:
        assert d["text"][s["start"]:s["end"]] == s["text"], (i, s)
        n += 1
print(n)
`
	cmd := exec.Command(python, "-c", script)
	cmd.Stdin = bytes.NewReader(data)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("Python refused the dataset: %v\n%s", err, out)
	}
	if got := strings.TrimSpace(string(out)); got != fmt.Sprint(spans) {
		t.Errorf("Python checked %s spans, want %d", got, spans)
	}
}

// TestWorkspaceImportFilesAndCancel picks several files at once (a page, a
// text, an export, a file that is no article) and then cancels a long
// batch: each bad file is named, the good ones are added, and a cancelled
// import keeps what it added and says so, and where it stopped.
func TestWorkspaceImportFilesAndCancel(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	tagTwo(t, b)
	export := filepath.Join(t.TempDir(), "sample.annotations.json")
	if err := os.WriteFile(export, downloadVia(t, b, chromedp.Click(chromedp.ID("download-button"))), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string]string{
		"page.html":  "<html><head><title>A page</title></head><body><h1>A page</h1><p>Words of a page.</p></body></html>",
		"notes.txt":  "Plain notes.\n\nA second paragraph.",
		"empty.html": "<html><body>   </body></html>",
	}
	var paths []string
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	paths = append(paths, export) // the open article's own export: already there
	showLibrary(t, b)
	b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), paths))
	waitFor(t, b, `document.querySelector("#import-report") !== null`)
	report := text(t, b, "#import-report")
	for _, want := range []string{"Added 2 documents", "1 refused", "1 already there", "empty.html", "sample.annotations.json"} {
		if !strings.Contains(report, want) {
			t.Errorf("the report does not say %q: %q", want, report)
		}
	}
	waitFor(t, b, `document.querySelector("#library-count").textContent.startsWith("3 documents")`)

	// A long batch, cancelled as soon as it shows its progress.
	b.run(chromedp.Click(chromedp.ID("import-report-close")))
	b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{batchOf(t, 400, nil)}))
	waitFor(t, b, `document.querySelector("#import-cancel") !== null`)
	b.run(chromedp.Click(chromedp.ID("import-cancel")))
	waitFor(t, b, `document.querySelector("#import-report") !== null`)
	report = text(t, b, "#import-report")
	if !strings.Contains(report, "cancelled") {
		t.Fatalf("after Cancel the report says %q", report)
	}
	var added int
	if _, err := fmt.Sscanf(report[strings.Index(report, "Added"):], "Added %d", &added); err != nil || added >= 400 {
		t.Errorf("a cancelled import added %d of 400 (%v): %q", added, err, report)
	}
	// Where it stopped: after the line of the last article added, each
	// line an article.
	where := "It stopped before the first line of batch.jsonl"
	if added > 0 {
		where = fmt.Sprintf("It stopped in batch.jsonl after line %d of 400: lines %d to 400 were not read", added, added+1)
	}
	if !strings.Contains(report, where) {
		t.Errorf("the report of the cancelled batch does not say %q: %q", where, report)
	}
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#library-count").textContent.startsWith("%d documents")`, 3+added))
}

// TestImportProgressIsQuiet imports a batch of 400 articles with the
// page's live regions watched, as a screen reader hears them: the count
// drawn every tenth of a second was read out each time, a queue of
// numbers that ran on after the import. What is said now changes at the
// start and at each quarter, while the count goes on being drawn.
func TestImportProgressIsQuiet(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	showLibrary(t, b)
	evalJS[bool](t, b, `(() => {
		window.__said = []; window.__drawn = new Set();
		const live = (n) => n.closest && n.closest('[role=status], [role=alert], [aria-live]:not([aria-live=off])');
		new MutationObserver((ms) => {
			for (const m of ms) {
				const n = m.target.nodeType === 1 ? m.target : m.target.parentElement;
				const r = n && live(n);
				if (r && r.closest(".importer")) __said.push(r.textContent);
				const p = document.querySelector("#import-progress progress");
				if (p) __drawn.add(p.value);
			}
		}).observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true});
		return true;
	})()`)
	b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{batchOf(t, 400, nil)}))
	waitFor(t, b, `document.querySelector("#import-report") !== null`)
	said := evalJS[[]string](t, b, `[...new Set(__said)]`)
	drawn := evalJS[int](t, b, `__drawn.size`)
	t.Logf("the count was drawn at %d values; the live regions said %q", drawn, said)
	if len(said) > 6 {
		t.Errorf("the import's progress said %d different things to a screen reader, want at most 6 (its start, each quarter, its end): %q", len(said), said)
	}
	for _, s := range said {
		if strings.ContainsAny(s, "0123456789") {
			t.Errorf("a screen reader heard a count: %q", s)
		}
	}
}
