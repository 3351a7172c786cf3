package main

import (
	"context"
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
			pages := 0
			for b.Loop() {
				ds, failed := extractAll(context.Background(), []extract.Source{{Path: path, Format: extract.FormatPDF}}, opt, newLogger(discard{}, Options{Quiet: true}), discard{})
				if failed > 0 {
					b.Fatalf("%s failed: %v", path, ds.Errors)
				}
				pages += ds.Documents[0].Pages
			}
			b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
