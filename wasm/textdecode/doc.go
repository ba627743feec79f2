// Package textdecode reads the legacy character encodings in the browser
// with its TextDecoder, which knows every encoding of the WHATWG Encoding
// Standard: Charsets is the annotate.Charsets that the browser's main
// installs, so that app.wasm carries none of x/text's tables.
//
// Decode asks for a fatal TextDecoder, which refuses bytes that are no
// character of the encoding (annotate.ErrUndecodable) rather than writing
// U+FFFD for them: where a page has such bytes, x/text and the browser
// write different numbers of U+FFFD, so annotate refuses them in both
// builds.
//
// The package builds only for js/wasm; wasm/e2e runs its tests in
// Chromium, where they read the corpus and compare each result with the
// native build's.
package textdecode
