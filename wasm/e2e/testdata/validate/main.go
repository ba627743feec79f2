//go:build js && wasm

// Command validate runs annotate.Validate in the browser for
// TestBrowserValidatesAsCLI: it sets the JavaScript function
// validate(bytes), which returns a file's problems as JSON (every
// exported field of annotate.Problem), so that the test can hold what
// the browser finds against what annotator validate prints.
package main

import (
	"encoding/json"
	"syscall/js"

	"github.com/newsannotator/annotator/annotate"
)

func main() {
	js.Global().Set("validate", js.FuncOf(func(_ js.Value, args []js.Value) any {
		data := make([]byte, args[0].Get("length").Int())
		js.CopyBytesToGo(data, args[0])
		problems := annotate.Validate(data)
		if problems == nil {
			problems = []annotate.Problem{}
		}
		out, err := json.Marshal(problems)
		if err != nil {
			panic(err) // a Problem is strings, numbers and booleans
		}
		return string(out)
	}))
	select {}
}
