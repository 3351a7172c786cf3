package output

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/begroot/begroot/fixtures/golden"
)

func TestWriteCSV(t *testing.T) {
	golden.Check(t, "testdata/csv.golden.json", func() (any, error) {
		dir := writeFiles(t, testDataset(), FormatCSV, CSVPlain, false)
		files := map[string][]string{}
		for _, name := range []string{"documents", "financial", "indicators", "objectives", "comparison", "checks", "errors"} {
			data, err := os.ReadFile(filepath.Join(dir, name+".csv"))
			if err != nil {
				return nil, err
			}
			files[name] = strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
		}
		return files, nil
	})
}

// TestWriteCSVFormulas checks that text a spreadsheet would read as a
// formula is quoted, while negative amounts stay numbers.
func TestWriteCSVFormulas(t *testing.T) {
	dir := writeFiles(t, testDataset(), FormatCSV, CSVPlain, false)
	f, err := os.Open(filepath.Join(dir, "financial.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := records[0]
	row, value, raw := slices.Index(header, "row"), slices.Index(header, "value"), slices.Index(header, "raw")
	var rows, values, raws []string
	for _, r := range records[1:] {
		rows, values, raws = append(rows, r[row]), append(values, r[value]), append(raws, r[raw])
	}
	for _, want := range []string{"'=SUM(A1)", "'+31"} {
		if !slices.Contains(rows, want) {
			t.Errorf("financial.csv row column has no %q: %q", want, rows)
		}
	}
	for _, want := range []string{"'-", "'-2.000"} {
		if !slices.Contains(raws, want) {
			t.Errorf("financial.csv raw column has no %q: %q", want, raws)
		}
	}
	for _, want := range []string{"-2000000", "-7", ""} {
		if !slices.Contains(values, want) {
			t.Errorf("financial.csv value column has no %q: %q", want, values)
		}
	}
	for _, v := range values {
		if _, err := strconv.ParseInt(v, 10, 64); v != "" && err != nil {
			t.Errorf("financial.csv value %q is not a plain number", v)
		}
	}
}

func TestSafeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Lasten", "Lasten"},
		{"=SUM(A1)", "'=SUM(A1)"},
		{"+31", "'+31"},
		{"-", "'-"},
		{"@x", "'@x"},
		{"\tx", "'\tx"},
		{"€ 1.000", "€ 1.000"},
		{"a=b", "a=b"},
	}
	for _, tt := range tests {
		if got := safeText(tt.in); got != tt.want {
			t.Errorf("safeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
