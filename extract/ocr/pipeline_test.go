package ocr_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/ocr"
	"github.com/begroot/begroot/fixtures"
	"github.com/begroot/begroot/normalize"
	"github.com/begroot/begroot/pipeline"
)

// TestPipelineScan runs an image-only rendering of a generated taakveld
// overview in whole euros, without a unit label, through the whole
// pipeline: every amount must come back exactly as a financial record
// read by OCR and verified by the overview's own arithmetic. With OCR off
// the same file gives only the no-text finding.
func TestPipelineScan(t *testing.T) {
	fixtures.Program(t, "tesseract")
	text := filepath.Join(t.TempDir(), "table.pdf")
	if err := os.WriteFile(text, ocr.TablePDF(), 0o644); err != nil {
		t.Fatal(err)
	}
	src := extract.Source{Path: ocr.ScanOf(t, text), Format: extract.FormatPDF}

	off := ocr.NewContext(context.Background(), ocr.Options{Mode: ocr.Off})
	rep, err := pipeline.Extract(off, src)
	if err != nil || len(rep.Financial) != 0 || len(rep.Findings) != 1 || rep.Findings[0].Kind != normalize.FindingNoTextLayer {
		t.Fatalf("--ocr off: error %v, %d records, findings %+v; want the no-text finding alone", err, len(rep.Financial), rep.Findings)
	}

	rep, err = pipeline.Extract(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]normalize.Financial{}
	for _, f := range rep.Financial {
		code, _, _ := strings.Cut(f.Row, " ")
		got[code+" "+f.Column] = f
	}
	header := ocr.Overzicht[0]
	for _, row := range ocr.Overzicht[1:] {
		code, _, _ := strings.Cut(row[0], " ")
		for k, want := range row[1:] {
			key := code + " " + header[k+1]
			f, ok := got[key]
			switch {
			case !ok:
				t.Errorf("%s: no record, want %s", key, want)
			case f.Raw != want || f.Scale != 1 || !f.OCR || f.Confidence == nil || f.Page != 1:
				t.Errorf("%s: raw %q scale %d ocr %v confidence %v page %d, want %q in whole euros by OCR on page 1", key, f.Raw, f.Scale, f.OCR, f.Confidence, f.Page, want)
			case !f.Verified:
				t.Errorf("%s = %s: not verified", key, want)
			}
		}
	}
	if n := 3 * (len(ocr.Overzicht) - 1); len(rep.Financial) != n {
		t.Errorf("%d financial records, want %d", len(rep.Financial), n)
	}
	for _, f := range rep.Findings {
		t.Errorf("finding %+v on a page OCR read", f)
	}
}
