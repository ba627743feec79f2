//go:build !wasm

package cli

import (
	"strings"
	"testing"
)

// TestValidateTakesTheSeparator: as with every command, "--" ends the
// flags and is no file; validate read it as a file and exited 2. A name
// that starts with '-' is still a file, after "--" or not.
func TestValidateTakesTheSeparator(t *testing.T) {
	dir := t.TempDir()
	a := writeExport(t, dir, "a.json", "Prices rose again.", "Prices")
	dash := writeExport(t, dir, "-b.json", "Wages fell.", "Wages")
	for _, args := range [][]string{{"--", a}, {a, "--", dash}, {"--", "--"}} {
		code, stdout, stderr := run(nil, append([]string{"validate"}, args...)...)
		want := exitOK
		if args[1] == "--" && args[0] == "--" {
			want = exitUsage // after "--", "--" is a file, and there is none of that name
		}
		if code != want || (want == exitOK && strings.Count(stdout, ": valid") != len(args)-1) {
			t.Errorf("validate %q: exit %d, stdout %q, stderr %q", args, code, stdout, stderr)
		}
	}
}
