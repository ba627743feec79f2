package annotate

import (
	"errors"
	"reflect"
	"testing"

	"github.com/newsannotator/annotator/internal/testcorpus"
)

// TestIndexDataRoundTrip: on every corpus page, and on text with emoji,
// combining marks, tables, line breaks and preformatted text, the index
// read back from IndexData is the very index the parse gives, and
// FromStored with it makes the same document as without.
func TestIndexDataRoundTrip(t *testing.T) {
	check := func(t *testing.T, d *Document) {
		t.Helper()
		data := d.IndexData()
		x, err := indexFromData(data, d.HTML, NewText(d.Text().String()))
		if err != nil {
			t.Fatalf("indexFromData: %v", err)
		}
		if !reflect.DeepEqual(x.nodes, d.index.nodes) || !reflect.DeepEqual(x.runs, d.index.runs) {
			t.Fatal("the index read back differs from the parsed one")
		}
		quick, err := FromStored(Stored{HTML: d.HTML, Text: d.Text().String(), TextSHA256: d.TextSHA256(), Index: data, Title: d.Title, URL: d.URL, Meta: d.Meta})
		if err != nil {
			t.Fatal(err)
		}
		if quick.ID != d.ID || quick.HTML != d.HTML || quick.TextSHA256() != d.TextSHA256() || quick.Text().String() != d.Text().String() ||
			!reflect.DeepEqual(quick.Index().nodes, d.index.nodes) {
			t.Fatal("FromStored with the index made another document")
		}
		checkIndex(t, quick)
	}
	for _, page := range testcorpus.Pages(t) {
		t.Run(page.Name, func(t *testing.T) {
			check(t, loadPage(t, page))
		})
	}
	t.Run("odd text", func(t *testing.T) {
		d, err := Load([]byte("<h1>Caf\u0065\u0301 \U0001F44B\U0001F3FD</h1><p>one  two<br>three</p><pre>  a\n   b</pre>"+
			"<table><tr><td>x</td><td>y</td></tr></table><ul><li>i<ul><li>j</li></ul></li></ul><p>\u00a0</p>"), Source{Name: "a.html"})
		if err != nil {
			t.Fatal(err)
		}
		check(t, d)
	})
}

// TestIndexDataRefused: an index of other HTML, of another text, of other
// rules, or damaged anywhere is refused, and FromStored then parses the
// HTML and still makes the right document.
func TestIndexDataRefused(t *testing.T) {
	d, err := Load([]byte("<h1>Title</h1><p>Some words, and \U0001F44B more.</p><p>A second paragraph.</p>"), Source{Name: "a.html"})
	if err != nil {
		t.Fatal(err)
	}
	text := d.Text().String()
	good := d.IndexData()
	other, err := Load([]byte("<h1>Title</h1><p>Some words, and \U0001F44B more.</p><p>A second paragraph!</p>"), Source{Name: "b.html"})
	if err != nil {
		t.Fatal(err)
	}
	bad := map[string][]byte{"other rules": append([]byte{}, good...), "another document's": other.IndexData(), "truncated": good[:len(good)-1],
		"longer": append(append([]byte{}, good...), 0)}
	bad["other rules"][1]++
	for i := 2; i < len(good); i++ {
		b := append([]byte{}, good...)
		b[i] ^= 0x41
		bad["byte "+string(rune('0'+i%10))+" flipped at "+itoa(i)] = b
	}
	for name, data := range bad {
		if _, err := indexFromData(data, d.HTML, NewText(text)); !errors.Is(err, errIndexData) {
			// A flipped bit in a length that stays consistent can only be
			// caught by the checks on runs; none may pass unnoticed.
			t.Errorf("%s: indexFromData = %v, want errIndexData", name, err)
		}
		back, err := FromStored(Stored{HTML: d.HTML, Text: text, TextSHA256: d.TextSHA256(), Index: data, Title: d.Title})
		if err != nil || !reflect.DeepEqual(back.index.runs, d.index.runs) {
			t.Errorf("%s: FromStored did not fall back to parsing: %v", name, err)
		}
	}
	if _, err := indexFromData(good, d.HTML+" ", NewText(text)); !errors.Is(err, errIndexData) {
		t.Errorf("other HTML: %v, want errIndexData", err)
	}
	// A wrong text is refused even with the right index: the index is
	// checked against it, and the parse does not give it back.
	if _, err := FromStored(Stored{HTML: d.HTML, Text: text + ".", TextSHA256: d.TextSHA256(), Index: good}); !errors.Is(err, ErrStoredText) {
		t.Errorf("another text with the index: %v, want ErrStoredText", err)
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// FuzzIndexData: no data, however damaged, makes indexFromData panic or
// accept an index whose runs fall outside the text.
func FuzzIndexData(f *testing.F) {
	d, err := Load([]byte("<h1>Title</h1><p>Some words, and \U0001F44B more.</p><pre> a\n b</pre>"), Source{Name: "a.html"})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(d.IndexData())
	text := NewText(d.Text().String())
	f.Fuzz(func(t *testing.T, data []byte) {
		x, err := indexFromData(data, d.HTML, text)
		if err != nil {
			return
		}
		for _, r := range x.runs {
			if r.cp < 0 || r.cp+r.n > text.Len() {
				t.Fatalf("run %+v outside the text", r)
			}
		}
	})
}

func BenchmarkIndexData(b *testing.B) {
	d, err := Load(testcorpus.ArticleOfSize(350_000), Source{Name: "long.html"})
	if err != nil {
		b.Fatal(err)
	}
	data := d.IndexData()
	b.ReportMetric(float64(len(data)), "index-bytes")
	b.ReportMetric(float64(len(d.HTML)), "html-bytes")
	stored := Stored{HTML: d.HTML, Text: d.Text().String(), TextSHA256: d.TextSHA256(), Title: d.Title}
	b.Run("parse", func(b *testing.B) {
		for b.Loop() {
			if _, err := FromStored(stored); err != nil {
				b.Fatal(err)
			}
		}
	})
	stored.Index = data
	b.Run("index", func(b *testing.B) {
		for b.Loop() {
			if _, err := FromStored(stored); err != nil {
				b.Fatal(err)
			}
		}
	})
}
