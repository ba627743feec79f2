// Package testweb makes web directories for the tests of the server and
// the command line: a copy of the repository's web/ with an app.wasm that
// is not the app, so that serving and building are tested without the
// minute it takes to build the real one. Only tests import this package.
package testweb

import (
	"crypto/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/internal/testcorpus"
)

// WasmSize is the size of the fake app.wasm that WebDir writes.
const WasmSize = 300 << 10

// WebDir returns a temporary web directory holding the repository's assets
// (web/, without any built app.wasm or its compressed variants) and a fake
// app.wasm of random bytes behind WebAssembly's magic number, which it
// also returns.
func WebDir(tb testing.TB) (string, []byte) {
	tb.Helper()
	dir := tb.TempDir()
	if err := CopyAssets(testcorpus.Root(tb), dir); err != nil {
		tb.Fatal(err)
	}
	wasm := make([]byte, WasmSize)
	rand.Read(wasm)
	copy(wasm, "\x00asm\x01\x00\x00\x00")
	if err := os.WriteFile(filepath.Join(dir, "app.wasm"), wasm, 0o644); err != nil {
		tb.Fatal(err)
	}
	return dir, wasm
}

// CopyAssets copies the files of the web/ directory of the repository at
// root into dir: every asset, but no app.wasm nor its compressed variants.
func CopyAssets(root, dir string) error {
	src := filepath.Join(root, "web")
	entries, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "app.wasm") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, name))
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, name), data, 0o644)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
