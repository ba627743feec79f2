package workspace

import (
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// settingsMeanwhile is a Store whose next read of the settings is
// followed by meanwhile() (once): another tab's change of them landing
// between a read and the write made from it.
type settingsMeanwhile struct {
	Store
	meanwhile func()
}

func (s *settingsMeanwhile) fire() {
	if f := s.meanwhile; f != nil {
		s.meanwhile = nil
		f()
	}
}

func (s *settingsMeanwhile) Settings() (Settings, error) {
	defer s.fire()
	return s.Store.Settings()
}

// TestSettingsKeepAnotherTabsChange: the author's name set in one tab and
// the label schema in another at once: each read the settings and wrote
// them back whole, and the one written last put back what the other had
// changed (the schema lost its new label, or the name went back). Each
// now sets only what it changes, in the write.
func TestSettingsKeepAnotherTabsChange(t *testing.T) {
	schema := annotate.DefaultSchema()
	schema.Labels = append(schema.Labels, annotate.Label{Name: "fact-check", Color: "#cc79a7", Key: "f"})
	for _, c := range []struct {
		name        string
		here, there func(w *Workspace) error
	}{
		{"a name set while another tab sets the schema",
			func(w *Workspace) error { return w.SetAuthor("Ann") },
			func(w *Workspace) error { return w.SetSchema(schema) }},
		{"a schema set while another tab sets the name",
			func(w *Workspace) error { return w.SetSchema(schema) },
			func(w *Workspace) error { return w.SetAuthor("Ann") }},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := NewMemory()
			s := &settingsMeanwhile{Store: m}
			w, err := Open(s, clock())
			if err != nil {
				t.Fatal(err)
			}
			other, err := Open(m, clock())
			if err != nil {
				t.Fatal(err)
			}
			s.meanwhile = func() {
				if err := c.there(other); err != nil {
					t.Fatal(err)
				}
			}
			if err := c.here(w); err != nil {
				t.Fatal(err)
			}
			s.fire() // the other tab's change, if the write read nothing first
			got, err := m.Settings()
			if err != nil {
				t.Fatal(err)
			}
			if got.Author != "Ann" || len(got.Schema.Labels) != len(schema.Labels) {
				t.Errorf("the settings hold the name %q and %d labels, want %q and %d", got.Author, len(got.Schema.Labels), "Ann", len(schema.Labels))
			}
		})
	}
}
