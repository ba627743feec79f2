package annotate

import "testing"

func TestIsExport(t *testing.T) {
	cases := []struct {
		data, name, mediaType string
		want                  bool
	}{
		{`{"version": 1}`, "a.json", "", true},
		{`<p>x</p>`, "a.json", "", true},
		{`  {"version": 1, "document": {}}`, "Pasted text", "text/plain", true},
		{"\ufeff{\"version\": 1}", "pasted", "", true},
		{`{curly} text`, "notes.txt", "", false},
		{`<p>{"version"}</p>`, "a.html", "text/html", false},
	}
	for _, c := range cases {
		if got := IsExport([]byte(c.data), c.name, c.mediaType); got != c.want {
			t.Errorf("IsExport(%q, %q) = %v", c.data, c.name, got)
		}
	}
}
