package main

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/fixtures"
)

// BenchmarkExtractPDF times the whole pipeline on every PDF of the corpus
// with a text layer: read the PDF, rebuild its tables, recognise,
// normalise, write the JSON.
//
//	go test -run XXX -bench ExtractPDF -benchtime 5x ./cmd/begroot
func BenchmarkExtractPDF(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(fixtures.Shared(b, "corpus/raw"), "*", "*.pdf"))
	for _, path := range paths {
		b.Run(extract.Source{Path: path}.Stem(), func(b *testing.B) {
			opt := Options{OutDir: b.TempDir(), XLSX: "-"}
			if err := opt.applyDefaults(); err != nil {
				b.Fatal(err)
			}
			pages := 0
			for b.Loop() {
				ds, failed := extractAll(context.Background(), []extract.Source{{Path: path, Format: extract.FormatPDF}}, opt, newLogger(discard{}, Options{Quiet: true}), discard{})
				if failed > 0 {
					b.Skipf("%s: %v", path, ds.Errors) // scans and Type 3 fonts without text
				}
				pages += ds.Documents[0].Pages
			}
			b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
