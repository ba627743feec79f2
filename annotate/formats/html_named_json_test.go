package formats

import (
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// An HTML page saved under an export's name (a server's error page where a
// download failed, a page saved as .json) is said to be one, alike by the
// validator, by the opening of one file and by the reading of many; it
// was "not valid JSON here: … not '<'" in one place and "not a file of
// any format this annotator reads, nor an article" in another.
func TestHTMLPageNamedJSONIsSaidToBeOne(t *testing.T) {
	page := []byte("\xef\xbb\xbf\n  <!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>")
	const want = "an HTML page, not a file of annotations"
	problems := annotate.Validate(page)
	if len(problems) != 1 || !strings.Contains(problems[0].Message, want) {
		t.Errorf("Validate: %v, want one problem saying %q", problems, want)
	}
	if _, err := annotate.Import(page); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Import: %v, want it to say %q", err, want)
	}
	for _, name := range []string{"export.json", "dataset.jsonl", "spans.csv"} {
		docs, faults := ReadAll([]Input{{Name: name, Data: page}}, nil)
		if len(docs) != 0 || len(faults) != 1 || !strings.Contains(faults[0].Message, want) {
			t.Errorf("ReadAll of %s: %d documents, faults %v; want none and one fault saying %q", name, len(docs), faults, want)
		}
	}
	// A file that is not JSON and no page keeps its words.
	if p := annotate.Validate([]byte("hello")); len(p) != 1 || strings.Contains(p[0].Message, "HTML") {
		t.Errorf("Validate of text: %v", p)
	}
}
