//go:build !wasm

package e2e

import (
	"testing"
	"time"
)

// BenchmarkBrowserScrolling scrolls the whole 50,000-word article with its
// 2,000 highlights from top to bottom, half a window a frame, as a reader
// flicking through it fast does, and counts the frames that came late:
// the time between two animation frames is a frame's work, and a frame
// over 16 ms shows as a gap of two refreshes or more. It reports, per
// pass, how many frames the scroll took, how many were over 16 ms (gaps
// of more than 20 ms: the refresh's 16.7 ms with some slack for timer
// noise), and the frame times' p95 and maximum.
func BenchmarkBrowserScrolling(b *testing.B) { forEachShape(b, benchScrolling) }

func benchScrolling(b *testing.B, paragraphs int) {
	br := openBenchArticle(b, paragraphs)
	var frames, late, p95s, maxes []float64
	for i := 0; i < b.N; i++ {
		evalJS[bool](b, br, `(() => { scrollTo(0, 0); return true; })()`)
		evalJS[bool](b, br, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
		// The scroll runs in the page on its own; a pass takes longer
		// than one step of the browser is allowed.
		height := evalJS[float64](b, br, `(() => {
			window.__scroll = {gaps: [], done: false};
			const step = Math.round(innerHeight / 2);
			let last = performance.now();
			const frame = (now) => {
				__scroll.gaps.push(now - last);
				last = now;
				const before = scrollY;
				scrollBy(0, step);
				// The end: no way further, or the bottom of the page. (Passes
				// have run on for 5 minutes without ending, cause not found:
				// at the bottom, a chunk drawn at last can change the page's
				// height, and scroll anchoring then moves scrollY, so that
				// "no way further" alone may never come.)
				const bottom = document.documentElement.scrollHeight - innerHeight;
				if (scrollY === before || scrollY >= bottom - 1) { __scroll.done = true; return; }
				requestAnimationFrame(frame);
			};
			requestAnimationFrame(frame);
			return document.documentElement.scrollHeight;
		})()`)
		deadline := time.Now().Add(5 * time.Minute)
		for !evalJS[bool](b, br, `__scroll.done`) {
			if time.Now().After(deadline) {
				b.Fatalf("the scroll through %.0f px did not end in 5 minutes: %s", height,
					evalJS[string](b, br, `JSON.stringify({y: scrollY, height: document.documentElement.scrollHeight, window: innerHeight, frames: __scroll.gaps.length})`))
			}
			time.Sleep(200 * time.Millisecond)
		}
		gaps := evalJS[[]float64](b, br, `__scroll.gaps`)
		b.Logf("the article is %.0f px high", height)
		if len(gaps) < 2 {
			b.Fatalf("the article did not scroll: %d frames", len(gaps))
		}
		gaps = gaps[1:] // the first is the wait for the first frame
		n := 0
		for _, g := range gaps {
			if g > 20 {
				n++
			}
		}
		frames = append(frames, float64(len(gaps)))
		late = append(late, float64(n))
		p95s = append(p95s, percentile(gaps, 95))
		maxes = append(maxes, percentile(gaps, 100))
	}
	b.ReportMetric(mean(frames), "frames/pass")
	b.ReportMetric(mean(late), "frames-over-16ms/pass")
	b.ReportMetric(mean(p95s), "ms-frame-p95")
	b.ReportMetric(mean(maxes), "ms-frame-max")
	b.Logf("frames over 16 ms, pass by pass: %v", late)
}

// mean returns the mean of xs.
func mean(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}
