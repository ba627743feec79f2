// Command bareapp is the smallest go-app v10 app: one component that
// renders a heading and a paragraph, nothing else. It is the yardstick of
// BenchmarkBrowserLoadVsBare (wasm/e2e/bare_bench_test.go), which builds it
// for the browser with the flags of the annotator's own app.wasm and serves
// it the same way, so that the annotator's size and start are measured
// against what go-app alone costs. It lives under testdata so that
// `go build ./...` and `go vet ./...` leave it alone; build it by path:
//
//	GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' ./wasm/e2e/testdata/bareapp
//
// Like the annotator's main for the browser (wasm/main_wasm.go) it only
// registers its route and runs: no server code is linked in.
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// BareHeading is the heading the component shows; the benchmark waits for
// it (keep the two in step).
const BareHeading = "A bare go-app app"

type hello struct{ app.Compo }

func (*hello) Render() app.UI {
	return app.Div().Body(
		app.H1().Text(BareHeading),
		app.P().Text("One component, a heading and a paragraph: what go-app costs without an app."),
	)
}

func main() {
	// The annotator's mark at its main (wasm/main_wasm.go): the benchmark
	// splits each app's start there.
	app.Window().Get("performance").Call("mark", "annotator:main")
	app.Route("/", func() app.Composer { return &hello{} })
	app.RunWhenOnBrowser()
}
