//go:build !wasm

package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/internal/testweb"
)

func TestServeRefusesMissingWasm(t *testing.T) {
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	code := Run([]string{"serve", "-addr", "127.0.0.1:0", "-web", dir}, nil, &out, &errOut)
	if code == exitOK {
		t.Fatal("serve started with no app.wasm")
	}
	msg := errOut.String()
	if !strings.Contains(msg, filepath.Join(dir, "app.wasm")) || !strings.Contains(msg, "make web/app.wasm") {
		t.Errorf("serve said %q: it should name the missing file and how to build it", msg)
	}
}

func TestServeReadsAddrFromEnvironment(t *testing.T) {
	dir, _ := testweb.WebDir(t)
	t.Setenv("ANNOTATOR_ADDR", "127.0.0.1:not-a-port")
	var out, errOut bytes.Buffer
	if code := Run([]string{"serve", "-web", dir}, nil, &out, &errOut); code == exitOK || !strings.Contains(errOut.String(), "not-a-port") {
		t.Errorf("serve with a bad $ANNOTATOR_ADDR: exit %d, %q", code, errOut.String())
	}
}
