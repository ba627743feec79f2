package annotate

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/newsannotator/annotator/internal/testcorpus"
)

// TestPublishedIsNotTheTimeUpdated: a page that marks its dates up only
// in <time> elements, the time it was updated first (itemprop
// "dateModified", "Last updated …", as eHow and the New York Times write
// their datelines), was said to be published then. Its published date is
// the one marked datePublished, or left out; never the update's.
func TestPublishedIsNotTheTimeUpdated(t *testing.T) {
	page := `<html><head><title>How to throw a party</title></head><body><article>
<p class="byline"><time datetime="2016-09-14T07:07:00-04:00" itemprop="dateModified">Last updated September 14, 2016</time></p>
<h1>How to throw a party</h1><p>Plan it well and it costs little.</p>
<p>Posted <time datetime="2014-05-08T07:01:00-04:00" itemprop="datePublished">8 May 2014</time>.</p>
</article></body></html>`
	d, err := Load([]byte(page), Source{Name: "party.html"})
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Meta.Published; got != "2014-05-08T07:01:00-04:00" && got != "" {
		t.Errorf("published %q: that is when the page was last updated; want 2014-05-08T07:01:00-04:00, or none", got)
	}
}

// TestPublishedOfCorpusPageUpdatedSince: eHow's page (the corpus's
// ehow-2) says "Last updated September 14, 2016" in a <time> marked
// dateModified, and was published on 05/08/2014 (its publish_date meta):
// the app said it was published on 14 September 2016.
func TestPublishedOfCorpusPageUpdatedSince(t *testing.T) {
	shared, ok := testcorpus.Shared(t)
	if !ok {
		t.Skip("no shared corpus")
	}
	src, err := os.ReadFile(filepath.Join(shared, "readability", "ehow-2", "source.html"))
	if err != nil {
		t.Skip(err)
	}
	d, err := Load(src, Source{Name: "source.html"})
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Meta.Published; got == "2016-09-14T07:07:00-04:00" {
		t.Errorf("published %q: the time the page says it was last updated", got)
	}
}
