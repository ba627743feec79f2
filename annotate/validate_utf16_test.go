package annotate

import (
	"encoding/binary"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

// inUTF16 writes s in UTF-16 with a byte-order mark, little- or big-endian.
func inUTF16(s string, order binary.AppendByteOrder) []byte {
	out := []byte{0xff, 0xfe}
	if order == binary.AppendByteOrder(binary.BigEndian) {
		out = []byte{0xfe, 0xff}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		out = order.AppendUint16(out, u)
	}
	return out
}

// TestExportInUTF16 validates and imports an export saved in UTF-16 with
// a byte-order mark, as Windows PowerShell's ">" writes one: it is read as
// its UTF-8, its problems at the same lines. It was "not valid UTF-8".
func TestExportInUTF16(t *testing.T) {
	doc, err := Load([]byte("Prices rose again. Wages did not 👍."), FileSource("a.txt", "text/plain"))
	if err != nil {
		t.Fatal(err)
	}
	set := NewSet(doc.Text(), DefaultSchema())
	if _, err := set.Add("claim", 0, 6); err != nil {
		t.Fatal(err)
	}
	data, err := NewFile(doc, set, nil, time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	for _, order := range []binary.AppendByteOrder{binary.LittleEndian, binary.BigEndian} {
		if p := Validate(inUTF16(string(data), order)); len(p) > 0 {
			t.Errorf("%v: a valid export in UTF-16: %v", order, p)
		}
		imp, err := Import(inUTF16(string(data), order))
		if err != nil || imp.Set.Len() != 1 || imp.Document.Text().String() != doc.Text().String() {
			t.Errorf("%v: imported in UTF-16: %v", order, err)
		}
		bad := strings.Replace(string(data), `"label": "claim"`, `"label": 7`, 1)
		if bad == string(data) {
			t.Fatal("the export has no label to spoil: the test shows nothing")
		}
		want := Validate([]byte(bad))
		got := Validate(inUTF16(bad, order))
		if len(want) == 0 || len(got) != len(want) || got[0].String() != want[0].String() {
			t.Errorf("%v: a spoilt export in UTF-16: %v; in UTF-8: %v", order, got, want)
		}
	}
}
