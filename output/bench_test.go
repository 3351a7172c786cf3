package output

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/begroot/begroot/normalize"
)

// Size of BenchmarkDatasetWriter2M: 200 documents of 10,000 financial
// records are 2 million, with a quarter as many indicators, as in a run
// over the country's begrotingen.
const (
	benchDocuments  = 200
	benchFinancial  = 10_000
	benchIndicators = benchFinancial / 4
)

// BenchmarkDatasetWriter2M writes 2,000,000 financial records and 500,000
// indicators through the DatasetWriter, in each format and the workbook.
// The documents share their record slices, so that the benchmark itself
// takes little memory and a peak RSS measures the writer; they are added
// in reverse order, so that Close has to sort them. Per format:
//
//	go test -c -o /tmp/output.test ./output
//	/usr/bin/time -v /tmp/output.test -test.run XXX -test.bench 'DatasetWriter2M/csv$' -test.benchtime 1x
func BenchmarkDatasetWriter2M(b *testing.B) {
	fin := make([]normalize.Financial, benchFinancial)
	kinds := []string{"lasten", "baten", "saldo", "other"}
	for i := range fin {
		v := int64(i*7919%1_000_000) - 250_000
		fin[i] = normalize.Financial{
			Table: fmt.Sprintf("Overzicht baten en lasten %d", i/50), Section: []string{"Financiën", "Programma's"},
			Row: fmt.Sprintf("Programma %d", i%50), RowKind: kinds[i%4], Column: "Begroting 2024", ColumnKind: "begroting",
			ColumnYear: 2024, Value: &v, Raw: strconv.FormatInt(v/1000, 10), Scale: 1000, Page: i / 40, URL: "https://example.org/begroting.pdf",
		}
	}
	ind := make([]normalize.Indicator, benchIndicators)
	for i := range ind {
		v := float64(i%1000) / 10
		ind[i] = normalize.Indicator{
			Table: "Beleidsindicatoren", Section: []string{"Programma 1"}, Name: fmt.Sprintf("Indicator %d", i%100),
			Column: "2023", ColumnYear: 2023, Value: &v, Unit: "%", Source: "CBS", Taakveld: "0.10", Raw: strconv.FormatFloat(v, 'f', -1, 64), Page: i / 40,
		}
	}
	formats := []struct{ name, format, workbook string }{
		{"json", FormatJSON, ""},
		{"jsonl", FormatJSONL, ""},
		{"csv", FormatCSV, ""},
		{"parquet", FormatParquet, ""},
		{"workbook", "", "begroot.xlsx"},
	}
	for _, f := range formats {
		b.Run(f.name, func(b *testing.B) {
			var size int64
			for b.Loop() {
				dir := b.TempDir()
				opt := DatasetOptions{Dir: dir, Format: f.format, Generator: "bench"}
				if f.workbook != "" {
					opt.Workbook = filepath.Join(dir, f.workbook)
				}
				w, err := NewDatasetWriter(opt)
				if err != nil {
					b.Fatal(err)
				}
				for i := benchDocuments - 1; i >= 0; i-- {
					rep := &normalize.Report{
						Document: fmt.Sprintf("begroting_%03d.pdf", i), Source: fmt.Sprintf("in/begroting_%03d.pdf", i),
						Gemeente: fmt.Sprintf("Gemeente %03d", i), CBSCode: fmt.Sprintf("GM%04d", i),
						DocType: "begroting", Year: 2024, Financial: fin, Indicators: ind,
					}
					if err := w.Add(rep); err != nil {
						b.Fatal(err)
					}
				}
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
				size = dirSize(b, dir)
				if f.workbook != "" {
					checkContinues(b, opt.Workbook)
				}
			}
			b.ReportMetric(float64(size)/1e6, "MB")
		})
	}
}

// dirSize is the size of the files in dir.
func dirSize(b *testing.B, dir string) int64 {
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	var n int64
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			b.Fatal(err)
		}
		n += info.Size()
	}
	return n
}

// checkContinues checks that the workbook at path continues Financieel on
// Financieel (2) and that a small sheet, Toelichting, says so.
func checkContinues(b *testing.B, path string) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		b.Fatal(err)
	}
	defer zr.Close()
	found := map[string]bool{`name="Financieel (2)"`: false, "loopt door op Financieel (2).": false}
	for _, e := range zr.File {
		if e.Name != "xl/workbook.xml" && (!strings.HasPrefix(e.Name, "xl/worksheets/") || e.UncompressedSize64 > 1<<20) {
			continue
		}
		rc, err := e.Open()
		if err != nil {
			b.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			b.Fatal(err)
		}
		for want := range found {
			found[want] = found[want] || bytes.Contains(data, []byte(want))
		}
	}
	for want, ok := range found {
		if !ok {
			b.Errorf("%s has no %s", path, want)
		}
	}
}
