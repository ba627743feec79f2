package formats

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// lineBreaks are the characters other than "\n" and "\r" that Python's
// str.splitlines takes for the end of a line (and that a canonical text
// keeps): a dataset must hold none of them raw, or a pipeline reading it
// with Path.read_text().splitlines() cuts a document's line in two.
const lineBreaks = "\v\f\x1c\x1d\x1e\u0085\u2028\u2029"

// TestDatasetLinesSplitAsPythonSplitsThem exports articles whose texts
// hold each of lineBreaks and checks in Python that splitlines() gives
// one line a document, and that text[start:end] is every span's text.
func TestDatasetLinesSplitAsPythonSplitsThem(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not on the PATH")
	}
	var files []annotate.File
	spans, kept := 0, ""
	for i, r := range lineBreaks {
		page := "<p>Before " + string(r) + " after, and a claim: a" + string(r) + "b.</p>"
		doc, err := annotate.Load([]byte(page), annotate.Source{Name: "breaks.html", MediaType: "text/html"})
		if err != nil {
			t.Fatal(err)
		}
		text := doc.Text().String()
		set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
		if at := strings.Index(text, "a"+string(r)+"b"); at >= 0 {
			start := annotate.RuneCount(text[:at])
			if _, err := set.Add("claim", start, start+3); err != nil {
				t.Fatal(err)
			}
			spans++
			kept += string(r)
		}
		f := annotate.NewFile(doc, set, nil, goldenNow)
		f.Document.ID += string(rune('a' + i))
		files = append(files, f)
	}
	out, err := jsonl.Export(files, goldenNow)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "dataset.jsonl")
	if err := os.WriteFile(path, out[0].Data, 0o600); err != nil {
		t.Fatal(err)
	}
	res, err := exec.Command(py, "-c", `
import json, pathlib, sys
lines = pathlib.Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()
n = 0
for line in lines:
    d = json.loads(line)
    for s in d["spans"]:
        assert d["text"][s["start"]:s["end"]] == s["text"], (d["text"], s)
        n += 1
print(len(lines), n)
`, path).CombinedOutput()
	if err != nil {
		t.Fatalf("Python cannot read the dataset line by line: %v\n%s", err, res)
	}
	if !strings.Contains(kept, "\u0085") {
		t.Fatalf("the canonical texts keep only %q of the line breaks: the test no longer sees U+0085", kept)
	}
	if got, want := strings.TrimSpace(string(res)), fmt.Sprintf("%d %d", len(files), spans); got != want {
		t.Errorf("Python read %s lines and spans, want %s", got, want)
	}
}
