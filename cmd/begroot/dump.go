package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/pipeline"
)

// runDump prints the document model of one input as JSON: what the readers
// made of it, before recognition. For finding out why a table was missed.
func runDump(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("begroot dump", flag.ContinueOnError)
	fs.SetOutput(stderr)
	page := fs.Int("page", 0, "only blocks on this `page` (PDF)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: begroot dump [-page N] FILE\n\nPrints the document model (headings, paragraphs, lists, tables with positions) as JSON.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		if err == flag.ErrHelp {
			return exitOK
		}
		fs.Usage()
		return exitUsage
	}
	sources, errs := collectInputs(fs.Args())
	if len(errs) > 0 || len(sources) != 1 {
		fmt.Fprintf(stderr, "begroot dump: %s: not a readable file\n", fs.Arg(0))
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
