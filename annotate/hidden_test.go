package annotate

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// checkHiddenStyle fails when a style that the expression finds hiding
// is not found by isHidden, whose words look first.
func checkHiddenStyle(t *testing.T, style string) {
	t.Helper()
	n := &html.Node{Type: html.ElementNode, Data: "div", Attr: []html.Attribute{{Key: "style", Val: style}}}
	if want := hiddenStyle().MatchString(style); isHidden(n) != want {
		t.Errorf("isHidden(style=%q) = %v, the expression says %v", style, !want, want)
	}
}

func TestIsHiddenStyles(t *testing.T) {
	for _, s := range []string{
		"display:none", "DISPLAY: NONE", "color: red; Display :\tNone !important",
		"visibility:hidden", "VISIBILITY : HIDDEN", "visibility: hiddenx",
		"display: block", "font-family: none-such", "visibility: visible", "", "nOnE", "display:\u212anone",
	} {
		checkHiddenStyle(t, s)
	}
	if hasWordFold("NoNe", "none") != true || hasWordFold("non", "none") || !hasWordFold("x HIDDEN", "hidden") {
		t.Error("hasWordFold is wrong on its own cases")
	}
}

func FuzzIsHiddenStyle(f *testing.F) {
	f.Add("display:none")
	f.Add("Visibility : Hidden")
	f.Fuzz(func(t *testing.T, s string) {
		checkHiddenStyle(t, s)
		if got, want := hasWordFold(s, "none"), strings.Contains(asciiLower(s), "none"); got != want {
			t.Errorf("hasWordFold(%q, none) = %v", s, got)
		}
	})
}
