package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/pipeline"
)

// runDump prints the document model of one input as JSON: what the readers
// made of it, before recognition. For finding out why a table was missed.
func runDump(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("begroot dump", flag.ContinueOnError)
	page := fs.Int("page", 0, "only blocks on this `page` (PDF)")
	usage := func(w io.Writer) {
		fmt.Fprintln(w, "Usage: begroot dump [-page N] FILE\n\nPrints the document model (headings, paragraphs, lists, tables with positions) as JSON.")
		fs.SetOutput(w)
		fs.PrintDefaults()
	}
	args, code, ok := parseArgs(fs, args, usage, stdout, stderr)
	if !ok {
		return code
	}
	if len(args) != 1 || *page < 0 {
		fmt.Fprintln(stderr, "begroot dump: want one FILE and a -page of 1 or more")
		usage(stderr)
		return exitUsage
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	sources, errs := collectInputs(args, log)
	if len(errs) > 0 || len(sources) != 1 {
		fmt.Fprintf(stderr, "begroot dump: %s: not a readable file\n", args[0])
		return exitFatal
	}
	doc, _, err := pipeline.Read(ctx, sources[0])
	if err != nil {
		fmt.Fprintf(stderr, "begroot dump: %v\n", err)
		return exitFatal
	}
	if *page > 0 {
		var blocks []extract.Block
		for _, b := range doc.Blocks {
			if b.Pos.Page == *page {
				blocks = append(blocks, b)
			}
		}
		if len(blocks) == 0 {
			fmt.Fprintf(stderr, "begroot dump: %s: no blocks on page %d\n", args[0], *page)
			return exitFatal
		}
		doc.Blocks = blocks
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		fmt.Fprintf(stderr, "begroot dump: %v\n", err)
		return exitFatal
	}
	return exitOK
}
