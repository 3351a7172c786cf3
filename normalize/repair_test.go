package normalize

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/recognize"
)

// ocrTable is a taakveld overview in whole euros (baten, lasten, saldo)
// read by OCR: every cell has OCR set and confidence 95, except the
// cells named in doubtful ("row/col", 0-based over the amounts), which
// get 50. ocr false makes it a text layer table.
func ocrTable(ocr bool, doubtful []string, rows [][]string) recognize.FinancialTable {
	t := recognize.FinancialTable{Title: "Programma 0", Unit: recognize.WholeEuros, Scale: 1, Columns: []string{"Baten", "Lasten", "Saldo"}}
	for r, row := range rows {
		fr := recognize.FinancialRow{Label: row[0]}
		for c, s := range row[1:] {
			cell := extract.Cell{Text: s, Pos: extract.Pos{Page: 1, Line: r + 1}}
			if ocr {
				cell.OCR, cell.Confidence = true, 95
				if slices.Contains(doubtful, fmt.Sprintf("%d/%d", r, c)) {
					cell.Confidence = 50
				}
			}
			fr.Cells = append(fr.Cells, cell)
		}
		t.Rows = append(t.Rows, fr)
	}
	return t
}

// TestRepairOCR checks the single-character repairs of OCR'd amounts: each
// case is a small report whose one misread cell a repair makes every check
// hold, or that must stay as read.
func TestRepairOCR(t *testing.T) {
	good := [][]string{
		{"0.1 Bestuur", "0", "-2.244.295", "-2.244.295"},
		{"0.2 Burgerzaken", "406.291", "-818.726", "-412.435"},
		{"0.5 Treasury", "762.000", "-29.672", "732.328"},
		{"Saldo van baten en lasten programma", "1.168.291", "-3.092.693", "-1.924.402"},
	}
	with := func(r, c int, s string) [][]string {
		rows := make([][]string, len(good))
		for i := range good {
			rows[i] = slices.Clone(good[i])
		}
		rows[r][c+1] = s
		return rows
	}
	tests := []struct {
		name     string
		ocr      bool
		doubtful []string
		rows     [][]string
		want     string // "row/col: repair", "" for none
	}{
		{"as printed", true, nil, good, ""},
		{"lost minus", true, nil, with(1, 1, "818.726"), "1/1: 818.726 → -818.726"},
		{"lost minus of a total", true, nil, with(3, 2, "1.924.402"), "3/2: 1.924.402 → -1.924.402"},
		{"comma for a dot", true, nil, with(2, 0, "762,000"), "2/0: 762,000 → 762.000"},
		{"grid line read as 1", true, nil, with(0, 2, "1-2.244.295"), "0/2: 1-2.244.295 → -2.244.295"},
		{"leading 1", true, nil, with(1, 0, "1406.291"), "1/0: 1406.291 → 406.291"},
		{"doubtful digit", true, []string{"1/0"}, with(1, 0, "406.201"), "1/0: 406.201 → 406.291"},
		{"confident digit stays", true, nil, with(1, 0, "406.201"), ""},
		{"text layer stays", false, nil, with(1, 1, "818.726"), ""},
		{"two cells of a row wrong", true, []string{"1/0", "1/1"}, with(1, 0, "406.201"), ""},
	}
	tests[len(tests)-1].rows[1][2] = "-818.736"
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := &extract.Document{Source: extract.Source{Path: "scan.pdf", Format: extract.FormatPDF}, Pages: 1}
			rep := Normalize(doc, recognize.Result{Financial: []recognize.FinancialTable{ocrTable(tc.ocr, tc.doubtful, tc.rows)}})
			var got []string
			allVerified := true
			for i, f := range rep.Financial {
				if f.Repaired != "" {
					got = append(got, fmt.Sprintf("%d/%d: %s", i/3, i%3, f.Repaired))
				}
				allVerified = allVerified && f.Verified
				if f.OCR != tc.ocr || (f.Confidence != nil) != tc.ocr {
					t.Errorf("record %d: ocr %v confidence %v, want ocr %v with a confidence", i, f.OCR, f.Confidence, tc.ocr)
				}
			}
			if g := strings.Join(got, "; "); g != tc.want {
				t.Errorf("repairs %q, want %q", g, tc.want)
			}
			if tc.want != "" && !allVerified {
				t.Errorf("after the repair %s not every record is verified: %+v", tc.want, rep.Checks)
			}
		})
	}
}
