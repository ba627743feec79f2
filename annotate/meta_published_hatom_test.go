package annotate

import "testing"

// WordPress's themes (Twenty Sixteen, Twenty Seventeen...) write a post
// never changed since with one <time>, classed both "published" and
// "updated": it is the date published.
func TestPublishedOfWordPressPostNeverUpdated(t *testing.T) {
	page := `<html><head><title>Council votes</title></head><body><article>
<h1>Council votes</h1>
<div class="entry-meta"><span class="posted-on"><a href="/council" rel="bookmark"><time class="entry-date published updated" datetime="2024-05-01T10:00:00+00:00">1 May 2024</time></a></span></div>
<p>The council will vote again in May.</p>
</article></body></html>`
	d, err := Load([]byte(page), Source{Name: "council.html"})
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Meta.Published; got != "2024-05-01T10:00:00+00:00" {
		t.Errorf("published %q, want 2024-05-01T10:00:00+00:00 (the post's one <time>, classed published)", got)
	}
}
