package annotate

// The benchmarks of Validate against the decode it cannot beat: a
// validator that is linear in the file's size takes about as long as
// json.Unmarshal of the same file, whatever the file holds.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sync"
	"testing"
)

var (
	fxExport60000Once sync.Once
	fxExport60000Data []byte
)

// fxExport60000 returns a valid, indented export of 60,000 small
// annotations on an article of about 600 KB. It is made once per run.
func fxExport60000(tb testing.TB) []byte {
	tb.Helper()
	fxExport60000Once.Do(func() {
		d := fxBigDoc(tb, 600_000)
		s := fxBigSet(tb, d, 60_000)
		data, err := NewFile(d, s, nil, fxExported).Marshal()
		if err != nil {
			tb.Fatal(err)
		}
		fxExport60000Data = data
	})
	return fxExport60000Data
}

// fxBadIDs returns an export of n annotations written without
// indentation, as other tools write JSON, whose ids are all not UUIDs: n
// problems on one line.
func fxBadIDs(tb testing.TB, n int) []byte {
	tb.Helper()
	d := fxBigDoc(tb, 200_000)
	s := fxBigSet(tb, d, n)
	f := NewFile(d, s, nil, fxExported)
	for i := range f.Annotations {
		f.Annotations[i].ID = fmt.Sprintf("bad-id-%d", i)
	}
	data, err := f.Marshal()
	if err != nil {
		tb.Fatal(err)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, data); err != nil {
		tb.Fatal(err)
	}
	return compact.Bytes()
}

func BenchmarkValidate60000(b *testing.B) {
	data := fxExport60000(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if p := Validate(data); p != nil {
			b.Fatalf("a valid export has problems: %v", p[0])
		}
	}
}

func BenchmarkDecode60000(b *testing.B) {
	data := fxExport60000(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var w fileWire
		if err := json.Unmarshal(data, &w); err != nil {
			b.Fatal(err)
		}
	}
}

func benchmarkValidateBadIDs(b *testing.B, n int) {
	data := fxBadIDs(b, n)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if p := Validate(data); len(p) == 0 {
			b.Fatal("bad ids passed")
		}
	}
}

func BenchmarkValidateBadIDs20000(b *testing.B) { benchmarkValidateBadIDs(b, 20_000) }
