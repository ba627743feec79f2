//go:build !wasm

package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAgreeTableAndJSON(t *testing.T) {
	dir := t.TempDir()
	text := "Prices rose again. Wages did not. Rents doubled."
	ann := writeExport(t, dir, "ann.json", text, "Prices", "Wages")
	bob := writeExport(t, dir, "bob.json", text, "Prices", "Rents")
	code, stdout, stderr := run(nil, "agree", ann, bob)
	if code != exitOK || !strings.Contains(stdout, "exact P") || !strings.Contains(stdout, `claim 19–24 "Wages"`) {
		t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	code, stdout, stderr = run(nil, "agree", "-json", ann, bob)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// One of two claims each in common: precision = recall = F1 = 0.5;
	// pledge and quote, used by neither, are null.
	var rep struct {
		Pairs []struct {
			Exact struct {
				Precision, Recall, F1 *float64
			} `json:"exact"`
			Labels []struct {
				Label string `json:"label"`
				Exact struct {
					Precision *float64 `json:"precision"`
				} `json:"exact"`
			} `json:"labels"`
			Kappa *float64 `json:"kappa"`
		} `json:"pairs"`
		AlphaU *float64 `json:"alpha_u"`
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("%v:\n%s", err, stdout)
	}
	e := rep.Pairs[0].Exact
	if e.Precision == nil || *e.Precision != 0.5 || *e.Recall != 0.5 || *e.F1 != 0.5 || rep.Pairs[0].Kappa == nil || rep.AlphaU == nil {
		t.Errorf("figures %+v", rep)
	}
	for _, l := range rep.Pairs[0].Labels {
		if (l.Label == "claim") != (l.Exact.Precision != nil) {
			t.Errorf("label %s: precision %v; want null only for the labels neither used", l.Label, l.Exact.Precision)
		}
	}
	if !strings.Contains(stdout, `"f1"`) || !strings.Contains(stdout, `"alpha_u"`) || !strings.Contains(stdout, `"kappa"`) {
		t.Errorf("the JSON does not name its figures as documented:\n%s", stdout)
	}
}

func TestAgreeRefusesInWords(t *testing.T) {
	dir := t.TempDir()
	a := writeExport(t, dir, "a.json", "Prices rose again.", "Prices")
	b := writeExport(t, dir, "b.json", "Wages fell again.", "Wages")
	if code, _, stderr := run(nil, "agree", a, b); code != exitInvalid || !strings.Contains(stderr, "not of the same text") {
		t.Errorf("different texts: exit %d, stderr %q", code, stderr)
	}
	// One file of one annotator: read, and not what agree needs.
	if code, _, stderr := run(nil, "agree", a); code != exitInvalid || !strings.Contains(stderr, "two annotators") {
		t.Errorf("one file: exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr := run(nil, "agree"); code != exitUsage || !strings.Contains(stderr, "two annotators") {
		t.Errorf("no file: exit %d, stderr %q", code, stderr)
	}
}

// TestAgreeReadsTwoAnnotatorsOfOneFile compares the two annotators of one
// Label Studio task, in one file: agree and merge count the documents, not
// the files, and refused it for being one file.
func TestAgreeReadsTwoAnnotatorsOfOneFile(t *testing.T) {
	two := writeFile(t, "two.json", []byte(`[{"id": 1, "data": {"text": "Prices rose again. Wages did not."}, "annotations": [
  {"completed_by": 1, "result": [{"id": "a", "type": "labels", "from_name": "label", "to_name": "text", "value": {"start": 0, "end": 6, "labels": ["claim"]}}]},
  {"completed_by": 2, "result": [{"id": "b", "type": "labels", "from_name": "label", "to_name": "text", "value": {"start": 19, "end": 24, "labels": ["claim"]}}]}]}]`))
	for _, cmd := range []string{"agree", "merge"} {
		if code, stdout, stderr := run(nil, cmd, two); code != exitOK || stdout == "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", cmd, code, stdout, stderr)
		}
	}
}

func TestMergeKeepsSources(t *testing.T) {
	dir := t.TempDir()
	text := "Prices rose again. Wages did not."
	ann := writeExport(t, dir, "ann.json", text, "Prices", "Wages")
	bob := writeExport(t, dir, "bob.json", text, "Prices")
	out := filepath.Join(dir, "merged.json")
	code, _, stderr := run(nil, "merge", "-o", out, ann, bob)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if code, _, stderr := run(nil, "validate", out); code != exitOK {
		t.Fatalf("the merged file does not validate: %s", stderr)
	}
	data, _ := os.ReadFile(out)
	var f struct {
		Annotations []struct {
			Exact      string            `json:"exact"`
			Attributes map[string]string `json:"attributes"`
		} `json:"annotations"`
	}
	json.Unmarshal(data, &f)
	if len(f.Annotations) != 2 {
		t.Fatalf("%d annotations merged, want 2", len(f.Annotations))
	}
	for _, a := range f.Annotations {
		sources := strings.Count(a.Attributes["source_annotator"], "\n") + 1
		if want := map[string]int{"Prices": 2, "Wages": 1}[a.Exact]; sources != want {
			t.Errorf("%q has %d sources (%q), want %d", a.Exact, sources, a.Attributes["source_annotator"], want)
		}
	}
}
