package workspace

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// TestBackupKeepsATeamsSchema: a document under a team's schema
// (descriptions, an emoji key, attributes in the team's order, upper-case
// colours), backed up and restored, has the same schema, and the backup of
// the restored workspace is the same file.
func TestBackupKeepsATeamsSchema(t *testing.T) {
	schema := annotate.Schema{Labels: []annotate.Label{
		{Name: "economic_claim", Color: "#0072B2", Key: "😀", Attributes: []string{"source", "amount"}, Description: "A claim about money."},
		{Name: "direct_quote", Color: "#e69f00", Key: "D", Attributes: []string{"speaker"}},
	}}
	w, _ := openMemory(t)
	doc := loadText(t, "a.txt", "Ministers pledged to raise defence spending by 2% of GDP.")
	set := annotate.NewSet(doc.Text(), schema)
	if _, err := set.Add("economic_claim", 21, 56); err != nil {
		t.Fatal(err)
	}
	sum, err := w.Add(doc, set, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	data, err := w.Backup()
	if err != nil {
		t.Fatal(err)
	}
	m2 := NewMemory()
	if err := Restore(m2, data); err != nil {
		t.Fatal(err)
	}
	w2, err := Open(m2, clock())
	if err != nil {
		t.Fatal(err)
	}
	e, err := w2.Edit(sum.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := e.Set.Schema()
	if len(got.Labels) != 2 || got.Labels[0].Key != "😀" || got.Labels[0].Color != "#0072B2" || got.Labels[0].Description != "A claim about money." ||
		got.Labels[0].Attributes[0] != "source" {
		t.Errorf("restored schema %+v", got)
	}
	again, err := w2.Backup()
	if err != nil {
		t.Fatal(err)
	}
	strip := func(b []byte) string { s := string(b); i := strings.Index(s, `"written"`); return s[:i] + s[i+32:] }
	if strip(again) != strip(data) {
		a, b := strip(data), strip(again)
		i := 0
		for i < len(a) && i < len(b) && a[i] == b[i] {
			i++
		}
		t.Errorf("the backup of the restored workspace differs at byte %d:\nfirst: …%s…\nagain: …%s…", i, a[max(0, i-120):min(len(a), i+80)], b[max(0, i-120):min(len(b), i+80)])
	}
}

// TestDatasetOfATeamSchemaThroughAFreshWorkspace: the app never sets
// the workspace's schema (nothing calls SetSchema): a team's schema comes
// with its files, a document at a time. A document opened from a team's
// export of 24 labels, exported as the dataset and imported into another
// browser's workspace (the default schema, as every app's is), comes in:
// "export then import gives the same set of annotations" (README). It was
// refused whole: the default's three labels were added to its 24, over
// the 26 a schema may have. (TestDatasetLinesTakeTheWorkspaceLabels holds
// this only for a workspace whose schema was set to the team's, which the
// app cannot do.)
func TestDatasetOfATeamSchemaThroughAFreshWorkspace(t *testing.T) {
	var team annotate.Schema
	for i := range 24 {
		team.Labels = append(team.Labels, annotate.Label{Name: fmt.Sprintf("tag%c", 'a'+i), Color: "#cc79a7", Key: string(rune('a' + i)), Attributes: []string{}})
	}
	w, _ := openMemory(t)
	text := strings.TrimSpace(strings.Repeat("word ", 24))
	doc := loadText(t, "a.txt", text)
	set := annotate.NewSet(doc.Text(), team)
	for i := range 24 {
		if _, err := set.Add(team.Labels[i].Name, i*5, i*5+4); err != nil {
			t.Fatal(err)
		}
	}
	if _, filled, err := w.AddExport(doc, set, nil); err != nil || filled {
		t.Fatal(err, filled)
	}
	var ds bytes.Buffer
	if _, err := w.ExportDataset(&ds, SelectAll); err != nil {
		t.Fatal(err)
	}
	fresh, _ := openMemory(t)
	r, err := fresh.ImportBatch(context.Background(), "dataset.jsonl", ds.Bytes(), nil)
	if err != nil || len(r.Added) != 1 {
		var why []string
		for _, e := range r.Errors {
			why = append(why, e.Error())
		}
		t.Fatalf("a dataset of one document of 24 labels, into a fresh workspace: %v; added %d; refused: %s", err, len(r.Added), strings.Join(why, "; "))
	}
}
