// sidebar.js: the sidebar's list of annotations, its counts and the
// selected annotation's panel, as drawn in the turn of a change, for
// app/sidebar.go and app/selected.go (window.annotator's setRows,
// setCounts, putSelected, watchList and revealRow).
//
// The rule it keeps: it writes only what Go hands it, and writes the nodes
// go-app made in place (a text node's value, an element's property), so
// that go-app's next render of the sidebar finds its own nodes and writes
// the same. The page's Content-Security-Policy allows no inline style; the
// list's padding is set through the CSSOM.
(function () {
  "use strict";

  // The sidebar's list of annotations draws only the rows near the view
  // (app/sidebar.go): on an article of 2,000 annotations, drawing them all
  // after every tag took longer than a frame. Its <ol id="entries"> says
  // which rows it holds (data-first, the index of the first; data-total,
  // the rows of the whole list), its rows are all of one height (the
  // page's CSS: --entry-pitch), and the rows not drawn are padding above
  // and below, set here (the page's Content-Security-Policy allows no
  // inline style). When the rows in view come near an edge of the rows
  // drawn, in the frame of a scroll or after the list changed, the
  // callback that Go gave to watchList is called with the rows in view.
  let listWatcher = null, listObserver = null, listQueued = false;
  // revealing counts the reveals asked for (revealRow) whose scroll has not
  // run yet: until it has, the view is the one the list is about to leave,
  // and a report of it would draw the rows there, without the row being
  // revealed (seen: the row of a tag far from the rows drawn gone for two
  // frames, then back).
  let revealing = 0;

  // listView returns the list and the rows of it in view, or null when
  // there is no list to watch.
  function listView() {
    const list = document.getElementById("entries");
    if (!list || list.dataset.total === undefined) return null;
    const rows = list.children;
    const total = +list.dataset.total, first = +list.dataset.first;
    if (rows.length < 1) return null;
    const pitch = rowPitch(list, rows, first, total);
    if (!(pitch > 0)) return null;
    const box = list.closest(".sidebar");
    const lr = list.getBoundingClientRect();
    const seen = seenOf(box);
    const top = seen.top - lr.top, bottom = seen.bottom - lr.top;
    const from = Math.max(0, Math.min(total, Math.floor(top / pitch)));
    const to = Math.max(from, Math.min(total, Math.ceil(bottom / pitch)));
    return { list, box, first, count: rows.length, total, from, to, pitch };
  }

  // rowPitch returns the distance between the tops of two rows: measured
  // between the first two drawn, or, with one row drawn (the row of a tag
  // far from the others is drawn alone before the frame), from the padding
  // that stands for the rows not drawn, which is that pitch times their
  // number.
  function rowPitch(list, rows, first, total) {
    if (rows.length >= 2) return rows[1].offsetTop - rows[0].offsetTop;
    const style = getComputedStyle(list);
    if (first > 0) return parseFloat(style.paddingTop) / first;
    const after = total - first - rows.length;
    if (after > 0) return parseFloat(style.paddingBottom) / after;
    // The list's one row (a document's first annotation, a filter that
    // lists one): its own height. It was 0, no view of the list was made,
    // and the sheet never showed the panel's first field (the speaker of
    // a first quote tagged by touch).
    return total === rows.length ? rows[0].offsetHeight : 0;
  }

  // seenOf returns the part of the sidebar's box that shows: the box within
  // the window; or, when none of it is in the window (a narrow window puts
  // the sidebar below the article), the box itself, which shows its rows
  // there once the page is scrolled to it.
  function seenOf(box) {
    const h = window.innerHeight;
    if (!box) return { top: 0, bottom: h };
    const r = box.getBoundingClientRect();
    if (r.bottom <= 0 || r.top >= h) return { top: r.top, bottom: r.bottom };
    // The sidebar's head stays at its top, over the rows scrolled under it.
    const head = box.querySelector(".sidebar-head");
    const bottom = Math.min(r.bottom, h);
    const top = Math.max(r.top, 0, head ? head.getBoundingClientRect().bottom : 0);
    return { top: Math.min(top, bottom), bottom };
  }

  // The browser's own scrolls to a row (the focus moving down the list)
  // must stop below the sidebar's head too: the sidebar's scroll padding
  // follows the head's height (the page's Content-Security-Policy allows
  // no inline style, hence the CSSOM). watchHead observes the head of box,
  // once, and again when go-app has drawn the sidebar anew.
  let headObserver = null, observedHead = null;
  function watchHead(box) {
    const head = box ? box.querySelector(".sidebar-head") : null;
    if (head === observedHead) return;
    if (headObserver) headObserver.disconnect();
    headObserver = null;
    observedHead = head;
    if (!head || typeof ResizeObserver !== "function") return;
    let height = -1;
    headObserver = new ResizeObserver(() => {
      const h = head.offsetHeight;
      // A head that scrolls with the list (a short window's sheet) covers
      // none of it.
      box.style.scrollPaddingTop = (getComputedStyle(head).position === "sticky" ? h : 0) + "px";
      if (height >= 0 && h > height) keepSelectedBelow(box, head, h - height);
      height = h;
    });
    headObserver.observe(head);
  }

  // keepSelectedBelow scrolls the list down by what of the selected row the
  // head, grown by grew pixels, now covers. The head grows when the panel
  // of the selected annotation needs more fields (a quote's speaker): go-app
  // may draw them a frame after the reveal of the row was measured, and the
  // row the annotator had just chosen, or that an undo had brought back,
  // went under the head. A row that was out of view before stays where it is.
  function keepSelectedBelow(box, head, grew) {
    const li = document.querySelector("#entries > li.selected");
    if (!li) return;
    const r = li.getBoundingClientRect(), below = head.getBoundingClientRect().bottom;
    if (r.top < below && r.bottom > below - grew) box.scrollTop -= below - r.top;
  }

  // padList gives the list the padding that stands for its rows not drawn.
  function padList() {
    const list = document.getElementById("entries");
    if (!list || list.dataset.total === undefined) return;
    const first = +list.dataset.first, after = +list.dataset.total - first - list.children.length;
    list.style.setProperty("--rows-before", String(first));
    list.style.setProperty("--rows-after", String(Math.max(0, after)));
  }

  // checkList reports the rows in view when they come within half a view
  // (minLead rows at least) of an edge of the rows drawn (or past it) where
  // more rows lie beyond, so that the rows next to the view are drawn too:
  // Tab, moving the focus down the list, always finds the next row there.
  // The sidebar's head can leave the list a view of three or four rows, and
  // half of that was too short a lead: on a loaded machine, Tab pressed
  // row after row reached the last row drawn before Go had drawn the next.
  const minLead = 8;
  function checkList() {
    listQueued = false;
    if (revealing > 0) return; // the reveal's scroll checks again
    const v = listView();
    if (!v || !listWatcher) return;
    const margin = Math.max(minLead, Math.floor((v.to - v.from) / 2));
    const end = v.first + v.count;
    if ((v.first > 0 && v.from < v.first + margin) || (end < v.total && v.to > end - margin)) {
      if (!highlightsPending()) {
        listWatcher(v.from, v.to);
        return;
      }
      // In the frame that shows a change of the highlights, Go hears it in
      // a task after the frame: called here, in the frame's callback, Go
      // would run every goroutine ready to run before it returns, go-app's
      // render among them when its ticker is due, and the frame would wait
      // for that render and for the rows it draws (seen: 6 ms of Go and 15
      // ms of layout in the highlight's frame of a tag far from the rows
      // drawn; Event Timing's key → frame presented, p95 of 40 tags, 72 ms,
      // and 40 ms with this). A scroll's look calls Go at once, so that the
      // rows come into view as they are drawn (Tab down the list).
      const fn = listWatcher, from = v.from, to = v.to;
      setTimeout(() => {
        if (listWatcher === fn) fn(from, to);
      }, 0);
    }
  }

  // Tab (Shift+Tab) on the last row drawn (the first), with rows beyond it
  // not drawn yet, would take the focus out of the list to the page's next
  // control. The rows near the view are drawn a frame or two after the
  // scroll that the focus made, and a Tab held down, or pressed on a loaded
  // machine, can come sooner (seen: one run in ten of a test that tabs down
  // 55 rows). So that key waits: the rows around the next one are asked
  // for, and the focus goes to it once it is drawn (focusWanted), as Tab
  // would have moved it, scrolling it into view. Any other key, click or
  // focus meanwhile, or a second passing, forgets it.
  let tabWanted = null; // {total, index} of the row the focus is to go to
  document.addEventListener("keydown", (e) => {
    tabWanted = null;
    if (e.key !== "Tab" || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || !listWatcher) return;
    const li = e.target && e.target.closest ? e.target.closest("#entries > li") : null;
    if (!li) return;
    const list = li.parentElement, total = +list.dataset.total, first = +list.dataset.first;
    const next = first + Array.prototype.indexOf.call(list.children, li) + (e.shiftKey ? -1 : 1);
    if (next < 0 || next >= total || (next >= first && next < first + list.children.length)) return;
    e.preventDefault();
    const wanted = { total, index: next };
    tabWanted = wanted;
    setTimeout(() => { if (tabWanted === wanted) tabWanted = null; }, 1000);
    listWatcher(next, Math.min(total, next + 1));
  }, true);
  document.addEventListener("pointerdown", () => { tabWanted = null; }, true);

  // focusWanted gives the focus to the row Tab waits for (see tabWanted),
  // once it is drawn.
  function focusWanted() {
    if (!tabWanted) return;
    const list = document.getElementById("entries");
    if (!list || +list.dataset.total !== tabWanted.total) {
      tabWanted = null;
      return;
    }
    const li = list.children[tabWanted.index - +list.dataset.first];
    if (!li || tabWanted.index < +list.dataset.first) return;
    tabWanted = null;
    const main = li.querySelector(".entry-main");
    if (main) main.focus();
  }

  function queueList() {
    if (listQueued || !listWatcher) return;
    listQueued = true;
    requestAnimationFrame(checkList);
  }

  // watchList calls fn(from, to) whenever rows from to to (excluded) are
  // in view and near an edge of the rows drawn (see checkList); null stops
  // it. The padding follows every
  // change of the sidebar at once, before the browser draws it.
  function watchList(fn) {
    listWatcher = fn || null;
    if (listObserver) listObserver.disconnect();
    listObserver = null;
    const box = document.querySelector(".sidebar");
    if (!listWatcher || !box) return;
    listObserver = new MutationObserver(() => {
      watchHead(box);
      padList();
      queueList();
      focusWanted();
    });
    listObserver.observe(box, { childList: true, subtree: true });
    watchHead(box);
    padList();
    queueList();
  }
  document.addEventListener("scroll", queueList, { capture: true, passive: true });
  window.addEventListener("resize", queueList);

  // setRows puts in the list the rows of places first+1… of a list of
  // total, in the order of ids (comma-separated): a row whose HTML (an
  // <li data-id=…>, written by Go: app/entries_html.go) is in html is put
  // anew, in place of its old one if drawn; a row not in html is kept as
  // drawn, untouched; a row drawn and not in ids goes. So a tag, a
  // relabel or a new selection changes a row or two, not the list, and Go
  // does it in the same turn as the highlight, before the frame (go-app
  // would redraw the list whole, on its own ticker, frames later). Each
  // row then says its place to screen readers; the padding follows; a
  // row that had the focus keeps it when it is drawn again.
  //
  // gen is the list as drawn after this call, prev as Go last drew it:
  // when the list is another (go-app has drawn the sidebar anew, and the
  // list empty), or a kept row is missing, nothing changes and it returns
  // -1, and Go sends every row with prev 0, which draws the list anew.
  // It returns the rows drawn.
  function setRows(prev, gen, first, total, ids, html) {
    const list = document.getElementById("entries");
    if (!list) return -1;
    if (prev !== 0 && list.dataset.gen !== String(prev)) return -1;
    const fresh = new Map();
    if (html) {
      const t = document.createElement("template");
      t.innerHTML = html;
      for (const li of t.content.children) fresh.set(li.dataset.id, li);
    }
    const drawn = new Map();
    if (prev !== 0) for (const li of list.children) drawn.set(li.dataset.id, li);
    const rows = [];
    for (const id of ids ? ids.split(",") : []) {
      const li = fresh.get(id) || drawn.get(id);
      if (!li) return -1;
      rows.push(li);
    }
    const active = document.activeElement;
    const focused = active && active.closest ? active.closest("#entries > li") : null;
    // A node taken out of the page costs Chromium a pass over every live
    // Range of the document: with the highlights' 2,000 ranges live, 0.2–1
    // ms a row, 10–30 ms for a list of 60 taken out one by one when the
    // view jumps to another part of the list (the highlights now hold
    // StaticRanges: see highlightRange). So when most rows go, the list is
    // emptied and filled again in one call; else the rows that go go one
    // by one, and the others stay as they are, laid out.
    const keep = new Set(rows);
    const gone = [...list.children].filter((li) => !keep.has(li));
    if (gone.length > 2 && 2 * gone.length > list.children.length) list.replaceChildren(...rows);
    else for (const li of gone) li.remove();
    let at = list.firstElementChild;
    rows.forEach((li, i) => {
      if (li === at) at = at.nextElementSibling;
      else list.insertBefore(li, at);
      const place = String(first + i + 1), size = String(total);
      if (li.getAttribute("aria-posinset") !== place) li.setAttribute("aria-posinset", place);
      if (li.getAttribute("aria-setsize") !== size) li.setAttribute("aria-setsize", size);
    });
    list.dataset.first = String(first);
    list.dataset.total = String(total);
    list.dataset.gen = String(gen);
    padList();
    focusWanted();
    if (focused && (!document.activeElement || document.activeElement === document.body)) {
      const li = document.getElementById("entry-" + focused.dataset.id);
      if (li && li.parentElement === list) li.querySelector(".entry-main").focus({ preventScroll: true });
    }
    return rows.length;
  }

  // textOf returns the text node go-app made as el's first child, or null:
  // setCounts and putSelected write through it, so that go-app's next
  // render finds the node it made.
  function textOf(el) {
    const node = el && el.firstChild;
    return node && node.nodeType === Node.TEXT_NODE ? node : null;
  }

  // setCounts writes the sidebar's counts in the turn of a change, with its
  // rows (setRows): the text of the element titleID to title, and of the
  // ".count" in each element of ids (comma-separated) to the count in the
  // same place of counts. go-app draws them with the rest of the sidebar, two
  // or three frames later (app/sidebar.go, putCounts); it writes a text
  // through the text node it made, so the node is changed in place, never
  // replaced, and go-app's next render finds it.
  //
  // The element emptyID says that the list is empty: it shows with the
  // text empty, and hides when empty is "". go-app draws it always, hidden
  // when the list is not empty, so that it comes and goes here with the
  // rows.
  function setCounts(titleID, title, ids, counts, emptyID, empty) {
    const put = (el, text) => {
      const node = textOf(el);
      if (node && node.nodeValue !== text) node.nodeValue = text;
    };
    put(document.getElementById(titleID), title);
    const values = counts.split(",");
    ids.split(",").forEach((id, i) => {
      const el = document.getElementById(id);
      put(el && el.querySelector(".count"), values[i]);
    });
    const line = emptyID && document.getElementById(emptyID);
    if (line) {
      if (empty) put(line, empty);
      if (line.hidden !== !empty) line.hidden = !empty;
    }
  }

  // putSelected shows an annotation (v, as JSON: app/selected.go's
  // panelView) in the panel of the selected annotation, in the turn of the
  // change that selected or relabelled it, when the panel go-app drew has
  // the same fields (it shows or hides them as the label takes them);
  // go-app draws the same two or three frames later. Like setCounts, it
  // writes texts through the text nodes go-app made and values through the
  // properties go-app sets, so that go-app's next render finds its own
  // nodes and writes the same. A panel that already shows the annotation
  // gets its label (a relabel) and the values it holds now (an undone
  // edit), but in the field that has the focus: that one may hold what
  // the annotator is typing. It returns whether the panel shows it.
  //
  // With json empty (none selected) it hides the panel. A hidden panel is
  // filled anew when shown again: no one types in it while it is hidden.
  function putSelected(json) {
    const panel = document.getElementById("selected");
    if (!panel) return false;
    if (!json) {
      panel.hidden = true;
      delete panel.dataset.id;
      return true;
    }
    const v = JSON.parse(json);
    const same = panel.dataset.id === v.id;
    const badge = panel.querySelector(".selected-text .badge");
    const shown = [badge, panel.querySelector(".selected-text .excerpt"), panel.querySelector(".span-info")].map(textOf);
    const select = document.getElementById("edit-label"), note = document.getElementById("edit-note");
    const inputs = [...panel.querySelectorAll(".editor input")];
    if (shown.includes(null) || !select || !note || ![...select.options].some((o) => o.value === v.label) ||
      inputs.length !== v.fields.length || inputs.some((el, i) => el.dataset.attr !== v.fields[i] || !el.closest("label"))) {
      return same;
    }
    panel.hidden = false;
    // The labels its span has in other annotations are offered disabled
    // (v.taken, in the options' order): a relabel to one is refused, and
    // the arrow keys, which relabel at each step, pass over them.
    [...select.options].forEach((o, i) => {
      const off = !!v.taken[i];
      if (o.disabled !== off) o.disabled = off;
    });
    if (same) {
      // The values the annotation holds now (an undo or a redo of an
      // edit): go-app does not write them, as it never clears a field's
      // value nor a textarea's once typed in, and a field left with an
      // undone value put it back at the next edit.
      putValues(inputs, v.values, note, v.note, true);
      // The label's select too, focused or not: a relabel chosen there
      // and refused left it showing the label refused over the one kept.
      // A select holds nothing typed.
      if (select.value !== v.label) select.value = v.label;
      if (shown[0].nodeValue === v.label) return true;
    }
    // Its label, and the fields the label shows.
    shown[0].nodeValue = v.label;
    for (const el of [panel, badge]) {
      el.classList.remove(...v.classes);
      el.classList.add(v.class);
    }
    select.value = v.label;
    inputs.forEach((el, i) => { el.closest("label").hidden = !v.shown[i]; });
    if (same) return true;
    // Another annotation: its text and values.
    if (shown[1].nodeValue !== v.excerpt) shown[1].nodeValue = v.excerpt;
    if (shown[2].nodeValue !== v.span) shown[2].nodeValue = v.span;
    putValues(inputs, v.values, note, v.note, false);
    panel.dataset.id = v.id;
    return true;
  }

  // putValues writes the values of the panel's fields (inputs, in the
  // order of values) and of its note. With spareFocused, the field that
  // has the focus is left as it is: it holds what the annotator is typing,
  // which its change event keeps.
  function putValues(inputs, values, note, noteValue, spareFocused) {
    const put = (el, value) => {
      if (el.value !== value && !(spareFocused && el === document.activeElement)) el.value = value;
    };
    inputs.forEach((el, i) => put(el, values[i]));
    put(note, noteValue);
  }

  // revealRow scrolls the sidebar, when it scrolls, just enough to show
  // row i of the list (drawn or not), in the next frame: measuring the
  // list at once, right after Go drew it, forced a layout of the whole
  // page of its own (13–16 ms on an article of 50,000 words, measured with
  // the tagging benchmark) before the browser could draw the new list; in
  // the frame, it is the frame's own layout.
  //
  // again marks the reveal that Go asks for once more after go-app's
  // render (the selected annotation's panel, above the list, may have
  // pushed the row down): it does not scroll the list back when the list
  // is no longer where the reveal before left it, the reader having
  // scrolled it since (seen: the list taken back down a moment after the
  // reader scrolled it to its top).
  function revealRow(i, again) {
    padList();
    revealing++;
    requestAnimationFrame(() => {
      revealing--;
      const box = document.querySelector(".sidebar");
      if (!(again && box && revealedTop >= 0 && box.scrollTop !== revealedTop)) scrollToRow(i);
      queueList();
    });
  }
  // revealedTop is where the last reveal left the sidebar's scroll.
  let revealedTop = -1;
  function scrollToRow(i) {
    const v = listView();
    if (!v || !v.box) return;
    if (v.box.scrollHeight > v.box.clientHeight) {
      const lr = v.list.getBoundingClientRect(), seen = seenOf(v.box);
      const seenTop = seen.top, seenBottom = seen.bottom;
      const top = lr.top + i * v.pitch, bottom = top + v.pitch;
      if (top < seenTop) v.box.scrollTop -= seenTop - top;
      else if (bottom > seenBottom) v.box.scrollTop += bottom - seenBottom;
    }
    showPanel(v.box);
    revealedTop = v.box.scrollTop;
  }

  // showPanel scrolls the sheet (the sidebar along a narrow window's
  // bottom, app.css) so that the selected annotation's panel shows from
  // its top down to its first field, over the row's place: in a short
  // window, revealing the row took the panel away, under the list below
  // the head that scrolls itself (375 × 560), or out of the sheet above
  // it where head and list scroll as one (740 × 360), and a quote tagged
  // or tapped by touch, which has no Enter to go there, showed no field
  // for its speaker. A row chosen in the list (the focus there) keeps its
  // place.
  // The sheet is the sidebar of a window under 900 px wide (app.css):
  // asked of the media query, not of the sidebar's computed style, which
  // made the browser work out the page's style in the middle of a frame.
  const sheetLayout = window.matchMedia("(max-width: 900px)");
  function showPanel(box) {
    if (!sheetLayout.matches || box.contains(document.activeElement)) return;
    const panel = document.getElementById("selected");
    const field = panel && !panel.hidden ? panel.querySelector(".editor label:not([hidden]) :is(input, textarea)") : null;
    if (!field) return;
    const head = box.querySelector(".sidebar-head");
    const scroller = head && head.scrollHeight > head.clientHeight ? head : box;
    const view = scroller.getBoundingClientRect();
    const top = panel.getBoundingClientRect().top, bottom = field.getBoundingClientRect().bottom;
    const seenBottom = Math.min(view.bottom, window.innerHeight);
    if (top < view.top) scroller.scrollTop -= view.top - top;
    else if (bottom > seenBottom) scroller.scrollTop += Math.min(top - view.top, bottom - seenBottom);
  }


  // highlightsPending says whether a change of the highlights waits for
  // the frame that shows it (web/annotator.js).
  function highlightsPending() {
    const a = window.annotator;
    return !!(a && a.highlightsPending && a.highlightsPending());
  }

  // setOrphans puts in the list of orphans the rows of ids
  // (comma-separated), in that order: a row whose HTML (an
  // <li data-id=…>, written by Go: app/orphans_html.go) is in html is put
  // anew; a row not in html is kept as drawn, untouched; a row drawn and
  // not in ids goes. So a drop changes one row, not every row after it.
  // When a kept row is missing (go-app drew the list anew, empty),
  // nothing changes and it returns -1, and Go sends every row. It returns
  // the rows drawn. The list keeps its one Tab stop (see roveOrphans).
  function setOrphans(ids, html) {
    const list = document.getElementById("orphan-list");
    if (!list) return -1;
    const fresh = new Map(), drawn = new Map();
    if (html) {
      const t = document.createElement("template");
      t.innerHTML = html;
      for (const li of t.content.children) fresh.set(li.dataset.id, li);
    }
    for (const li of list.children) drawn.set(li.dataset.id, li);
    const rows = [];
    for (const id of ids ? ids.split(",") : []) {
      const li = fresh.get(id) || drawn.get(id);
      if (!li) return -1;
      rows.push(li);
    }
    // The list's Tab stop (see roveOrphans), and where it was.
    const stop = list.querySelector('button[tabindex="0"]');
    const stopRow = stop ? Array.prototype.indexOf.call(list.children, stop.closest("li")) : 0;
    const hadFocus = !!stop && stop === document.activeElement;
    const keep = new Set(rows);
    for (const li of [...list.children]) if (!keep.has(li)) li.remove();
    let at = list.firstElementChild;
    for (const li of rows) {
      if (li === at) at = at.nextElementSibling;
      else list.insertBefore(li, at);
    }
    const kept = !stop && orphanStop ? rows.find((li) => li.dataset.id === orphanStop.id) : null;
    if (kept) {
      // The list drawn anew, empty (go-app draws the sidebar anew coming
      // back from the library): the stop stays on the orphan that had it,
      // which the annotator was on; it went back to the first one's Place.
      roveOrphans(list, kept.querySelector(orphanStop.kind));
    } else if (!stop || !list.contains(stop)) {
      // Its row went (a drop, a placement): the same button of the row
      // now in its place, or of the last, takes the stop, and the focus
      // when it had it, so that the keyboard stays on the orphans.
      const li = list.children[Math.min(stopRow, list.children.length - 1)];
      const next = li && li.querySelector(stop && stop.classList.contains("drop") ? ".drop" : ".place");
      if (next) {
        roveOrphans(list, next);
        if (hadFocus && (!document.activeElement || document.activeElement === document.body)) next.focus();
      }
    }
    return rows.length;
  }

  // The list of orphans is one Tab stop: 300 orphans put 600 Place and
  // Drop buttons in the Tab order before the list of annotations. One of
  // its buttons is in the Tab order (tabindex 0: at first the first
  // one's Place, chosen by setOrphans, as Go writes every button with
  // -1), the others not; the arrow keys move the focus between them,
  // ↑ ↓ Home End between orphans, ← → between Place and Drop, and the
  // button focused (by the keys, a click) becomes the stop (Delete, which
  // drops the orphan, is app/keys.go's). roveOrphans makes button the
  // stop of list, and remembers it by its orphan's id, for a list drawn
  // anew (setOrphans).
  let orphanStop = null;
  function roveOrphans(list, button) {
    orphanStop = {id: button.closest("li").dataset.id, kind: button.classList.contains("drop") ? ".drop" : ".place"};
    const old = list.querySelector('button[tabindex="0"]');
    if (old === button) return;
    if (old) old.setAttribute("tabindex", "-1");
    button.setAttribute("tabindex", "0");
  }
  document.addEventListener("focusin", (e) => {
    const b = e.target && e.target.closest ? e.target.closest("#orphan-list button") : null;
    if (b) roveOrphans(b.closest("#orphan-list"), b);
  });
  document.addEventListener("keydown", (e) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const b = e.target && e.target.closest ? e.target.closest("#orphan-list button") : null;
    if (!b) return;
    const li = b.closest("li"), rows = li.parentElement.children;
    const i = Array.prototype.indexOf.call(rows, li);
    let row = null, kind = b.classList.contains("drop") ? ".drop" : ".place";
    switch (e.key) {
      case "ArrowDown": row = rows[i + 1]; break;
      case "ArrowUp": row = rows[i - 1]; break;
      case "Home": row = rows[0]; break;
      case "End": row = rows[rows.length - 1]; break;
      case "ArrowRight": row = li; kind = ".drop"; break;
      case "ArrowLeft": row = li; kind = ".place"; break;
      default: return;
    }
    e.preventDefault(); // not a scroll of the sidebar
    const to = row && row.querySelector(kind);
    if (to && to !== b) to.focus();
  });
  // orphanRows returns how many rows the list of orphans holds, or -1
  // when there is no list: Go tells so that go-app drew it anew, empty.
  function orphanRows() {
    const list = document.getElementById("orphan-list");
    return list ? list.childElementCount : -1;
  }
  // An orphan's Place button places it on the text selected in the
  // article: its mousedown would take that selection away first.
  document.addEventListener("mousedown", (e) => {
    if (e.target && e.target.closest && e.target.closest("#orphan-list .place")) e.preventDefault();
  }, true);

  window.annotator = Object.assign(window.annotator || {}, {
    watchList, setRows, setCounts, putSelected, revealRow, setOrphans, orphanRows,
  });
})();
