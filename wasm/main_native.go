//go:build !wasm

// Command annotator is the news-article annotator, one program for two
// places, as go-app expects. Built for the browser (GOOS=js GOARCH=wasm)
// it is the app. Built natively it is the command line (package cli): it
// serves the app (package server), writes it as a static site, and has
// tools for article files and exports. This package is only the two mains.
package main

import (
	"os"

	"github.com/newsannotator/annotator/wasm/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
