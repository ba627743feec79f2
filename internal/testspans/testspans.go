// Package testspans annotates articles deterministically for the tests of
// the exchange formats, natively (annotate/formats) and in the browser
// (wasm/e2e): every sentence a claim, with nested quotes and notes, so
// that both sides test the same spans. Only tests import it.
package testspans

import (
	"fmt"
	"time"

	"github.com/newsannotator/annotator/annotate"
)

// Exported is the time the files of Sentences are stamped with.
var Exported = time.Date(2026, 2, 3, 4, 5, 6, 0, time.UTC)

// Sentences returns the native file of doc with its first max sentences
// tagged as claims; every third one also holds a quote over its first
// half, nested in it, with a speaker (an emoji in it), and every fifth
// claim a note with characters HTML escapes. Sentences that are white
// space only are skipped.
func Sentences(doc *annotate.Document, max int) (annotate.File, error) {
	text := doc.Text()
	set := annotate.NewSet(text, annotate.DefaultSchema())
	starts := annotate.SentenceStarts(text.String())
	for i, s := range starts[:min(len(starts), max)] {
		end := annotate.NextStart(starts, s, text.Len())
		a, err := set.Add("claim", s, end)
		if err != nil {
			continue // white space only
		}
		if i%5 == 0 {
			if err := set.SetAttribute(a.ID, annotate.AttrNote, fmt.Sprintf("note %d <&>", i)); err != nil {
				return annotate.File{}, err
			}
		}
		if i%3 == 0 && a.End-a.Start > 4 {
			q, err := set.Add("quote", a.Start, a.Start+(a.End-a.Start)/2)
			if err != nil {
				continue
			}
			if err := set.SetAttribute(q.ID, annotate.AttrSpeaker, fmt.Sprintf("Speaker 😀 %d", i)); err != nil {
				return annotate.File{}, err
			}
		}
	}
	return annotate.NewFile(doc, set, nil, Exported), nil
}
