package workspace

import (
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// A host whose label mixes scripts to look like another (Cyrillic "а" in
// "apple") is shown by a browser's address bar in its ASCII form, as a
// spoof: Site shows it "as a browser's address bar shows it" (host.go).
func TestSiteOfMixedScriptHomograph(t *testing.T) {
	const ascii = "xn--pple-43d.com" // "аpple.com", its first letter Cyrillic
	got := Site(annotate.Meta{}, "https://"+ascii+"/news/1")
	t.Logf("host %s shown as %q", ascii, got)
	if got != ascii {
		t.Errorf("Site shows the homograph %s as %q, which reads as apple.com; a browser's address bar shows %s", ascii, got, ascii)
	}
}
