//go:build !wasm

package e2e

import (
	"testing"
	"time"
)

// TestExpiredStatesRemovedAfterTheStart: go-app removes the persisted
// states that have expired from local storage, decoding every item with
// encoding/json; patched (third_party/README.md), it does so a moment
// after its engine starts rather than before the first frame, so that a
// start does not compile that decoder. The expired state is still there
// when the article shows, and gone soon after; the app's own items stay.
func TestExpiredStatesRemovedAfterTheStart(t *testing.T) {
	b := openAppWithScript(t, `(() => {
			if (location.protocol !== "http:" || sessionStorage.getItem("seeded")) return;
			sessionStorage.setItem("seeded", "1");
			localStorage.setItem("expired-state", JSON.stringify({Value: "42", ExpiresAt: "2000-01-01T00:00:00Z"}));
			localStorage.setItem("kept-state", JSON.stringify({Value: "42", ExpiresAt: "2999-01-01T00:00:00Z"}));
		})()`)
	if !evalJS[bool](t, b, `localStorage.getItem("expired-state") !== null`) {
		t.Error("the expired state was removed before the article showed: before the engine's first frame")
	}
	start := time.Now()
	waitFor(t, b, `localStorage.getItem("expired-state") === null`)
	t.Logf("removed %v after the article showed", time.Since(start).Round(10*time.Millisecond))
	if !evalJS[bool](t, b, `localStorage.getItem("kept-state") !== null && localStorage.getItem("annotator.session") !== null`) {
		t.Error("the cleanup removed a state not expired, or the app's session")
	}
}
