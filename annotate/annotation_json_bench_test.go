package annotate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// fxStoredRecords returns n annotations over a synthetic article as the
// app stores them in IndexedDB, one record each: a UUID-like id, 200 code
// points of exact text with 32 of prefix and suffix, a speaker on each
// quote, and times with nanoseconds in UTC.
func fxStoredRecords(tb testing.TB, n int) [][]byte {
	tb.Helper()
	text := fxBigDoc(tb, 100_000).Text()
	rng := rand.New(rand.NewPCG(5, 6))
	labels := []string{"claim", "quote", "pledge"}
	speakers := []string{"Donald Trump", "Sir Keir Starmer", "Rachel Reeves"}
	created := time.Date(2026, 11, 28, 9, 30, 0, 0, time.UTC)
	records := make([][]byte, n)
	for i := range records {
		a := Annotation{
			ID: fmt.Sprintf("%08x-%04x-7%03x-%04x-%012x", rng.Uint32(), rng.IntN(1<<16), rng.IntN(1<<12),
				0x8000|rng.IntN(1<<14), rng.Uint64()>>16),
			Label:  labels[rng.IntN(len(labels))],
			Author: "ann",
			Anchor: AnchorExact,
		}
		start := rng.IntN(text.Len() - 200)
		a.Place(text, start, start+200)
		if a.Label == "quote" {
			a.Attributes = map[string]string{AttrSpeaker: speakers[rng.IntN(len(speakers))]}
		}
		created = created.Add(time.Duration(rng.Int64N(int64(time.Minute))))
		a.Created = created
		a.Modified = created.Add(time.Duration(rng.Int64N(int64(time.Hour))))
		records[i] = fxEncodeStored(tb, a)
	}
	return records
}

// BenchmarkDecodeAnnotations reads back the 2,000 stored annotations of a
// large document, as reopening it does: with json.Unmarshal, with
// DecodeAnnotation one record at a time (as the records come from
// IndexedDB), and with DecodeAnnotationLines from one newline-separated
// block.
func BenchmarkDecodeAnnotations(b *testing.B) {
	records := fxStoredRecords(b, 2000)
	size := 0
	for _, r := range records {
		size += len(r)
	}
	lines := bytes.Join(records, []byte("\n"))
	out := make([]Annotation, len(records))
	b.Run("json.Unmarshal", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for i, r := range records {
				out[i] = Annotation{}
				if err := json.Unmarshal(r, &out[i]); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("DecodeAnnotation", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for i, r := range records {
				if err := DecodeAnnotation(r, &out[i]); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("DecodeAnnotationLines", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := DecodeAnnotationLines(lines); err != nil {
				b.Fatal(err)
			}
		}
	})
}
