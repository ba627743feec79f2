//go:build !wasm

// Command annotator is the news-article annotator. Built for the browser
// (GOOS=js GOARCH=wasm) it is the app; built natively it serves the app,
// writes it as a static site, and has command-line tools for article files
// and exports.
package main

import "os"

func main() {
	os.Exit(runCLI(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
