package paths

import (
	"path/filepath"
	"testing"
)

func TestWithin(t *testing.T) {
	root := filepath.FromSlash("/work/data")
	for _, c := range []struct {
		path string
		want bool
	}{
		{"/work/data", true},
		{"/work/data/brat", true},
		{"/work/data/brat/a.ann", true},
		{"/work/data-2", false}, // a name that starts as dir's does
		{"/work", false},
		{"/other/data", false},
		{"/work/..data", false},
	} {
		if got := Within(filepath.FromSlash(c.path), root); got != c.want {
			t.Errorf("Within(%q, %q) = %v, want %v", c.path, root, got, c.want)
		}
	}
}
