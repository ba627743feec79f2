//go:build !wasm

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
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

// serve serves the app from webDir on addr until ctx is done, then shuts
// down gracefully.
func serve(ctx context.Context, addr, webDir string, stderr io.Writer) int {
	s, err := loadSite(webDir, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "annotator serve: %v\n", err)
		return exitUsage
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(stderr, "annotator serve: %v\n", err)
		return exitUsage
	}
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          log.New(stderr, "annotator serve: ", 0),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	fmt.Fprintf(stderr, "annotator: serving the app (version %s, from %s) at %s\n", s.version, webDir, serverURL(ln.Addr()))
	fmt.Fprintln(stderr, "annotator: press Ctrl+C to stop")

	select {
	case err := <-errc:
		fmt.Fprintf(stderr, "annotator serve: %v\n", err)
		return exitInvalid
	case <-ctx.Done():
	}
	fmt.Fprintln(stderr, "annotator: shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		srv.Close()
		fmt.Fprintf(stderr, "annotator serve: %v\n", err)
		return exitInvalid
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "annotator serve: %v\n", err)
		return exitInvalid
	}
	return exitOK
}

// serverURL is the address to open in a browser for a listener.
func serverURL(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return "http://" + a.String() + "/"
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}

// cmdBuild runs `annotator build [-out DIR] [-web DIR]`.
func cmdBuild(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "build", "the `directory` to write the static site to (replaced if it holds an earlier build)")
	webDir := fs.String("web", "web", "the `directory` of the app's files, holding the built app.wasm")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() != 0 {
		fmt.Fprintf(stderr, "annotator build: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	s, err := loadSite(*webDir, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "annotator build: %v\n", err)
		return exitUsage
	}
	if err := s.writeStatic(*out); err != nil {
		fmt.Fprintf(stderr, "annotator build: %v\n", err)
		return exitInvalid
	}
	fmt.Fprintf(stdout, "annotator: wrote the app (version %s) to %s: serve it as static files; %s gives the security headers to Netlify and Cloudflare Pages, other hosts must send them too\n",
		s.version, *out, headersFileName)
	return exitOK
}
