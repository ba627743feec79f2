# The annotator's build. `make run` and `make test` are the whole set-up.
GO      ?= go
ADDR    ?= 127.0.0.1:8000
SAMPLE  := app/sample/starmer-trump-white-house.txt

.PHONY: run build sample test vet bench fuzz clean

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

## build: write the app as a static site in build/ (with _headers for Netlify and Cloudflare Pages)
build: web/app.wasm bin/annotator
	./bin/annotator build -out build -web web

## sample: load the built-in sample article and print it as a version-1 export
sample:
	$(GO) run ./wasm load $(SAMPLE)

## test: vet and run every test
test: vet
	$(GO) test -count=1 ./...

vet:
	@unformatted=$$(gofmt -l annotate app wasm 2>/dev/null); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet ./...

## bench: run the Go benchmarks
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./annotate/

## fuzz: run each fuzz target for a while (FUZZTIME=30s by default)
FUZZTIME ?= 30s
fuzz:
	for target in $$($(GO) test -list 'Fuzz.*' ./annotate/ | grep ^Fuzz); do \
		$(GO) test -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) ./annotate/ || exit 1; \
	done

clean:
	rm -rf bin build web/app.wasm web/app.wasm.br web/app.wasm.gz
