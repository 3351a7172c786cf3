package output

import (
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/begroot/begroot/fixtures"
	"github.com/xuri/excelize/v2"
)

// libreOfficeCSV is the LibreOffice CSV export filter: comma, double quote,
// UTF-8, raw values instead of the formatted ones, every sheet to its own
// file ("-1", LibreOffice 7.2 and later).
const libreOfficeCSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"

// TestWorkbookLibreOffice opens the workbook in LibreOffice, exports every
// sheet as CSV, and checks that every cell, numbers in particular, survives.
// LibreOffice exports a share (a percentage format) in percent with its
// sign even as a raw value: 0.25 is "25%".
func TestWorkbookLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: starts LibreOffice")
	}
	soffice := fixtures.Program(t, "soffice")
	dir := t.TempDir()
	ds := testDataset()
	data := writeWorkbook(t, ds)
	book := filepath.Join(dir, "book.xlsx")
	if err := os.WriteFile(book, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(t.Context(), soffice, "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", libreOfficeCSV, "--outdir", dir, book)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	f := openWorkbook(t, data)
	for _, sheet := range f.GetSheetList() {
		got := readCSV(t, filepath.Join(dir, "book-"+sheet+".csv"))
		want, err := f.GetRows(sheet, rawValues)
		if err != nil {
			t.Fatal(err)
		}
		shares := shareColumns(sheet)
		for r, row := range want {
			for c := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if typ, _ := f.GetCellType(sheet, ref); typ == excelize.CellTypeBool {
					row[c] = map[string]string{"0": "FALSE", "1": "TRUE"}[row[c]]
				}
				if v, err := strconv.ParseFloat(row[c], 64); err == nil && r > 0 && slices.Contains(shares, c) {
					row[c] = strconv.FormatFloat(v*100, 'f', -1, 64) + "%"
				}
			}
		}
		if len(got) != len(want) {
			t.Fatalf("%s: LibreOffice has %d rows, want %d", sheet, len(got), len(want))
		}
		for r := range want {
			// GetRows leaves out empty cells at the end of a row.
			g := got[r]
			for len(g) > 0 && g[len(g)-1] == "" {
				g = g[:len(g)-1]
			}
			if !slices.Equal(g, want[r]) {
				t.Errorf("%s row %d in LibreOffice:\ngot  %q\nwant %q", sheet, r+1, g, want[r])
			}
		}
	}
	// The amounts, straight from the dataset.
	fin := readCSV(t, filepath.Join(dir, "book-Financieel.csv"))
	value := slices.Index(fin[0], "value")
	i := 1
	for _, doc := range inOrder(ds).Documents {
		for _, rec := range doc.Financial {
			want := ""
			if rec.Value != nil {
				want = strconv.FormatInt(*rec.Value, 10)
			}
			if fin[i][value] != want {
				t.Errorf("Financieel row %d value in LibreOffice = %q, want %q", i+1, fin[i][value], want)
			}
			i++
		}
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

// TestChartsLibreOffice converts the workbook to PDF in LibreOffice and
// finds the charts' titles and legends in its text: they are drawn.
func TestChartsLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: starts LibreOffice")
	}
	soffice, pdftotext := fixtures.Program(t, "soffice"), fixtures.Program(t, "pdftotext")
	ds := testDataset()
	// A second Utrecht document, a year earlier, for the chart over the years.
	earlier := ds.Documents[0]
	earlier.Document, earlier.Year = "begroting_2023.pdf", 2023
	earlier.Financial = slices.Clone(earlier.Financial)
	for i := range earlier.Financial {
		earlier.Financial[i].ColumnYear--
	}
	ds.Documents = append(ds.Documents, earlier)

	dir := t.TempDir()
	book := filepath.Join(dir, "book.xlsx")
	if err := os.WriteFile(book, writeWorkbook(t, ds), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(t.Context(), soffice, "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir, book)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	out, err := exec.CommandContext(t.Context(), pdftotext, filepath.Join(dir, "book.pdf"), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := string(out)
	for _, want := range []string{"Lasten per inwoner per gemeente, laatste jaar (euro)", "Baten en lasten Utrecht (euro)", "Amsterdam 2023", "Utrecht 2024"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF LibreOffice made has no %q", want)
		}
	}
}

// shareColumns are the indices of the share fields of the table on sheet.
func shareColumns(sheet string) []int {
	var cols []int
	for _, t := range tables {
		if t.sheet != sheet {
			continue
		}
		for i, fl := range t.fields {
			if fl.format == share {
				cols = append(cols, i)
			}
		}
	}
	return cols
}
