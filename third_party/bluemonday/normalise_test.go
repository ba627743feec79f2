// Copyright 2026 The annotator's authors. Use of this source code is
// governed by the BSD-style licence of this package (LICENSE.md).

package bluemonday

import (
	"strconv"
	"strings"
	"testing"
)

// upstreamNormaliseElementName is normaliseElementName as upstream wrote
// it, the patch's reference (third_party/README.md).
func upstreamNormaliseElementName(str string) string {
	return strings.TrimSuffix(strings.TrimPrefix(strings.ToLower(strconv.QuoteToASCII(str)), `"`), `"`)
}

var normaliseSeeds = []string{"", "p", "script", "SCRIPT", "scrİpt", "a\"b", `a\b`, "x\x00y", "tab\there", "ſcript", "~ ok", "\x7f", "é"}

func TestNormaliseElementNameAsUpstream(t *testing.T) {
	for _, s := range normaliseSeeds {
		if got, want := normaliseElementName(s), upstreamNormaliseElementName(s); got != want {
			t.Errorf("normaliseElementName(%q) = %q, upstream gave %q", s, got, want)
		}
	}
}

func FuzzNormaliseElementName(f *testing.F) {
	for _, s := range normaliseSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := normaliseElementName(s), upstreamNormaliseElementName(s); got != want {
			t.Errorf("normaliseElementName(%q) = %q, upstream gave %q", s, got, want)
		}
	})
}
