// Package textdecode reads the legacy character encodings in the browser
// with its TextDecoder, which knows every encoding of the WHATWG Encoding
// Standard: Charsets is the annotate.Charsets that the browser's main
// installs, so that app.wasm carries none of x/text's tables.
//
// Decode reads as a browser reads a page, writing U+FFFD for bytes that
// are no character of the encoding. In a single-byte encoding each such
// byte is one U+FFFD (or a C1 control) in x/text and in the browser alike,
// and annotate keeps the text; elsewhere the two write different numbers
// of U+FFFD, so annotate refuses such text in both builds.
//
// The package builds only for js/wasm; wasm/e2e runs its tests in
// Chromium, where they read the corpus and compare each result with the
// native build's.
package textdecode
