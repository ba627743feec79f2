package formats

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/internal/testcorpus"
)

func TestBratGolden(t *testing.T) {
	checkGolden(t, brat, "brat")
}

func TestBratRoundTrip(t *testing.T) {
	checkRoundTrips(t, brat, carries{ids: true}, nil)
}

func TestBratRoundTripWithoutTheDocuments(t *testing.T) {
	checkWithoutTheDocuments(t, brat, carries{ids: true})
}

func TestBratWritesSpansAcrossLinesAsFragments(t *testing.T) {
	outs, err := brat.Export([]annotate.File{sample(t)}, nowForTests)
	if err != nil {
		t.Fatal(err)
	}
	ann := string(outs[1].Data)
	for _, want := range []string{
		"\tclaim 192 224;225 250\tThe council will vote on Friday. Results follow next week.\n",
		"\tAnnotatorNotes T7\t=1+1 is a formula in a spreadsheet\n",
		"\tspeaker T6\tZoë Ångström (👍🏽)\n",
	} {
		if !strings.Contains(ann, want) {
			t.Errorf("the .ann has no %q:\n%s", want, ann)
		}
	}
	for _, line := range strings.Split(strings.TrimSuffix(ann, "\n"), "\n") {
		// Every line has two tabs but attribute lines, which have one.
		if tabs := strings.Count(line, "\t"); tabs != 2 && (tabs != 1 || line[0] != 'A') {
			t.Errorf("a line of the .ann is broken: %q", line)
		}
	}
}

func TestBratReadsWhatBratWrites(t *testing.T) {
	txt := "Ann met Bob in New\nYork. Protein p53 binds.\n"
	ann := strings.Join([]string{
		"T1\tPerson 0 3\tAnn",
		"T2\tPerson 8 11\tBob",
		"T3\tLocation 15 18;19 23\tNew York",
		"T4\tProtein 25 32;37 42\tProtein binds",
		"A1\tNegated T2",
		"A2\tConfidence T1 High",
		"R1\tMeets Arg1:T1 Arg2:T2",
		"E1\tBinding:T4 Theme:T4",
		"#1\tAnnotatorNotes T1\tfirst\\tnote",
		"T5\tPerson 0 99\tAnn",
		"A3\tNegated T9",
		"this line is not brat",
		"T6\tPerson x y\tAnn",
		"",
	}, "\n")
	ins := []Input{{Name: "d/doc.txt", Data: []byte(txt)}, {Name: "d/doc.ann", Data: []byte(ann)}, {Name: "d/annotation.conf", Data: []byte("[entities]\n")},
		{Name: "d/alone.txt", Data: []byte("No annotations here.")}, {Name: "d/lone.ann", Data: []byte("T1\tX 0 1\tA\n")}}
	for _, in := range ins {
		if f, ok := Recognise(in); !ok || f.Name != "brat" {
			t.Errorf("%s recognised as %q", in.Name, f.Name)
		}
	}
	docs, faults := brat.Import(ins, nil)
	if len(docs) != 2 {
		t.Fatalf("%d documents", len(docs))
	}
	var lines []int
	for _, f := range faults {
		if !errors.Is(f, ErrUnreadable) {
			t.Error("a fault is not ErrUnreadable")
		}
		lines = append(lines, f.Line)
	}
	if len(faults) != 5 || faults[0].Name != "d/doc.ann" || lines[0] != 10 || lines[1] != 12 || lines[2] != 13 || lines[3] != 11 ||
		faults[4].Name != "d/lone.ann" || !strings.Contains(faults[4].Error(), "no lone.txt beside it") {
		t.Errorf("faults %v", faults)
	}
	d := docs[0]
	got := map[string]annotate.Annotation{}
	for _, a := range d.File.Annotations {
		got[a.Exact] = a
	}
	if len(got) != 4 || got["Ann"].Label != "person" || got["Ann"].Attributes["confidence"] != "High" || got["Ann"].Attributes["note"] != "first\tnote" ||
		got["Bob"].Attributes["negated"] != "true" || got["New\nYork"].Label != "location" || got["Protein p53 binds"].Label != "protein" {
		t.Errorf("annotations %+v", d.File.Annotations)
	}
	notes := strings.Join(d.Notes, "\n")
	for _, want := range []string{"1 relation annotations are ignored", "1 event annotations", "T4 is discontinuous", `"Person" is read as "person"`} {
		if !strings.Contains(notes, want) {
			t.Errorf("no note %q in %q", want, d.Notes)
		}
	}
	if alone := docs[1]; alone.File.Document.Text != "No annotations here." || len(alone.File.Annotations) != 0 {
		t.Errorf("the lone .txt: %+v", alone.File)
	}
}

func TestBratReadsALoneAnnAgainstAKnownDocument(t *testing.T) {
	f := sample(t)
	outs, _ := brat.Export([]annotate.File{f}, nowForTests)
	docs, faults := brat.Import([]Input{{Name: outs[1].Name, Data: outs[1].Data}}, knownOf([]annotate.File{f}))
	if len(faults) > 0 || len(docs) != 1 {
		t.Fatalf("faults %v", faults)
	}
	checkSame(t, f, docs[0], carries{ids: true})
}

func FuzzBratImport(f *testing.F) {
	f.Add(testcorpus.File(f, "testdata/formats/brat/sha256-b18c01bcf413c5d2.txt"), testcorpus.File(f, "testdata/formats/brat/sha256-b18c01bcf413c5d2.ann"))
	f.Add([]byte("a\nb"), []byte("T1\tX 0 1;2 3\ta b\n#1\tAnnotatorNotes T1\t\\\\n\nA1\tY T1\n"))
	f.Fuzz(func(t *testing.T, txt, ann []byte) {
		ins := []Input{{Name: "x.txt", Data: txt}, {Name: "x.ann", Data: ann}}
		Recognise(ins[0])
		Recognise(ins[1])
		brat.Import(ins, nil)
	})
}

// TestBratPythonReadsTheOffsets checks, in Python, that every text-bound
// annotation's fragments of the .txt, joined by a space, are its text, as
// brat checks them, and that its line has no tab but the two that part
// its fields: in the golden files and the corpus's export; and that
// the check fails on an offset one off.
func TestBratPythonReadsTheOffsets(t *testing.T) {
	script := `
import glob, os, sys
bad = 0
for ann in glob.glob(os.path.join(sys.argv[1], '*.ann')):
    text = open(ann[:-4] + '.txt', encoding='utf-8', newline='').read()
    for line in open(ann, encoding='utf-8', newline=''):
        id_, rest = line.rstrip('\n').split('\t', 1)
        if id_[0] != 'T':
            continue
        if rest.count('\t') != 1:
            bad += 1
            print(ann, id_, 'has a tab in its text')
            continue
        head, given = rest.split('\t', 1)
        frags = [tuple(map(int, f.split())) for f in head.split(' ', 1)[1].split(';')]
        got = ' '.join(text[s:e] for s, e in frags)
        if got != given:
            bad += 1
            print(ann, id_, repr(got), '!=', repr(given))
sys.exit(1 if bad else 0)
`
	if out, err := runPython(t, script, filepath.Join(testcorpus.Root(t), "testdata", "formats", "brat")); err != nil {
		t.Errorf("Python finds offsets that do not hold their text in the golden files: %v\n%s", err, out)
	}
	dir := t.TempDir()
	outs, err := brat.Export(append(corpusFiles(t), emojiFile(t)), nowForTests)
	if err != nil {
		t.Fatal(err)
	}
	writeOutputs(t, dir, "", outs)
	if out, err := runPython(t, script, dir); err != nil {
		t.Errorf("Python finds offsets that do not hold their text in the corpus's export: %v\n%s", err, out)
	}
	off := t.TempDir()
	// T1<TAB>LABEL START END…: START one more.
	first, rest, _ := strings.Cut(string(outs[1].Data), "\n")
	head, tail, _ := strings.Cut(first, "\t")
	f := strings.SplitN(tail, " ", 3)
	start, _ := strconv.Atoi(f[1])
	ann := []byte(fmt.Sprintf("%s\t%s %d %s\n%s", head, f[0], start+1, f[2], rest))
	writeOutputs(t, off, "", []Output{outs[0], {Name: outs[1].Name, Data: ann}})
	if out, err := runPython(t, script, off); err == nil {
		t.Errorf("the Python check passes an .ann whose first start is off:\n%s", out)
	}
}

// TestBratLeavesOutASpanOfLineBreaksAlone exports a span made of line
// breaks and a tab alone, which a file built by hand may hold: it had no
// fragment, and the .ann got a T line without offsets ("T1\tclaim \t"),
// which brat cannot read; then it was an error that stopped the whole
// export, naming the annotation by its id. It is left out, the other
// annotation written, and LeftOut says which, by its label and text.
func TestBratLeavesOutASpanOfLineBreaksAlone(t *testing.T) {
	d, err := Build(Plain{Text: "A\n\t\nB", Verbatim: true, Spans: []Span{{Label: "claim", Start: 0, End: 1}}}, "t.txt")
	if err != nil {
		t.Fatal(err)
	}
	f := d.File
	a := f.Annotations[0]
	a.ID, a.Start, a.End, a.Exact = "0194a000-0000-7000-8000-000000000001", 1, 4, "\n\t\n"
	f.Annotations = append(f.Annotations, a)
	outs, err := brat.Export([]annotate.File{f}, nowForTests)
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	if ann := string(outs[1].Data); !strings.HasPrefix(ann, "T1\tclaim 0 1\tA\n") || strings.Contains(ann, "T2") {
		t.Errorf("the .ann reads %q, want the claim on A alone", ann)
	}
	left := brat.LeftOut(f)
	if len(left) != 1 || !strings.Contains(left[0], `the claim annotation on "\n\t\n"`) || !strings.Contains(left[0], ErrBratSpan.Error()) || strings.Contains(left[0], a.ID) {
		t.Errorf("LeftOut says %q", left)
	}
}

// TestBratReadsATextEndingInCRLF reads the pair of a tool that writes
// Windows line ends: the final "\r\n" was read as its "\n" alone, the text
// kept a "\r" at its end, and the document had another id than the same
// text written with "\n" (brat's offsets count the "\r" inside the text,
// as Python reads the file, and still do).
func TestBratReadsATextEndingInCRLF(t *testing.T) {
	text := "Ann met Bob.\r\nIn New York."
	ann := []byte("T1\tPerson 0 3\tAnn\nT2\tLocation 17 25\tNew York\nT3\tX 25 26\t.\n")
	crlf, faults := brat.Import([]Input{{Name: "w.txt", Data: []byte(text + "\r\n")}, {Name: "w.ann", Data: ann}}, nil)
	if len(faults) > 0 || len(crlf) != 1 {
		t.Fatalf("%d documents, faults %v", len(crlf), faults)
	}
	lf, _ := brat.Import([]Input{{Name: "w.txt", Data: []byte(text + "\n")}, {Name: "w.ann", Data: ann}}, nil)
	if got := crlf[0].File.Document; got.Text != text || got.ID != lf[0].File.Document.ID {
		t.Errorf("the text ending in CRLF reads %q, id %s; the same with LF %q, id %s", got.Text, got.ID, lf[0].File.Document.Text, lf[0].File.Document.ID)
	}
	var exacts []string
	for _, a := range crlf[0].File.Annotations {
		exacts = append(exacts, a.Exact)
	}
	if strings.Join(exacts, "|") != "Ann|New York|." {
		t.Errorf("the spans read %q", exacts)
	}
}
