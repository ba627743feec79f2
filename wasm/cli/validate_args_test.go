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

// TestValidateHelp: -h asks validate for its help, as it does every other
// command (it was read as a file, "-h does not exist", exit 2); after
// "--" it is a file's name.
func TestValidateHelp(t *testing.T) {
	for _, arg := range []string{"-h", "-help", "--help"} {
		code, stdout, stderr := run(nil, "validate", arg)
		if code != exitOK || !strings.Contains(stdout, "Usage: annotator validate") || stderr != "" {
			t.Errorf("validate %s: exit %d, stdout %q, stderr %q", arg, code, stdout, stderr)
		}
	}
	if code, _, stderr := run(nil, "validate", "--", "-h"); code != exitUsage || !strings.Contains(stderr, "-h does not exist") {
		t.Errorf("validate -- -h: exit %d, stderr %q; want the file -h looked for", code, stderr)
	}
}
