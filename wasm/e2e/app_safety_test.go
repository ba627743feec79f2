//go:build !wasm

package e2e

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/internal/testcorpus"
)

// TestAppXSSPayloads pastes every payload of DOMPurify's test fixtures into
// the running app, as an annotator would paste a page, and checks that
// nothing runs: no dialog opens, no Content-Security-Policy violation is
// reported (the page would have tried to run or load something), no
// request leaves the app's origin, and the article holds nothing that
// could run or fetch.
func TestAppXSSPayloads(t *testing.T) {
	cases := testcorpus.XSSPayloads(t)
	b, srv := openApp(t)
	// One script in the page pastes a payload and waits until the app has
	// opened it or refused it, then reports what the article holds.
	const pasteAndInspect = `(async (payload) => {
		const done = () => performance.getEntriesByName("annotator:opened").length + performance.getEntriesByName("annotator:open-failed").length;
		const before = done();
		const dt = new DataTransfer();
		dt.setData("text/html", payload);
		document.dispatchEvent(new ClipboardEvent("paste", {clipboardData: dt, bubbles: true, cancelable: true}));
		for (let i = 0; i < 500 && done() === before; i++) await new Promise(r => setTimeout(r, 10));
		if (done() === before) return "the app did not answer";
		const bad = [];
		for (const el of document.querySelectorAll("article.doc, article.doc *")) {
			const tag = el.tagName.toLowerCase();
			if (["script", "iframe", "frame", "object", "embed", "form", "img", "svg", "math", "style", "link", "meta", "base", "video", "audio", "source", "input", "button", "textarea", "select"].includes(tag)) bad.push("<" + tag + ">");
			for (const a of el.attributes) {
				const v = a.value.trim().toLowerCase();
				if (a.name.startsWith("on") || ["src", "srcset", "style", "action", "formaction", "background", "poster", "data", "xlink:href"].includes(a.name)) bad.push(tag + "[" + a.name + "]");
				if (a.name === "href" && !/^(https?:|mailto:)/.test(v)) bad.push(tag + "[href=" + v + "]");
			}
		}
		return bad.join(" ");
	})`
	opened := 0
	for i, c := range cases {
		got := evalJS[string](t, b, pasteAndInspect+"("+jsString(c.Payload)+")")
		if got != "" {
			t.Errorf("payload %d %q: %s", i, abbreviate(c.Payload, 120), got)
		}
		if strings.HasPrefix(text(t, b, "#notice"), "Opened") {
			opened++
		}
	}
	b.flushConsole()
	if d := b.jsDialogs(); len(d) > 0 {
		t.Errorf("%d dialogs opened, the first: %+v", len(d), d[0])
	}
	for _, m := range b.consoleMessages() {
		if m.Type == "error" || m.Source == "security" || strings.Contains(m.Text, "Content Security Policy") {
			t.Errorf("console: [%s %s] %s", m.Type, m.Source, m.Text)
		}
	}
	if off := b.offOrigin(srv.URL); len(off) > 0 {
		t.Errorf("requests left the app's origin: %v", off)
	}
	// Most payloads carry some text and open; the rest are refused as empty.
	if opened < len(cases)/2 {
		t.Errorf("only %d of %d payloads opened as articles", opened, len(cases))
	}
	t.Logf("%d payloads pasted, %d opened as articles, the rest refused as holding no text", len(cases), opened)
}

// TestAppCorpusSpans opens pages of the Readability corpus in the app,
// selects random spans in the browser, tags them, and checks that the
// export cuts out the characters the browser selected.
func TestAppCorpusSpans(t *testing.T) {
	pages := []string{"001", "bbc-1", "wikipedia", "qq", "mathjax", "hukumusume", "table-style-attributes", "yahoo-2"}
	b, _ := openApp(t)
	rng := rand.New(rand.NewSource(11))
	for _, name := range pages {
		path := testcorpus.PageNamed(t, name).Source()
		if _, err := os.Stat(path); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// Each page opens from a file named after it.
		page := filepath.Join(t.TempDir(), name+".html")
		data, _ := os.ReadFile(path)
		if err := os.WriteFile(page, data, 0o644); err != nil {
			t.Fatal(err)
		}
		openFile(t, b, page)
		// The previous page's annotations were exported, so it opens at once.
		if notice := text(t, b, "#notice"); !strings.HasPrefix(notice, "Opened") {
			t.Fatalf("%s: the app says %q", name, notice)
		}

		// Pick spans inside single text nodes, away from white space edges,
		// select them with DOM ranges and tag them as claims.
		want := map[string]bool{}
		for k := 0; k < 5; k++ {
			picked := evalJS[string](t, b, fmt.Sprintf(`(() => {
				const root = document.querySelector("article.doc");
				const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
				const nodes = [];
				for (let n = w.nextNode(); n; n = w.nextNode()) if (n.data.trim().length > 20) nodes.push(n);
				if (!nodes.length) return "";
				const n = nodes[%d %% nodes.length];
				const t = n.data;
				let s = %d %% (t.length - 10), e = Math.min(t.length, s + 5 + %d %% 40);
				while (s < e && /\s/.test(t[s])) s++;
				while (e > s && /\s/.test(t[e-1])) e--;
				if (e - s < 2) return "";
				// Keep surrogate pairs whole.
				if (s > 0 && /[\uDC00-\uDFFF]/.test(t[s])) s--;
				if (e < t.length && /[\uDC00-\uDFFF]/.test(t[e])) e++;
				const r = document.createRange();
				r.setStart(n, s); r.setEnd(n, e);
				getSelection().removeAllRanges(); getSelection().addRange(r);
				return r.toString();
			})()`, rng.Intn(1<<20), rng.Intn(1<<20), rng.Intn(1<<20)))
			if picked == "" {
				continue
			}
			before := entryCount(t, b)
			press(t, b, "c")
			waitFor(t, b, fmt.Sprintf(`document.querySelectorAll("#entries > li").length > %d || document.querySelector("#notice-alert").textContent !== ""`, before))
			if entryCount(t, b) > before {
				want[strings.Join(strings.Fields(picked), " ")] = true
			}
		}
		if len(want) == 0 {
			t.Errorf("%s: no span could be tagged", name)
			continue
		}
		f := downloadExport(t, b)
		checkOffsets(t, f)
		for _, a := range f.Annotations {
			got := strings.Join(strings.Fields(a.Exact), " ")
			if !want[got] {
				t.Errorf("%s: exported %q, which the browser did not select (selected %v)", name, a.Exact, keys(want))
			}
		}
		if len(f.Annotations) != len(want) {
			t.Errorf("%s: %d annotations exported, %d spans tagged", name, len(f.Annotations), len(want))
		}
		// The text the export carries is the canonical text of the page.
		d, err := annotate.Load(data, annotate.Source{Name: name + ".html"})
		if err != nil {
			t.Fatal(err)
		}
		if f.Document.Text != d.Text().String() {
			t.Errorf("%s: the app's canonical text differs from the native one", name)
		}
	}
	b.expectNoConsoleErrors()
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
