package app

import (
	_ "embed"

	"github.com/newsannotator/annotator/annotate"
)

// The built-in sample article, which the annotator opens at first so that a
// newcomer can tag at once: a report of Keir Starmer's visit to Donald Trump
// on 27 February 2025 (shared/seed/000_d5daed31138c5547.txt), with the
// quotes, claims and pledges the annotator is made for, and the
// donation-box boilerplate that real pages carry.
var (
	//go:embed sample/starmer-trump-white-house.txt
	sampleArticle []byte
	// sampleName is the name the sample opens under.
	sampleName = "starmer-trump-white-house.txt"
)

const (
	sampleTitle     = "Starmer meets Trump at the White House for talks on Ukraine, trade and technology"
	samplePublished = "2025-02-27"
)

// titleSample gives doc, loaded from the sample's text (which says neither),
// the sample's title and date.
func titleSample(doc *annotate.Document) {
	doc.Title, doc.Meta.Published = sampleTitle, samplePublished
}
