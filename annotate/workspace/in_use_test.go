package workspace

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/newsannotator/annotator/annotate"
)

// TestInUseKeepsItsAnnotations: a document open in another tab (InUse)
// gets no export's annotations from an import, nor a gold file's, and is
// not deleted: the tab that holds it would go on from what it holds. The
// report says why.
func TestInUseKeepsItsAnnotations(t *testing.T) {
	w, m := openMemory(t)
	const text = "Ministers pledged to raise defence spending."
	sum, err := w.Add(loadText(t, "a.txt", text), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	w.InUse = func(id string) bool { return id == sum.ID }
	doc := loadText(t, "a.txt", text)
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	if _, err := set.Add("pledge", 10, 17); err != nil {
		t.Fatal(err)
	}
	f := annotate.NewFile(doc, set, nil, time.Date(2026, 4, 2, 0, 0, 0, 0, time.UTC))
	data, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	r, err := w.ImportFiles(context.Background(), []File{{Name: "a.annotations.json", Data: data}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Duplicates) != 1 || r.Duplicates[0].Filled || !r.Duplicates[0].InUse ||
		!strings.Contains(r.Duplicates[0].String(), "open in another tab") {
		t.Errorf("an import of the export of a document open elsewhere reports %+v", r.Duplicates)
	}
	if _, filled, err := w.AddExport(doc, set, nil); filled || !errors.Is(err, ErrInUse) {
		t.Errorf("AddExport of a document open elsewhere: filled %v, %v; want ErrInUse", filled, err)
	}
	if _, _, err := w.SaveGold(f); !errors.Is(err, ErrInUse) {
		t.Errorf("SaveGold of a document open elsewhere: %v; want ErrInUse", err)
	}
	if err := w.Delete(sum.ID); !errors.Is(err, ErrInUse) {
		t.Errorf("Delete of a document open elsewhere: %v; want ErrInUse", err)
	}
	if anns, _ := m.Annotations(sum.ID); len(anns) != 0 {
		t.Errorf("the document open elsewhere was given %d annotations", len(anns))
	}
	// Once it is closed there, the export fills it.
	w.InUse = nil
	if _, filled, err := w.AddExport(doc, set, nil); !filled || err != nil {
		t.Errorf("AddExport once closed elsewhere: filled %v, %v", filled, err)
	}
}
