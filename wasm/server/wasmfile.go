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

// Compression settings for app.wasm. Brotli quality 11 makes the 13.3 MB
// app.wasm 2.56 MB, against 2.97 MB at quality 9, but takes about 70 s on
// one core here (quality 9: 3 s): so the server starts at once with
// quality 9, and BestCompression makes quality 11 once per build, in the
// background for `annotator serve`, before writing for `annotator build`,
// and caches it beside app.wasm (bestBrotliSuffix). A larger window (2^24)
// saves another 0.5% for 10% more time. Gzip, only for clients without
// brotli, runs at the same time as quality 9; level 9 would save 0.6% for
// three times the work.
const (
	brotliQuality     = 11
	fastBrotliQuality = 9
	brotliWindow      = 22
	gzipLevel         = gzip.DefaultCompression
	// bestBrotliSuffix and fastBrotliSuffix name the caches of the
	// quality-11 and quality-9 variants beside app.wasm: app.wasm.br11
	// and app.wasm.br9. (app.wasm.br, which earlier versions cached, is
	// not read.)
	bestBrotliSuffix = ".br11"
	fastBrotliSuffix = ".br9"
)

// wasmFile is the built app.wasm with its brotli and gzip variants, kept in
// memory and served by content negotiation.
type wasmFile struct {
	raw, gz []byte
	sum     [sha256.Size]byte // of raw
	etag    string            // base ETag; the variants add -br9, -br11 and -gz
	cached  bool              // both variants came from the files beside app.wasm (brotli at either quality)
	took    time.Duration     // time spent compressing (0 when cached)
	path    string            // of app.wasm

	mu        sync.Mutex // guards br and brQuality, which BestCompression replaces
	br        []byte
	brQuality int
	best      sync.Once // BestCompression's work
}

// loadWasm reads webDir/app.wasm and its compressed variants. The variants
// are cached beside it as app.wasm.br and app.wasm.gz; a cached file is used
// only when it decompresses to exactly app.wasm (so a new build is never
// served with stale variants), otherwise it is made again and rewritten.
func loadWasm(webDir string, log io.Writer) (*wasmFile, error) {
	if _, err := os.Stat(webDir); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("the web directory %s does not exist: give -web the directory that holds the built app.wasm", webDir)
	}
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
	wf := &wasmFile{raw: raw, sum: sha256.Sum256(raw), path: p}
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
		// The quality-11 variant when a build made it, else quality 9
		// (cached too: every test server of a run starts on one build).
		wf.br, brOK, brTook, brErr = cachedVariant(p+bestBrotliSuffix, raw, nil, decompressBrotli)
		wf.brQuality = brotliQuality
		if !brOK && brErr == nil {
			wf.brQuality = fastBrotliQuality
			wf.br, brOK, brTook, brErr = cachedVariant(p+fastBrotliSuffix, raw, func(raw []byte) ([]byte, error) {
				return compressBrotli(raw, fastBrotliQuality)
			}, decompressBrotli)
		}
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
		fmt.Fprintf(log, "annotator: compressed %s (%s): brotli (quality %d) %s in %v, gzip %s in %v\n",
			p, annotate.FormatSize(int64(len(raw))), wf.brQuality, annotate.FormatSize(int64(len(wf.br))), brTook.Round(time.Millisecond),
			annotate.FormatSize(int64(len(wf.gz))), gzTook.Round(time.Millisecond))
	}
	return wf, nil
}

// brotli returns the brotli variant served now, and its quality.
func (wf *wasmFile) brotli() ([]byte, int) {
	wf.mu.Lock()
	defer wf.mu.Unlock()
	return wf.br, wf.brQuality
}

// bestCompression makes the quality-11 variant, unless it is there,
// serves it from then on and caches it beside app.wasm; a second call
// waits for the first. It reports the size and time to log.
func (wf *wasmFile) bestCompression(log io.Writer) error {
	var err error
	wf.best.Do(func() {
		if _, q := wf.brotli(); q == brotliQuality {
			return
		}
		start := time.Now()
		var br []byte
		if br, err = compressBrotli(wf.raw, brotliQuality); err != nil {
			err = fmt.Errorf("compressing %s: %w", wf.path, err)
			return
		}
		wf.mu.Lock()
		wf.br, wf.brQuality = br, brotliQuality
		wf.mu.Unlock()
		_ = writeFileAtomic(wf.path+bestBrotliSuffix, br) // a cache: failing to write it is not an error
		fmt.Fprintf(log, "annotator: compressed %s with brotli quality %d: %s in %v, served from now on\n",
			wf.path, brotliQuality, annotate.FormatSize(int64(len(br))), time.Since(start).Round(time.Second))
	})
	return err
}

// cachedVariant returns the compressed variant of raw kept in file, when it
// decompresses to raw; otherwise it compresses raw and tries to write the
// result to file (a read-only web directory only costs the time to
// compress again on the next start). With compress nil it only reads: no
// data, and cached false, when file does not fit.
func cachedVariant(file string, raw []byte, compress func([]byte) ([]byte, error), decompress func([]byte, int) ([]byte, error)) (data []byte, cached bool, took time.Duration, err error) {
	if data, err := os.ReadFile(file); err == nil {
		if back, err := decompress(data, len(raw)); err == nil && bytes.Equal(back, raw) {
			return data, true, 0, nil
		}
	}
	if compress == nil {
		return nil, false, 0, nil
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

func compressBrotli(raw []byte, quality int) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(len(raw) / 3)
	w := brotli.NewWriterOptions(&b, brotli.WriterOptions{Quality: quality, LGWin: brotliWindow})
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
		var q int
		body, q = wf.brotli()
		etag = wf.etag[:len(wf.etag)-1] + "-br" + strconv.Itoa(q) + `"`
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
