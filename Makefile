# The annotator's build. `make run` and `make test` are the whole set-up.
GO      ?= go
ADDR    ?= 127.0.0.1:8000
BASE    ?= /
SAMPLE  := app/sample/starmer-trump-white-house.txt

.PHONY: run build sample test test-third-party vet chromium bench bench-browser size screenshot fuzz clean

# Every Go file (and what is embedded) goes into both builds.
GO_SOURCES := $(shell find . -name '*.go' -not -path './.git/*' -not -path './build/*') \
	go.mod go.sum $(wildcard annotate/jsonschema/*.json app/sample/*)

## web/app.wasm: build the app for the browser
web/app.wasm: $(GO_SOURCES)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $@ ./wasm

## bin/annotator: build the command line and server
bin/annotator: $(GO_SOURCES)
	$(GO) build -trimpath -o $@ ./wasm

## run: build both and serve the app at http://$(ADDR)/ (make run ADDR=127.0.0.1:9000)
run: web/app.wasm bin/annotator
	./bin/annotator serve -addr $(ADDR)

## build: write the app as a static site in build/ (with _headers for Netlify and Cloudflare Pages), to be served at the root of a domain, or at BASE (make build BASE=/annotator)
build: web/app.wasm bin/annotator
	./bin/annotator build -out build -base $(BASE) -web web

## sample: load the built-in sample article and print it as a version-1 export
sample:
	$(GO) run ./wasm load $(SAMPLE)

## test: vet and run every test, the browser tests in headless Chromium included
test: vet chromium
	$(GO) test -count=1 -timeout 19m ./...

## test-third-party: vet and run upstream's tests inside the patched copies in
## third_party/ (each its own module, which the main module's ./... leaves out)
test-third-party:
	@set -e; for dir in third_party/*/; do \
		echo "$$dir"; (cd $$dir && $(GO) vet ./... && $(GO) test -count=1 ./...); \
	done

## chromium: make sure a Chromium is there for the browser tests (as root with
## apt-get, Debian's chromium package is installed when it is missing)
chromium:
	@if [ -n "$$CHROMIUM" ] || command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then \
		exit 0; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing Debian's chromium for the browser tests"; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get install -y -qq chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }; \
	else \
		echo "the browser tests need Chromium: install Debian's chromium package, or set CHROMIUM to a Chromium binary"; \
		exit 1; \
	fi

## vet: gofmt, go vet (natively and for the browser's build) and
## staticcheck (a Go tool dependency in go.mod)
vet:
	@unformatted=$$(gofmt -l annotate app wasm internal 2>/dev/null); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./annotate/... ./app/... ./wasm ./wasm/idb ./wasm/textdecode ./wasm/e2e/testdata/validate ./wasm/e2e/testdata/latetimer
	$(GO) tool staticcheck ./...

## bench: run the Go benchmarks of the core
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./annotate/

## bench-browser: run the browser benchmarks (tagging and selecting on 50,000
## words with 2,000 annotations, loading, the size of app.wasm)
bench-browser: chromium
	$(GO) test -count=1 -run '^$$' -bench Browser -benchtime 20x ./wasm/e2e/

## size: write, as a Markdown table, what each dependency (module, standard
## package, our package) takes of app.wasm, uncompressed (SIZE_PKG=./wasm/e2e/testdata/bareapp
## for the bare go-app app of the load benchmark)
SIZE_PKG ?= ./wasm
size:
	$(GO) run ./internal/sizemap -pkg $(SIZE_PKG)

## screenshot: write screenshot.png, the app at work on the sample article
screenshot: chromium
	ANNOTATOR_SCREENSHOT=$(CURDIR)/screenshot.png $(GO) test -count=1 -run '^TestScreenshot$$' ./wasm/e2e/

## fuzz: run each fuzz target for a while (FUZZTIME=30s by default). -timeout 0:
## go test's own 10-minute timeout would otherwise end a 10-minute run as a
## failure ("context deadline exceeded") just as its fuzzing time is up.
FUZZTIME ?= 30s
fuzz:
	for target in $$($(GO) test -list 'Fuzz.*' ./annotate/ | grep ^Fuzz); do \
		$(GO) test -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) -timeout 0 ./annotate/ || exit 1; \
	done

clean:
	rm -rf bin build web/app.wasm web/app.wasm.br web/app.wasm.gz
