package annotate

// The rule this file checks: the modules third_party/ patches are the
// copies there, and the sanitiser's do not build their regular expressions,
// nor x/net/html its entity table and tag-name maps, when the program starts. In the browser every package initialises before the
// first paint; upstream, these packages took about 68 ms of it
// (third_party/README.md, BenchmarkBrowserInit).

import (
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strconv"
	"testing"
)

// patchedModules are the modules third_party/ patches, with the directory
// go.mod's replace directive points at.
var patchedModules = map[string]string{
	"github.com/microcosm-cc/bluemonday":      "./third_party/bluemonday",
	"github.com/aymerick/douceur":             "./third_party/douceur",
	"github.com/gorilla/css":                  "./third_party/gorilla-css",
	"golang.org/x/net":                        "./third_party/x-net",
	"github.com/maxence-charriere/go-app/v10": "./third_party/go-app",
}

// lazyPackages are their packages that this one links in. Upstream, natively,
// each of them allocated at start (GODEBUG=inittrace=1): bluemonday 1,232
// times (294 kB), bluemonday/css 3,802 (489 kB), douceur/parser 31 (2.8 kB),
// gorilla/css/scanner 1,806 (223 kB), x/net/html 37 (126 kB: its
// entities and its small maps of tag names; 27 allocations and 15 kB with
// the entities patched alone). Patched, the scanner's sync.OnceValue is what
// is left: 2 allocations (72 bytes).
var lazyPackages = []string{
	"github.com/microcosm-cc/bluemonday",
	"github.com/microcosm-cc/bluemonday/css",
	"github.com/aymerick/douceur/parser",
	"github.com/gorilla/css/scanner",
	"golang.org/x/net/html",
}

// The most a package above may allocate at start: fewer allocations than
// the smallest of its upstream's expressions makes, douceur's single one.
const (
	maxInitAllocs = 20
	maxInitBytes  = 4 << 10
)

func TestSanitiserModulesStartLazily(t *testing.T) {
	if runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skip("starts a process")
	}
	goMod, err := os.ReadFile("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	for path, dir := range patchedModules {
		replaced := regexp.MustCompile(`(?m)^(?:replace)?\s*` + regexp.QuoteMeta(path) + `(?: v\S+)? => ` + regexp.QuoteMeta(dir) + `$`)
		if !replaced.Match(goMod) {
			t.Errorf("go.mod does not replace %s with %s", path, dir)
		}
	}

	// The runtime traces each package's initialisation when GODEBUG says so;
	// this test binary, run again with no test, links the same packages.
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("running the test binary again: %v\n%s", err, out)
	}
	initTraceLine := regexp.MustCompile(`(?m)^init (\S+) @[0-9.]+ ms, [0-9.]+ ms clock, ([0-9]+) bytes, ([0-9]+) allocs$`)
	traced := map[string][2]int{}
	for _, m := range initTraceLine.FindAllStringSubmatch(string(out), -1) {
		bytes, _ := strconv.Atoi(m[2])
		allocs, _ := strconv.Atoi(m[3])
		traced[m[1]] = [2]int{bytes, allocs}
	}
	if len(traced) == 0 {
		t.Fatalf("no initialisation trace in the output:\n%s", out)
	}
	// A package with nothing to initialise is not in the trace.
	for _, pkg := range lazyPackages {
		if got := traced[pkg]; got[0] > maxInitBytes || got[1] > maxInitAllocs {
			t.Errorf("%s allocates %d bytes in %d allocations when the program starts, more than %d in %d: its patch (third_party/README.md) is lost",
				pkg, got[0], got[1], maxInitBytes, maxInitAllocs)
		}
	}
}
