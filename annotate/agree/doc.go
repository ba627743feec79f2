// Package agree measures how far several annotators agree on one
// document, and merges and adjudicates their work: the figures a team
// reads before it trusts a dataset, and the gold file it makes after.
//
// Every figure is computed over the placed annotations of files whose
// texts are the same, code point for code point: orphans never count,
// and files of different texts are refused (ErrTextDiffers) before
// anything is measured.
//
// A caller reads each annotator's file with annotate.Import (which checks
// it and places its annotations on the text again) and passes
// annotate.NewFile(im.Document, im.Set, im.Orphans, t) as
// Annotator.File; a file taken as it stands can be decoded with
// encoding/json into an annotate.File.
//
// # The figures
//
// Agree returns a Report. For every pair of annotators (i, j), i < j, in
// the order given, file i is the reference:
//
//   - precision = matched / spans of j, recall = matched / spans of i,
//     F1 = 2PR / (P + R), per label and micro-averaged over all labels
//     (the counts summed, then divided); once for exact spans (same
//     label, start and end) and once for overlapping ones (same label, at
//     least one shared code point, matched one to one by a maximum
//     matching, see pairs.go);
//   - Cohen's kappa over every code point of the text, whose category is
//     the set of labels that cover it, or none (kappa.go); and per label,
//     the kappa of "this label covers the code point or not".
//
// Over all annotators at once, Krippendorff's alpha for unitized data,
// α_u (Krippendorff 1995, 2004), per label and overall, as DKPro
// Statistics computes it (alphau.go). And the disagreements of every
// pair, sorted by place, for an adjudicator to settle (disagree.go).
//
// # Nulls
//
// A figure that does not apply is null (a Figure that is not Valid),
// never 0: precision when j has no span of the label, recall when i has
// none, F1 when either is null, kappa when the expected agreement is 1
// (both annotators put every code point in the same one category),
// α_u for a label no annotator used or when its expected disagreement is
// 0. So a label only the reference used has precision null, recall 0 and
// F1 null; a label neither used has every figure null. F1 is 0, not null,
// when precision and recall are both 0.
//
// # Merging
//
// Merge combines the annotators' files into one annotate.File in which
// every span keeps its sources (merge.go); Adjudicate keeps the spans an
// adjudicator accepted and writes the gold file (adjudicate.go).
package agree
