//go:build !wasm

package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/newsannotator/annotator/annotate"
)

// Compression settings for app.wasm. Brotli quality 9 (window 2^22) makes
// a Go wasm file about 23% of its size at 7 to 9 MB/s on one core: a 14 MB
// app.wasm takes one and a half to two seconds, once per build (the result
// is cached). Quality 10 saves another 10% but is ten times slower, quality
// 11 twenty times. Gzip, only for clients without brotli, runs at the same
// time; level 9 would save 0.6% for three times the work.
const (
	brotliQuality = 9
	brotliWindow  = 22
	gzipLevel     = gzip.DefaultCompression
)

// wasmFile is the built app.wasm with its brotli and gzip variants, kept in
// memory and served by content negotiation.
type wasmFile struct {
	raw, br, gz []byte
	sum         [sha256.Size]byte // of raw
	etag        string            // base ETag; the variants add -br and -gz
	cached      bool              // both variants came from the files beside app.wasm
	took        time.Duration     // time spent compressing (0 when cached)
}

// loadWasm reads webDir/app.wasm and its compressed variants. The variants
// are cached beside it as app.wasm.br and app.wasm.gz; a cached file is used
// only when it decompresses to exactly app.wasm (so a new build is never
// served with stale variants), otherwise it is made again and rewritten.
func loadWasm(webDir string, log io.Writer) (*wasmFile, error) {
	p := filepath.Join(webDir, wasmFileName)
	raw, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, notBuiltError{p}
	}
	if err != nil {
		return nil, err
	}
	if len(raw) == 0 {
		return nil, fmt.Errorf("%s is empty: build it again with 'make web/app.wasm'", p)
	}
	wf := &wasmFile{raw: raw, sum: sha256.Sum256(raw)}
	wf.etag = `"` + hex.EncodeToString(wf.sum[:])[:16] + `"`

	var (
		wg         sync.WaitGroup
		brErr      error
		gzErr      error
		brOK, gzOK bool
		brTook     time.Duration
		gzTook     time.Duration
	)
	start := time.Now()
	wg.Go(func() {
		wf.br, brOK, brTook, brErr = cachedVariant(p+".br", raw, compressBrotli, decompressBrotli)
	})
	wg.Go(func() {
		wf.gz, gzOK, gzTook, gzErr = cachedVariant(p+".gz", raw, compressGzip, decompressGzip)
	})
	wg.Wait()
	if brErr != nil {
		return nil, brErr
	}
	if gzErr != nil {
		return nil, gzErr
	}
	wf.cached = brOK && gzOK
	if !wf.cached {
		wf.took = time.Since(start)
		fmt.Fprintf(log, "annotator: compressed %s (%s): brotli %s in %v, gzip %s in %v\n",
			p, annotate.FormatSize(int64(len(raw))), annotate.FormatSize(int64(len(wf.br))), brTook.Round(time.Millisecond),
			annotate.FormatSize(int64(len(wf.gz))), gzTook.Round(time.Millisecond))
	}
	return wf, nil
}

// cachedVariant returns the compressed variant of raw kept in file, when it
// decompresses to raw; otherwise it compresses raw and tries to write the
// result to file (a read-only web directory only costs the time to
// compress again on the next start).
func cachedVariant(file string, raw []byte, compress func([]byte) ([]byte, error), decompress func([]byte, int) ([]byte, error)) (data []byte, cached bool, took time.Duration, err error) {
	if data, err := os.ReadFile(file); err == nil {
		if back, err := decompress(data, len(raw)); err == nil && bytes.Equal(back, raw) {
			return data, true, 0, nil
		}
	}
	start := time.Now()
	data, err = compress(raw)
	if err != nil {
		return nil, false, 0, fmt.Errorf("compressing %s: %w", file, err)
	}
	took = time.Since(start)
	_ = writeFileAtomic(file, data) // a cache: failing to write it is not an error
	return data, false, took, nil
}

func compressBrotli(raw []byte) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(len(raw) / 3)
	w := brotli.NewWriterOptions(&b, brotli.WriterOptions{Quality: brotliQuality, LGWin: brotliWindow})
	if _, err := w.Write(raw); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func compressGzip(raw []byte) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(len(raw) / 3)
	w, err := gzip.NewWriterLevel(&b, gzipLevel)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(raw); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// decompressBrotli and decompressGzip read at most limit+1 bytes, enough to
// tell whether the data decompresses to a file of size limit.
func decompressBrotli(data []byte, limit int) ([]byte, error) {
	return io.ReadAll(io.LimitReader(brotli.NewReader(bytes.NewReader(data)), int64(limit)+1))
}

func decompressGzip(data []byte, limit int) ([]byte, error) {
	r, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(io.LimitReader(r, int64(limit)+1))
}

// writeFileAtomic writes data to a dot file beside name, then renames it
// over name, so that no reader sees a half-written file.
func writeFileAtomic(name string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// ServeHTTP serves app.wasm in the best encoding the client accepts:
// brotli, then gzip, then none.
func (wf *wasmFile) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	body, etag := wf.raw, wf.etag
	switch chooseEncoding(r.Header.Values("Accept-Encoding")) {
	case "br":
		body, etag = wf.br, wf.etag[:len(wf.etag)-1]+`-br"`
		h.Set("Content-Encoding", "br")
	case "gzip":
		body, etag = wf.gz, wf.etag[:len(wf.etag)-1]+`-gz"`
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("Content-Type", "application/wasm")
	h.Add("Vary", "Accept-Encoding")
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", etag)
	// ServeContent leaves Content-Length out when Content-Encoding is set;
	// it sets it again for a range, and removes it for a 304.
	h.Set("Content-Length", strconv.Itoa(len(body)))
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// chooseEncoding picks the encoding of app.wasm for an Accept-Encoding
// header: "br" or "gzip" when acceptable (q > 0, named or through "*"),
// else "" (identity).
func chooseEncoding(values []string) string {
	weights := map[string]float64{}
	star := -1.0
	for _, v := range values {
		for part := range strings.SplitSeq(v, ",") {
			name, params, _ := strings.Cut(part, ";")
			name = strings.ToLower(strings.TrimSpace(name))
			if name == "" {
				continue
			}
			q := 1.0
			for param := range strings.SplitSeq(params, ";") {
				k, val, ok := strings.Cut(param, "=")
				if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
					f, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
					if err != nil {
						f = 0
					}
					q = f
				}
			}
			if name == "*" {
				star = q
			} else {
				weights[name] = q
			}
		}
	}
	accepts := func(enc string) bool {
		if q, ok := weights[enc]; ok {
			return q > 0
		}
		return star > 0
	}
	switch {
	case accepts("br"):
		return "br"
	case accepts("gzip"), weights["x-gzip"] > 0:
		return "gzip"
	}
	return ""
}
