package annotate

import "testing"

// TestPointerOffsets checks the offsets of values, of missing fields (at
// the value that would hold them) and of escaped keys, and that a file
// that is not JSON after all ends the walk.
func TestPointerOffsets(t *testing.T) {
	data := []byte(`{"a": [1, {"b~/c": "x\"]", "d": [true]}], "e\u0301": null}`)
	m := pointerOffsets(data, []string{"/a/1/b~0~1c", "/a/1/d/0", "/a/1/missing", "/e\u0301", "/a/5"})
	for path, want := range map[string]string{
		"/a/1/b~0~1c":  `"x\"]"`,
		"/a/1/d/0":     `true`,
		"/a/1/missing": `{"b~/c"`,
		"/e\u0301":     `null`,
		"/a/5":         `[1,`,
		"":             `{"a"`,
	} {
		off, ok := m[path]
		if !ok || off < 0 || off >= len(data) || string(data[off:off+len(want)]) != want {
			t.Errorf("%s at %d, want the offset of %s", path, off, want)
		}
	}
	for _, bad := range []string{`[:`, `{"a" [}`, `[[[`, `{"a":`, `]`} {
		pointerOffsets([]byte(bad), []string{"/0/0", "/a"}) // must return
	}
}
