package main

import (
	"context"
	"io"
	"testing"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/fixtures"
)

// BenchmarkExtractPDF times the whole pipeline on real reports: read the
// PDF, rebuild its tables, recognise, normalise, write the JSON.
//
//	go test -run XXX -bench ExtractPDF -benchtime 5x ./cmd/begroot
func BenchmarkExtractPDF(b *testing.B) {
	for _, rel := range []string{
		"corpus/raw/wassenaar-beleidsbibliotheek/begroting_2024.pdf",
		"corpus/raw/wassenaar-beleidsbibliotheek/_fetched_Jaarstukken_2023.pdf",
	} {
		path := fixtures.Shared(b, rel)
		b.Run(extract.Source{Path: path}.Stem(), func(b *testing.B) {
			opt := Options{OutDir: b.TempDir(), XLSX: "-"}
			if err := opt.applyDefaults(); err != nil {
				b.Fatal(err)
			}
			out, err := openOutputs(opt.OutDir)
			if err != nil {
				b.Fatal(err)
			}
			st := newStatus(io.Discard, Options{Quiet: true})
			pages := 0
			for b.Loop() {
				e := extractAll(context.Background(), []extract.Source{{Path: path, Format: extract.FormatPDF}}, nil, opt, out, st, newLogger(st, Options{Quiet: true}))
				if e.sum.failed > 0 {
					b.Fatalf("%s failed: %v", path, e.ds.Errors)
				}
				pages += e.ds.Documents[0].Pages
			}
			b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}
