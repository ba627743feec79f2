//go:build !wasm && unix

package cli

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestOutputIntoAPipeOrALink writes -o into a named pipe that a reader
// waits on, and through a symbolic link to a file. The export was written
// to a temporary file renamed over the path: the pipe became a regular
// file and its reader got nothing (as root, "-o /dev/null -f" replaced
// /dev/null itself), and the link became a file of its own, the file it
// named left as it was. A pipe or a device holds no work to lose: it
// needs no -f.
func TestOutputIntoAPipeOrALink(t *testing.T) {
	in := writeExport(t, t.TempDir(), "a.json", "Prices rose again.", "Prices")
	dir := t.TempDir()

	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipe here: %v", err)
	}
	// The reader opens first, without waiting for a writer, and reads
	// once the command is done: what it wrote, or nothing when it wrote
	// to no pipe.
	r, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	code, _, stderr := run(nil, "convert", "--to", "jsonl", "-o", fifo, in)
	data, _ := io.ReadAll(r)
	got := string(data)
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("-o a named pipe: it is now %v (%v)", fi.Mode(), err)
	}
	if code != exitOK || !strings.Contains(got, `"text":"Prices rose again."`) {
		t.Errorf("-o a named pipe: exit %d, stderr %q; its reader got %q", code, stderr, got)
	}

	target := filepath.Join(dir, "gold.jsonl")
	if err := os.WriteFile(target, []byte("last week's\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "latest.jsonl")
	if err := os.Symlink("gold.jsonl", link); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(nil, "convert", "--to", "jsonl", "-o", link, in); code != exitUsage || !strings.Contains(stderr, "already there") {
		t.Errorf("-o a link to a file, without -f: exit %d, %q; want it refused", code, stderr)
	}
	if code, _, stderr := run(nil, "convert", "--to", "jsonl", "-f", "-o", link, in); code != exitOK {
		t.Fatalf("-o a link to a file, -f: exit %d, %q", code, stderr)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("-o a link: it is no link now (%v, %v)", fi.Mode(), err)
	}
	if data, _ := os.ReadFile(target); !strings.Contains(string(data), `"text":"Prices rose again."`) {
		t.Errorf("-o a link: the file it names holds %q", data)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) > 0 {
		t.Errorf("temporary files left: %q", left)
	}
}
