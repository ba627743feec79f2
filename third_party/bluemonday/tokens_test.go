package bluemonday

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// tokensOf returns a SanitizeTokens source of s's tokens, as the
// tokenizer reads them.
func tokensOf(s string) func() (html.Token, error) {
	z := html.NewTokenizer(strings.NewReader(s))
	return func() (html.Token, error) {
		if z.Next() == html.ErrorToken {
			return html.Token{}, z.Err()
		}
		return z.Token(), nil
	}
}

// checkTokens compares SanitizeTokens on s's tokens with Sanitize on s
// (patched, third_party/README.md: Sanitize reads its string's tokens
// through the same loop).
func checkTokens(t *testing.T, s string) {
	t.Helper()
	if strings.TrimSpace(s) == "" {
		// Sanitize returns white space alone as it is, carriage returns
		// and all, where the tokenizer reads "\r" as "\n".
		want := strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
		if got := UGCPolicy().SanitizeTokens(tokensOf(s)); got != want {
			t.Errorf("%q: SanitizeTokens gave %q, want %q", s, got, want)
		}
		return
	}
	for name, p := range map[string]*Policy{"UGC": UGCPolicy(), "strict": StrictPolicy(), "unsafe": NewPolicy().AllowUnsafe(true).AllowElements("script", "style", "p")} {
		if got, want := p.SanitizeTokens(tokensOf(s)), p.Sanitize(s); got != want {
			t.Errorf("%s policy, %q: SanitizeTokens gave %q, Sanitize %q", name, s, got, want)
		}
	}
}

func TestSanitizeTokens(t *testing.T) {
	for _, s := range []string{
		`<p>Hello <b onclick="x()">world</b><script>alert(1)</script></p>`,
		`<a href="javascript:alert(1)">x</a><a href="https://example.com/?a=1&amp;b=2">y</a>`,
		`<img src="x" onerror="alert(1)"/><br/><style>p{}</style><!-- c -->`,
		`<div style="color:red" data-x="1"><iframe src="x"></iframe>text &lt; &amp;</div>`,
		"   \t\r\n",
		"\r",
		"",
	} {
		checkTokens(t, s)
	}
}

func FuzzSanitizeTokens(f *testing.F) {
	f.Add(`<p>Hello <b onclick="x()">world</b><script>alert(1)</script></p>`)
	f.Add(`<a href="javascript:alert(1)">x</a><img src=x onerror=y>`)
	f.Fuzz(checkTokens)
}

// checkWriteToken compares writeToken with Token.String on every token of
// s, and on a tag whose attribute values are s.
func checkWriteToken(t *testing.T, s string) {
	t.Helper()
	next := tokensOf(s)
	tokens := []html.Token{
		{Type: html.StartTagToken, Data: "a", Attr: []html.Attribute{{Key: "href", Val: s}, {Key: "title", Val: s + "&\r"}}},
		{Type: html.SelfClosingTagToken, Data: "br", Attr: []html.Attribute{{Key: "x", Val: s}}},
		{Type: html.EndTagToken, Data: "a"},
		{Type: html.TextToken, Data: s},
	}
	for {
		tok, err := next()
		if err != nil {
			break
		}
		tokens = append(tokens, tok)
	}
	for _, tok := range tokens {
		var b bytes.Buffer
		if err := writeToken(&b, tok); err != nil {
			t.Fatal(err)
		}
		if got, want := b.String(), tok.String(); got != want {
			t.Fatalf("writeToken(%#v) = %q, String gives %q", tok, got, want)
		}
	}
}

func TestWriteToken(t *testing.T) {
	for _, s := range []string{
		`<p class="a&amp;b" title='x"y'>Hello &lt;world&gt; & "q" 'a'` + "\r\n</p><br/><!-- c --><!DOCTYPE html>",
		"", "plain", "&'<>\"\r",
	} {
		checkWriteToken(t, s)
	}
}

func FuzzWriteToken(f *testing.F) {
	f.Add(`<p class="a&amp;b">Hello &lt;world&gt; & "q"</p><br/>`)
	f.Fuzz(checkWriteToken)
}
