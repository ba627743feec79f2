package annotate

// A tree that the parser made from a string that is its own rendering
// parses back to itself: the browser, given the rendering, builds the very
// tree that was indexed, and the rendering need not be parsed again to
// find out.
//
// Most trees are such fixed points, but not all. The HTML parser mends
// tag soup (misnested formatting elements, content foster-parented out of
// tables, lists and headings closed by others) into trees that its own
// rendering does not give back: x/net/html renders the tree of
// "<dd><table><dt>" as "<dd><dt></dt><table></table></dd>", which parses as
// two siblings. Such a tree must be rendered and parsed again, and the
// tree that comes back is the one the browser will show.

import (
	"errors"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// rendersAs reports whether nodes, rendered one after the other, are
// exactly s. It stops at the first byte that differs and allocates
// nothing for the rendering.
func rendersAs(nodes []*html.Node, s string) bool {
	w := &compareWriter{want: s}
	for _, n := range nodes {
		if err := html.Render(w, n); err != nil {
			return false
		}
	}
	return w.n == len(s)
}

// errDiffers stops a rendering that has already left the string it is
// compared with.
var errDiffers = errors.New("the rendering differs")

// compareWriter compares what is written to it with want, from the start.
type compareWriter struct {
	want string
	n    int // bytes matched so far
}

func (w *compareWriter) WriteString(s string) (int, error) {
	if !strings.HasPrefix(w.want[w.n:], s) {
		return 0, errDiffers
	}
	w.n += len(s)
	return len(s), nil
}

func (w *compareWriter) Write(p []byte) (int, error) {
	if len(p) > len(w.want)-w.n || w.want[w.n:w.n+len(p)] != string(p) {
		return 0, errDiffers
	}
	w.n += len(p)
	return len(p), nil
}

func (w *compareWriter) WriteByte(c byte) error {
	if w.n >= len(w.want) || w.want[w.n] != c {
		return errDiffers
	}
	w.n++
	return nil
}

// parseInBody parses s as the browser parses an article's HTML put in the
// page: as the children of a <body>.
func parseInBody(s string) ([]*html.Node, error) {
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	return html.ParseFragment(strings.NewReader(s), body)
}
