package annotate

import "testing"

// TestImportDropsInvisibleAttributes: a value of nothing that shows
// (a zero-width space, a byte order mark, a soft hyphen) is no value as
// the app keeps one (AttributeValue, SetAttribute), and an import keeps
// no empty value (TestImportDropsEmptyAttributes): it must not keep one
// that shows nothing either.
func TestImportDropsInvisibleAttributes(t *testing.T) {
	d, s := fxSet(t)
	id := ""
	data := fxRewrite(t, fxExportOf(t, d, s), nil, func(f *File) {
		for i := range f.Annotations {
			if a := &f.Annotations[i]; a.Attributes[AttrSpeaker] != "" {
				id = a.ID
				a.Attributes = map[string]string{AttrSpeaker: "\u200b", AttrNote: "\ufeff \u00ad"}
			}
		}
	})
	imp, err := Import(data)
	if err != nil {
		t.Fatal(err)
	}
	a, ok := imp.Set.Get(id)
	if !ok {
		t.Fatalf("the quote %q was not imported", id)
	}
	for name, v := range a.Attributes {
		if AttributeValue(v) == "" {
			t.Errorf("the import keeps %s %q, a value that shows nothing (the panel would set it to no value)", name, v)
		}
	}
}
