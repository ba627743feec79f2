# The annotator's build. `make run` and `make test` are the whole set-up.
GO      ?= go
ADDR    ?= 127.0.0.1:8000
SAMPLE  := web/sample.txt

.PHONY: run test vet bench fuzz clean

## run: load the built-in sample article and print it as a version-1 export
run:
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
	rm -rf bin build
