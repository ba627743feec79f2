// Patched (third_party/README.md): a carriage return written as a
// character reference at the start of a <pre>, a <listing> or a
// <textarea> is kept, as Chromium keeps it; the line feed that the
// standard drops there, raw or after a raw CR, is still dropped.

package html

import (
	"strings"
	"testing"
)

func TestLeadingCarriageReturnReference(t *testing.T) {
	for _, c := range []struct{ in, tag, want string }{
		{"<pre>&#13;x</pre>", "pre", "\rx"},
		{"<pre>&#13;\nx</pre>", "pre", "\r\nx"},
		{"<pre>\n&#13;x</pre>", "pre", "\rx"},
		{"<pre>\r\nx</pre>", "pre", "x"},
		{"<pre>\rx</pre>", "pre", "x"},
		{"<pre>\nx</pre>", "pre", "x"},
		{"<listing>&#13;x</listing>", "listing", "\rx"},
		{"<textarea>&#13;x</textarea>", "textarea", "\rx"},
		{"<textarea>\r\nx</textarea>", "textarea", "x"},
	} {
		doc, err := Parse(strings.NewReader(c.in))
		if err != nil {
			t.Fatal(err)
		}
		var find func(*Node) *Node
		find = func(n *Node) *Node {
			if n.Type == ElementNode && n.Data == c.tag {
				return n
			}
			for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
				if f := find(ch); f != nil {
					return f
				}
			}
			return nil
		}
		n := find(doc)
		if n == nil || n.FirstChild == nil || n.FirstChild.Data != c.want {
			got := "(none)"
			if n != nil && n.FirstChild != nil {
				got = n.FirstChild.Data
			}
			t.Errorf("%q: the %s holds %q, want %q", c.in, c.tag, got, c.want)
		}
	}
}
