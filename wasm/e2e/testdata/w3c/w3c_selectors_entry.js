// The entry of w3c_selectors.js: Apache Annotator's TextQuoteSelector
// matcher (@apache-annotator/dom), an implementation of the W3C selectors
// independent of the annotator's, exposed to the browser test as
// window.w3cSelectors.matchAll.
import { createTextQuoteSelectorMatcher } from '@apache-annotator/dom';

// nonSpace counts the code points of s that are not HTML white space.
function nonSpace(s) {
  let n = 0;
  for (const c of s) {
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r' && c !== '\f') n++;
  }
  return n;
}

window.w3cSelectors = {
  // matchAll runs each selector over the article (article.doc) and
  // returns, for each, its matches (at most three): the text of the match
  // and how many non-white-space code points of the article come before it.
  async matchAll(selectors) {
    const root = document.querySelector('article.doc');
    const out = [];
    for (const selector of selectors) {
      const matches = [];
      for await (const match of createTextQuoteSelectorMatcher(selector)(root)) {
        const before = document.createRange();
        before.setStart(root, 0);
        before.setEnd(match.startContainer, match.startOffset);
        matches.push({ text: match.toString(), before: nonSpace(before.toString()) });
        if (matches.length >= 3) break;
      }
      out.push(matches);
    }
    return out;
  },
};
