//go:build !wasm

package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsannotator/annotator/annotate"
)

// writeWithLabels writes an export of text with no annotation whose
// schema has n labels named prefix0, prefix1….
func writeWithLabels(t *testing.T, dir, name, text, prefix string, n int) string {
	t.Helper()
	doc, err := annotate.Load([]byte(text), annotate.FileSource(name, "text/plain"))
	if err != nil {
		t.Fatal(err)
	}
	var s annotate.Schema
	for i := range n {
		s.Labels = append(s.Labels, annotate.Label{Name: fmt.Sprintf("%s%d", prefix, i), Color: "#000000",
			Key: string(rune('a' + i)), Attributes: []string{}})
	}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	data, err := annotate.NewFile(doc, annotate.NewSet(doc.Text(), s), nil, time.Unix(0, 0)).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestMergeOfSchemasThatDoNotMerge: files that were read and whose
// schemas cannot make one (more labels together than a schema holds) are
// input that is not what merge needs: exit 1, as for files of different
// texts, not 2, which says the command was misused or a file unread.
func TestMergeOfSchemasThatDoNotMerge(t *testing.T) {
	dir := t.TempDir()
	text := "Prices rose again. Wages did not."
	a := writeWithLabels(t, dir, "a.json", text, "alpha", 14)
	b := writeWithLabels(t, dir, "b.json", text, "beta", 14)
	code, stdout, stderr := run(nil, "merge", a, b)
	if code != exitInvalid || stdout != "" || !strings.Contains(stderr, "schemas do not merge") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}
