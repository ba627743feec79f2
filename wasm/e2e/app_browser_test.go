//go:build !wasm

package e2e

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/newsannotator/annotator/internal/testcorpus"
	"github.com/newsannotator/annotator/internal/testweb"
	"github.com/newsannotator/annotator/wasm/server"
)

// This file starts the real app for end-to-end tests: app.wasm built from
// this tree, served by the real handler, driven in headless Chromium.

var (
	appBuildOnce sync.Once
	appWebDir    string
	appBuildErr  error
)

// builtWebDir builds app.wasm once per test run into a temporary copy of
// web/, and returns that directory.
func builtWebDir(t testing.TB) string {
	t.Helper()
	appBuildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "annotator-web-")
		if err != nil {
			appBuildErr = err
			return
		}
		root := testcorpus.Root(t)
		if err := sameTree(root); err != nil {
			appBuildErr = err
			return
		}
		if err := testweb.CopyAssets(root, dir); err != nil {
			appBuildErr = err
			return
		}
		start := time.Now()
		ldflags := "-ldflags=-s -w"
		if os.Getenv("ANNOTATOR_WASM_SYMBOLS") != "" {
			ldflags = "-ldflags=" // keep the name section, for Chromium's profiler
		}
		cmd := exec.Command("go", "build", "-trimpath", ldflags, "-o", filepath.Join(dir, "app.wasm"), "./wasm")
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		if out, err := cmd.CombinedOutput(); err != nil {
			appBuildErr = fmt.Errorf("building app.wasm: %v\n%s", err, out)
			return
		}
		appWebDir = dir
		fmt.Fprintf(os.Stderr, "built app.wasm for the browser tests in %v\n", time.Since(start).Round(time.Millisecond))
	})
	if appBuildErr != nil {
		t.Fatal(appBuildErr)
	}
	return appWebDir
}

// sameTree returns an error when root, the tree app.wasm is built from
// (the working directory's), is not the tree this test binary was built
// from. A binary built from another checkout, to compare it with this one,
// and run here, would build this checkout's app and compare it with
// itself. A binary built with -trimpath does not know its tree: no check.
func sameTree(root string) error {
	_, file, _, ok := runtime.Caller(0)
	if !ok || !filepath.IsAbs(file) {
		return nil
	}
	own, err := filepath.Abs(filepath.Join(filepath.Dir(file), "..", ".."))
	if err != nil {
		return nil
	}
	if a, err := filepath.EvalSymlinks(own); err == nil {
		own = a
	}
	if b, err := filepath.EvalSymlinks(root); err == nil {
		root = b
	}
	if a, b := filepath.Clean(own), filepath.Clean(root); a != b {
		return fmt.Errorf("this test binary was built from %s but runs in %s, whose app.wasm it would build: run it in %s", a, b, filepath.Join(a, "wasm", "e2e"))
	}
	return nil
}

// TestMain removes the built apps after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if appWebDir != "" {
		os.RemoveAll(appWebDir)
	}
	for _, dir := range bareDirs {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

// appServer serves the built app on a loopback address.
func appServer(t testing.TB) *httptest.Server {
	t.Helper()
	h, err := server.NewHandler(builtWebDir(t))
	if err != nil {
		t.Fatal(err)
	}
	return serveHandler(t, h)
}

// openApp starts a browser on the app and waits until the sample article
// is on the page, with the highlight helper loaded.
func openApp(t testing.TB) (*browser, *httptest.Server) {
	t.Helper()
	srv := appServer(t)
	b := newBrowser(t)
	b.run(chromedp.Navigate(srv.URL + "/"))
	waitFor(t, b, `document.querySelector("article.doc") !== null && !!window.annotator && document.querySelector("#doc-title") !== null`)
	return b, srv
}

// waitFor polls a JavaScript condition until it is true, failing the test
// after browserTimeout with the condition and the app's message line.
func waitFor(t testing.TB, b *browser, cond string) {
	t.Helper()
	deadline := time.Now().Add(browserTimeout)
	for {
		ok, err := tryEvalJS[bool](b, "!!("+cond+")")
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			notice, _ := tryEvalJS[string](b, `(document.querySelector("#notice")||{}).textContent||""`)
			t.Fatalf("waited %v for %s (error %v); the app says %q", browserTimeout, cond, err, notice)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// selectPhrase selects the nth occurrence (from 0) of phrase in the
// article with a real DOM range, as a mouse would.
func selectPhrase(t testing.TB, b *browser, phrase string, nth int) {
	t.Helper()
	ok := evalJS[bool](t, b, fmt.Sprintf(`(() => {
		const root = document.querySelector("article.doc");
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		let seen = 0;
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			for (let i = n.data.indexOf(%[1]s); i >= 0; i = n.data.indexOf(%[1]s, i + 1)) {
				if (seen++ < %[2]d) continue;
				const r = document.createRange();
				r.setStart(n, i);
				r.setEnd(n, i + %[1]s.length);
				const s = getSelection();
				s.removeAllRanges();
				s.addRange(r);
				return true;
			}
		}
		return false;
	})()`, jsString(phrase), nth))
	if !ok {
		t.Fatalf("the article has no occurrence %d of %q in one text node", nth, phrase)
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string { return jsCall("", s)[1 : len(jsCall("", s))-1] }

// press sends a key press to the page, as the keyboard would.
//
// It presses as a keyboard does: the key down carries its character, so
// that the browser makes the keypress itself and, as for a real key, makes
// none when the key down is prevented. chromedp.KeyEvent sends the
// character as an event of its own, which reaches whatever took the focus
// in between, prevented or not: an Enter that moved the focus to a
// <select> then opened it, and the Tab after it went to its popup.
func press(t testing.TB, b *browser, key string, modifiers ...chromedp.KeyOption) {
	t.Helper()
	b.runIn(t, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		for _, r := range key {
			evs := kb.Encode(r)
			for i := 0; i < len(evs); i++ {
				k := evs[i]
				for _, o := range modifiers {
					o(k)
				}
				if k.Type == kb.KeyDown && i+1 < len(evs) && evs[i+1].Type == kb.KeyChar {
					c := evs[i+1]
					i++
					// A character with Ctrl, Alt or Meta is no character
					// (chromedp sends none either).
					if k.Modifiers&^int64(kb.ModifierShift) == 0 {
						k.Text, k.UnmodifiedText = c.Text, c.UnmodifiedText
					}
				}
				if _, err := chromedp.Call(ctx, input.DispatchKeyEvent, *k); err != nil {
					return err
				}
			}
		}
		return nil
	}))
}

// text returns the text content of the first element matching selector.
func text(t testing.TB, b *browser, selector string) string {
	t.Helper()
	return evalJS[string](t, b, fmt.Sprintf(`(document.querySelector(%s)||{}).textContent||""`, jsString(selector)))
}

// entryCount returns the number of annotations the sidebar lists.
func entryCount(t testing.TB, b *browser) int {
	t.Helper()
	return evalJS[int](t, b, `document.querySelectorAll("#entries > li").length`)
}

// tagPhrase selects the first occurrence of phrase, presses key, and waits
// until the sidebar lists one more annotation.
func tagPhrase(t testing.TB, b *browser, phrase, key string) {
	t.Helper()
	n := entryCount(t, b)
	selectPhrase(t, b, phrase, 0)
	press(t, b, key)
	waitFor(t, b, fmt.Sprintf(`document.querySelectorAll("#entries > li").length > %d`, n))
}

// typeInField types text into the selected annotation's field id as a
// person does: once the field shows, and once it has the focus, key by
// key; it returns when the field holds what was typed. A focus asked for
// before the field shows does nothing, and the keys then go to the article.
func typeInField(t testing.TB, b *browser, id, text string) {
	t.Helper()
	field := focusField(t, b, id)
	b.run(chromedp.KeyEvent(text))
	waitFor(t, b, fmt.Sprintf("%s.value.includes(%q)", field, text))
}

// focusField focuses field id of the selected annotation's panel once it
// shows, waits until it has the focus, and returns the JavaScript that
// finds it.
func focusField(t testing.TB, b *browser, id string) string {
	t.Helper()
	field := fmt.Sprintf("document.getElementById(%q)", id)
	waitFor(t, b, fmt.Sprintf(`(() => { const el = %s; return el !== null && !el.closest("label").hidden && !el.closest("#selected").hidden; })()`, field))
	b.run(chromedp.Focus(chromedp.ID(id)))
	waitFor(t, b, fmt.Sprintf("document.activeElement === %s", field))
	return field
}

// grantClipboard lets the page at origin read and write the clipboard, with
// the focus that the clipboard API needs in a headless browser.
func grantClipboard(t testing.TB, b *browser, origin string) {
	t.Helper()
	b.runIn(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		for _, name := range []string{"clipboard-read", "clipboard-write"} {
			if _, err := chromedp.CallBrowser(ctx, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
				Permission: &cdpbrowser.PermissionDescriptor{Name: name},
				Setting:    cdpbrowser.PermissionSettingGranted,
				Origin:     origin,
			}); err != nil {
				return err
			}
		}
		_, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
		return err
	}))
}
