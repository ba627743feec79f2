package annotate

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"reflect"
	"testing"
	"time"
)

func randomStep(rng *rand.Rand) Step {
	ann := func() *Annotation {
		if rng.Intn(3) == 0 {
			return nil
		}
		a := &Annotation{ID: fmt.Sprintf("id-%d", rng.Intn(100)), Label: "quote", Start: rng.Intn(1000), End: 1000 + rng.Intn(10),
			Exact: "said \"yes\"\n\u2028😀", Author: "a", Created: time.Date(2026, 1, 2, 3, 4, 5, rng.Intn(1e9), time.UTC)}
		if rng.Intn(2) == 0 {
			a.Attributes = map[string]string{"speaker": "Donald Trump", "note": ""}
		}
		return a
	}
	s := Step{Seq: rng.Intn(1 << 30), Label: "Tag as quote", Redo: rng.Intn(2) == 0}
	if rng.Intn(5) > 0 {
		s.Changes = []StepChange{}
		for range rng.Intn(4) {
			c := StepChange{Before: ann(), After: ann(), Orphan: ann()}
			if rng.Intn(2) == 0 {
				n := rng.Intn(9)
				c.OrphanAt = &n
			}
			s.Changes = append(s.Changes, c)
		}
	}
	return s
}

func stepAsUnmarshal(t *testing.T, data []byte) {
	t.Helper()
	var got, want Step
	errGot := DecodeStep(data, &got)
	errWant := json.Unmarshal(data, &want)
	if fmt.Sprint(errGot) != fmt.Sprint(errWant) {
		t.Fatalf("%s:\nerror %v, json.Unmarshal's %v", data, errGot, errWant)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s:\ngot  %#v\nwant %#v", data, got, want)
	}
}

// TestDecodeStepAsUnmarshal: a stored step, as encoding/json writes it,
// decodes without it (the reader is sure of it) to exactly what it makes
// of it; odd ones decode as json.Unmarshal decodes them.
func TestDecodeStepAsUnmarshal(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for range 500 {
		data, err := json.Marshal(randomStep(rng))
		if err != nil {
			t.Fatal(err)
		}
		stepAsUnmarshal(t, data)
		var s Step
		r := NewRecordReader(data)
		readStep(r, &s)
		if !r.OK() {
			t.Fatalf("a step as encoding/json writes it went to json.Unmarshal: %s", data)
		}
	}
	for _, odd := range oddSteps {
		stepAsUnmarshal(t, []byte(odd))
	}
}

var oddSteps = []string{
	``, `null`, `{}`, `{"seq":1,"seq":2}`, `{"Seq":1}`, `{"redo":null}`, `{"redo":1}`, `{"changes":null}`,
	`{"changes":[null]}`, `{"changes":[{"before":null,"orphanAt":null}]}`, `{"changes":[{"orphanAt":2.5}]}`,
	`{"changes":[{"after":{"id":"a","start":1,"end":2,"unknown":[1,{"x":null}]}}]}`,
	`{"changes":[{"after":{"id":"a"},"after":{"id":"b"}}]}`, `{"changes":[{"after":{"id":"a\u0000"}}]}`,
	`{"changes":[{"after":{"id":"a"}}]`, `{"changes":[{"after":{"id":"a",}}]}`, `{"changes":[{"after":[]}]}`,
	`{"changes":[{"after":{"created":"bad"}}]}`, `{"changes":{}}`, `{"label":"x"}  `, `{"label":"x"} {}`,
}

func FuzzDecodeStep(f *testing.F) {
	rng := rand.New(rand.NewSource(2))
	for range 20 {
		data, _ := json.Marshal(randomStep(rng))
		f.Add(data)
	}
	for _, odd := range oddSteps {
		f.Add([]byte(odd))
	}
	f.Fuzz(func(t *testing.T, data []byte) { stepAsUnmarshal(t, data) })
}
