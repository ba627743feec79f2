package agree

// This file is the Report: every figure of one document's annotators, in
// a fixed order that its JSON keeps, with nulls where a figure does not
// apply. The numbers are named precision, recall, f1, kappa and alpha_u.

// Report is the agreement of several annotators on one document.
type Report struct {
	Document DocumentInfo `json:"document"`
	// Annotators are the annotators, in the order given.
	Annotators []AnnotatorInfo `json:"annotators"`
	// Labels are the labels the figures are given for: those of the
	// files' schemas in order, then any other label a span has.
	Labels []string `json:"labels"`
	// Pairs holds every pair (i, j), i < j, with i the reference, in the
	// order (0, 1), (0, 2), …, (1, 2), ….
	Pairs []Pair `json:"pairs"`
	// AlphaU is Krippendorff's α_u over all the annotators and labels;
	// Unitizing has its parts, and α_u for each label.
	AlphaU    Figure    `json:"alpha_u"`
	Unitizing Unitizing `json:"unitizing"`
	// Disagreements are those of every pair, sorted by place.
	Disagreements []Disagreement `json:"disagreements"`
	// Copies are the annotators whose files hold the same annotations as
	// an earlier one's (copies.go); none, most often.
	Copies []Copy `json:"copies,omitempty"`
}

// DocumentInfo names the document.
type DocumentInfo struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Length is the length of the text in code points, the continuum of
	// α_u and the number of items of kappa.
	Length int `json:"length"`
}

// AnnotatorInfo is one annotator as the report names them.
type AnnotatorInfo struct {
	Name string `json:"name"`
	Path string `json:"path,omitempty"`
	// Spans counts the annotator's placed spans; Orphans those that could
	// not be placed, which no figure counts.
	Spans   int `json:"spans"`
	Orphans int `json:"orphans"`
}

// Pair is the agreement of two annotators, the first the reference.
type Pair struct {
	Reference string `json:"reference"`
	Other     string `json:"other"`
	// Exact and Overlap are micro-averaged over the labels.
	Exact   Scores `json:"exact"`
	Overlap Scores `json:"overlap"`
	// Kappa is Cohen's kappa over every code point, its category the set
	// of labels that cover it.
	Kappa Figure `json:"kappa"`
	// Labels are the figures of each label, in the order of
	// Report.Labels.
	Labels []LabelScores `json:"labels"`
}

// Unitizing is α_u with its parts: the observed and expected
// disagreements over all labels (the means of theirs), and each label's
// α_u in the order of Report.Labels.
type Unitizing struct {
	Observed Figure   `json:"observed"`
	Expected Figure   `json:"expected"`
	Labels   []AlphaU `json:"labels"`
}

// LabelScores are a pair's figures for one label.
type LabelScores struct {
	Label   string `json:"label"`
	Exact   Scores `json:"exact"`
	Overlap Scores `json:"overlap"`
	// Kappa is Cohen's kappa over every code point, its two categories
	// "the label covers it" and "it does not".
	Kappa Figure `json:"kappa"`
}

// Names returns the annotators' names, in the order given: what
// Unanimous asks for.
func (r *Report) Names() []string {
	out := make([]string, len(r.Annotators))
	for i, a := range r.Annotators {
		out[i] = a.Name
	}
	return out
}

// Agree measures the agreement of two or more annotators' files of one
// document. It refuses files whose texts differ (ErrTextDiffers), fewer
// than two files (ErrTooFew) and placed spans that are empty or outside
// the text (ErrSpan).
func Agree(annotators []Annotator) (*Report, error) {
	s, err := newStudy(annotators)
	if err != nil {
		return nil, err
	}
	rep := &Report{
		Document:      DocumentInfo{ID: annotators[0].File.Document.ID, Title: annotators[0].File.Document.Title, Length: s.text.Len()},
		Labels:        s.labels,
		Pairs:         []Pair{},
		Disagreements: []Disagreement{},
	}
	nm := make([]string, len(s.raters))
	for i, r := range s.raters {
		nm[i] = r.name
	}
	rep.Copies = copies(annotators, nm)
	n, nl := s.text.Len(), len(s.labels)
	split := make([][][]span, len(s.raters))
	cover := make([][]segment, len(s.raters))
	for r := range s.raters {
		rr := &s.raters[r]
		rep.Annotators = append(rep.Annotators, AnnotatorInfo{Name: rr.name, Path: annotators[r].Path,
			Spans: len(rr.spans), Orphans: len(rr.file.Orphans)})
		split[r] = byLabel(rr.spans, nl)
		cover[r] = segments(rr.spans, n)
	}
	for i := range s.raters {
		for j := i + 1; j < len(s.raters); j++ {
			p := Pair{Reference: s.raters[i].name, Other: s.raters[j].name, Labels: make([]LabelScores, nl)}
			kappa, labelKappa := kappas(cover[i], cover[j], n, nl)
			p.Kappa = kappa
			var exact, overlap Scores
			for k, name := range s.labels {
				a, b := split[i][k], split[j][k]
				e := newScores(len(exactMatches(a, b)), len(a), len(b))
				o := newScores(len(overlapMatches(a, b)), len(a), len(b))
				p.Labels[k] = LabelScores{Label: name, Exact: e, Overlap: o, Kappa: labelKappa[k]}
				exact, overlap = exact.add(e), overlap.add(o)
			}
			p.Exact = newScores(exact.Matched, exact.Reference, exact.Other)
			p.Overlap = newScores(overlap.Matched, overlap.Reference, overlap.Other)
			rep.Disagreements = append(rep.Disagreements, s.disagreements(i, j, len(rep.Pairs), split[i], split[j])...)
			rep.Pairs = append(rep.Pairs, p)
		}
	}
	sortDisagreements(rep.Disagreements)
	all, perLabel := alphaU(split, s.labels, n)
	rep.AlphaU = all.AlphaU
	rep.Unitizing = Unitizing{Observed: all.Observed, Expected: all.Expected, Labels: perLabel}
	return rep, nil
}
