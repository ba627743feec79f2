//go:build !wasm

package e2e

import (
	"math/rand"
	"testing"

	"github.com/chromedp/chromedp"
)

// sidebarLayout is where the sidebar's parts are, in the viewport's pixels.
type sidebarLayout struct {
	BoxTop, BoxBottom, HeadBottom float64
	Title, Filters, Panel         [2]float64 // top, bottom
	ScrollTop, ScrollPadding      float64
}

const sidebarLayoutJS = `(() => {
	const box = document.querySelector(".sidebar"), head = document.querySelector(".sidebar-head");
	const at = (el) => { const r = el.getBoundingClientRect(); return [r.top, r.bottom]; };
	const b = box.getBoundingClientRect();
	return {BoxTop: b.top, BoxBottom: b.bottom, HeadBottom: head ? head.getBoundingClientRect().bottom : b.top,
		Title: at(box.querySelector("h2")), Filters: at(box.querySelector(".filters")), Panel: at(document.getElementById("selected")),
		ScrollTop: box.scrollTop, ScrollPadding: parseFloat(getComputedStyle(box).scrollPaddingTop) || 0};
})()`

// TestSidebarHeadStaysInView: on a long document, a tag far down the article
// scrolls the sidebar's list to its row, thousands of pixels down, and the
// sidebar's title, its filters and the new annotation's panel (where a
// quote's speaker is typed) stay in view above the list, with the row in
// view below them. A row the focus moves to (Tab down the list) is scrolled
// below the head, not under it. Before the head stayed, the panel was 9,000
// pixels above the view after such a tag.
func TestSidebarHeadStaysInView(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	openFourHundred(t, b)
	if !evalJS[bool](t, b, randomSelection(rand.New(rand.NewSource(5)), "")) {
		t.Fatal("no text to select")
	}
	press(t, b, "c")
	settle(t, b)
	place := evalJS[int](t, b, `+document.querySelector("#entries > li.selected").getAttribute("aria-posinset")`)
	waitFor(t, b, rowInView(place))
	l := evalJS[sidebarLayout](t, b, sidebarLayoutJS)
	if l.ScrollTop < 2000 {
		t.Fatalf("the sidebar is scrolled %.0f px to the row at place %d: the test needs a row far down the list", l.ScrollTop, place)
	}
	for _, part := range []struct {
		name string
		at   [2]float64
	}{{"title", l.Title}, {"filters", l.Filters}, {"selected annotation's panel", l.Panel}} {
		if part.at[0] < l.BoxTop-0.5 || part.at[1] > l.HeadBottom+0.5 || part.at[1]-part.at[0] < 10 {
			t.Errorf("the sidebar's %s: at %.0f–%.0f px, not in its head in view (the sidebar at %.0f–%.0f, its head down to %.0f)",
				part.name, part.at[0], part.at[1], l.BoxTop, l.BoxBottom, l.HeadBottom)
		}
	}
	if d := l.ScrollPadding - (l.HeadBottom - l.BoxTop); d < -2 || d > 2 {
		t.Errorf("the sidebar's scroll padding is %.0f px, its head %.0f px high", l.ScrollPadding, l.HeadBottom-l.BoxTop)
	}
	// The focus moves to a row half under the head: the browser scrolls it
	// out from under it.
	moved := evalJS[bool](t, b, `(() => {
		const h = document.querySelector(".sidebar-head");
		if (!h) return false;
		const head = h.getBoundingClientRect();
		const rows = Array.from(document.querySelectorAll("#entries > li"));
		const under = rows.find((li) => { const r = li.getBoundingClientRect(); return r.top < head.bottom && r.bottom > head.bottom; }) ||
			rows.find((li) => li.getBoundingClientRect().bottom <= head.bottom);
		if (!under) return false;
		under.querySelector(".entry-main").focus();
		return true;
	})()`)
	if !moved {
		t.Fatal("no row under the sidebar's head to move the focus to")
	}
	if !evalJS[bool](t, b, `(() => {
		const r = document.activeElement.getBoundingClientRect(), head = document.querySelector(".sidebar-head").getBoundingClientRect();
		return r.top >= head.bottom - 0.5;
	})()`) {
		t.Error("the row the focus moved to is still under the sidebar's head")
	}
	// In a short window the head, its panel open, leaves the list room for
	// a row at least.
	b.run(chromedp.EmulateViewport(1280, 420))
	settle(t, b)
	short := evalJS[sidebarLayout](t, b, sidebarLayoutJS)
	pitch := evalJS[float64](t, b, `(() => { const rows = document.querySelectorAll("#entries > li"); return rows[1].offsetTop - rows[0].offsetTop; })()`)
	if room := short.BoxBottom - short.HeadBottom; room < pitch {
		t.Errorf("in a window 420 px high the sidebar's head leaves the list %.0f px, less than a row (%.0f px)", room, pitch)
	}
}
