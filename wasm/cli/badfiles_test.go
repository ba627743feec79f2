//go:build !wasm

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStatsReadsAnExportSavedAsTxt: an export saved as .txt (Copy JSON
// pasted into Notepad and saved) is imported with its 7 annotations by the
// app's Open…; stats and convert must read it as the export it is, not as
// an article whose text is the JSON.
func TestStatsReadsAnExportSavedAsTxt(t *testing.T) {
	export, err := os.ReadFile(filepath.Join("..", "..", "testdata", "formats", "sample.v1.json"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sample-export.txt")
	if err := os.WriteFile(path, export, 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(nil, "stats", "-json", path)
	if code != exitOK || !strings.Contains(stdout, `"annotations": 7`) && !strings.Contains(stdout, `"annotations":7`) {
		t.Errorf("stats of an export saved as .txt: exit %d, want its 7 annotations counted:\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = run(nil, "convert", "--to", "jsonl", path)
	if code != exitOK || strings.Contains(stdout, `"text":"{`) {
		t.Errorf("convert of an export saved as .txt: exit %d, a document whose text is the JSON:\n%.300s\n%s", code, stdout, stderr)
	}
}

// TestLoadRefusesAnExport: load reads an article (HTML or text). An
// export, or a JSON Lines batch, given to it by mistake was printed as a
// new export whose article is the JSON itself, exit 0: the app's Open…
// imports the same file with its annotations. It must be refused in words.
func TestLoadRefusesAnExport(t *testing.T) {
	export, err := os.ReadFile(filepath.Join("..", "..", "testdata", "formats", "sample.v1.json"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, data := range map[string][]byte{
		"sample.v1.json": export,
		"batch.jsonl":    []byte(`{"id": "1", "title": "One", "text": "First article text."}` + "\n" + `{"id": "2", "text": "Second."}` + "\n"),
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		code, stdout, stderr := run(nil, "load", path)
		if code == exitOK {
			i := strings.Index(stdout, `"text": `)
			t.Errorf("load %s: exit 0, an article whose text is the JSON: %.80s %s", name, stdout[max(i, 0):], stderr)
		}
	}
}
