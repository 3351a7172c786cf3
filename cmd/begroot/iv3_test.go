package main

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/ocr"
	"github.com/begroot/begroot/extract/pdfdoc"
	"github.com/begroot/begroot/fixtures"
	"github.com/begroot/begroot/pipeline"
)

// TestIv3Reconciliation reads Wassenaar's begrotingen and jaarstukken and
// expects each report's reconciliation with CBS Iv3 (an independent source)
// to agree: the document's totaal baten and totaal lasten for its year
// within normalize.ReconcileTolerancePct of Iv3, and here within 0.1 %.
func TestIv3Reconciliation(t *testing.T) {
	if testing.Short() {
		t.Skip("reads whole PDFs")
	}
	// maxDifferencePct is what these documents reach: their totals are
	// Iv3's within rounding to thousands.
	const maxDifferencePct = 0.1
	tests := []struct {
		pdf          string
		verslagsoort string
	}{
		{"begroting_2024.pdf", "2024X000"},
		{"begroting_2025.pdf", "2025X000"},
		{"begroting_2026.pdf", "2026X000"},
		{"_fetched_Jaarstukken_2023.pdf", "2023X005"},
	}
	for _, tt := range tests {
		t.Run(tt.pdf, func(t *testing.T) {
			pdf := fixtures.Shared(t, filepath.Join("corpus/raw/wassenaar-beleidsbibliotheek", tt.pdf))
			// The race detector slows parsing several times over.
			ctx, cancel := context.WithTimeout(context.Background(), pdfdoc.DefaultTimeout*fixtures.TimeScale)
			defer cancel()
			// The totals are in the text layer; the scanned pages some of
			// these documents have are OCR's tests, not this one's.
			ctx = ocr.NewContext(ctx, ocr.Options{Mode: ocr.Off})
			rep, err := pipeline.Extract(ctx, extract.Source{Path: pdf, Format: extract.FormatPDF})
			if err != nil {
				t.Fatal(err)
			}
			r := rep.Reconciliation
			if r == nil {
				t.Fatalf("%s: no reconciliation; warnings %q", tt.pdf, rep.Warnings)
			}
			t.Logf("%s p%d: baten %d / Iv3 %d, lasten %d / Iv3 %d, difference %.3f%%", r.Table, r.Page,
				r.BatenDocument, r.BatenIv3, r.LastenDocument, r.LastenIv3, r.DifferencePct)
			if r.Verslagsoort != tt.verslagsoort || rep.CBSCode != "GM0629" || !r.OK || r.DifferencePct > maxDifferencePct {
				t.Errorf("%s: %s %s ok=%v difference %.3f%%, want %s GM0629 within %.1f%%", tt.pdf, rep.CBSCode, r.Verslagsoort, r.OK, r.DifferencePct, tt.verslagsoort, maxDifferencePct)
			}
		})
	}
}
