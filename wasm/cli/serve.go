//go:build !wasm

package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/newsannotator/annotator/wasm/server"
)

// defaultAddr is where `annotator serve` listens unless told otherwise by
// -addr or $ANNOTATOR_ADDR.
const defaultAddr = "127.0.0.1:8000"

// cmdServe runs `annotator serve [-addr ADDR] [-web DIR]` until SIGINT or
// SIGTERM.
func cmdServe(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addrDefault := os.Getenv("ANNOTATOR_ADDR")
	if addrDefault == "" {
		addrDefault = defaultAddr
	}
	addr := fs.String("addr", addrDefault, "the `address` to listen on ($ANNOTATOR_ADDR, else "+defaultAddr+")")
	webDir := fs.String("web", "web", "the `directory` of the app's files, holding the built app.wasm")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() != 0 {
		fmt.Fprintf(stderr, "annotator serve: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, *addr, *webDir, stderr)
}

// serve serves the app from webDir on addr until ctx is done.
func serve(ctx context.Context, addr, webDir string, stderr io.Writer) int {
	s, err := server.Load(webDir, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "annotator serve: %v\n", err)
		return exitUsage
	}
	// app.wasm is served at brotli quality 9 at once, and at 11 once it
	// is made (a minute, once per build: it is cached).
	go s.BestCompression(stderr)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(stderr, "annotator serve: cannot listen on %s: %v\n", addr, err)
		return exitUsage
	}
	if err := server.Serve(ctx, ln, s, stderr); err != nil {
		fmt.Fprintf(stderr, "annotator serve: %v\n", err)
		return exitInvalid
	}
	return exitOK
}

// cmdBuild runs `annotator build [-out DIR] [-base PATH] [-web DIR]`.
func cmdBuild(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "build", "the `directory` to write the static site to (replaced if it holds an earlier build)")
	base := fs.String("base", "/", "the `path` the site is served at: / for the root of a domain, /annotator for https://example.github.io/annotator/")
	webDir := fs.String("web", "web", "the `directory` of the app's files, holding the built app.wasm")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() != 0 {
		fmt.Fprintf(stderr, "annotator build: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	at, err := server.Base(*base)
	if err != nil {
		fmt.Fprintf(stderr, "annotator build: -base %v\n", err)
		return exitUsage
	}
	s, err := server.Load(*webDir, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "annotator build: %v\n", err)
		return exitUsage
	}
	// A static site is served as it is written: with the smallest app.wasm.
	if err := s.BestCompression(stderr); err != nil {
		fmt.Fprintf(stderr, "annotator build: %v\n", err)
		return exitInvalid
	}
	if err := s.WriteStatic(*out, at); err != nil {
		fmt.Fprintf(stderr, "annotator build: %v\n", err)
		return exitInvalid
	}
	fmt.Fprintf(stdout, "annotator: wrote the app (version %s) to %s: serve it as static files at %s/; %s gives the security headers to Netlify and Cloudflare Pages, other hosts must send them too\n",
		s.Version(), *out, at, server.HeadersFileName)
	return exitOK
}
