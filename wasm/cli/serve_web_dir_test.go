//go:build !wasm

package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeSaysTheWebDirectoryIsMissing: `serve -web DIR` with a DIR that
// does not exist (a typo, a deploy folder not copied yet) must say so, not
// tell the user to run 'make web/app.wasm', which builds web/app.wasm and
// not DIR's.
func TestServeSaysTheWebDirectoryIsMissing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "no-such-dir")
	for _, cmd := range []string{"serve", "build"} {
		var out, errOut bytes.Buffer
		args := []string{cmd, "-web", dir}
		if cmd == "serve" {
			args = append(args, "-addr", "127.0.0.1:0")
		} else {
			args = append(args, "-out", filepath.Join(t.TempDir(), "site"))
		}
		code := Run(args, nil, &out, &errOut)
		msg := errOut.String()
		if code != exitUsage || !strings.Contains(msg, dir) || strings.Contains(msg, "make web/app.wasm") || !strings.Contains(msg, "does not exist") {
			t.Errorf("%s -web %s: exit %d, %q; want exit %d saying the directory does not exist", cmd, dir, code, msg, exitUsage)
		}
	}
}
