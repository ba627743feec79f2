// page.js: what the app asks of the page beyond the article and the
// sidebar: saving a file, the clipboard, reading a picked file, and the
// labels' style sheet.
//
// The rule it keeps: nothing here runs inline script or eval, which the
// page's Content-Security-Policy forbids; a style is set through the
// CSSOM, which it allows.
(function () {
  "use strict";

  // download saves text (a string, or bytes) as a file.
  function download(filename, text, mime) {
    const url = URL.createObjectURL(new Blob([text], { type: mime || "text/plain" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = filename;
    a.rel = "noopener";
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
    a.remove();
    // The download has read the URL once the click returns in current
    // browsers; wait a while anyway, as older ones read it later.
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    return true;
  }

  // copy puts text on the clipboard: the async Clipboard API, or else a
  // hidden textarea and execCommand("copy"), restoring the selection after.
  async function copy(text) {
    text = String(text);
    try {
      if (navigator.clipboard && navigator.clipboard.writeText) {
        await navigator.clipboard.writeText(text);
        return true;
      }
    } catch (e) {
      // Not allowed here (no focus, no permission): try the old way.
    }
    const sel = document.getSelection();
    const saved = [];
    for (let i = 0; sel && i < sel.rangeCount; i++) saved.push(sel.getRangeAt(i));
    const active = document.activeElement;
    const ta = document.createElement("textarea");
    ta.value = text;
    ta.setAttribute("readonly", "");
    ta.setAttribute("aria-hidden", "true");
    const s = ta.style;
    s.position = "fixed";
    s.top = "0";
    s.left = "-9999px";
    s.opacity = "0";
    document.body.appendChild(ta);
    let ok = false;
    try {
      ta.select();
      ok = document.execCommand("copy");
    } catch (e) {
      ok = false;
    }
    ta.remove();
    if (sel) {
      sel.removeAllRanges();
      saved.forEach((r) => sel.addRange(r));
    }
    if (active && active.focus) active.focus();
    return ok;
  }

  // readFile returns a File's (or Blob's) bytes, or null when it cannot be
  // read: a folder dropped or picked, or a file moved or deleted since it
  // was chosen, rejects, and a rejection left the app waiting for ever
  // (the open's progress shown for good, an import that never ended).
  async function readFile(file) {
    try {
      return new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      return null;
    }
  }

  // The label styles: the colours of the labels come from the schema, so
  // the app makes their CSS and installs it here, as a constructed style
  // sheet (the CSP allows no inline <style>, but the CSSOM is allowed).
  let labelSheet = null;

  // style replaces the label style sheet with css.
  function style(css) {
    if (!labelSheet) {
      labelSheet = new CSSStyleSheet();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, labelSheet];
    }
    labelSheet.replaceSync(css);
    return labelSheet.cssRules.length;
  }

  // The toolbar wraps onto a second line in a narrow window or at a large
  // text size, and what stays in view below it when the page scrolls (the
  // labels' legend, the sidebar, the caret scrolled into view) reads its
  // height from the style sheet's --toolbar-height: one line unless this
  // sets the height it has. The toolbar is go-app's: a child of the app's
  // root, which go-app puts in the body when the app starts. The observers
  // follow whichever toolbar and root the page holds; they watch those two
  // elements' children only, not the whole page, whose every change (an
  // article's thousands of blocks) would be recorded for them.
  function watchToolbar() {
    if (typeof ResizeObserver !== "function") return;
    let root = null, toolbar = null;
    const sized = new ResizeObserver(() => {
      if (toolbar) document.documentElement.style.setProperty("--toolbar-height", toolbar.offsetHeight + "px");
    });
    const inRoot = new MutationObserver(() => find());
    const find = () => {
      const r = document.querySelector(".annotator");
      if (r !== root) {
        inRoot.disconnect();
        root = r;
        if (r) inRoot.observe(r, { childList: true });
      }
      const t = root ? root.querySelector(":scope > .toolbar") : null;
      if (t === toolbar) return;
      if (toolbar) sized.unobserve(toolbar);
      toolbar = t;
      if (t) sized.observe(t);
    };
    new MutationObserver(find).observe(document.body, { childList: true });
    find();
  }
  if (document.body) watchToolbar();
  else document.addEventListener("DOMContentLoaded", watchToolbar);

  window.annotator = Object.assign(window.annotator || {}, {
    download, copy, readFile, style,
  });
})();
