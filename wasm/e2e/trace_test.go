package e2e

// This file keeps Chromium's tracing for the tests and benchmarks: what the
// browser did that the page cannot see (whether it took compiled code from
// its cache), and the benchmarks' view of the main thread's own clock: the
// page's performance marks, recorded with the thread's CPU time beside the
// wall time. Between two marks on the main
// thread, the wall time counts the time the system gave the thread to
// others (on a small machine, often to the browser's own threads, woken by
// the work in between), the thread time only the time it ran.

import (
	"context"
	"encoding/json"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// traceEvent is one event of a Chromium trace.
type traceEvent struct {
	Name string          `json:"name"`
	Cat  string          `json:"cat"`
	Ph   string          `json:"ph"`  // the phase: "X" a complete event, "B"/"E" its begin and end...
	Dur  float64         `json:"dur"` // of a complete event, microseconds
	TS   float64         `json:"ts"`  // wall clock, microseconds
	Tid  int             `json:"tid"` // the thread
	TTS  *float64        `json:"tts"` // the thread's CPU clock, microseconds, when traced
	Args json.RawMessage `json:"args"`
}

// startTrace starts tracing the tab's categories, and returns the function
// that stops it and gives the events traced.
func startTrace(t testing.TB, br *browser, categories ...string) (stop func() []traceEvent) {
	t.Helper()
	var (
		mu     sync.Mutex
		events []traceEvent
		done   = make(chan struct{})
	)
	if err := chromedp.Listen(br.ctx, func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			for _, v := range e.Value {
				var te traceEvent
				if json.Unmarshal(v, &te) == nil {
					events = append(events, te)
				}
			}
			mu.Unlock()
		case *tracing.EventTracingComplete:
			close(done)
		}
	}); err != nil {
		t.Fatal(err)
	}
	br.runIn(t, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, tracing.Start, tracing.StartParams{
			TransferMode: tracing.StartTransferModeReportEvents,
			TraceConfig:  &tracing.TraceConfig{IncludedCategories: categories},
		})
		return err
	}))
	return func() []traceEvent {
		br.runIn(t, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, tracing.End, cdp.Empty{})
			return err
		}))
		select {
		case <-done:
		case <-time.After(browserTimeout):
			t.Fatalf("the trace did not complete within %v", browserTimeout)
		}
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(events)
	}
}

// traceMark is one performance mark as traced: its wall and thread times,
// in milliseconds of the trace's clocks (not the page's).
type traceMark struct {
	name         string
	wall, thread float64
}

// traceMarks starts tracing the page's performance marks, and returns the
// function that stops it and gives the marks traced, in order. Only the
// user-timing category is traced, which costs the page nothing it would
// notice.
func traceMarks(b *testing.B, br *browser) (stop func() []traceMark) {
	b.Helper()
	stopTrace := startTrace(b, br, "blink.user_timing")
	return func() []traceMark {
		var marks []traceMark
		for _, e := range stopTrace() {
			if e.Cat != "blink.user_timing" || e.TTS == nil {
				continue
			}
			marks = append(marks, traceMark{name: e.Name, wall: e.TS / 1000, thread: *e.TTS / 1000})
		}
		slices.SortStableFunc(marks, func(a, b traceMark) int {
			switch {
			case a.wall < b.wall:
				return -1
			case a.wall > b.wall:
				return 1
			}
			return 0
		})
		return marks
	}
}

// threadTimes returns, for each mark named end, the main thread's time
// and the wall time since the mark before it named start, summed over
// every pair of spans (start→end for each [2]string) until the mark named
// until, which ends a sample. Pairs without a start are skipped.
func threadTimes(marks []traceMark, spans [][2]string, until string) (thread, wall []float64) {
	open := map[string]traceMark{}
	var t, w float64
	for _, m := range marks {
		for _, sp := range spans {
			if m.name == sp[0] {
				open[sp[0]] = m
			}
			if s, ok := open[sp[0]]; ok && m.name == sp[1] {
				t += m.thread - s.thread
				w += m.wall - s.wall
				delete(open, sp[0])
			}
		}
		if m.name == until {
			thread, wall = append(thread, t), append(wall, w)
			t, w = 0, 0
			clear(open)
		}
	}
	return thread, wall
}
