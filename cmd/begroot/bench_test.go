package main

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/fixtures"
	"github.com/begroot/begroot/normalize"
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
			out, err := openOutputs(opt.OutDir)
			if err != nil {
				b.Fatal(err)
			}
			st := newStatus(io.Discard, Options{Quiet: true})
			pages := 0
			for b.Loop() {
				dw, err := newDatasetWriter(opt)
				if err != nil {
					b.Fatal(err)
				}
				e := extractAll(context.Background(), []extract.Source{{Path: path, Format: extract.FormatPDF}}, nil, opt, out, dw, st, newLogger(st, Options{Quiet: true}))
				if err := dw.Close(); err != nil {
					b.Fatal(err)
				}
				if e.sum.failed > 0 {
					b.Skipf("%s failed", path) // scans and Type 3 fonts without text
				}
				pages += pageCount(b, opt.OutDir)
			}
			b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

// pageCount reads the pages of the one document in the dataset.json in dir.
func pageCount(b *testing.B, dir string) int {
	data, err := os.ReadFile(filepath.Join(dir, "dataset.json"))
	if err != nil {
		b.Fatal(err)
	}
	var ds normalize.Dataset
	if err := json.Unmarshal(data, &ds); err != nil || len(ds.Documents) != 1 {
		b.Fatalf("dataset.json: %v, %d documents", err, len(ds.Documents))
	}
	return ds.Documents[0].Pages
}
