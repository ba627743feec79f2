package app

import "testing"

// TestDecodeScroll reads the reading place as web/workspace.js writes it,
// and a scroll position an earlier version wrote (pixels alone), which is
// used as it is.
func TestDecodeScroll(t *testing.T) {
	pos, ok := decodeScroll(`{"doc":"sha256:ab","y":30889,"at":60719,"dy":-18.6}`)
	if !ok || pos.Doc != "sha256:ab" || pos.Y != 30889 || pos.At == nil || *pos.At != 60719 || pos.Dy != -18.6 {
		t.Errorf("the place read %+v (at %v), %v", pos, pos.At, ok)
	}
	old, ok := decodeScroll(`{"doc":"sha256:ab","y":600}`)
	if !ok || old.Doc != "sha256:ab" || old.Y != 600 || old.At != nil {
		t.Errorf("an earlier version's position read %+v, %v; want its pixels alone", old, ok)
	}
	if _, ok := decodeScroll(`{"doc":`); ok {
		t.Error("a damaged position was read")
	}
}
