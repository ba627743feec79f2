package annotate

// This file keeps one rule for the whole package: nothing is computed when
// the program starts. The browser initialises every package before the
// app's first paint, and runs such start-up code 40 to 60 times slower
// than natively (BenchmarkBrowserInit, BENCH.md); a regular expression or
// a table the package needs is made on its first use instead.

import (
	"regexp"
	"sync"
)

// lazyRegexp returns a function that compiles expr on its first call and
// returns the same Regexp on every call.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
