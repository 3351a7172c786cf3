package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/fixtures"
	"github.com/begroot/begroot/normalize"
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
			src := extract.Source{Path: path, Format: extract.FormatPDF}
			for b.Loop() {
				dw, err := newDatasetWriter(opt)
				if err != nil {
					b.Fatal(err)
				}
				failed := extractAll(context.Background(), []extract.Source{src}, opt, dw, newLogger(discard{}, Options{Quiet: true}), discard{})
				if err := dw.Close(); err != nil || failed > 0 {
					b.Fatalf("%s failed (%v); see %s", path, err, opt.OutDir)
				}
			}
			data, err := os.ReadFile(filepath.Join(opt.OutDir, outputNames([]extract.Source{src})[0]))
			if err != nil {
				b.Fatal(err)
			}
			var rep normalize.Report
			if err := json.Unmarshal(data, &rep); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(rep.Pages*b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
