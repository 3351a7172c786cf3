# begroot: common tasks. `make test` is what CI runs (through .ci/run).
GO ?= go
GOLDEN_PKGS = ./extract/htmldoc ./extract/pdfdoc ./extract/textdoc ./extract/recognize ./normalize ./output ./vocab
FUZZTIME ?= 30s

.PHONY: build test lint golden fuzz run-example
build:
	$(GO) build -o begroot ./cmd/begroot

test:
	$(GO) test -race ./...

lint:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$unformatted" ]; then echo "gofmt:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...

# Rewrite the golden files, then review them with git diff.
golden:
	$(GO) test $(GOLDEN_PKGS) -update
	git diff --stat -- '*testdata*'

fuzz:
	$(GO) test ./vocab -run XXX -fuzz FuzzDutchNumber -fuzztime $(FUZZTIME)
	$(GO) test ./extract/textdoc -run XXX -fuzz FuzzTextParse -fuzztime $(FUZZTIME) -fuzzminimizetime 5s
	$(GO) test ./extract/htmldoc -run XXX -fuzz FuzzHTMLParse -fuzztime $(FUZZTIME) -fuzzminimizetime 5s
	$(GO) test ./extract/pdfdoc -run XXX -fuzz FuzzPDFParse -fuzztime $(FUZZTIME) -fuzzminimizetime 5s
	$(GO) test ./extract/fetch -run XXX -fuzz FuzzRobots -fuzztime $(FUZZTIME)
	$(GO) test ./extract/fetch -run XXX -fuzz FuzzLinks -fuzztime $(FUZZTIME)
	$(GO) test ./extract/ocr -run XXX -fuzz FuzzParseTSV -fuzztime $(FUZZTIME)

# The README's example: the HTML renderings of five P&C pages.
run-example:
	$(GO) run ./cmd/begroot extract -o out fixtures/html
