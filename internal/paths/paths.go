// Package paths holds the one rule about file paths that both the static
// build (an output folder must not hold the assets it copies) and the
// command line (an output folder must not hold the files it reads) keep.
package paths

import (
	"path/filepath"
	"strings"
)

// Within reports whether path is dir or lies inside it. Both must be
// absolute and clean (filepath.Abs gives them so).
func Within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
