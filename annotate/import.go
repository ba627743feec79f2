// This file reads files in the native JSON format back: Import refuses a
// file that Validate finds unusable and places the rest on the article's
// text again; Merge adds a file's annotations to a set.

package annotate

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Imported is a file in the native JSON format, read back: the document,
// its annotations placed on its text, and what could not be placed.
type Imported struct {
	// Document is the file's article, sanitised again from its HTML, with
	// the file's title, URL and metadata.
	Document *Document
	// Set holds the annotations that were placed, each with its Anchor
	// saying how, and its Exact, Prefix and Suffix taken from the text.
	Set *Set
	// Orphans are the annotations that could not be placed, marked
	// AnchorOrphan, with the start and end they had in the file; the
	// file's own orphans come after them.
	Orphans []Annotation
	// Moved counts the annotations placed by context or by a fuzzy match
	// rather than where the file said they were.
	Moved int
	// Problems are the file's problems that did not stop the import,
	// with what the import did about them, sorted by place in the file;
	// past MaxProblems, one last Problem counts the rest (CountProblems).
	Problems []Problem
}

// ImportError is the error of a file that cannot be imported. It lists
// every problem found in it.
type ImportError struct {
	// Problems are the file's problems, sorted by place in the file; at
	// least one of them is not a warning. Past MaxProblems, one last
	// Problem counts the rest (CountProblems), as Validate does.
	Problems []Problem
}

// importErrorShown is how many problems ImportError.Error spells out.
const importErrorShown = 3

// Error says how many problems keep the file from being imported and
// spells out the first few, with their lines and columns: it stays short
// however many there are.
func (e *ImportError) Error() string {
	errs, _ := CountProblems(e.Problems)
	var serious []Problem
	for _, p := range e.Problems {
		if !p.Warning && !p.Omitted() && len(serious) < importErrorShown {
			serious = append(serious, p)
		}
	}
	if len(serious) == 0 {
		return "the file cannot be imported"
	}
	var b strings.Builder
	if errs == 1 {
		b.WriteString("the file cannot be imported: ")
	} else {
		b.WriteString("the file cannot be imported: " + GroupDigits(int64(errs)) + " problems: ")
	}
	for i, p := range serious {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(p.String())
	}
	if more := errs - len(serious); more > 0 {
		b.WriteString("; and " + GroupDigits(int64(more)) + " more")
	}
	return b.String()
}

// Import reads a file in the native JSON format. It validates the file
// first and refuses, with an *ImportError, a file that is not usable:
// broken JSON, another format version, a failure of the JSON Schema, a
// text that does not match its hash, an invalid label schema, a label
// that is not in it, or an id used twice.
//
// The file's HTML is never trusted: Import sanitises it again with Load,
// and keeps the file's title, URL and metadata. Each annotation is then
// anchored again on the new text with an Anchorer (when the text is
// unchanged its position holds) and inserted into the Set with its Anchor
// set and its Exact, Prefix and Suffix taken from the text at its new
// place. Annotations that cannot be placed or inserted become orphans, as
// do the file's own orphans.
func Import(data []byte) (*Imported, error) {
	v := newFileValidator(data)
	v.run()
	for _, p := range v.problems {
		if p.fatal() {
			return nil, &ImportError{Problems: v.sorted()}
		}
	}
	f, err := v.file.toFile()
	if err != nil {
		v.add("", sevFatal, "the file could not be read: %v", err)
		return nil, &ImportError{Problems: v.sorted()}
	}
	doc, err := importDocument(f.Document, v.text)
	if err != nil {
		v.add("/document/html", sevFatal, "the document could not be loaded: %v", err)
		return nil, &ImportError{Problems: v.sorted()}
	}

	text := doc.Text()
	imp := &Imported{Document: doc, Set: NewSet(text, f.Schema)}
	placed, errs := imp.Set.ReanchorAll(NewAnchorer(text), f.Annotations)
	for i, b := range placed {
		switch err := errs[i]; {
		case errors.Is(err, ErrOrphaned):
			v.add(fmt.Sprintf("/annotations/%d", i), sevWarning, "the annotation of %q could not be placed: %v; it is kept as an orphan",
				abbreviateFor(f.Annotations[i].Exact), err)
			imp.Orphans = append(imp.Orphans, b)
		case err != nil:
			v.add(fmt.Sprintf("/annotations/%d", i), sevWarning, "the annotation could not be placed (%v); it is kept as an orphan", err)
			imp.Orphans = append(imp.Orphans, b)
		case b.Anchor != AnchorExact:
			imp.Moved++
		}
	}
	for _, a := range f.Orphans {
		imp.Orphans = append(imp.Orphans, asOrphan(a))
	}
	// The import is where the user's history starts: undo must not take
	// the file's annotations away one by one.
	imp.Set.ClearHistory()
	imp.Problems = v.sorted()
	return imp, nil
}

// importDocument loads a file's document again from its HTML, or from its
// text when it has no HTML, and gives it the file's title, URL and
// metadata. HTML that this package made is taken as it is (ownDocument).
// text, when not nil, is fd.Text's, which the validator has indexed.
//
// The HTML is bounded by the file's own limit, JSONLimit, not by the
// article limit: Load's output from an article within ArticleLimit can be
// larger than the article (links made absolute, tags closed), and an
// export of it must import.
func importDocument(fd FileDocument, text *Text) (*Document, error) {
	if doc := ownDocument(fd, text); doc != nil {
		doc.Title, doc.URL, doc.Meta = fd.Title, fd.URL, fd.Meta
		return doc, nil
	}
	src := Source{Name: fd.Title, MediaType: "text/html", URL: fd.URL}
	data := fd.HTML
	if strings.TrimSpace(data) == "" {
		src.MediaType, data = "text/plain", fd.Text
	}
	doc, err := load([]byte(data), src, JSONLimit)
	if errors.Is(err, ErrEmpty) && src.MediaType == "text/html" && strings.TrimSpace(fd.Text) != "" {
		// HTML with nothing left to show once sanitised (Validate takes
		// it): the document is its text, as when there is no HTML.
		src.MediaType = "text/plain"
		doc, err = load([]byte(fd.Text), src, JSONLimit)
	}
	if err != nil {
		return nil, err
	}
	doc.Title, doc.URL, doc.Meta = fd.Title, fd.URL, fd.Meta
	return doc, nil
}

// Merge adds the annotations of file f to set, which holds the annotations
// of the same document or of a new version of it: each is anchored on the
// set's text and inserted. Annotations whose id the set already has are
// taken to be there already and are skipped. It returns how many were
// added and those that could not be placed or inserted, marked
// AnchorOrphan; the file's own orphans are among them. Merge returns an
// error only for a file of another format version.
func Merge(set *Set, f File) (added int, orphans []Annotation, err error) {
	if f.Version != FormatVersion {
		return 0, nil, fmt.Errorf("the file is in format version %d; this annotator reads version %d", f.Version, FormatVersion)
	}
	an := NewAnchorer(set.Text())
	as := append([]Annotation{}, f.Annotations...)
	sort.SliceStable(as, func(i, j int) bool { return less(&as[i], &as[j]) })
	for _, a := range as {
		if _, ok := set.Get(a.ID); ok {
			continue
		}
		if b, err := set.Reanchor(an, a); err != nil {
			orphans = append(orphans, b)
			continue
		}
		added++
	}
	for _, a := range f.Orphans {
		orphans = append(orphans, asOrphan(a))
	}
	return added, orphans, nil
}
