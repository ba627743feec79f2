// Package annotate is the annotator's domain: everything about articles and
// their annotations that can be decided without a browser.
package annotate
