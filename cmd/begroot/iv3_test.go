package main

import (
	"context"
	"encoding/csv"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/fixtures"
	"github.com/begroot/begroot/normalize"
	"github.com/begroot/begroot/pipeline"
)

// TestIv3CrossCheck compares the "Saldo van baten en lasten" totals that
// begroot reads from Wassenaar's PDFs with the CBS Iv3 data for the same
// gemeente and year (an independent source, x € 1.000, without the
// taakvelden 0.10 mutaties reserves and 0.11 resultaat). They must agree
// within 0.1 %.
func TestIv3CrossCheck(t *testing.T) {
	if testing.Short() {
		t.Skip("reads whole PDFs")
	}
	tests := []struct {
		pdf, iv3   string
		columnKind string
		year       int
	}{
		{"corpus/raw/wassenaar-beleidsbibliotheek/begroting_2024.pdf", "corpus/raw/iv3-begrotingsanalysetool/2024_begroting.csv", normalize.ColBegroting, 2024},
		{"corpus/raw/wassenaar-beleidsbibliotheek/_fetched_Jaarstukken_2023.pdf", "corpus/raw/iv3-begrotingsanalysetool/2023_jaarrekening.csv", normalize.ColRealisatie, 2023},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.pdf), func(t *testing.T) {
			pdf, iv3 := fixtures.Shared(t, tt.pdf), fixtures.Shared(t, tt.iv3)
			rep, err := pipeline.Extract(context.Background(), extract.Source{Path: pdf, Format: extract.FormatPDF})
			if err != nil {
				t.Fatal(err)
			}
			wantBaten, wantLasten := iv3Totals(t, iv3, "Wassenaar")
			got := map[string]int64{}
			for _, f := range rep.Financial {
				if f.Value != nil && f.ColumnKind == tt.columnKind && f.ColumnYear == tt.year &&
					strings.HasPrefix(strings.ToLower(f.Row), "saldo van baten en lasten") {
					got[f.RowKind] = *f.Value
				}
			}
			for kind, want := range map[string]float64{normalize.RowBaten: wantBaten, normalize.RowLasten: wantLasten} {
				v, ok := got[kind]
				if !ok {
					t.Errorf("no %s total for %s %d in %s", kind, tt.columnKind, tt.year, pdf)
					continue
				}
				diff := math.Abs(math.Abs(float64(v))-want) / want
				t.Logf("%s: PDF %d, Iv3 %.0f, difference %.3f%%", kind, v, want, diff*100)
				if diff > 0.001 {
					t.Errorf("%s: PDF %d differs from Iv3 %.0f by %.3f%% (> 0.1%%)", kind, v, want, diff*100)
				}
			}
		})
	}
}

// iv3Totals sums the Baten and Lasten of one gemeente in an Iv3 file
// (semicolon-separated, x € 1.000), without taakvelden 0.10 and 0.11,
// and returns them in euros.
func iv3Totals(t *testing.T, path, gemeente string) (baten, lasten float64) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = ';'
	header, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		taakveld := rec[col["Taakveld"]]
		if rec[col["Gemeenten"]] != gemeente || strings.HasPrefix(taakveld, "0.10 ") || strings.HasPrefix(taakveld, "0.11 ") {
			continue
		}
		b, _ := strconv.ParseFloat(rec[col["Baten"]], 64)
		l, _ := strconv.ParseFloat(rec[col["Lasten"]], 64)
		baten += b * 1000
		lasten += l * 1000
	}
	return baten, lasten
}
