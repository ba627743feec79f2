// Copyright 2026 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package html

import (
	"path/filepath"
	"testing"
)

// TestHTML5LibCasesPresent checks that the html5lib cases upstream's tests
// read are in the copy (new: the annotator's .gitignore once matched the
// tokenizer's *.test files, and TestHTML5LibTests then ran none of its
// cases on a fresh clone, and passed).
func TestHTML5LibCasesPresent(t *testing.T) {
	for _, pattern := range []string{"testdata/html5lib-tests/tokenizer/*.test", "testdata/html5lib-tests/tree-construction/*.dat"} {
		files, err := filepath.Glob(pattern)
		if err != nil || len(files) == 0 {
			t.Errorf("no html5lib cases match %s (%v)", pattern, err)
		}
	}
}
