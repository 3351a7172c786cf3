package ocr_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/ocr"
	"github.com/begroot/begroot/fixtures"
	"github.com/begroot/begroot/pipeline"
)

// TestPipelineTimeout: a per-document time limit (--timeout) far shorter
// than the OCR of a page still gives the page's records, because the
// limit grows by the page allowance for each page OCR reads; with a tiny
// allowance the document comes back without them.
func TestPipelineTimeout(t *testing.T) {
	// timeout is ample for pdfdoc on the one-page file (milliseconds),
	// but far below the seconds OCR of the page takes.
	const timeout = 500 * time.Millisecond
	fixtures.Program(t, "tesseract")
	text := filepath.Join(t.TempDir(), "table.pdf")
	if err := os.WriteFile(text, ocr.TablePDF(), 0o644); err != nil {
		t.Fatal(err)
	}
	src := extract.Source{Path: ocr.ScanOf(t, text), Format: extract.FormatPDF}
	tests := []struct {
		name      string
		allowance time.Duration
		records   bool
	}{
		{"page allowance", 0, true},
		{"tiny allowance", time.Millisecond, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got pipeline.Result
			opt := pipeline.Options{Jobs: 1, Timeout: timeout, OCR: ocr.Options{PageAllowance: tc.allowance}}
			pipeline.Run(context.Background(), []extract.Source{src}, opt, func(r pipeline.Result) { got = r })
			if got.Err != nil {
				t.Fatalf("error %v, want a report", got.Err)
			}
			if records := len(got.Report.Financial) > 0; records != tc.records {
				t.Errorf("%d financial records, want some: %v; findings %+v", len(got.Report.Financial), tc.records, got.Report.Findings)
			}
		})
	}
}
