package annotate

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/internal/testcorpus"
	"golang.org/x/net/html"
)

// checkKeptAgrees fails when content is taken as it is, as ownDocument
// takes it (keptRoot's tree, rendering as the content in its root), but
// the article policy would change it: the sanitised content, parsed and
// finished, must be stable and render as keptRoot's tree does. It reports
// whether the content was taken.
func checkKeptAgrees(t *testing.T, what, content string) bool {
	t.Helper()
	kept, _ := keptRoot(content)
	if kept == nil || !rendersAs([]*html.Node{kept}, `<article class="`+RootClass+`">`+content+`</article>`) {
		return false
	}
	var got strings.Builder
	if err := html.Render(&got, kept); err != nil {
		t.Fatal(err)
	}
	root, _, stable, err := sanitizeContent(content)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	var want strings.Builder
	if err := html.Render(&want, root); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() || !stable {
		t.Errorf("%s: taken as it is, but the policy changes it (stable %v):\n%s", what, stable, firstDifference(got.String(), want.String()))
	}
	return true
}

// TestKeptAsIsAgreesWithPolicy checks keptAsIs against bluemonday: the
// elements dropped without attributes, small cases taken and declined,
// and every XSS vector, as content.
func TestKeptAsIsAgreesWithPolicy(t *testing.T) {
	for _, e := range AllowedElements {
		in := "<" + e + ">x</" + e + ">"
		dropped := articlePolicy().Sanitize(in) == "x"
		if dropped != slices.Contains(droppedWithoutAttributes, e) {
			t.Errorf("<%s> with no attribute: dropped by the policy %v, in droppedWithoutAttributes %v", e, dropped, !dropped)
		}
	}
	for _, c := range []struct {
		content string
		take    bool
	}{
		{`<p>Plain <em>text</em> &amp; <b>more</b>.</p>`, true},
		{`<p lang="en-GB" dir="rtl">x</p>`, true},
		{`<a href="https://example.com/a?b=c&amp;d=e#f" rel="` + LinkRel + `" target="_blank">x</a>`, true},
		{`<a href="https://example.com/a" target="_blank" rel="` + LinkRel + `">x</a>`, false},
		{`<a href="https://example.com/" rel="x">x</a>`, false},
		{`<a href="mailto:a@example.com" rel="` + LinkRel + `" target="_blank">x</a>`, true},
		{`<a href="mailto:a@example.com">x</a>`, false},
		{`<a lang="fr">x</a>`, true},
		{`<p>x<p>y`, false},
		{`<bdo dir="rtl">x</bdo>`, true},
		{`<span class="img-alt">A dog</span><abbr title="North Atlantic (Treaty)">NATO</abbr>`, true},
		{`<table><tbody><tr><th scope="col" colspan="2">x</th></tr></tbody></table>`, true},
		{`<ol start="3"><li value="4">x</li></ol><time datetime="2024-01-02T03:04:05Z">then</time>`, true},
		{`<p>x<br/>y</p><hr/>`, true},
		{`<a>x</a>`, false},
		{`<main>x</main>`, false},
		{`<a href="javascript:alert(1)">x</a>`, false},
		{`<a href="HTTPS://example.com/">x</a>`, false},
		{`<a href=" https://example.com/">x</a>`, false},
		{`<a href="/relative">x</a>`, false},
		{`<a rel="x">x</a>`, false},
		{`<a lang="fr" target="_self">x</a>`, false},
		{`<p onclick="x()">x</p>`, false},
		{`<p class="x">x</p>`, false},
		{`<span class="img-alt x">x</span>`, false},
		{`<p lang="en_GB">x</p>`, false},
		{`<table><tbody><tr><td colspan="-1">x</td></tr></tbody></table>`, false},
		{`<td>x</td>`, false},
		{`<abbr title="a<b">x</abbr>`, false},
		{`<p><!-- a comment -->x</p>`, false},
		{`<svg><p>x</p></svg>`, false},
		{`<math><mi>x</mi></math>`, false},
		{`<img src="x" alt="y"/>`, false},
		{`<script>x()</script>`, false},
		{`<p style="color:red">x</p>`, false},
		{`<form><p>x</p></form>`, false},
	} {
		if got := checkKeptAgrees(t, c.content, c.content); got != c.take {
			t.Errorf("%s: taken as it is %v, want %v", c.content, got, c.take)
		}
	}
	for _, c := range testcorpus.XSSPayloads(t) {
		checkKeptAgrees(t, "payload "+c.Payload[:min(len(c.Payload), 40)], c.Payload)
	}
}

// FuzzKeptAsIs checks that whatever keptAsIs takes as it is, the policy
// gives back the same tree.
func FuzzKeptAsIs(f *testing.F) {
	for _, s := range []string{
		`<p>Plain <em>text</em> &amp; <b>more</b>.</p>`,
		`<a href="https://example.com/a?b=c&amp;d=e#f" rel="noopener noreferrer nofollow" target="_blank">x</a>`,
		`<a href="mailto:a@example.com" lang="fr">x</a><bdo dir="rtl">y</bdo>`,
		`<span class="img-alt">A dog</span><abbr title="North Atlantic (Treaty)">NATO</abbr>`,
		`<table><tbody><tr><th scope="col" colspan="2">x</th></tr></tbody></table>`,
		`<ol start="3"><li value="4">x</li></ol><time datetime="2024-01-02T03:04:05Z">then</time>`,
		`<a href="http://[::1]:80/%7Ex?q=%zz" rel="noopener noreferrer nofollow" target="_blank">x</a>`,
		`<pre>` + "\n\nx" + `</pre><p>x<br/>y</p>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, content string) {
		checkKeptAgrees(t, "fuzz", content)
	})
}
