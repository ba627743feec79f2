//go:build js && wasm

// Package latetimer is a wasm test binary that exits while Go's runtime
// has a timeout scheduled in JavaScript: TestWasmRunnerCancelsTimers runs
// it to check that the runner page cancels that timeout at exit.
package latetimer

import (
	"syscall/js"
	"testing"
	"time"
)

// TestLeavesATimer ends while another goroutine sleeps. The runtime went
// idle waiting for the JavaScript callback, so it asked wasm_exec.js for
// a timeout at the sleeper's wake-up, which is still pending when the
// binary exits.
func TestLeavesATimer(t *testing.T) {
	go time.Sleep(500 * time.Millisecond)
	done := make(chan struct{})
	var f js.Func
	f = js.FuncOf(func(js.Value, []js.Value) any {
		close(done)
		f.Release()
		return nil
	})
	js.Global().Call("setTimeout", f, 20)
	<-done
}
