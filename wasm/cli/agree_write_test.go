//go:build !wasm

package cli

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// fullWriter fails every write, as standard output on a full disk or a
// closed pipe does.
type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestAgreeTableSaysWhyItFailed: `annotator agree a.json b.json >
// report.txt` on a full disk exits 2 and writes nothing on standard
// error, so the user is left with an empty report and no reason; with
// -json the same failure is said in words.
func TestAgreeTableSaysWhyItFailed(t *testing.T) {
	dir := t.TempDir()
	text := "Prices rose again. Wages did not. Rents doubled."
	ann := writeExport(t, dir, "ann.json", text, "Prices", "Wages")
	bob := writeExport(t, dir, "bob.json", text, "Prices", "Rents")
	for _, args := range [][]string{{"agree", "-json", ann, bob}, {"agree", ann, bob}} {
		var errOut bytes.Buffer
		code := Run(args, strings.NewReader(""), fullWriter{}, &errOut)
		if code == exitOK || !strings.Contains(errOut.String(), "no space left on device") {
			t.Errorf("%s: exit %d, standard error %q: want a failure that says why", strings.Join(args[:len(args)-2], " "), code, errOut.String())
		}
	}
}
