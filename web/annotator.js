// annotator.js: the article's side of the DOM, as window.annotator: its
// text positions, selection, highlights and caret, and the dialogs that
// give the focus back to it. The page's other scripts add theirs to the
// same object: web/sidebar.js (the list of annotations and the selected
// one's panel), web/page.js (files, clipboard, the labels' styles) and
// web/workspace.js (storage).
//
// Go (in WebAssembly) pays one syscall/js call per DOM node it touches, so
// the walks over the article's text nodes happen here, in one call each.
// Every position that crosses to Go is a pair (text node, UTF-16 offset):
// the node is counted, from 0, among the text nodes under the article's
// root <article class="doc"> in document order, whitespace-only nodes
// included (what a TreeWalker with NodeFilter.SHOW_TEXT visits). Go's
// annotate.TextIndex maps such pairs to code-point offsets and back.
//
// Values cross as flat arrays, numbers and strings, which are cheap. The
// page's Content-Security-Policy forbids inline script and eval; nothing
// here needs either. Styles are set through the CSSOM (element.style),
// which that policy allows. The script never changes the article's text
// nodes: highlights are CSS Custom Highlights, or boxes in an overlay
// beside the article where the Highlight API is missing.
(function () {
  "use strict";

  // The cache of the current article's text nodes: nodes[i] is text node
  // i, and index maps a node back to i. Rebuilt when the root element is a
  // different object, and by reindex().
  let root = null;
  let nodes = [];
  let index = new Map();

  // Highlight names this script set, so that it deletes only its own.
  let painted = new Set();
  // The overlay fallback: its element, and what it draws (to redraw it on
  // resize).
  let overlay = null;
  let overlayRanges = []; // [name, Range] pairs

  const NONE = 0; // no selection, or a caret
  const INSIDE = 1; // within the article
  const OUTSIDE = 2; // entirely outside the article
  const ACROSS = 3; // part inside, part outside
  const NO_SELECTION = [NONE, -1, -1, -1, -1];

  // article returns the current root, reindexing when it changed; null
  // when the page has no article.
  function article() {
    const el = document.querySelector("article.doc");
    if (el !== root) {
      root = el;
      rebuild();
    }
    return root;
  }

  function rebuild() {
    nodes = [];
    index = new Map();
    // An article replaced (another document, the one back from the
    // library) takes the selection in it away without a selection change:
    // the legend staying for it goes too (markSelecting). Only then: a
    // start, which builds the article's index, asks for no frame.
    if (selecting) queueSelecting();
    if (!root) return;
    // The canonical text holds a <details> box's content, which the
    // sanitiser keeps closed (it drops the open attribute): shown open,
    // what a selection across it tags is what the reader saw selected.
    for (const d of root.querySelectorAll("details:not([open])")) d.open = true;
    chunk(root);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      index.set(n, nodes.length);
      nodes.push(n);
    }
    mapChunks();
  }

  // chunk groups the blocks of a long article into <div class="cv-chunk">
  // elements of about chunkChars characters each, which the page's CSS
  // gives content-visibility: auto, so that the browser skips the style,
  // layout and paint of the chunks out of view. It is done on chunks rather
  // than on every block because Chromium checks every content-visibility
  // element against the viewport in each frame: on 10,000 paragraphs that
  // cost 25 to 100 ms a frame while scrolling. By characters, not blocks,
  // so that a chunk stays small enough for a change of its highlights to
  // repaint little (chunks of 100 long paragraphs made tagging slower) and
  // an article of 50,000 words has about 150 of them whatever its blocks.
  // The blocks are those of the first element, from the root down, with
  // more than one child element; an article of fewer than minBlocks is
  // left alone (each block has content-visibility of its own), and so is
  // one already chunked. Every child node moves, text nodes included, in
  // order: the text nodes stay in document order, which the text positions
  // count (see above). A chunk's estimated height, until it has been drawn
  // once, comes from its blocks' lengths.
  const minBlocks = 200;
  const chunkChars = 2000;
  function chunk(el) {
    while (el.childElementCount === 1) el = el.firstElementChild;
    if (el.childElementCount < minBlocks) return;
    if (el.firstElementChild.classList.contains("cv-chunk")) return;
    // The blocks move while el is out of the document, and el goes back
    // in one insertion: moved in place, each block's removal and
    // insertion invalidated the page's style and layout around it (on
    // 1,000 paragraphs, 10–13 ms in place against 5–8 ms so).
    const parent = el.parentNode, next = el.nextSibling;
    if (parent) parent.removeChild(el);
    const kids = Array.from(el.childNodes);
    const frag = document.createDocumentFragment();
    let box = null, blocks = 0, lines = 0, chars = 0;
    const close = () => {
      // About 75 characters a line, each block a line at least, and a
      // line and a half of margins a block.
      box.style.containIntrinsicSize = "auto " + Math.round(lines * 1.65 + blocks * 1.5) + "em";
      box = null;
    };
    for (const n of kids) {
      if (n.nodeType === Node.ELEMENT_NODE) {
        if (box && chars >= chunkChars) close();
        if (!box) {
          box = document.createElement("div");
          box.className = "cv-chunk";
          blocks = lines = chars = 0;
          frag.appendChild(box);
        }
        const length = n.textContent.length;
        blocks++;
        chars += length;
        lines += Math.max(1, Math.ceil(length / 75));
      }
      (box || frag).appendChild(n);
    }
    if (box) close();
    el.appendChild(frag);
    if (parent) parent.insertBefore(el, next);
  }

  // textIndexOf returns the index of text node n, reindexing once when n is
  // under the root but unknown (the article's DOM changed in place).
  function textIndexOf(n) {
    let i = index.get(n);
    if (i === undefined && root && root.contains(n)) {
      rebuild();
      i = index.get(n);
    }
    return i === undefined ? -1 : i;
  }

  // inArticle reports whether boundary-point container c is the root or
  // inside it.
  function inArticle(c) {
    return root !== null && root.contains(c);
  }

  // toText converts a boundary point (c, k) inside the article to a text
  // position [node, offset]. A point in a text node stays. Any other point
  // goes, for a start (forward true), to offset 0 of the first text node at
  // or after it, or the end of the last text node when none follows; for
  // an end, to the end of the last text node before it, or the start of the
  // first when none precedes. Binary search over the cached nodes, which
  // are in document order. Returns null when the article has no text.
  function toText(c, k, forward) {
    if (c.nodeType === Node.TEXT_NODE) {
      const i = textIndexOf(c);
      if (i >= 0) return [i, k];
    }
    if (nodes.length === 0) return null;
    const point = document.createRange();
    point.setStart(c, k);
    const last = nodes.length - 1;
    if (forward) {
      // The first node whose start is at or after the point.
      let lo = 0, hi = nodes.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (point.comparePoint(nodes[mid], 0) >= 0) hi = mid;
        else lo = mid + 1;
      }
      return lo < nodes.length ? [lo, 0] : [last, nodes[last].length];
    }
    // The last node whose end is at or before the point.
    let lo = -1, hi = last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (point.comparePoint(nodes[mid], nodes[mid].length) <= 0) lo = mid;
      else hi = mid - 1;
    }
    return lo >= 0 ? [lo, nodes[lo].length] : [0, 0];
  }

  // rangeOf makes a Range from text positions of the cached nodes (call
  // article() first), or returns null when they are not in the article.
  // Offsets are clamped to the nodes' lengths. An end before the start
  // gives a range collapsed at the start: a span of only the separators
  // that the canonical text puts between blocks maps to such positions.
  function rangeOf(sn, so, en, eo) {
    const p = boundsOf(sn, so, en, eo);
    if (!p) return null;
    const r = document.createRange();
    r.setStart(p[0], p[1]);
    r.setEnd(p[2], p[3]);
    return r;
  }

  // boundsOf returns rangeOf's range as [start node, offset, end node,
  // offset], or null, comparing the points with one Range made once.
  let scratch = null;
  function boundsOf(sn, so, en, eo) {
    const a = nodes[sn], b = nodes[en];
    if (!a || !b) return null;
    so = Math.max(0, Math.min(so | 0, a.length));
    eo = Math.max(0, Math.min(eo | 0, b.length));
    if (!scratch) scratch = document.createRange();
    scratch.setStart(a, so);
    scratch.collapse(true);
    return scratch.comparePoint(b, eo) > 0 ? [a, so, b, eo] : [a, so, a, so];
  }

  // highlightRange is rangeOf's range for a highlight: a StaticRange where
  // the page has the Highlight API, which takes one. A live Range costs
  // Chromium a pass over it at every node taken out of the page, anywhere:
  // with the ranges of 2,000 annotations alive, 0.2 ms a node removed (1–2
  // ms with 12,000), which the sidebar's rows, put and taken out, paid
  // (web/annotator.js setRows). The article's text, which they lie in,
  // never changes, so they need not follow changes. The overlay, where
  // there is no Highlight API, measures live ranges.
  function highlightRange(sn, so, en, eo) {
    if (!hasHighlights() || !TextRange) return rangeOf(sn, so, en, eo);
    const p = boundsOf(sn, so, en, eo);
    return p && new TextRange({ startContainer: p[0], startOffset: p[1], endContainer: p[2], endOffset: p[3] });
  }

  // TextRange is a StaticRange that still reads as its text (String(r))
  // and measures itself as a Range does, through a Range made for the
  // asking (for tests, and code that reads a highlight's range).
  const TextRange = typeof StaticRange !== "function" ? null : class extends StaticRange {
    live() {
      const r = document.createRange();
      r.setStart(this.startContainer, this.startOffset);
      r.setEnd(this.endContainer, this.endOffset);
      return r;
    }
    toString() { return this.live().toString(); }
    getBoundingClientRect() { return this.live().getBoundingClientRect(); }
    getClientRects() { return this.live().getClientRects(); }
  };

  // selection returns [code, sn, so, en, eo] for the first range of the
  // document's selection (a Range is always start <= end, so a backwards
  // selection comes out normalised). For ACROSS, the positions are those of
  // the part inside the article; for NONE and OUTSIDE they are -1.
  function selection() {
    const sel = document.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return NO_SELECTION.slice();
    const r = sel.getRangeAt(0);
    if (!article()) return [OUTSIDE, -1, -1, -1, -1];
    const startIn = inArticle(r.startContainer);
    const endIn = inArticle(r.endContainer);
    if (!startIn && !endIn && !r.intersectsNode(root)) return [OUTSIDE, -1, -1, -1, -1];
    // A boundary outside the article with only white space between it and
    // the article's edge is that edge: a triple click on the article's last
    // paragraph selects up to the start of the next block, the sidebar's
    // heading, and that paragraph was refused as a selection across the
    // article's edge.
    const atStart = startIn || blank(r.startContainer, r.startOffset, root, 0);
    const atEnd = endIn || blank(root, root.childNodes.length, r.endContainer, r.endOffset);
    const code = atStart && atEnd ? INSIDE : ACROSS;
    // For ACROSS, the part inside the article: clamped to it.
    const start = startIn ? toText(r.startContainer, r.startOffset, true) : toText(root, 0, true);
    let end = endIn ? toText(r.endContainer, r.endOffset, false) : toText(root, root.childNodes.length, false);
    if (!start || !end) return [code, -1, -1, -1, -1];
    // An element-container selection between two text nodes (between two
    // paragraphs, say) can convert to an end before its start.
    if (end[0] < start[0] || (end[0] === start[0] && end[1] < start[1])) end = start.slice();
    return [code, start[0], start[1], end[0], end[1]];
  }

  // blank reports whether the document holds only white space, or
  // nothing, from point (a, i) to point (b, j); false when (b, j) comes
  // first.
  function blank(a, i, b, j) {
    const r = document.createRange();
    r.setStart(a, i);
    r.setEnd(b, j);
    if (r.collapsed && (a !== b || i !== j)) return false; // (b, j) came first
    return /^[ \t\n\r\f]*$/.test(r.toString());
  }

  // caretAt returns the text position under viewport point (x, y): the
  // start of the character there, or [-1, -1] when that is not in the
  // article.
  function caretAt(x, y) {
    const [c, at] = caretPoint(x, y);
    let k = at;
    if (!c || !article() || !inArticle(c)) return [-1, -1];
    if (c.nodeType === Node.TEXT_NODE) k = charAt(c, k, x, y);
    const p = toText(c, k, true);
    return p || [-1, -1];
  }

  // caretPoint returns the boundary point [container, offset] of the
  // caret position nearest to viewport point (x, y), or [null, 0].
  function caretPoint(x, y) {
    if (document.caretPositionFromPoint) {
      const p = document.caretPositionFromPoint(x, y);
      if (p) return [p.offsetNode, p.offset];
    } else if (document.caretRangeFromPoint) {
      const r = document.caretRangeFromPoint(x, y);
      if (r) return [r.startContainer, r.startOffset];
    }
    return [null, 0];
  }

  // charAt returns the offset in text node n of the start of the character
  // under (x, y), given the caret position k nearest to that point. The
  // caret lies between characters: on the right half of a character (the
  // left half in right-to-left text) it comes after it, and a click
  // there, on a highlight's last character, found no annotation, while a
  // click on the character before a highlight found it. So the character
  // (grapheme cluster) on either side of k whose box holds x, and whose
  // line holds y, is taken; k when neither does (past a line's end).
  const graphemes = typeof Intl === "object" && Intl.Segmenter ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;
  function charAt(n, k, x, y) {
    const data = n.data;
    const r = document.createRange();
    const holds = (a, b) => {
      if (a < 0 || b > data.length || a >= b) return false;
      r.setStart(n, a);
      r.setEnd(n, b);
      for (const box of r.getClientRects()) {
        const h = box.bottom - box.top;
        if (x >= box.left && x < box.right && Math.abs(y - (box.top + box.bottom) / 2) <= h) return true;
      }
      return false;
    };
    // The cluster that starts at k and the one that ends there.
    let after = k + 1, before = k - 1;
    if (graphemes) {
      if (k < data.length) { const s = graphemes.segment(data).containing(k); after = s.index + s.segment.length; }
      if (k > 0) before = graphemes.segment(data).containing(k - 1).index;
    } else {
      if (/[\uD800-\uDBFF]/.test(data.charAt(k))) after = k + 2;
      if (k > 1 && /[\uDC00-\uDFFF]/.test(data.charAt(k - 1))) before = k - 2;
    }
    if (holds(k, after)) return k;
    if (holds(before, k)) return before;
    return k;
  }

  // splitNames accepts an array of names or a comma-separated string.
  function splitNames(names) {
    if (Array.isArray(names)) return names.map(String);
    const s = String(names == null ? "" : names);
    return s === "" ? [] : s.split(",");
  }

  // What paint and patch drew, to change it range by range: byID holds
  // [name, Range] for each annotation's range; loose holds, by name, the
  // ranges without an id (the overlaps, the selected annotation); order is
  // the names, lowest priority first.
  let byID = new Map();
  let loose = new Map();
  let order = [];
  let paintedRoot = null; // the article's root element they lie in

  // tuples returns the integers of a spans argument as a list.
  function tuples(spans) {
    return typeof spans === "string" ? (spans === "" ? [] : spans.split(",")) : Array.from(spans || []);
  }

  const hasHighlights = () => !!(window.CSS && CSS.highlights && typeof Highlight === "function");

  // take reads the spans into ranges: five integers a span (name index,
  // sn, so, en, eo) and, in ids (a comma-separated string), one id a span,
  // empty for a loose range. It calls put(name, id, range) for each and
  // returns how many there were.
  function take(names, spans, ids, put) {
    const list = tuples(spans);
    const idList = ids ? String(ids).split(",") : [];
    let count = 0;
    for (let i = 0, k = 0; i + 4 < list.length; i += 5, k++) {
      const name = names[+list[i]];
      if (name === undefined) continue;
      const r = highlightRange(+list[i + 1], +list[i + 2], +list[i + 3], +list[i + 4]);
      if (!r) continue;
      track(name, r, +list[i + 1], +list[i + 3]);
      put(name, idList[k] || "", r);
      count++;
    }
    return count;
  }

  // paint replaces every highlight this script set. names are the
  // highlights' names, later ones painted above earlier ones; spans is a
  // string (or array) of integers, five per span: name index, sn, so, en,
  // eo; ids, when given, names the annotation of each span (empty for a
  // span of no one annotation), so that patch can change it later.
  // Returns the number of ranges painted.
  function paint(names, spans, ids) {
    const started = performance.now();
    names = splitNames(names);
    paintedRoot = article();
    byID = new Map();
    loose = new Map();
    order = names;
    byChunk = chunkEls.map(() => new Map());
    const count = take(names, spans, ids, (name, id, r) => {
      if (id) byID.set(id, [name, r]);
      else looseOf(name).push(r);
    });
    if (hasHighlights()) {
      [winLo, winHi] = windowOf();
      const ranges = new Map(names.map((n) => [n, []]));
      for (const [name, r] of byID.values()) if (shown(r)) ranges.get(name).push(r);
      for (const [name, rs] of loose) for (const r of rs) if (shown(r)) ranges.get(name).push(r);
      const keep = new Set(names);
      for (const name of painted) {
        if (!keep.has(name)) CSS.highlights.delete(name);
      }
      names.forEach((name, i) => {
        const h = new Highlight(...ranges.get(name));
        h.priority = i; // later names above earlier ones
        CSS.highlights.set(name, h);
      });
      painted = keep;
    } else {
      redrawOverlay();
    }
    highlightsChange();
    reportPaint(started, count);
    return count;
  }

  function looseOf(name) {
    let rs = loose.get(name);
    if (!rs) loose.set(name, (rs = []));
    return rs;
  }

  // The highlights of a long article hold only the ranges near the view.
  // Chromium's work in every frame that changes anything (a step of a
  // mouse selection, a tag, the caret's blink) grows with the ranges in
  // CSS.highlights wherever they lie, not only with those on screen:
  // measured on 10,000 paragraphs with 2,000 annotations, a drag's frames
  // spent 2,248 ms in "compositing inputs" and 1,002 ms in hit tests over
  // 30 drags, against 271 and 236 ms with only the ranges near the view
  // registered. So, on an article in chunks (see chunk), paint and patch
  // keep every range (byID, loose) and give the Highlight objects only
  // those whose chunks lie in the window: the chunks within a viewport's
  // height of the view. The window moves on every scroll event, which
  // Chromium fires in the frame before it paints, so a range that comes
  // into view is painted in the same frame, after a jump as well.
  let chunkEls = []; // the article's chunks, in order
  let nodeChunk = null; // text node → index of its chunk, -1 when in none
  let byChunk = []; // chunk → Map of the ranges over it → their highlight's name
  const spanOf = new WeakMap(); // range → [first chunk, last chunk]
  let winLo = 0, winHi = -1; // the chunks in the window

  // mapChunks finds the article's chunks and each text node's chunk.
  function mapChunks() {
    chunkEls = root ? Array.from(root.querySelectorAll(".cv-chunk")) : [];
    nodeChunk = null;
    byChunk = [];
    winLo = 0;
    winHi = -1;
    if (chunkEls.length === 0) return;
    nodeChunk = new Int32Array(nodes.length).fill(-1);
    chunkEls.forEach((c, k) => {
      const w = document.createTreeWalker(c, NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode()) nodeChunk[index.get(n)] = k;
    });
  }

  // track records which chunks range r of highlight name covers: from that
  // of text node sn to that of text node en.
  function track(name, r, sn, en) {
    if (!nodeChunk || byChunk.length !== chunkEls.length) return;
    const a = nodeChunk[sn], b = nodeChunk[en];
    if (a < 0 || b < 0 || b < a) return; // outside the chunks: always shown
    spanOf.set(r, [a, b]);
    for (let k = a; k <= b; k++) byChunk[k].set(r, name);
  }

  // untrack forgets range r's chunks.
  function untrack(r) {
    const c = spanOf.get(r);
    if (!c) return;
    for (let k = c[0]; k <= c[1] && k < byChunk.length; k++) byChunk[k].delete(r);
  }

  // shown reports whether range r belongs in the highlights: it lies
  // outside the chunks, or over a chunk in the window.
  function shown(r) {
    const c = spanOf.get(r);
    return !c || (c[1] >= winLo && c[0] <= winHi);
  }

  // windowOf returns the first and last chunk within a viewport's height
  // of the view, found by binary search on their boxes (a chunk out of view
  // is laid out as one box of its estimated size, so this is cheap).
  function windowOf() {
    const n = chunkEls.length;
    if (n === 0) return [0, -1];
    const margin = window.innerHeight;
    let lo = 0, hi = n;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (chunkEls[m].getBoundingClientRect().bottom < -margin) lo = m + 1;
      else hi = m;
    }
    const first = lo;
    hi = n;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (chunkEls[m].getBoundingClientRect().top <= window.innerHeight + margin) lo = m + 1;
      else hi = m;
    }
    // A page that does not show the article (every box empty) keeps all.
    return lo - 1 >= first ? [first, lo - 1] : [0, n - 1];
  }

  // moveWindow moves the window to the chunks near the view, adding the
  // ranges that come into it to their highlights and deleting those that
  // leave it.
  function moveWindow() {
    if (chunkEls.length === 0 || byChunk.length !== chunkEls.length || !hasHighlights() || root !== paintedRoot) return;
    if (!root.isConnected) return;
    const [lo, hi] = windowOf();
    if (lo === winLo && hi === winHi) return;
    const oldLo = winLo, oldHi = winHi;
    winLo = lo;
    winHi = hi;
    for (let k = oldLo; k <= oldHi; k++) {
      if (k >= lo && k <= hi) continue;
      for (const [r, name] of byChunk[k]) {
        const h = CSS.highlights.get(name);
        if (h && !shown(r)) h.delete(r);
      }
    }
    for (let k = lo; k <= hi; k++) {
      if (k >= oldLo && k <= oldHi) continue;
      for (const [r, name] of byChunk[k]) {
        const h = CSS.highlights.get(name);
        if (h) h.add(r);
      }
    }
  }
  document.addEventListener("scroll", moveWindow, { capture: true, passive: true });
  window.addEventListener("resize", moveWindow);

  // highlights returns, for each name painted, the number of ranges that
  // paint and patch hold and the number the page's highlights hold now
  // (fewer on a long article: those near the view).
  function highlights() {
    const out = {};
    for (const name of order) out[name] = [0, 0];
    for (const [name] of byID.values()) out[name][0]++;
    for (const [name, rs] of loose) if (out[name]) out[name][0] += rs.length;
    if (hasHighlights()) for (const name of order) out[name][1] = CSS.highlights.get(name)?.size || 0;
    return out;
  }

  // patch changes what paint drew, at the cost of the change: the spans
  // with an id replace that annotation's range (or add it); the ids in gone
  // (comma-separated) are taken out; and the loose ranges of the highlights
  // named in replace are replaced by the spans without an id. names must be
  // those paint was given. Returns the number of ranges given, or -1 (and
  // changes nothing) when names differ from paint's, or the article is
  // another element than the one paint drew in (it was drawn again, after
  // the library, say): paint again.
  function patch(names, spans, ids, gone, replace) {
    const started = performance.now();
    names = splitNames(names);
    if (names.join(",") !== order.join(",") || article() !== paintedRoot || !paintedRoot) return -1;
    const live = hasHighlights();
    const drop = (name, r) => {
      untrack(r);
      if (live) CSS.highlights.get(name).delete(r);
    };
    const add = (name, r) => { if (live && shown(r)) CSS.highlights.get(name).add(r); };
    for (const id of splitNames(gone)) {
      const old = byID.get(id);
      if (old) {
        byID.delete(id);
        drop(old[0], old[1]);
      }
    }
    for (const name of splitNames(replace)) {
      for (const r of loose.get(name) || []) drop(name, r);
      loose.set(name, []);
    }
    const count = take(names, spans, ids, (name, id, r) => {
      if (id) {
        const old = byID.get(id);
        if (old) drop(old[0], old[1]);
        byID.set(id, [name, r]);
      } else {
        looseOf(name).push(r);
      }
      add(name, r);
    });
    if (!live) redrawOverlay();
    highlightsChange();
    reportPaint(started, count);
    return count;
  }

  // redrawOverlay draws every range in the overlay fallback, in order.
  function redrawOverlay() {
    overlayRanges = [];
    for (const name of order) {
      for (const [n, r] of byID.values()) if (n === name) overlayRanges.push([name, r]);
      for (const r of loose.get(name) || []) overlayRanges.push([name, r]);
    }
    drawOverlay();
  }

  // highlightsChanged is set from a paint or a patch until the frame that
  // shows it is drawn (see checkList).
  let highlightsChanged = false;
  function highlightsChange() {
    if (highlightsChanged) return;
    highlightsChanged = true;
    requestAnimationFrame(() => setTimeout(() => { highlightsChanged = false; }, 0));
  }

  // reportPaint tells the browser benchmarks when a paint or patch was
  // called (started), returned (ended), the start of the frame that shows
  // it (frame), and the end of that frame's rendering work (painted: a task
  // queued from the frame runs after it).
  function reportPaint(started, count) {
    const ended = performance.now();
    requestAnimationFrame(() => {
      const frame = performance.now();
      setTimeout(() => {
        document.dispatchEvent(new CustomEvent("annotator:painted", {
          detail: { count: count, started: started, ended: ended, frame: frame, painted: performance.now() },
        }));
      }, 0);
    });
  }

  // drawOverlay draws the overlay fallback: one absolutely positioned box
  // per client rect of each range, with classes "hl-box hl-<name>", in one
  // element (class "hl-overlay") placed just before the article, out of
  // the flow, at the article's start. The boxes are placed relative to the
  // overlay's own position. Later names come later, so they draw on top.
  // The boxes lie over the text and let the pointer through; the page's
  // CSS gives .hl-box a translucent background.
  function drawOverlay() {
    const el = article();
    if (!el || !el.parentNode) {
      if (overlay) overlay.remove();
      overlay = null;
      return;
    }
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.className = "hl-overlay";
      overlay.setAttribute("aria-hidden", "true");
      const s = overlay.style;
      s.position = "absolute";
      s.width = "0";
      s.height = "0";
      s.overflow = "visible";
      s.pointerEvents = "none";
      s.zIndex = "0";
    }
    if (overlay.nextSibling !== el) el.parentNode.insertBefore(overlay, el);
    overlay.replaceChildren();
    const origin = overlay.getBoundingClientRect();
    const frag = document.createDocumentFragment();
    for (const [name, r] of overlayRanges) {
      for (const rect of r.getClientRects()) {
        if (rect.width === 0 && rect.height === 0) continue;
        const box = document.createElement("div");
        box.className = "hl-box hl-" + name;
        const s = box.style;
        s.position = "absolute";
        s.left = rect.left - origin.left + "px";
        s.top = rect.top - origin.top + "px";
        s.width = rect.width + "px";
        s.height = rect.height + "px";
        frag.appendChild(box);
      }
    }
    overlay.appendChild(frag);
  }

  // The boxes are placed in the overlay's coordinates, which move with the
  // article when the window scrolls but not when a scrolling box between
  // the overlay and its containing block does, nor when the text reflows:
  // redraw, once a frame at most, on resize and on such scrolls.
  let redrawQueued = false;
  function queueRedraw() {
    if (!overlay || redrawQueued) return;
    redrawQueued = true;
    requestAnimationFrame(() => {
      redrawQueued = false;
      drawOverlay();
    });
  }
  window.addEventListener("resize", queueRedraw);
  document.addEventListener("scroll", (e) => {
    if (overlay && e.target !== document && e.target.contains && e.target.contains(overlay)) queueRedraw();
  }, { capture: true, passive: true });

  // scrollable reports whether el scrolls its content vertically.
  function scrollable(el) {
    const y = getComputedStyle(el).overflowY;
    return (y === "auto" || y === "scroll" || y === "overlay") && el.scrollHeight > el.clientHeight;
  }

  // rectOf returns a range's bounding rect, or its container's when the
  // range has no box of its own; null when neither is rendered (inside a
  // closed <details>, say).
  function rectOf(r) {
    const empty = (b) => b.top === 0 && b.bottom === 0 && b.left === 0 && b.right === 0;
    const rect = r.getBoundingClientRect();
    if (!empty(rect)) return rect;
    const el = r.startContainer.parentElement;
    const box = el && el.getBoundingClientRect();
    return box && !empty(box) ? box : null;
  }

  // coveredBelow returns how much of the window's bottom the sidebar
  // covers: in a narrow window it is a sheet there (app.css), elsewhere
  // nothing.
  function coveredBelow() {
    const s = document.querySelector(".workspace > .sidebar");
    if (!s || getComputedStyle(s).position !== "fixed") return 0;
    return Math.max(0, window.innerHeight - s.getBoundingClientRect().top);
  }

  // scrollTo centres the text position vertically in every scrollable
  // ancestor, then in the part of the window the sidebar leaves. Returns
  // true when the position is inside that part afterwards; false, without
  // scrolling, for a position that is not in the article or not rendered.
  function scrollTo(node, offset) {
    article();
    const r = rangeOf(node, offset, node, offset);
    if (!r || !rectOf(r)) return false;
    for (let el = r.startContainer.parentElement; el; el = el.parentElement) {
      if (el === document.body || el === document.documentElement) break;
      if (!scrollable(el)) continue;
      const rect = rectOf(r);
      const box = el.getBoundingClientRect();
      const delta = rect.top + rect.height / 2 - (box.top + el.clientTop + el.clientHeight / 2);
      el.scrollTo({ top: el.scrollTop + delta, behavior: "instant" });
    }
    const rect = rectOf(r);
    const seen = window.innerHeight - coveredBelow();
    window.scrollTo({ top: window.scrollY + rect.top + rect.height / 2 - seen / 2, behavior: "instant" });
    const after = rectOf(r);
    return after.bottom >= 0 && after.top <= seen;
  }

  // showSpan shows the span between text positions (sn, so) and (en, eo)
  // as scrollTo shows its start, unless some of it is in the part of the
  // window the toolbar, the legend and the sidebar leave already: an
  // undo's annotation may be the one the reader is looking at, or a span
  // of the whole article, whose start is far above the view it fills.
  function showSpan(sn, so, en, eo) {
    article();
    const a = rangeOf(sn, so, sn, so), b = rangeOf(en, eo, en, eo);
    const first = a && rectOf(a), last = b && rectOf(b);
    if (!first) return false;
    if (last && first.top < window.innerHeight - coveredBelow() && last.bottom > viewTop()) return true;
    return scrollTo(sn, so);
  }

  // The reading place: the text at the top of the article's view, kept
  // as the page scrolls (web/workspace.js keepScroll) and scrolled back to
  // the top at the next start (app/place.go). Kept as a place in the text,
  // not in pixels: in another layout (the window's width, its zoom or text
  // size, the sidebar a sheet) the same pixels show other text.

  // viewTop returns where the article's view begins in the window: under
  // the toolbar and the legend where they stay at its top (app.css), or
  // under what of them is still in view. The legend's place while it stays
  // is the toolbar's height, which web/page.js sets in the frame after the
  // toolbar's size changed (a start in a narrow window, where it wraps):
  // so it is counted from the toolbar's bottom, not read from the legend.
  function viewTop() {
    const toolbar = document.querySelector(".toolbar"), legend = document.querySelector(".legend");
    let top = toolbar ? Math.max(0, toolbar.getBoundingClientRect().bottom) : 0;
    if (legend) {
      const bottom = legend.getBoundingClientRect().bottom;
      top = getComputedStyle(legend).position === "sticky" ? Math.max(top + legend.offsetHeight, bottom) : Math.max(top, bottom);
    }
    return top;
  }

  // lineTop returns the top of the box of the character at text position
  // (n, k) of text node n, or of the one before it at n's end; null when
  // it is not rendered. What placeAtTop measures, scrollToPlace measures.
  function lineTop(n, k) {
    const a = k < n.length ? k : Math.max(0, k - 1);
    const r = document.createRange();
    r.setStart(n, a);
    r.setEnd(n, Math.min(n.length, a + 1));
    const box = rectOf(r);
    return box ? box.top : null;
  }

  // placeAtTop returns [node, offset, dy]: the text position that starts
  // the first line at the top of the article's view, and how far that
  // line's top is below the view's top (negative when it is partly
  // hidden); null when no text of the article is there. A hit test and a
  // few boxes, however long the article: it runs as the place is kept.
  function placeAtTop() {
    const el = article();
    if (!el) return null;
    const box = el.getBoundingClientRect();
    const top = viewTop();
    const y = Math.max(top, box.top) + 1;
    if (y >= box.bottom || y >= window.innerHeight) return null;
    // At the article's left edge, so that the position starts its line.
    const [c, k] = caretPoint(box.left + 1, y);
    if (!c || !inArticle(c)) return null;
    const p = toText(c, k, true);
    const t = p && lineTop(nodes[p[0]], p[1]);
    if (t === null || t === undefined) return null;
    return [p[0], p[1], Math.round((t - top) * 10) / 10];
  }

  // scrollToPlace scrolls the window so that text position (node, offset)
  // is dy below the top of the article's view, as placeAtTop found it.
  // Measured again after each scroll, three times at most: the view's top
  // moves as the legend comes to stay at the window's top. Returns false,
  // without scrolling, for a position not in the article or not rendered.
  //
  // It is then measured again in the frames that follow (settlePlace): an
  // article just drawn (a start, back from the library) has its blocks
  // out of view at their estimated heights (content-visibility, app.css),
  // and the browser gives those near the view their real heights only in
  // its next frames, which moved the text away. Back from the library,
  // the text shown was two lines above the place, one time in three.
  function scrollToPlace(node, offset, dy) {
    article();
    const p = boundsOf(node, offset, node, offset);
    if (!p) return false;
    if (!placeOnce(p[0], p[1], dy)) return false;
    settlePlace(p[0], p[1], dy);
    return true;
  }

  // placeOnce is scrollToPlace's measure and scroll, false when the text
  // is not rendered.
  function placeOnce(n, k, dy) {
    for (let i = 0; i < 3; i++) {
      const t = lineTop(n, k);
      if (t === null) return i > 0;
      const delta = t - viewTop() - dy;
      const y = window.scrollY;
      if (Math.abs(delta) < 1) break;
      window.scrollTo({ top: y + delta, behavior: "instant" });
      if (window.scrollY === y) break; // at the page's end
    }
    return true;
  }

  // settlePlace keeps text position (n, k) dy below the view's top in
  // each frame until it has stayed there through two frames (ten frames
  // at most), then marks "annotator:placed". It stops at once when the
  // reader scrolls, presses a key or a button, or when the text leaves the
  // page: the place is theirs from then on. Only the last call settles.
  let settling = 0;
  function settlePlace(n, k, dy) {
    const id = ++settling;
    let still = 0, frames = 0, moved = false;
    const stop = () => { moved = true; };
    const inputs = ["wheel", "keydown", "pointerdown", "touchstart"];
    inputs.forEach((e) => window.addEventListener(e, stop, { capture: true, passive: true }));
    const end = () => {
      inputs.forEach((e) => window.removeEventListener(e, stop, { capture: true }));
      if (id === settling) performance.mark("annotator:placed");
    };
    const step = () => {
      if (id !== settling || moved || !n.isConnected) return end();
      const y = window.scrollY;
      if (!placeOnce(n, k, dy)) return end();
      still = Math.abs(window.scrollY - y) < 1 ? still + 1 : 0;
      if (still >= 2 || ++frames >= 10) return end();
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }

  // select sets the document's selection to the text positions' range.
  function select(sn, so, en, eo) {
    article();
    const r = rangeOf(sn, so, en, eo);
    const sel = document.getSelection();
    if (!r || !sel) return false;
    sel.removeAllRanges();
    sel.addRange(r);
    return true;
  }

  // The caret. A collapsed selection in the article is the keyboard's
  // caret, and Shift grows the selection from it. Chromium draws no caret
  // in text that is not editable, and the article must not be editable
  // (its text nodes never change), so this script draws one: an element
  // over the text at the selection's focus, shown while the article's
  // frame (its nearest focusable ancestor) has the focus.

  const ALTERS = new Set(["move", "extend"]);
  // "left" and "right" are on the screen (the arrow keys'), which in
  // right-to-left text are back and forward.
  const DIRECTIONS = new Set(["forward", "backward", "left", "right"]);
  const GRANULARITIES = new Set(["character", "word", "line", "lineboundary", "paragraph", "sentence"]);

  // frame returns the article's focusable frame, or null.
  function frame() {
    const el = article();
    return el && el.parentElement ? el.parentElement.closest("[tabindex]") : null;
  }

  // lastCaret is [node, offset], the last focus of the selection in the
  // article. A field focused (the panel's, where Enter or a tag leads, the
  // toolbar's name) takes the browser's selection, and the caret with it:
  // Escape there, back to the article, put the caret at the article's
  // start, and the page jumped to its top (TestEscapeFromThePanelKeepsTheCaret).
  let lastCaret = null;

  // keepCaret records the selection's focus as lastCaret when the
  // selection is in the article. The selection change event says so too,
  // but only once the task that moved it ends, when it reads the selection
  // as it is then: a key that moves the caret and an Enter right after it,
  // whose panel takes the focus, left the caret before the move.
  function keepCaret() {
    const sel = document.getSelection();
    if (sel && sel.rangeCount > 0 && root && inArticle(sel.focusNode) && inArticle(sel.anchorNode)) {
      lastCaret = [sel.focusNode, sel.focusOffset];
    }
  }

  // ensureCaret makes sure the selection is in the article: else it puts a
  // caret where the last one in this article was (lastCaret), or before the
  // first character of the article's first text node that is not only
  // white space. Returns false when the article has no text.
  function ensureCaret() {
    const sel = document.getSelection();
    if (!sel || !article()) return false;
    if (sel.rangeCount > 0 && inArticle(sel.anchorNode) && inArticle(sel.focusNode)) return true;
    const [n, k] = lastCaret || [null, 0];
    if (n && n.isConnected && inArticle(n) && k <= (n.nodeType === Node.TEXT_NODE ? n.length : n.childNodes.length)) {
      sel.collapse(n, k);
      return true;
    }
    const first = nodes.find((n) => /[^ \t\n\r\f]/.test(n.data));
    if (!first) return false;
    sel.collapse(first, first.data.search(/[^ \t\n\r\f]/));
    return true;
  }

  // move moves the caret (alter "move") or the selection's focus (alter
  // "extend") with Selection.modify, from a caret at the article's start
  // when the selection is not in the article. The article's edge stops it:
  // a step that would leave the article changes nothing. Unknown alters,
  // directions and granularities change nothing. The frame takes the
  // focus, and the caret is scrolled into view. Returns the selection as
  // selection() does.
  function move(alter, direction, granularity) {
    const sel = document.getSelection();
    if (!sel || !ALTERS.has(alter) || !DIRECTIONS.has(direction) || !GRANULARITIES.has(granularity) || !ensureCaret()) {
      return selection();
    }
    const anchor = [sel.anchorNode, sel.anchorOffset];
    const focus = [sel.focusNode, sel.focusOffset];
    sel.modify(alter, direction, granularity);
    if (!inArticle(sel.anchorNode) || !inArticle(sel.focusNode)) {
      sel.setBaseAndExtent(anchor[0], anchor[1], focus[0], focus[1]);
    }
    keepCaret();
    takeFocus();
    showCaret(true);
    return selection();
  }

  // extend grows or shrinks the selection: move("extend", …).
  function extend(direction, granularity) {
    return move("extend", direction, granularity);
  }

  // caret returns the text position of the selection's focus (the caret,
  // or the moving end of a selection), or [-1, -1] when it is not in the
  // article.
  function caret() {
    const sel = document.getSelection();
    if (!sel || sel.rangeCount === 0 || !article() || !inArticle(sel.focusNode)) return [-1, -1];
    return toText(sel.focusNode, sel.focusOffset, true) || [-1, -1];
  }

  // place puts the caret at a text position, or with extend true moves the
  // selection's focus there, keeping its anchor. The frame takes the focus
  // and the caret is scrolled into view. Returns the selection as
  // selection() does.
  function place(node, offset, extend) {
    const sel = document.getSelection();
    if (!sel || !ensureCaret()) return selection();
    const r = rangeOf(node, offset, node, offset);
    if (!r) return selection();
    if (extend) sel.extend(r.startContainer, r.startOffset);
    else sel.collapse(r.startContainer, r.startOffset);
    keepCaret();
    takeFocus();
    showCaret(true);
    return selection();
  }

  // collapse turns a selection in the article into a caret: at its end
  // (toEnd true: after tagging it, unless it was made upwards) or at its
  // focus (where the keyboard left it). A selection elsewhere is removed.
  //
  // The selection goes at once, and the caret comes once the browser has
  // drawn its next frame (placeDueCaret): placing a caret in a focused
  // article of 50,000 words cost Chromium about 1 ms (0.7–1.6 ms, measured
  // in the tagging benchmark's key presses) against 0.1 ms to take the
  // selection away, and a tag's turn must end in time for the frame that
  // shows its highlight. A key or a mouse button pressed before then finds
  // the caret placed first.
  let caretDue = null; // [node, offset] of the caret to place, or null
  function collapse(toEnd) {
    const sel = document.getSelection();
    if (!sel || sel.rangeCount === 0) return;
    if (!article() || !inArticle(sel.anchorNode) || !inArticle(sel.focusNode)) {
      sel.removeAllRanges();
      return;
    }
    const r = sel.getRangeAt(0);
    // After a tag, the caret goes after the span, for the next one; but a
    // selection made upwards ends where the reader is, at its start: the
    // caret at its end was out of the window after a long one, and the
    // next arrow key jumped the page there.
    const backward = !sel.isCollapsed && sel.focusNode === r.startContainer && sel.focusOffset === r.startOffset;
    caretDue = toEnd && !backward ? [r.endContainer, r.endOffset] : [sel.focusNode, sel.focusOffset];
    // A field focused before the caret is placed drops it: it is where
    // Escape comes back to all the same.
    lastCaret = caretDue;
    sel.removeAllRanges();
    afterFrame(placeDueCaret);
  }

  // afterFrame calls fn (Go's, or this script's) once the browser has
  // drawn its next frame, from a task queued by the frame's animation
  // callback. The callback is this script's, not Go's: any call into Go runs every Go
  // goroutine ready to run before it returns, go-app's render among them
  // when its ticker is due, and that work would then hold back the frame
  // that shows a change, in the frame itself.
  //
  // A hidden tab draws no frames, and the browser may discard it without
  // asking: a change made just before the tab was hidden, which is written
  // after its frame (app/actions.go), would wait for the tab to be shown
  // again. So fn runs at the latest frameWait ms after the call (later in a
  // hidden tab, whose timers the browser slows to about once a second),
  // and only once.
  const frameWait = 250;
  function afterFrame(fn) {
    let done = false;
    const once = () => {
      if (!done) {
        done = true;
        fn();
      }
    };
    requestAnimationFrame(() => setTimeout(once, 0));
    setTimeout(once, frameWait);
  }

  // placeDueCaret places the caret that collapse left to place, unless
  // something has been selected since, or the article has gone.
  function placeDueCaret() {
    if (!caretDue) return;
    const [node, offset] = caretDue;
    caretDue = null;
    const sel = document.getSelection();
    if (sel && sel.rangeCount === 0 && node.isConnected && inArticle(node)) {
      sel.collapse(node, offset);
      keepCaret();
    }
    queueCaret();
  }
  document.addEventListener("keydown", placeDueCaret, true);
  document.addEventListener("mousedown", placeDueCaret, true);

  // focusText moves the focus to the article's frame, with a caret in the
  // article (kept where it was, else at the start), scrolled into view.
  function focusText() {
    const f = frame();
    if (!f) return false;
    ensureCaret();
    f.focus({ preventScroll: true });
    showCaret(true);
    return true;
  }

  // takeFocus gives the frame the focus, unless it or something in it
  // (a link of the article) has it.
  function takeFocus() {
    const f = frame();
    if (f && !f.contains(document.activeElement)) f.focus({ preventScroll: true });
  }

  // focusFrameIfLost gives the frame the focus when no element has it
  // (the page's body has), as when the button that had it went with the
  // view it was in (the library's Open); the caret and the scroll stay.
  function focusFrameIfLost() {
    const a = document.activeElement, f = frame();
    if (f && (!a || a === document.body)) f.focus({ preventScroll: true });
  }

  // The drawn caret: one element in the body, placed in page coordinates.
  let caretEl = null;

  // showCaret draws the caret at the selection's focus while the frame
  // has the focus, and hides it otherwise; with scroll true it scrolls it
  // into view (the caret's scroll-margin keeps it clear of the sticky
  // toolbar). Its blinking restarts, so that it shows while it moves.
  function showCaret(scroll) {
    const f = frame();
    const sel = document.getSelection();
    const on = f && sel && sel.rangeCount > 0 && f.contains(document.activeElement) && inArticle(sel.focusNode);
    if (!on) {
      if (caretEl) caretEl.hidden = true;
      return;
    }
    if (!caretEl || !caretEl.isConnected) {
      caretEl = document.createElement("div");
      caretEl.className = "text-caret";
      caretEl.setAttribute("aria-hidden", "true");
      document.body.appendChild(caretEl);
    }
    const r = document.createRange();
    r.setStart(sel.focusNode, sel.focusOffset);
    let rect = r.getBoundingClientRect();
    let height = rect.height;
    if (rect.top === 0 && rect.bottom === 0 && rect.left === 0 && rect.right === 0) {
      // No box of its own (between blocks): the start of its container.
      rect = rectOf(r);
      const el = sel.focusNode.nodeType === Node.ELEMENT_NODE ? sel.focusNode : sel.focusNode.parentElement;
      height = parseFloat(getComputedStyle(el).lineHeight) || 20;
    }
    if (!rect) {
      caretEl.hidden = true;
      return;
    }
    const s = caretEl.style;
    s.left = rect.left + window.scrollX + "px";
    s.top = rect.top + window.scrollY + "px";
    s.height = height + "px";
    caretEl.hidden = false;
    caretEl.classList.remove("blink");
    void caretEl.offsetWidth; // restarts the animation
    caretEl.classList.add("blink");
    if (scroll) caretEl.scrollIntoView({ block: "nearest", inline: "nearest", behavior: "instant" });
  }

  // queueCaret draws the caret in the next frame rather than now. Drawing
  // it measures the selection, which forces a layout of the article: done
  // at once after a tag, that layout came before the new highlight was
  // handed to the browser, 4–5 ms later on 50,000 words (measured with the
  // tagging benchmark). In the frame, it shares the frame's own layout.
  // The keys that move the caret still draw it at once (place, focusText),
  // to scroll it into view.
  let caretQueued = false;
  function queueCaret() {
    if (caretQueued || dragging) return;
    caretQueued = true;
    requestAnimationFrame(() => {
      caretQueued = false;
      showCaret(false);
    });
  }

  // While the mouse selects text, the browser draws the selection, and the
  // caret waits for the release: measuring it forced a style and layout in
  // every frame of the drag (about 1 ms a frame in a trace of drags on
  // 50,000 words), and the release waited for those frames.
  let dragging = false;
  document.addEventListener("mousedown", (e) => {
    if (e.button !== 0) return;
    dragging = true;
    if (caretEl) caretEl.hidden = true;
  }, true);
  const dragEnd = () => {
    if (!dragging) return;
    dragging = false;
    queueCaret();
  };
  document.addEventListener("mouseup", dragEnd, true);
  window.addEventListener("blur", dragEnd);

  // The page's root element has the class "selecting" while text of the
  // article is selected: in a short window, where the labels scroll away
  // with the page to leave room to read, they stay at its top then, in
  // reach of a touch that selected text mid-article (web/app.css). Read
  // once a frame at most: a drag changes the selection at every move.
  let selectingQueued = false, selecting = false;
  function markSelecting() {
    selectingQueued = false;
    const sel = document.getSelection();
    const art = document.querySelector("article.doc");
    const now = !!sel && !!art && sel.rangeCount > 0 && !sel.isCollapsed && art.contains(sel.anchorNode) && art.contains(sel.focusNode);
    if (now === selecting) return;
    selecting = now;
    const legend = now ? document.querySelector(".legend") : null;
    const stayed = !!legend && getComputedStyle(legend).position === "sticky";
    document.documentElement.classList.toggle("selecting", now);
    if (legend && !stayed) uncover(sel, legend);
  }

  // uncover scrolls the text selected out from under the legend that came
  // to stay at the window's top as it was selected: selected in the
  // window's first lines, it was under the labels (the top 87 px of the
  // 280 a 375 × 560 phone leaves above the sheet), tagged unseen, its
  // handles out of reach. Its first line goes just below the legend; a
  // selection that starts above the window (one grown there) stays put.
  // With turned (the window turned or resized, the text laid out anew),
  // a selection anywhere out of what the legend and the sheet leave is
  // brought there: turning a short phone took it 850 to 1,100 px out of
  // the window.
  function uncover(sel, legend, turned) {
    if (getComputedStyle(legend).position !== "sticky") return;
    const first = sel.getRangeAt(0).getClientRects()[0];
    if (!first) return;
    const cover = legend.getBoundingClientRect().bottom;
    let out = first.bottom > 0 && first.top < cover;
    if (turned) out = first.top < cover || first.bottom > window.innerHeight - coveredBelow();
    // A pixel more: the scroll is snapped to the screen's pixels, which
    // left the line a tenth of one under the legend.
    if (out) window.scrollBy({ top: -Math.ceil(cover - first.top) - 1, behavior: "instant" });
  }
  function queueSelecting() {
    if (selectingQueued) return;
    selectingQueued = true;
    requestAnimationFrame(markSelecting);
  }
  document.addEventListener("selectionchange", queueSelecting);
  // Touch screens only: a desktop's window resized while a selection
  // made earlier lies out of view is left where its reader scrolled.
  const touch = window.matchMedia("(pointer: coarse)");
  let turnQueued = false;
  window.addEventListener("resize", () => {
    if (!selecting || turnQueued || !touch.matches) return;
    turnQueued = true;
    requestAnimationFrame(() => {
      turnQueued = false;
      const sel = document.getSelection(), legend = document.querySelector(".legend");
      if (selecting && legend && sel && sel.rangeCount > 0) uncover(sel, legend, true);
    });
  });

  // lastCaret follows the selection in the article (ensureCaret).
  document.addEventListener("selectionchange", keepCaret);
  document.addEventListener("selectionchange", queueCaret);
  document.addEventListener("focusin", queueCaret);
  document.addEventListener("focusout", queueCaret);
  window.addEventListener("resize", queueCaret);
  // The caret is placed in the page's coordinates, so that it stays on its
  // character only while the text does not move. The text moves, with the
  // window the same size, when the page's style changes (a reader's text
  // spacing, a larger font) or the blocks above the caret take their real
  // height (content-visibility): each grows or shrinks the page, which
  // redraws a caret that shows.
  if (typeof ResizeObserver === "function") {
    new ResizeObserver(() => {
      if (caretEl && !caretEl.hidden) queueCaret();
    }).observe(document.documentElement);
  }

  // Dialogs. The app's dialogs are modal <dialog> elements: the rest of
  // the page is inert while one is open. Tab wraps inside the open one
  // rather than leaving for the browser's own controls.

  // openModal shows dialog id as a modal, which focuses its [autofocus]
  // element, else its first focusable one.
  function openModal(id) {
    const el = document.getElementById(id);
    if (!el || el.open || !el.showModal) return false;
    el.showModal();
    return true;
  }

  // closeModal closes dialog id (when it is still there) and gives the
  // focus back to opener, or to the article's frame when opener is gone
  // or was the page itself.
  function closeModal(id, opener) {
    const el = document.getElementById(id);
    if (el && el.open) el.close();
    let back = opener && opener.isConnected && opener !== document.body && typeof opener.focus === "function" ? opener : null;
    if (back && back.closest && back.closest("dialog")) back = null;
    back = back || frame();
    if (back) back.focus({ preventScroll: true });
    showCaret(false);
  }

  const FOCUSABLE = 'button, [href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  document.addEventListener("keydown", (e) => {
    if (e.key !== "Tab" || e.defaultPrevented) return;
    const d = document.querySelector("dialog[open]");
    if (!d) return;
    const items = [...d.querySelectorAll(FOCUSABLE)].filter((el) => !el.disabled && el.getClientRects().length > 0);
    const active = document.activeElement;
    if (items.length === 0) {
      e.preventDefault();
      return;
    }
    const first = items[0], last = items[items.length - 1];
    if (!d.contains(active)) {
      e.preventDefault();
      first.focus();
    } else if (e.shiftKey && active === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  }, true);

  // Type-ahead. A key whose command moves the focus (Enter to the
  // selected annotation's panel, Escape from a field back to the article,
  // a jump, the help) is carried out on Go's UI goroutine, a little after
  // its keydown; the keys typed meanwhile went where the focus still was.
  // On a loaded machine, "q Enter Tab Obama Escape" typed at speed lost the
  // speaker: the Tab left the article for the list's first button before
  // the panel had the focus, and the name was typed on that button. From
  // such a key (holdKeys, called in its keydown) until Go has moved the
  // focus (releaseKeys, once its render is done; at the latest holdLimit
  // ms after), the keys are held, then given in order to the element that
  // has the focus by then: each as a keydown that the app's own listeners
  // see, and, when none of them takes it, with the browser's usual effect
  // (typeKey). A key that holds again keeps the rest waiting. Keys typed
  // into an input method's composition are not held: their text cannot be
  // typed again from here.
  const holdLimit = 1000;
  let held = null; // the keys held, in order, or null when none is
  let holdTimer = 0;

  function holdKeys() {
    if (held === null) held = [];
    clearTimeout(holdTimer);
    holdTimer = setTimeout(releaseKeys, holdLimit);
  }

  // releaseKeys gives the held keys once the task that calls it ends,
  // before any other key's: it is called from Go, whose keydown listener
  // the keys go through again, once Go has given the page back.
  function releaseKeys() {
    queueMicrotask(giveHeld);
  }

  function giveHeld() {
    clearTimeout(holdTimer);
    const keys = held;
    held = null;
    if (!keys) return;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const target = document.activeElement || document.body;
      if (k.paste) {
        givePaste(target, k.paste);
        continue;
      }
      const ev = new KeyboardEvent("keydown", {
        key: k.key, code: k.code, ctrlKey: k.ctrlKey, shiftKey: k.shiftKey, altKey: k.altKey, metaKey: k.metaKey,
        repeat: k.repeat, bubbles: true, cancelable: true, composed: true,
      });
      const unhandled = target.dispatchEvent(ev);
      if (unhandled) typeKey(target, k);
      if (held !== null) {
        // The key's command holds the keys again, or the button that
        // typeKey pressed (app/listen.go): the rest wait for it.
        held.unshift(...keys.slice(i + 1));
        return;
      }
    }
  }

  // swallowPress is set while the last key pressed was held, or stopped
  // by a listener (the app's, for its commands): its keypress, which
  // Chromium sends after a keydown stopped for the keys of the DevTools
  // protocol (a keyboard's it drops), would act where the focus is by then:
  // a held letter typed twice, an Enter opening the panel's label list.
  let swallowPress = false;
  window.addEventListener("keydown", (e) => {
    if (!e.isTrusted) return;
    swallowPress = held !== null && !e.isComposing && e.keyCode !== 229 && !isPasteKey(e);
    if (!swallowPress) return;
    held.push({ key: e.key, code: e.code, ctrlKey: e.ctrlKey, shiftKey: e.shiftKey, altKey: e.altKey, metaKey: e.metaKey, repeat: e.repeat });
    e.preventDefault();
    e.stopImmediatePropagation();
  }, true);
  window.addEventListener("keydown", (e) => {
    if (e.isTrusted && e.defaultPrevented) swallowPress = true;
  });
  window.addEventListener("keypress", (e) => {
    if (!e.isTrusted || !swallowPress) return;
    e.preventDefault();
    e.stopImmediatePropagation();
  }, true);

  // A paste (Ctrl+V, ⌘V, Shift+Insert) typed ahead is held too, by its
  // content: its key goes on, for the browser to read the clipboard,
  // which a page cannot do later, and the paste event it fires is held
  // (the focus still where it was, it would have pasted there: into the
  // article, which opens what is pasted as a new article). Given, it is
  // typed into the text field that has the focus by then, or fired at
  // the element that has it, with the same data.
  function isPasteKey(e) {
    const v = e.code === "KeyV" || e.key === "v" || e.key === "V";
    return (v && (e.ctrlKey || e.metaKey) && !e.altKey) || (e.key === "Insert" && e.shiftKey && !e.ctrlKey);
  }
  window.addEventListener("paste", (e) => {
    if (held === null || !e.isTrusted || !e.clipboardData) return;
    const data = new DataTransfer();
    for (const type of e.clipboardData.types) {
      if (type !== "Files") data.setData(type, e.clipboardData.getData(type));
    }
    held.push({ paste: data });
    e.preventDefault();
    e.stopImmediatePropagation();
  }, true);

  function givePaste(target, data) {
    if (isTextField(target)) {
      const text = data.getData("text/plain");
      if (text) document.execCommand("insertText", false, target.tagName === "INPUT" ? text.replace(/\r?\n/g, " ") : text);
      return;
    }
    target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
  }

  // isTextField says whether el takes typed text.
  function isTextField(el) {
    if (!el || el.disabled || el.readOnly) return false;
    if (el.tagName === "TEXTAREA") return true;
    return el.tagName === "INPUT" && /^(text|search|url|email|tel|password|number)$/.test(el.type);
  }

  const mac = /^Mac/.test(navigator.platform); // the keys of a Mac's editing

  // afterGo, set by the app (onRendered), calls a function once the app
  // has carried out the events so far and drawn what they changed.
  let afterGo = null;
  function onRendered(fn) {
    afterGo = fn || null;
  }

  // edited holds the fields typed into since their last change event.
  const edited = new WeakSet();
  document.addEventListener("input", (e) => edited.add(e.target), true);
  document.addEventListener("change", (e) => edited.delete(e.target), true);

  // typeKey does what the browser does for a key that no listener took:
  // in a text field, types a character or a new line (textarea), deletes,
  // moves the caret or selects (editKey), fires the change of a one-line
  // field (Enter); in a select, chooses an option (chooseOption); Tab
  // moves the focus; Enter or Space presses a button or a link, Space
  // checks a box; PageDown, PageUp and Space elsewhere scroll (pageFrom).
  // A shortcut (Ctrl, Meta, Alt with a letter or a digit) does nothing
  // here: a browser's cannot be called from a page.
  // A character typed with AltGr (Ctrl and Alt, on Windows) or with
  // macOS's Option (Alt: "é", "€") is typed. execCommand types as the user
  // does: the field's input events fire, its undo keeps the text, and it
  // is changed for the change event that leaving it fires.
  function typeKey(el, k) {
    if (isTextField(el) && editKey(el, k)) return;
    if (clipboardKey(k)) return;
    const char = [...k.key].length === 1;
    const typed = char && !k.metaKey && (k.ctrlKey ? k.altKey : !k.altKey || !/^[A-Za-z0-9]$/.test(k.key));
    if (!typed && (k.ctrlKey || k.altKey || k.metaKey)) return;
    if (k.key === "Tab") {
      tabFrom(el, k.shiftKey);
      return;
    }
    if (isTextField(el)) {
      if (typed) document.execCommand("insertText", false, k.key);
      else if (k.key === "Enter" && el.tagName === "TEXTAREA") document.execCommand("insertText", false, "\n");
      else if (k.key === "Enter" && edited.has(el)) {
        // A one-line field's Enter fires its change event when its text
        // changed since the last one, as the browser's does: the
        // library's rename takes the title typed so. Typed ahead, the
        // Enter did nothing, the field stayed open, and the keys after it
        // went to it. Fired by the browser, as the focus leaves, so that
        // it counts the text as changed: a change of the page's own, it
        // fired another as the field went, whose handler took the focus
        // back. The change's handler may move the focus once drawn (the
        // rename's, to the row's Rename): the keys after it wait for that.
        edited.delete(el);
        el.blur();
        el.focus({ preventScroll: true });
        if (afterGo) {
          holdKeys();
          afterGo(releaseKeys);
        }
      }
      return;
    }
    if (el.tagName === "SELECT") {
      chooseOption(el, k, typed);
      return;
    }
    if ((k.key === "Enter" || k.key === " ") && (el.tagName === "BUTTON" || el.tagName === "SUMMARY" || el.tagName === "A" && k.key === "Enter")) {
      el.click();
    }
    // Space checks a box (the library's, which chooses its document).
    if (k.key === " " && el.tagName === "INPUT" && (el.type === "checkbox" || el.type === "radio")) el.click();
    // PageDown and PageUp, and Space (back with Shift) elsewhere than on a
    // control, scroll by a page: typed ahead after Escape from a field,
    // a reader's PageDown was lost.
    const control = el.closest && el.closest("button, summary, a, input, select, textarea, [role=button]");
    if (k.key === "PageDown" || k.key === "PageUp" || k.key === " " && !control) {
      pageFrom(el, k.key === "PageUp" || k.key === " " && k.shiftKey ? -1 : 1);
    }
  }

  // pageFrom scrolls by a page (dir 1, down; -1, up) the box that scrolls
  // el, or the window, as the browser's PageDown does: by seven eighths
  // of what shows, at least all of it but 40 px (Chromium's page step).
  function pageFrom(el, dir) {
    const step = (h) => dir * Math.max(h * 0.875, h - 40);
    for (let s = el; s && s !== document.body && s !== document.documentElement; s = s.parentElement) {
      if (scrollable(s)) {
        s.scrollBy({ top: step(s.clientHeight), behavior: "instant" });
        return;
      }
    }
    window.scrollBy({ top: step(window.innerHeight), behavior: "instant" });
  }

  // editKey does in text field el what the browser's editing does with
  // key k when it types nothing, and reports whether it did: the arrows,
  // Home and End move the caret (by a word with Ctrl, on a Mac with
  // Option; to the line's ends with ⌘ there, with Home and End elsewhere,
  // to the text's with Ctrl), Shift selecting; Backspace and Delete
  // delete (a word with Ctrl, Option on a Mac; to the line's start with
  // ⌘ Backspace); Ctrl+A (⌘A) selects the text, Ctrl+Z (⌘Z) undoes
  // and Ctrl+Shift+Z or Ctrl+Y (⌘⇧Z) redoes. Selection.modify moves as
  // those keys' own editing commands do, in a field too, a textarea's
  // lines and a right-to-left name included: typed ahead, Ctrl+Backspace,
  // Ctrl+A and Ctrl+Z did nothing (a name typed after them was added to the
  // one meant to go), Home in a note went to its start, not its line's,
  // and Shift+→ after Shift+← selected more rather than less.
  function editKey(el, k) {
    const plain = !k.ctrlKey && !k.altKey && !k.metaKey;
    const word = mac ? k.altKey && !k.ctrlKey && !k.metaKey : k.ctrlKey && !k.altKey && !k.metaKey;
    const cmd = mac && k.metaKey && !k.ctrlKey && !k.altKey;
    const sel = document.getSelection();
    let dir = null, by = null;
    switch (k.key) {
      case "ArrowLeft": case "ArrowRight":
        // On the screen, as the keys go: in a right-to-left name too.
        dir = k.key === "ArrowLeft" ? "left" : "right";
        by = plain ? "character" : word ? "word" : cmd ? "lineboundary" : null;
        break;
      case "ArrowUp": case "ArrowDown":
        dir = k.key === "ArrowUp" ? "backward" : "forward";
        by = plain ? "line" : cmd ? "documentboundary" : null;
        break;
      case "Home": case "End":
        dir = k.key === "Home" ? "backward" : "forward";
        by = mac ? null : plain ? "lineboundary" : word ? "documentboundary" : null;
        break;
      case "Backspace": case "Delete": {
        const back = k.key === "Backspace";
        if (!plain && !word && !(cmd && back)) return false;
        if (!plain && el.selectionStart === el.selectionEnd) sel.modify("extend", back ? "backward" : "forward", word ? "word" : "lineboundary");
        document.execCommand(back ? "delete" : "forwardDelete");
        return true;
      }
      default: {
        const mod = !k.altKey && (mac ? k.metaKey && !k.ctrlKey : k.ctrlKey && !k.metaKey);
        if (mod && k.code === "KeyA" && !k.shiftKey) el.select();
        else if (mod && k.code === "KeyZ") document.execCommand(k.shiftKey ? "redo" : "undo");
        else if (mod && k.code === "KeyY" && !mac && !k.shiftKey) document.execCommand("redo");
        else return false;
        return true;
      }
    }
    if (!by) return false;
    sel.modify(k.shiftKey ? "extend" : "move", dir, by);
    return true;
  }

  // clipboardKey copies (Ctrl+C, ⌘C) or cuts (Ctrl+X, ⌘X) the selection,
  // as the browser's keys do, and reports whether k was one of them.
  // Typed ahead, they did nothing: the clipboard kept what it held, which
  // the next paste put in. The key was the user's, whose activation lets
  // the page's execCommand write the clipboard; a cut outside a text field
  // does nothing, as the browser's does.
  function clipboardKey(k) {
    const mod = !k.altKey && !k.shiftKey && (mac ? k.metaKey && !k.ctrlKey : k.ctrlKey && !k.metaKey);
    if (!mod || (k.code !== "KeyC" && k.code !== "KeyX")) return false;
    try {
      document.execCommand(k.code === "KeyC" ? "copy" : "cut");
    } catch (e) {
      // Not allowed: as a key the browser refused.
    }
    return true;
  }

  // chooseOption does what a closed select does with a key: a letter
  // chooses the next option its text begins with (the letters typed
  // within a second, the option they begin), the arrows the next or the
  // previous option, Home and End the first and the last; the disabled
  // ones are passed over, and the choice fires the select's input and
  // change events. Enter's panel puts the focus on the label's select:
  // "Enter c" typed ahead relabelled nothing where at a reader's pace it
  // relabels the annotation a claim, the c lost. On a Mac, the arrows
  // open the list, which a page cannot do: they are left.
  let selectTyped = { el: null, text: "", at: 0 };
  function chooseOption(el, k, typed) {
    if (el.disabled || el.multiple || el.size > 1) return;
    const opts = [...el.options].filter((o) => !o.disabled && !(o.parentElement.tagName === "OPTGROUP" && o.parentElement.disabled));
    if (opts.length === 0) return;
    const at = opts.indexOf(el.options[el.selectedIndex]);
    let to = null;
    const now = performance.now(), c = k.key.toLowerCase();
    const searching = selectTyped.el === el && now - selectTyped.at < 1000;
    if (typed && (c !== " " || searching)) { // a space, but within a word, opens the list
      const t = searching ? selectTyped.text + c : c;
      selectTyped = { el, text: t, at: now };
      // One letter, typed once or again and again: the options it begins
      // in turn, from the one after the choice; more: the first option
      // from the choice that they begin.
      const again = [...t].every((l) => l === c);
      const prefix = again ? c : t, from = again ? at + 1 : Math.max(at, 0);
      for (let n = 0; n < opts.length && !to; n++) {
        const o = opts[(from + n) % opts.length];
        if (o.text.trim().toLowerCase().startsWith(prefix)) to = o;
      }
    } else if (!mac && !k.altKey && !k.ctrlKey && !k.metaKey) {
      switch (k.key) {
        case "ArrowDown": case "ArrowRight": to = opts[Math.min(at + 1, opts.length - 1)]; break;
        case "ArrowUp": case "ArrowLeft": to = opts[Math.max(at - 1, 0)]; break;
        case "Home": to = opts[0]; break;
        case "End": to = opts[opts.length - 1]; break;
      }
    }
    if (!to || to.selected) return;
    to.selected = true;
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.dispatchEvent(new Event("change", { bubbles: true }));
  }

  // tabFrom moves the focus as Tab (back with Shift) does: to the next
  // element that takes the focus in the page's order, kept within an open
  // dialog (its own listener above turns at its ends). A control disabled
  // by its fieldset (the panel's, in a tab that shows the document
  // read-only) is no stop, its own disabled unset: the focus, given to
  // it, stayed where it was.
  function tabFrom(el, back) {
    const scope = document.querySelector("dialog[open]") || document;
    const items = [...scope.querySelectorAll(FOCUSABLE)].filter((c) => !c.matches(":disabled") && c.tabIndex >= 0 && c.getClientRects().length > 0 && !c.closest("[inert]"));
    if (items.length === 0) return;
    let i = items.indexOf(el);
    if (i < 0) {
      // The focus is on no item (the body): the first after it in the
      // page's order, or the last before it.
      i = items.findIndex((c) => el.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING);
      if (i < 0) i = items.length;
      i = back ? i - 1 : i;
    } else {
      i = back ? i - 1 : i + 1;
    }
    const next = items[(i + items.length) % items.length];
    next.focus();
    // As Tab does: a one-line field's text is selected, a textarea's caret
    // stays where it was.
    if (isTextField(next) && next.tagName === "INPUT") next.select();
  }

  // clear removes the selection.
  function clear() {
    const sel = document.getSelection();
    if (sel) sel.removeAllRanges();
  }

  // selectionHTML returns the selection's content as HTML, for a copy's
  // clipboard (app/listen.go), which then takes the article's own text as
  // its plain text.
  function selectionHTML() {
    const sel = document.getSelection();
    if (!sel || sel.rangeCount === 0) return "";
    const box = document.createElement("div");
    for (let i = 0; i < sel.rangeCount; i++) box.appendChild(sel.getRangeAt(i).cloneContents());
    return box.innerHTML;
  }

  // text returns the text of the range between two text positions, as
  // Range.toString gives it (for tests and diagnostics).
  function text(sn, so, en, eo) {
    article();
    const r = rangeOf(sn, so, en, eo);
    return r ? r.toString() : "";
  }

  // nodeCount returns the number of text nodes under the article's root,
  // 0 when there is no article.
  function nodeCount() {
    article();
    return nodes.length;
  }

  // reindex forgets the cached text nodes, for when the article's DOM
  // changed in place; it returns the new count.
  function reindex() {
    root = null;
    return nodeCount();
  }

  // highlightsPending says whether a paint or a patch waits for the frame
  // that shows it, for web/sidebar.js (checkList).
  function highlightsPending() {
    return highlightsChanged;
  }

  // The page's other scripts (web/sidebar.js, web/page.js,
  // web/workspace.js) add their functions to the same object.
  window.annotator = Object.assign(window.annotator || {}, {
    nodeCount, reindex, selection, caretAt, paint, patch, highlights, scrollTo, showSpan, placeAtTop, scrollToPlace, select, extend,
    move, caret, place, collapse, focusText, focusFrameIfLost, openModal, closeModal, clear, text, selectionHTML, afterFrame,
    highlightsPending, holdKeys, releaseKeys, onRendered,
  });
})();
