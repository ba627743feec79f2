// This file is not upstream's: it is the newsannotator patch (see
// third_party/README.md), and keeps one rule for the package: no regular
// expression is compiled when the program starts. The app runs in the
// browser as WebAssembly, where every package initialises before the
// first paint and start-up code runs 40 to 60 times slower than natively;
// compiled at start, this package's expressions cost milliseconds there.

package css

import (
	"regexp"
	"sync"
)

// lazyRegexp is a regular expression compiled on its first use. A
// package-level &lazyRegexp{expr: ...} is static data: it costs nothing at
// start, where regexp.MustCompile would compile there and then.
type lazyRegexp struct {
	expr string
	once sync.Once
	re   *regexp.Regexp
}

// Regexp returns the compiled expression, compiling it on the first call;
// an expression that does not compile panics there, as MustCompile would
// have at start.
func (l *lazyRegexp) Regexp() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.expr) })
	return l.re
}

// The methods of regexp.Regexp that the package calls on these values,
// so that the calls read as they did upstream.

// MatchString is regexp.Regexp.MatchString.
func (l *lazyRegexp) MatchString(s string) bool { return l.Regexp().MatchString(s) }

// FindString is regexp.Regexp.FindString.
func (l *lazyRegexp) FindString(s string) string { return l.Regexp().FindString(s) }

// ReplaceAll is regexp.Regexp.ReplaceAll.
func (l *lazyRegexp) ReplaceAll(src, repl []byte) []byte { return l.Regexp().ReplaceAll(src, repl) }
