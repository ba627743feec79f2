//go:build !wasm

package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/internal/testcorpus"
)

// run runs the command line and returns its exit status, standard output
// and standard error.
func run(stdin []byte, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := Run(args, bytes.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// writeFile writes data to name in a temporary folder and returns its path.
func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestReadRefusesInWords checks that a folder, a missing file and a file
// over the command's limit are refused in words, with exit status 2.
func TestReadRefusesInWords(t *testing.T) {
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes")
	if err := os.Mkdir(notes, 0o755); err != nil {
		t.Fatal(err)
	}
	big := writeFile(t, "big.html", bytes.Repeat([]byte("a"), annotate.MaxArticleBytes+1))
	cases := []struct {
		args []string
		says string
	}{
		{[]string{"load", notes}, notes + "/ is a folder, not a file: give the path of an article"},
		{[]string{"validate", notes + "/"}, notes + "/ is a folder, not a file: give the path of a JSON export"},
		{[]string{"validate", filepath.Join(dir, "gone.json")}, filepath.Join(dir, "gone.json") + " does not exist: check the path"},
		{[]string{"load", big}, big + " is 10,000,001 bytes; the annotator opens articles of up to 10 MB (10,000,000 bytes)"},
	}
	for _, c := range cases {
		code, out, errOut := run(nil, c.args...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, c.says) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit %d saying %q", c.args, code, out, errOut, exitUsage, c.says)
		}
		if strings.Contains(errOut, "is a directory") || strings.Contains(errOut, "no such file") {
			t.Errorf("%v: Go's own words leaked: %q", c.args, errOut)
		}
	}
	code, _, errOut := run(bytes.Repeat([]byte("a"), annotate.MaxArticleBytes+5), "load", "-")
	if code != exitUsage || !strings.Contains(errOut, "standard input is 10,000,005 bytes; the annotator opens articles of up to 10 MB") {
		t.Errorf("standard input over the limit: exit %d, stderr %q", code, errOut)
	}
}

// TestLoadWindows1252 loads a windows-1252 page, with and without its
// <meta charset>, from a file (whose extension once made the command line
// declare it UTF-8) and from standard input: the text holds "café" and
// curly quotes every time, as in the app. A -type with a charset is a
// declaration and is obeyed.
func TestLoadWindows1252(t *testing.T) {
	body := "<p>Caf\xe9 owners said \x93we are open\x94 on Tuesday.</p>"
	want := "Café owners said “we are open” on Tuesday."
	pages := map[string]string{
		"with meta":    `<!doctype html><html><head><meta charset="windows-1252"></head><body>` + body + "</body></html>",
		"without meta": "<!doctype html><html><body>" + body + "</body></html>",
	}
	for pname, page := range pages {
		path := writeFile(t, "cafe.html", []byte(page))
		for _, args := range [][]string{{"load", path}, {"load", "-"}, {"load", "-type", "text/html", path}} {
			code, out, errOut := run([]byte(page), args...)
			if code != exitOK {
				t.Fatalf("%s, %v: exit %d: %s", pname, args, code, errOut)
			}
			var f annotate.File
			if err := json.Unmarshal([]byte(out), &f); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(f.Document.Text, want) || f.Document.Meta.Charset != "windows-1252" {
				t.Errorf("%s, %v: charset %q, text %q; want it to hold %q", pname, args, f.Document.Meta.Charset, f.Document.Text, want)
			}
		}
	}
	path := writeFile(t, "cafe.html", []byte(pages["without meta"]))
	_, out, _ := run(nil, "load", "-type", "text/html; charset=iso-8859-7", path)
	if strings.Contains(out, "Café") {
		t.Errorf("-type with a charset was not obeyed: %s", out)
	}
}

// TestLoadAtLimitThenValidate is the chain at the article limit: an
// article of exactly the limit loads, and its export, larger than the
// article limit, validates.
func TestLoadAtLimitThenValidate(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a 10 MB article")
	}
	page := testcorpus.ArticleOfSize(annotate.MaxArticleBytes)
	if len(page) != annotate.MaxArticleBytes {
		t.Fatalf("the article is %d bytes", len(page))
	}
	code, out, errOut := run(nil, "load", writeFile(t, "long-report.html", page))
	if code != exitOK {
		t.Fatalf("load exited %d: %s", code, errOut)
	}
	if len(out) <= 10<<20 {
		t.Errorf("the export is %d bytes; the test needs it over the old 10 MiB read limit", len(out))
	}
	code, stdout, errOut := run(nil, "validate", writeFile(t, "long-report.json", []byte(out)))
	if code != exitOK || !strings.Contains(stdout, "valid") {
		t.Errorf("validate exited %d: %s%s", code, stdout, errOut)
	}
}
