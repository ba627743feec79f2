//go:build !wasm

package main

import (
	"fmt"
	"io"
)

func cmdServe(args []string, stderr io.Writer) int {
	fmt.Fprintln(stderr, "annotator serve: not available yet")
	return exitUsage
}

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "annotator build: not available yet")
	return exitUsage
}
