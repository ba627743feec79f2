// Copyright 2026 The annotator's authors. Use of this source code is
// governed by the BSD-style licence of this package (LICENSE).

package html

// The patch's own test (third_party/README.md): skipTo and ownBytes leave
// every token, its raw bytes and the final error as they were. A maximum
// buffer size turns skipTo off, so a tokenizer with a limit larger than
// any input reads byte by byte, as upstream's did; ownBytes must leave a
// tag's bytes in the buffer as read, so its Raw is the same before and
// after Token.

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// tokenTrace tokenizes r and returns each token's type, raw bytes and
// Token, then the error that ended it.
func tokenTrace(t testing.TB, r io.Reader, byteByByte bool) []string {
	z := NewTokenizer(r)
	if byteByByte {
		z.SetMaxBuf(1 << 40)
	}
	var out []string
	for {
		tt := z.Next()
		if tt == ErrorToken {
			return append(out, "error: "+z.Err().Error())
		}
		raw := string(z.Raw())
		tok := z.Token()
		// Text is unescaped in the buffer, as upstream always did; a
		// tag's name, keys and values are copied before they change.
		if after := string(z.Raw()); after != raw && tt != TextToken && tt != CommentToken && tt != DoctypeToken {
			t.Fatalf("Token changed the raw bytes of %q to %q", raw, after)
		}
		out = append(out, fmt.Sprintf("%v %q %q", tt, raw, tok.String()))
	}
}

// chunkReader hands out at most n bytes a read, so that tokens cross the
// buffer's refills.
type chunkReader struct {
	s string
	n int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if c.s == "" {
		return 0, io.EOF
	}
	k := min(len(p), c.n, len(c.s))
	copy(p, c.s[:k])
	c.s = c.s[k:]
	return k, nil
}

var skipSeeds = []string{
	"",
	"plain text with no tag at all",
	"<p>Some <b>bold</b> text &amp; more</p>",
	`<A HREF="/x?a=1&amp;b=2" Title='one &quot;two&quot;' data-x=unquoted>Link</A>`,
	"<script>if (a < b && c > d) { x = '</scr' + 'ipt>'; }</script><p>after</p>",
	"<script><!-- document.write('<script>x</script>'); --></script>done",
	"<style>p > a { color: red }</style><textarea>a < b &amp; c</textarea><title>T &lt; U</title>",
	"<p class=\"a\r\nb\">line\r\nline\rline\x00nul</p>",
	"<di\x00v at\x00tr=\"v\x00al\">x</di\x00v>",
	"<!-- a comment with < and > --><!DOCTYPE html><?xml x?>",
	"<p>unterminated \"<a href=\"never closed",
	"<plaintext><b>all text</b> from here",
	"<xmp>raw <b>text</b></xmp><iframe><p></iframe><noembed>x</noembed>",
	"a < b, c <= d, e <3 f </ g </> h",
}

func TestSkipToLeavesTokensAsReadByteDid(t *testing.T) {
	for _, s := range skipSeeds {
		checkSkip(t, s)
	}
}

func FuzzSkipTo(f *testing.F) {
	for _, s := range skipSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkSkip(t, s) })
}

func checkSkip(t *testing.T, s string) {
	t.Helper()
	want := tokenTrace(t, strings.NewReader(s), true)
	readers := map[string]func() io.Reader{
		"whole":     func() io.Reader { return strings.NewReader(s) },
		"one byte":  func() io.Reader { return iotest.OneByteReader(strings.NewReader(s)) },
		"half":      func() io.Reader { return iotest.HalfReader(strings.NewReader(s)) },
		"7 a read":  func() io.Reader { return &chunkReader{s, 7} },
		"1 KB read": func() io.Reader { return &chunkReader{s, 1024} },
	}
	for name, r := range readers {
		got := tokenTrace(t, r(), false)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("%q read %s: tokens differ from reading byte by byte:\ngot  %q\nwant %q", s, name, got, want)
		}
	}
}
