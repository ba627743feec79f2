//go:build !wasm

package cli

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/formats"
)

// writeExport writes, as name in dir, the native export of text with a
// claim on each of the words listed in claims.
func writeExport(t *testing.T, dir, name, text string, claims ...string) string {
	t.Helper()
	doc, err := annotate.Load([]byte(text), annotate.FileSource(name, "text/plain"))
	if err != nil {
		t.Fatal(err)
	}
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	for _, w := range claims {
		start := annotate.RuneCount(text[:strings.Index(text, w)])
		if _, err := set.Add("claim", start, start+annotate.RuneCount(w)); err != nil {
			t.Fatal(err)
		}
	}
	return saveExport(t, dir, name, doc, set)
}

// saveExport writes the export of doc with set, stamped with time 0, as
// dir/name and returns its path.
func saveExport(t *testing.T, dir, name string, doc *annotate.Document, set *annotate.Set) string {
	t.Helper()
	data, err := annotate.NewFile(doc, set, nil, time.Unix(0, 0)).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestConvertFolderToOneDatasetKeepsTheGood(t *testing.T) {
	dir := t.TempDir()
	writeExport(t, dir, "a.json", "Prices rose again. Wages did not.", "Prices", "Wages")
	writeExport(t, dir, "b.json", "The council will build homes.", "council")
	os.WriteFile(filepath.Join(dir, "c.html"), []byte("<h1>C</h1><p>No annotations here.</p>"), 0o644)
	os.WriteFile(filepath.Join(dir, "broken.json"), []byte("{\n \"version\": 1,\n \"document\": 7\n}\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "annotation.conf"), []byte("[entities]\n"), 0o644) // passed over in a folder
	os.Mkdir(filepath.Join(dir, ".git"), 0o755)
	os.WriteFile(filepath.Join(dir, ".git", "x.json"), []byte("{}"), 0o644) // hidden: passed over

	out := filepath.Join(t.TempDir(), "all")
	code, stdout, stderr := run(nil, "convert", "--to", "v1", "-o", out, dir)
	if code != exitInvalid {
		t.Fatalf("exit %d, want %d (one file is broken); stderr:\n%s", code, exitInvalid, stderr)
	}
	if !strings.Contains(stderr, filepath.Join(dir, "broken.json")+":1: the file cannot be imported") || strings.Contains(stderr, "x.json") || strings.Contains(stderr, "annotation.conf") {
		t.Errorf("stderr does not name the broken file and its line alone:\n%s", stderr)
	}
	if stdout != "" || !strings.Contains(stderr, "3 documents written as v1") {
		t.Errorf("stdout %q, stderr:\n%s", stdout, stderr)
	}
	written, _ := filepath.Glob(filepath.Join(out, "*.json"))
	if len(written) != 3 {
		t.Fatalf("%d files written, want 3: %v", len(written), written)
	}
	claims := 0
	for _, name := range written {
		code, _, stderr := run(nil, "validate", name)
		if code != exitOK {
			t.Errorf("%s does not validate: %s", name, stderr)
		}
		data, _ := os.ReadFile(name)
		var f annotate.File
		json.Unmarshal(data, &f)
		claims += len(f.Annotations)
	}
	if claims != 3 {
		t.Errorf("%d annotations written, want 3", claims)
	}

	// Again into the same folder: nothing is overwritten.
	before, _ := os.ReadFile(written[0])
	if code, _, stderr := run(nil, "convert", "--to", "v1", "-o", out, dir); code != exitUsage || !strings.Contains(stderr, "already there") {
		t.Errorf("into a full folder: exit %d, stderr:\n%s", code, stderr)
	}
	if after, _ := os.ReadFile(written[0]); !bytes.Equal(before, after) {
		t.Error("a file in the folder was overwritten")
	}
}

func TestConvertOneFileToStandardOutput(t *testing.T) {
	dir := t.TempDir()
	a := writeExport(t, dir, "a.json", "Prices rose again.", "Prices")
	code, stdout, stderr := run(nil, "convert", "--to", "v1", a)
	if code != exitOK || !strings.Contains(stdout, `"exact": "Prices"`) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	b := writeExport(t, dir, "b.json", "Wages fell.", "Wages")
	if code, _, stderr := run(nil, "convert", "--to", "v1", a, b); code != exitUsage || !strings.Contains(stderr, "-o FOLDER") {
		t.Errorf("two documents as v1 to standard output: exit %d, stderr %q", code, stderr)
	}
}

func TestConvertUsage(t *testing.T) {
	dir := t.TempDir()
	a := writeExport(t, dir, "a.json", "Prices rose again.", "Prices")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"convert", a}, "--to"},
		{[]string{"convert", "--to", "xml", a}, `"xml" is not a format`},
		{[]string{"convert", "--to", "v1"}, "give one or more files"},
		{[]string{"convert", "--to", "v1", filepath.Join(dir, "missing.json")}, "does not exist"},
		{[]string{"convert", "--to", "v1", t.TempDir()}, "holds no file to read"},
	} {
		code, _, stderr := run(nil, c.args...)
		if code != exitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", c.args, code, stderr, exitUsage, c.want)
		}
	}
	if code, _, stderr := run(nil, "convert", "--to", "v1", filepath.Join(dir, "a.json"), "/dev/null"); code == exitOK {
		t.Errorf("an empty input: exit 0, stderr %q", stderr)
	}
}

func TestStatsCountsByDocumentAndLabel(t *testing.T) {
	dir := t.TempDir()
	a := writeExport(t, dir, "a.json", "Prices rose again. Wages did not.", "Prices", "Wages")
	b := writeExport(t, dir, "b.json", "The council will build homes.", "council")
	code, stdout, stderr := run(nil, "stats", a, b)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 4 || !strings.Contains(lines[0], "claim") || !strings.Contains(lines[0], "pledge") {
		t.Fatalf("table:\n%s", stdout)
	}
	if f := strings.Fields(lines[3]); f[0] != "all" || f[1] != "3" || f[len(f)-2] != "3" {
		t.Errorf("total row %q, want 3 claims and 3 annotations", lines[3])
	}
	code, stdout, _ = run(nil, "stats", "-json", a, b)
	var got struct {
		Documents []struct {
			Labels      map[string]int `json:"labels"`
			Annotations int            `json:"annotations"`
		} `json:"documents"`
		Total struct {
			Annotations int `json:"annotations"`
		} `json:"total"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || code != exitOK {
		t.Fatalf("exit %d, %v: %s", code, err, stdout)
	}
	if len(got.Documents) != 2 || got.Documents[0].Labels["claim"] != 2 || got.Documents[1].Annotations != 1 || got.Total.Annotations != 3 {
		t.Errorf("counts %+v", got)
	}
}

// TestStatsGroupsDigitsAlike: a label's count is written as the totals
// are, its digits grouped ("1,200", not "1200" beside "1,200").
func TestStatsGroupsDigitsAlike(t *testing.T) {
	var text strings.Builder
	var words []string
	for i := range 1200 {
		w := fmt.Sprintf("w%04d", i)
		words = append(words, w)
		text.WriteString(w + " ")
	}
	path := writeExport(t, t.TempDir(), "many.json", text.String(), words...)
	code, stdout, stderr := run(nil, "stats", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if f := strings.Fields(lines[len(lines)-1]); f[0] != "all" || f[1] != "1,200" || f[len(f)-2] != "1,200" {
		t.Errorf("total row %q, want 1,200 claims and 1,200 annotations", lines[len(lines)-1])
	}
}

// TestConvertKeepsDocumentsOfOneID converts two annotators' exports of one
// article, which share its document id, into a folder: each is a file of
// its own, and neither is lost.
func TestConvertKeepsDocumentsOfOneID(t *testing.T) {
	dir := t.TempDir()
	text := "Prices rose again. Wages did not."
	ann := writeExport(t, dir, "ann.json", text, "Prices")
	bob := writeExport(t, dir, "bob.json", text, "Wages")
	out := filepath.Join(t.TempDir(), "out")
	code, _, stderr := run(nil, "convert", "--to", "v1", "-o", out, ann, bob)
	if code != exitOK || !strings.Contains(stderr, "2 documents written as v1") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	written, _ := filepath.Glob(filepath.Join(out, "*.json"))
	if len(written) != 2 {
		t.Fatalf("%d files written, want 2: %v", len(written), written)
	}
	var exacts []string
	for _, name := range written {
		data, _ := os.ReadFile(name)
		var f annotate.File
		json.Unmarshal(data, &f)
		for _, a := range f.Annotations {
			exacts = append(exacts, a.Exact)
		}
	}
	slices.Sort(exacts)
	if strings.Join(exacts, " ") != "Prices Wages" {
		t.Errorf("the files hold %q, want Prices (Ann's) and Wages (Bob's)", exacts)
	}
}

// TestWriteOutputsRefusesTwoFilesOfOneName is the safety net under every
// export: two outputs of one name (or of names that differ only in case)
// are refused, and nothing is written.
func TestWriteOutputsRefusesTwoFilesOfOneName(t *testing.T) {
	for _, names := range [][2]string{{"a.json", "a.json"}, {"A.txt", "a.txt"}} {
		out := filepath.Join(t.TempDir(), "out")
		_, err := writeOutputs([]formats.Output{{Name: names[0], Data: []byte("1")}, {Name: names[1], Data: []byte("2")}}, out, nil, false, formats.Format{})
		if err == nil || !strings.Contains(err.Error(), "nothing was written") {
			t.Errorf("%v: %v", names, err)
		}
		if entries, _ := os.ReadDir(out); len(entries) > 0 {
			t.Errorf("%v: %d files were written", names, len(entries))
		}
	}
}

// TestConvertFailsOnSpansLeftOut converts an article with a CSV of its
// spans, one of them the wrong way round: the row is named by its file and
// its own line, the exit status is 1, and the good span is still written.
func TestConvertFailsOnSpansLeftOut(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "a.txt")
	os.WriteFile(article, []byte("Hello world"), 0o644)
	code, stdout, _ := run(nil, "convert", "--to", "jsonl", article)
	var line struct{ ID string }
	json.Unmarshal([]byte(stdout), &line)
	if code != exitOK || line.ID == "" {
		t.Fatalf("exit %d, %q", code, stdout)
	}
	rows := filepath.Join(dir, "rows.csv")
	os.WriteFile(rows, []byte("document_id,label,start_codepoint,end_codepoint,text\n"+line.ID+",claim,0,5,Hello\n"+line.ID+",claim,5,2,x\n"), 0o644)
	code, stdout, stderr := run(nil, "convert", "--to", "jsonl", article, rows)
	if code != exitInvalid || !strings.Contains(stderr, rows+":3: the span on line 3 (claim) is left out") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if strings.Count(stdout, "\n") != 1 || !strings.Contains(stdout, `"text":"Hello"`) {
		t.Errorf("written:\n%s", stdout)
	}
}

// TestFlagsMayFollowTheFiles gives each command's flags after its files,
// as people type them: they were read as file names ("-json does not
// exist"). After -- every argument is a file, one named -a.json too.
func TestFlagsMayFollowTheFiles(t *testing.T) {
	dir := t.TempDir()
	text := "Prices rose again. Wages did not."
	a := writeExport(t, dir, "ann.json", text, "Prices")
	b := writeExport(t, dir, "bob.json", text, "Wages")
	if code, stdout, stderr := run(nil, "convert", a, "--to", "jsonl"); code != exitOK || !strings.HasPrefix(stdout, `{"id":`) {
		t.Errorf("convert FILE --to jsonl: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if code, stdout, stderr := run(nil, "stats", a, "-json"); code != exitOK || !strings.HasPrefix(stdout, "{") {
		t.Errorf("stats FILE -json: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if code, stdout, stderr := run(nil, "agree", a, "-json", b); code != exitOK || !strings.Contains(stdout, `"alpha_u"`) {
		t.Errorf("agree FILE -json FILE: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	merged := filepath.Join(dir, "merged.json")
	if code, _, stderr := run(nil, "merge", a, b, "-o", merged); code != exitOK {
		t.Errorf("merge FILE FILE -o OUT: exit %d, stderr %q", code, stderr)
	} else if _, err := os.Stat(merged); err != nil {
		t.Errorf("merge FILE FILE -o OUT wrote nothing: %v", err)
	}
	if code, stdout, stderr := run(nil, "load", writeFile(t, "a.txt", []byte(text)), "-url", "https://example.org/a"); code != exitOK || !strings.Contains(stdout, "https://example.org/a") {
		t.Errorf("load FILE -url URL: exit %d, stderr %q", code, stderr)
	}

	t.Chdir(dir)
	data, _ := os.ReadFile(a)
	os.WriteFile("-a.json", data, 0o644)
	if code, stdout, stderr := run(nil, "convert", "--to", "jsonl", "--", "-a.json"); code != exitOK || !strings.HasPrefix(stdout, `{"id":`) {
		t.Errorf("convert --to jsonl -- -a.json: exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr := run(nil, "convert", "--to", "jsonl", "-a.json"); code != exitUsage || !strings.Contains(stderr, "-a.json") {
		t.Errorf("convert --to jsonl -a.json, a flag that does not exist: exit %d, stderr %q", code, stderr)
	}
}

// TestConvertRefusesAFolderForOneFile refuses, in words, a folder as the
// one file of a format that writes one: it said "could not be written:
// rename …: file exists".
func TestConvertRefusesAFolderForOneFile(t *testing.T) {
	a := writeExport(t, t.TempDir(), "a.json", "Prices rose again.", "Prices")
	folder := t.TempDir()
	code, _, stderr := run(nil, "convert", "--to", "jsonl", "-o", folder, a)
	if code != exitUsage || !strings.Contains(stderr, folder+" is a folder, and this format writes one file: give -o the name of the file to write") {
		t.Errorf("a folder for one file: exit %d, stderr %q", code, stderr)
	}
}

// TestConvertNamesAMissingFilePlainly: it said "give - to read a file to
// read from standard input".
func TestConvertNamesAMissingFilePlainly(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.json")
	code, _, stderr := run(nil, "convert", "--to", "jsonl", missing)
	if code != exitUsage || !strings.Contains(stderr, missing+" does not exist: check the path, or give - to read a file from standard input") {
		t.Errorf("a missing file: exit %d, stderr %q", code, stderr)
	}
}

// TestConvertIntoAFolderThatIsNotThere: -o in a folder that does not exist
// says so in words, naming the folder, not the temporary file the output
// is written through (".x.jsonl.961063005"), and writes nothing.
func TestConvertIntoAFolderThatIsNotThere(t *testing.T) {
	dir := t.TempDir()
	in := writeExport(t, dir, "a.json", "Prices rose again.", "Prices")
	out := filepath.Join(dir, "nothere", "x.jsonl")
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"convert", "--to", "jsonl", "-o", out, in}, nil, &stdout, &stderr); code != exitUsage {
		t.Errorf("exit %d, want %d", code, exitUsage)
	}
	msg := stderr.String()
	if strings.Contains(msg, ".x.jsonl.") || !strings.Contains(msg, "the folder "+filepath.Join(dir, "nothere")+" does not exist") {
		t.Errorf("the message is %q, want the folder named as not there, and no temporary file", msg)
	}
	if _, err := os.Stat(filepath.Join(dir, "nothere")); err == nil {
		t.Errorf("the folder was made")
	}
}

// TestConvertToBratWritesAllOrNothing converts two articles to brat with
// -f into a folder where a folder is in the way of the last file the
// export writes (visual.conf): the four .txt and .ann were written, then
// the error, "rename …: file exists", a dataset that looked whole but had
// no visual.conf. Now the folder in the way is named in words, and no file
// is written.
func TestConvertToBratWritesAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	a := writeExport(t, dir, "a.json", "Prices rose again.", "Prices")
	b := writeExport(t, dir, "b.json", "Wages did not.", "Wages")
	out := filepath.Join(dir, "out")
	if err := os.MkdirAll(filepath.Join(out, "visual.conf", "old"), 0o755); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(nil, "convert", "--to", "brat", "-f", "-o", out, a, b)
	want := filepath.Join(out, "visual.conf") + " is a folder"
	if code != exitUsage || !strings.Contains(stderr, want) || !strings.Contains(stderr, "nothing was written") {
		t.Errorf("exit %d, stderr %q, want %q and nothing written", code, stderr, want)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("the folder holds %v, want only the visual.conf folder that was there", names)
	}
}

// TestWriteOutputsWritesAllOrNothing gives writeOutputs a file that cannot
// be made (its name is too long for any file system) after one that can:
// the first was written, and left, a dataset with a file missing. Now
// nothing is written, the folder that was made for it is taken away again,
// and the error names the file.
func TestWriteOutputsWritesAllOrNothing(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	long := strings.Repeat("x", 300) + ".ann"
	_, err := writeOutputs([]formats.Output{{Name: "a.txt", Data: []byte("a")}, {Name: long, Data: []byte("b")}}, out, nil, false, formats.Format{})
	if err == nil || !strings.Contains(err.Error(), long+" could not be written") || !strings.Contains(err.Error(), "nothing was written") {
		t.Errorf("error %v", err)
	}
	if _, err := os.Stat(out); err == nil {
		entries, _ := os.ReadDir(out)
		t.Errorf("the folder was made, with %d files in it", len(entries))
	}
}

// TestConvertSaysWhichOrphansAreNotWritten converts an export with an
// orphan (an annotation whose text is no longer in the article) to each
// format: every format but v1 leaves it out, as it has no place in the
// text, and the command said only "1 document written", the orphan lost
// in silence. Now it says how many are not written, and where they are
// kept.
func TestConvertSaysWhichOrphansAreNotWritten(t *testing.T) {
	dir := t.TempDir()
	text := "Prices rose again. Wages did not."
	doc, err := annotate.Load([]byte(text), annotate.FileSource("a.txt", "text/plain"))
	if err != nil {
		t.Fatal(err)
	}
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	if _, err := set.Add("claim", 0, 6); err != nil {
		t.Fatal(err)
	}
	orphan := set.All()[0]
	orphan.ID, orphan.Exact, orphan.Anchor = "01943a6e-8b00-7000-8000-000000000009", "a passage long gone", annotate.AnchorOrphan
	data, err := annotate.NewFile(doc, set, []annotate.Annotation{orphan}, time.Unix(0, 0)).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "a.json")
	os.WriteFile(in, data, 0o644)
	for _, to := range []string{"jsonl", "csv", "w3c", "labelstudio", "v1"} {
		code, _, stderr := run(nil, "convert", "--to", to, in)
		said := strings.Contains(stderr, "1 annotation that could not be placed in its text is not written")
		if code != exitOK || said != (to != "v1") {
			t.Errorf("--to %s: exit %d, stderr %q; want the orphan said to be left out unless v1", to, code, stderr)
		}
	}
}

// TestConvertToBratRefusesAFileForAFolder: -o naming a file that is there,
// for brat, which writes several files into a folder, said "is already
// there: give -f to write over it", and with -f, "the folder x could not
// be made: mkdir x: not a directory". It says at once that brat needs a
// folder.
func TestConvertToBratRefusesAFileForAFolder(t *testing.T) {
	dir := t.TempDir()
	in := writeExport(t, dir, "a.json", "Prices rose again.", "Prices")
	out := filepath.Join(dir, "notes.txt")
	os.WriteFile(out, []byte("mine"), 0o644)
	for _, args := range [][]string{{"-o", out}, {"-f", "-o", out}} {
		code, _, stderr := run(nil, append(append([]string{"convert", "--to", "brat"}, args...), in)...)
		if code != exitUsage || !strings.Contains(stderr, out+" is a file, and brat writes several files: give -o the name of a folder (nothing was written)") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
	if data, _ := os.ReadFile(out); string(data) != "mine" {
		t.Errorf("the file was changed: %q", data)
	}
}

// TestConvertIntoAFolderThatCannotBeMade: -o a folder under a file said
// "mkdir …: not a directory", a Go error with the path twice. It says why
// in words, the path once.
func TestConvertIntoAFolderThatCannotBeMade(t *testing.T) {
	dir := t.TempDir()
	in := writeExport(t, dir, "a.json", "Prices rose again.", "Prices")
	os.WriteFile(filepath.Join(dir, "afile"), nil, 0o644)
	out := filepath.Join(dir, "afile", "brat")
	code, _, stderr := run(nil, "convert", "--to", "brat", "-o", out, in)
	if code != exitUsage || strings.Contains(stderr, "mkdir") || strings.Count(stderr, out) != 1 || !strings.Contains(stderr, "not a directory") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestConvertToCSVSaysWhichDocumentsHaveNoRow: a CSV has a row an
// annotation, so an article without annotations is not in it; convert
// said "2 documents written as csv" of a file that holds one. It says
// how many are not in it, and why.
func TestConvertToCSVSaysWhichDocumentsHaveNoRow(t *testing.T) {
	dir := t.TempDir()
	a := writeExport(t, dir, "a.json", "Prices rose again.", "Prices")
	b := writeExport(t, dir, "b.json", "Wages did not.")
	code, stdout, stderr := run(nil, "convert", "--to", "csv", a, b)
	if code != exitOK || strings.Count(stdout, "\n") != 2 || !strings.Contains(stderr, "2 documents written as csv; 1 document without annotations has no row in it") {
		t.Errorf("exit %d, %d lines, stderr %q", code, strings.Count(stdout, "\n"), stderr)
	}
}

// TestConvertSaysEachLineInItsOrder: what convert says of a JSON Lines
// file comes line by line, in the file's order: the lines refused came
// first, then what was said of the lines read (a span left out, a label
// renamed), so that line 3 was said before line 2.
func TestConvertSaysEachLineInItsOrder(t *testing.T) {
	in := writeFile(t, "odd.jsonl", []byte(`{"text": "broken`+"\n"+
		`{"text": "ok", "label": [[0, 2, "A B"]]}`+"\n"+
		`[]`+"\n"+
		`{"text": "ok again", "label": [[0, 2, ""]]}`+"\n"))
	_, _, stderr := run(nil, "convert", "--to", "jsonl", in)
	var lines []int
	for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
		var n int
		if _, err := fmt.Sscanf(strings.TrimPrefix(l, "annotator convert: "+in+":"), "%d:", &n); err == nil {
			lines = append(lines, n)
		}
	}
	if !slices.Equal(lines, []int{1, 2, 3, 4}) {
		t.Errorf("the lines are said in the order %v, want 1, 2, 3, 4:\n%s", lines, stderr)
	}
}

// TestConvertToBratLeavesOutASpanBratCannotHold converts a brat pair one
// of whose spans holds nothing but line breaks and a tab, beside another
// document: the conversion stopped, nothing written, with "document
// sha256:…: annotation 01a2…-… (claim, [1, 4)): …", two ids and no word of
// the file. The documents are written, the span left out as it is read (a
// span of white space alone, which the annotator never tags), and the
// command names its file and place, and exits as for any span it leaves
// out of what it read.
func TestConvertToBratLeavesOutASpanBratCannotHold(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	os.WriteFile(filepath.Join(in, "d.txt"), []byte("A\n\t\nB and more\n"), 0o644)
	os.WriteFile(filepath.Join(in, "d.ann"), []byte("T1\tclaim 1 4\t\nT2\tclaim 4 5\tB\n"), 0o644)
	writeExport(t, in, "e.json", "Prices rose again.", "Prices")
	out := filepath.Join(dir, "out")
	code, _, stderr := run(nil, "convert", "--to", "brat", "-o", out, in)
	want := filepath.Join(in, "d.txt") + `: span 1 (claim) is left out: its span [1, 4) holds nothing but white space`
	if code != exitInvalid || !strings.Contains(stderr, want) || !strings.Contains(stderr, "2 documents written as brat") || strings.Contains(stderr, "sha256:") {
		t.Errorf("exit %d, stderr %q; want %q and both documents written", code, stderr, want)
	}
	anns, _ := filepath.Glob(filepath.Join(out, "*.ann"))
	claims := 0
	for _, name := range anns {
		data, _ := os.ReadFile(name)
		claims += strings.Count(string(data), "\tclaim ")
	}
	if len(anns) != 2 || claims != 2 {
		t.Errorf("%d .ann files with %d claims, want 2 and 2 (B, Prices)", len(anns), claims)
	}
}

// dirNames lists the names in dir, sorted.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestConvertToBratAgainLeavesNoEarlierDocument converts two documents to
// brat, then one of them with -f into the same folder: the other's .txt
// and .ann stayed beside the new files, and brat (or any reader of the
// folder) read two documents, a dataset mixed of two runs. The files the
// earlier export wrote and this one does not are taken away, and said.
func TestConvertToBratAgainLeavesNoEarlierDocument(t *testing.T) {
	dir := t.TempDir()
	a := writeExport(t, dir, "a.json", "Prices rose again.", "Prices")
	b := writeExport(t, dir, "b.json", "Wages did not.", "Wages")
	out := filepath.Join(dir, "out")
	if code, _, stderr := run(nil, "convert", "--to", "brat", "-o", out, a, b); code != exitOK {
		t.Fatalf("first run: exit %d, %s", code, stderr)
	}
	code, _, stderr := run(nil, "convert", "--to", "brat", "-f", "-o", out, a)
	if code != exitOK || !strings.Contains(stderr, "2 files of an earlier export that this one does not write were taken away from "+out) {
		t.Errorf("second run: exit %d, stderr %q", code, stderr)
	}
	if got := dirNames(t, out); len(got) != 4 {
		t.Errorf("the folder holds %q, want one document's .txt and .ann and the two .conf files", got)
	}
}

// TestConvertToBratRefusesAFolderOfOtherTexts: a folder that holds a .txt
// or .ann this export does not write, and that no export of the annotator
// wrote, is not written into, -f or not: brat would read it as a document
// of the dataset. It is named, and nothing is written or taken away.
func TestConvertToBratRefusesAFolderOfOtherTexts(t *testing.T) {
	dir := t.TempDir()
	a := writeExport(t, dir, "a.json", "Prices rose again.", "Prices")
	out := filepath.Join(dir, "out")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "notes.txt"), []byte("mine"), 0o644)
	os.WriteFile(filepath.Join(out, "readme.md"), []byte("mine"), 0o644)
	for _, args := range [][]string{{"-o", out}, {"-f", "-o", out}} {
		code, _, stderr := run(nil, append(append([]string{"convert", "--to", "brat"}, args...), a)...)
		want := out + " holds notes.txt, which brat would read as a document of the dataset and which this export does not write: move it away or give -o an empty folder (nothing was written)"
		if code != exitUsage || !strings.Contains(stderr, want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", args, code, stderr, want)
		}
	}
	if got := dirNames(t, out); strings.Join(got, " ") != "notes.txt readme.md" {
		t.Errorf("the folder holds %q", got)
	}
}

// TestConvertJSONLKeepsSourceID: `annotator convert --to jsonl` writes the
// dataset line that the app's export writes, "sourceId" included: the
// batch's own id of each article, by which a team joins the dataset back
// to its sources. The conversion of a batch, or of the app's own dataset,
// dropped it.
func TestConvertJSONLKeepsSourceID(t *testing.T) {
	batch := writeFile(t, "batch.jsonl", []byte(
		`{"id":"a7","title":"T","text":"The minister said taxes fall.","spans":[{"start":4,"end":12,"label":"claim"}]}`+"\n"+
			`{"id":"sha256:c3ba0fc84ad0c199","sourceId":"a8","title":"U","text":"Plain article here."}`+"\n"))
	code, out, errOut := run(nil, "convert", "--to", "jsonl", batch)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprint(m["sourceId"]))
	}
	if len(got) != 2 || got[0] != "a7" || got[1] != "a8" {
		t.Errorf("sourceIds %q, want a7 and a8:\n%s", got, out)
	}
}

// TestConvertIntoAFolderReadIsRefused: a conversion whose -o folder holds
// the files it reads (brat's folder converted into itself, -f given) is
// refused, and nothing there changes: it deleted a document it could not
// read this time as "a file of an earlier export", and wrote over a .ann
// it had read, dropping the relations drawn in brat that it does not keep.
func TestConvertIntoAFolderReadIsRefused(t *testing.T) {
	dir := t.TempDir()
	a := writeExport(t, dir, "a.json", "Prices rose again and wages fell.", "Prices", "wages")
	b := writeExport(t, dir, "b.json", "Wages did not.", "Wages")
	out := filepath.Join(dir, "brat")
	if code, _, stderr := run(nil, "convert", "--to", "brat", "-o", out, a, b); code != exitOK {
		t.Fatalf("first run: exit %d, %s", code, stderr)
	}
	before := map[string]string{}
	for _, n := range dirNames(t, out) {
		p := filepath.Join(out, n)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case strings.HasSuffix(n, ".txt") && strings.HasPrefix(string(data), "Wages"):
			data = []byte("Wages did not.\xa0\n") // Windows-1252 now: not read
		case strings.HasSuffix(n, ".ann") && strings.Contains(string(data), "Prices"):
			data = append(data, "R1\tCause Arg1:T1 Arg2:T2\n"...) // a relation, not kept
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		before[n] = string(data)
	}
	inside := filepath.Join(out, "inside")
	if err := os.Mkdir(inside, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"-o", out, out},    // the folder into itself
		{"-o", dir, out},    // into a folder that holds the one read
		{"-o", inside, out}, // into a folder inside the one read
	} {
		code, _, stderr := run(nil, append([]string{"convert", "--to", "brat", "-f"}, args...)...)
		if code != exitUsage || !strings.Contains(stderr, "holds files that are read") {
			t.Errorf("convert %q: exit %d, %s; want it refused", args, code, stderr)
		}
		for n, want := range before {
			if got, err := os.ReadFile(filepath.Join(out, n)); err != nil || string(got) != want {
				t.Errorf("convert %q: %s was changed or removed (%v)", args, n, err)
			}
		}
	}
}

// TestConvertOneNativeFileIntoAFolder converts to v1 into a folder that is
// there: one export is written into it, named as among several, as two
// are. It was refused as "a folder, and this format writes one file", so
// that a script's "-o out/ in/" broke whenever in/ held one export.
func TestConvertOneNativeFileIntoAFolder(t *testing.T) {
	two, one := t.TempDir(), t.TempDir()
	writeExport(t, two, "a.json", "Prices rose again.", "Prices")
	writeExport(t, two, "b.json", "Wages did not.", "Wages")
	writeExport(t, one, "a.json", "Prices rose again.", "Prices")
	var names []string
	for _, in := range []string{two, one} {
		out := t.TempDir()
		if code, _, stderr := run(nil, "convert", "--to", "v1", "-o", out, in); code != exitOK {
			t.Fatalf("%s: exit %d; %q", in, code, stderr)
		}
		got, _ := filepath.Glob(filepath.Join(out, "*.json"))
		for _, g := range got {
			names = append(names, filepath.Base(g))
		}
	}
	if len(names) != 3 || !slices.Contains(names[:2], names[2]) {
		t.Errorf("the files written: %q; want two, then the first of them again", names)
	}
}

// TestConvertArticleFromStandardInput converts an article given on
// standard input, as load reads one: it was "not a file of any format …
// nor an article (.html, .htm or .txt)", standard input having no name to
// tell it by. JSON that no format takes is still refused, not read as an
// article of JSON text.
func TestConvertArticleFromStandardInput(t *testing.T) {
	for _, in := range []string{"Prices rose again.\n\nWages did not.\n", "<p>Prices rose again.</p><p>Wages did not.</p>"} {
		code, stdout, stderr := run([]byte(in), "convert", "--to", "jsonl", "-")
		if code != exitOK || !strings.Contains(stdout, `"text":"Prices rose again.\n\nWages did not."`) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", in, code, stdout, stderr)
		}
	}
	if code, stdout, stderr := run([]byte(`{"version": 1, "document": `), "convert", "--to", "jsonl", "-"); code == exitOK || stdout != "" || !strings.Contains(stderr, "standard input") {
		t.Errorf("JSON cut short on standard input: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// TestConvertReadsUTF16Files converts files of annotations written in
// UTF-16 with a byte-order mark, as Windows PowerShell's ">" writes them:
// an export, a Label Studio task and a W3C file are read as their UTF-8
// is. They were "not a file of any format", where a JSON Lines or CSV file
// in UTF-16 was read.
func TestConvertReadsUTF16Files(t *testing.T) {
	dir := t.TempDir()
	native, err := os.ReadFile(writeExport(t, dir, "a.json", "Prices rose again.", "Prices"))
	if err != nil {
		t.Fatal(err)
	}
	w3c := []byte(`{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "annotator:documents": [{"id": "urn:x:doc", "type": "Text", "annotator:title": "t", "annotator:text": "Prices rose again."}],
 "first": {"type": "AnnotationPage", "items": [{"id": "urn:uuid:01943a6e-8b00-7000-8000-000000000001", "type": "Annotation", "body": [{"type": "TextualBody", "purpose": "tagging", "value": "claim"}],
  "target": {"source": "urn:x:doc", "selector": [{"type": "TextPositionSelector", "start": 0, "end": 6}]}}]}}`)
	ls := []byte(`[{"id": 1, "data": {"text": "Prices rose again."}, "annotations": [{"id": 1, "result": [{"id": "a", "type": "labels", "from_name": "label", "to_name": "text", "value": {"start": 0, "end": 6, "text": "Prices", "labels": ["claim"]}}]}]}]`)
	for name, data := range map[string][]byte{"export.json": native, "w3c.jsonld": w3c, "tasks.json": ls} {
		u := utf16.Encode([]rune(string(data)))
		le := make([]byte, 2, 2+2*len(u))
		le[0], le[1] = 0xff, 0xfe
		for _, c := range u {
			le = binary.LittleEndian.AppendUint16(le, c)
		}
		in := writeFile(t, name, le)
		code, stdout, stderr := run(nil, "convert", "--to", "jsonl", in)
		if code != exitOK || !strings.Contains(stdout, `"text":"Prices rose again."`) || !strings.Contains(stdout, `"start":0,"end":6`) {
			t.Errorf("%s in UTF-16: exit %d, stdout %q, stderr %q", name, code, stdout, stderr)
		}
	}
}

// TestConvertReadsAFileGivenTwiceOnce: a file named twice, alone or as a
// folder and a file in it, is one document of the dataset, said in a
// note. Its lines were written twice, with the same ids, and stats counted
// its spans twice.
func TestConvertReadsAFileGivenTwiceOnce(t *testing.T) {
	dir := t.TempDir()
	ann := writeExport(t, dir, "ann.json", "Prices rose again. Wages did not.", "Prices")
	for _, args := range [][]string{{ann, ann}, {dir, ann}} {
		code, stdout, stderr := run(nil, append([]string{"convert", "--to", "jsonl"}, args...)...)
		if code != exitOK || strings.Count(stdout, "\n") != 1 || !strings.Contains(stderr, "given again: it is read once") {
			t.Errorf("convert %v: exit %d, %d lines, stderr:\n%s", args, code, strings.Count(stdout, "\n"), stderr)
		}
		code, stdout, stderr = run(nil, append([]string{"stats", "-json"}, args...)...)
		if code != exitOK || !strings.Contains(stdout, `"claim": 1`) || strings.Contains(stdout, `"claim": 2`) {
			t.Errorf("stats %v: exit %d, stdout:\n%s\nstderr:\n%s", args, code, stdout, stderr)
		}
	}
}
