package output

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/begroot/begroot/normalize"
)

func i64(v int64) *int64     { return &v }
func f64(v float64) *float64 { return &v }

// testDataset is a small dataset with awkward text: formula-like labels,
// "-" for an empty cell, unicode, negative and null values. Its documents
// are out of order on purpose.
func testDataset() *normalize.Dataset {
	overview := []string{"Financiën", "Overzicht van baten en lasten"}
	fin := func(table string, section []string, row, rowKind string, col string, colKind string, year int, v *int64, raw string) normalize.Financial {
		return normalize.Financial{Table: table, Section: section, Row: row, RowKind: rowKind, Column: col, ColumnKind: colKind,
			ColumnYear: year, Value: v, Raw: raw, Scale: 1000, Page: 12, URL: "https://example.org/begroting.pdf#page=12"}
	}
	utrecht := normalize.Report{
		Document: "begroting_2024.pdf", Source: "fixtures/utrecht/begroting_2024.pdf", URL: "https://example.org/begroting.pdf",
		SHA256: "aa11", Format: "pdf", Gemeente: "Utrecht", CBSCode: "GM0344", DocType: "begroting", Year: 2024,
		Title: "Programmabegroting 2024 <concept> & bijlagen", Pages: 210,
		Financial: []normalize.Financial{
			// A programme table: smaller than the overview, must not be chosen.
			fin("Wat mag het kosten?", []string{"Programma 1 Veiligheid"}, "Lasten", "lasten", "Begroting 2024", "begroting", 2024, i64(40_000_000), "40.000"),
			fin("Wat mag het kosten?", []string{"Programma 1 Veiligheid"}, "Baten", "baten", "Begroting 2024", "begroting", 2024, i64(5_000_000), "5.000"),
			fin("Wat mag het kosten?", []string{"Programma 1 Veiligheid"}, "Saldo", "saldo", "Begroting 2024", "begroting", 2024, i64(-35_000_000), "-35.000"),
			// The overview.
			fin("Overzicht baten en lasten (× € 1.000)", overview, "Programma 1 Veiligheid", "lasten", "Begroting 2024", "begroting", 2024, i64(40_000_000), "40.000"),
			fin("Overzicht baten en lasten (× € 1.000)", overview, "=SUM(A1)", "lasten", "Begroting 2024", "begroting", 2024, i64(60_000_000), "60.000"),
			fin("Overzicht baten en lasten (× € 1.000)", overview, "Totaal lasten", "lasten", "Begroting 2024", "begroting", 2024, i64(100_000_000), "100.000"),
			fin("Overzicht baten en lasten (× € 1.000)", overview, "Totaal baten", "baten", "Begroting 2024", "begroting", 2024, i64(98_000_000), "98.000"),
			fin("Overzicht baten en lasten (× € 1.000)", overview, "Saldo van baten en lasten", "saldo", "Begroting 2024", "begroting", 2024, i64(-2_000_000), "-2.000"),
			fin("Overzicht baten en lasten (× € 1.000)", overview, "Onttrekking reserves", "onttrekking_reserves", "Begroting 2024", "begroting", 2024, nil, "-"),
			fin("Overzicht baten en lasten (× € 1.000)", overview, "Resultaat", "resultaat", "Begroting 2024", "begroting", 2024, i64(-2_000_000), "-2.000"),
			fin("Overzicht baten en lasten (× € 1.000)", overview, "Totaal lasten", "lasten", "Raming 2025", "raming", 2025, i64(101_000_000), "101.000"),
			fin("@x", nil, "+31", "other", "-", "other", 0, i64(-7), "-7"),
		},
		Indicators: []normalize.Indicator{
			{Table: "Beleidsindicatoren", Section: []string{"Programma 1 Veiligheid"}, Name: "Verwijzingen Halt", Column: "2022", ColumnYear: 2022,
				Value: f64(12.5), Unit: "per 10.000 jongeren", Source: "Bureau Halt", Code: "1.1", Taakveld: "1.2", Raw: "12,5", Page: 30},
			{Table: "Beleidsindicatoren", Name: "Winkelleegstand", Column: "2023", ColumnYear: 2023, Unit: "%", Taakveld: "0.10", Note: "n.b.", Raw: "n.b.", Page: 31},
		},
		Objectives: []normalize.Objective{
			{Code: "1.1", Title: "Veilige wijken", Text: "- minder overlast\n- meer toezicht", Kind: "doelstelling", Year: 2024, Budget: i64(1_500_000), Section: []string{"Programma 1 Veiligheid"}, Page: 25},
			{Title: "@gemeente op sociale media", Kind: "activiteit", Status: "loopt", Page: 26},
		},
		Checks: []normalize.Check{
			{Table: "Overzicht baten en lasten (× € 1.000)", Column: "Begroting 2024", Rule: "baten - lasten = saldo", Expected: -2_000_000, Found: -2_000_000, OK: true, Page: 12,
				Covers: []int{5, 6, 7}},
			{Table: "Wat mag het kosten?", Column: "Begroting 2024", Rule: "baten - lasten = saldo", Expected: -35_000_000, Found: -34_000_000, Difference: 1_000_000, Page: 8},
		},
		Reconciliation: &normalize.Reconciliation{Source: "CBS Iv3", Verslagsoort: "2024X000", BatenDocument: 98_000_000, BatenIv3: 98_100_000,
			LastenDocument: 100_000_000, LastenIv3: 100_000_000, DifferencePct: 0.102, OK: true, Table: "Overzicht baten en lasten (× € 1.000)", Page: 12},
		Warnings: []string{"page 3: no text", "table on page 9 has no unit"},
	}
	amsterdam := normalize.Report{
		Document: "jaarstukken_2023.html", Source: "https://example.org/amsterdam/jaarstukken-2023", URL: "https://example.org/amsterdam/jaarstukken-2023",
		SHA256: "bb22", Format: "html", Gemeente: "Amsterdam", CBSCode: "GM0363", DocType: "jaarstukken", Year: 2023,
		Financial: []normalize.Financial{
			// Lasten printed negative, programmes above their total.
			{Table: "Overzicht baten en lasten", Row: "Programma A", RowKind: "other", Column: "Realisatie 2023", ColumnKind: "realisatie", ColumnYear: 2023, Value: i64(-3_000_000_000), Raw: "-3.000.000", Scale: 1000, Line: 38},
			{Table: "Overzicht baten en lasten", Row: "Programma B", RowKind: "other", Column: "Realisatie 2023", ColumnKind: "realisatie", ColumnYear: 2023, Value: i64(-4_000_000_000), Raw: "-4.000.000", Scale: 1000, Line: 39},
			{Table: "Overzicht baten en lasten", Row: "Totaal lasten", RowKind: "lasten", Column: "Realisatie 2023", ColumnKind: "realisatie", ColumnYear: 2023, Value: i64(-7_000_000_000), Raw: "-7.000.000", Scale: 1000, URL: "https://example.org/amsterdam/jaarstukken-2023/overzicht", Line: 40},
			{Table: "Overzicht baten en lasten", Row: "Totaal baten", RowKind: "baten", Column: "Realisatie 2023", ColumnKind: "realisatie", ColumnYear: 2023, Value: i64(7_100_000_000), Raw: "7.100.000", Scale: 1000, Line: 41},
			{Table: "Overzicht baten en lasten", Row: "Totaal lasten", RowKind: "lasten", Column: "Begroting 2024", ColumnKind: "begroting", ColumnYear: 2024, Value: i64(7_200_000_000), Raw: "7.200.000", Scale: 1000, Line: 40},
		},
		Checks: []normalize.Check{},
		Reconciliation: &normalize.Reconciliation{Source: "CBS Iv3", Verslagsoort: "2023X005", BatenDocument: 7_100_000_000, BatenIv3: 7_000_000_000,
			LastenDocument: 7_000_000_000, LastenIv3: 7_000_000_000, DifferencePct: 1.429, OK: false, Table: "Overzicht baten en lasten"},
	}
	unknown := normalize.Report{
		Document: "nota.txt", Source: "fixtures/nota.txt", SHA256: "cc33", Format: "text",
		Financial: []normalize.Financial{
			{Table: "Reserves", Row: "Saldo mutaties reserves", RowKind: "reserves", Column: "Begroting", ColumnKind: "begroting", Value: i64(-250), Raw: "-250", Scale: 1},
		},
	}
	docs := []normalize.Report{utrecht, unknown, amsterdam}
	for i := range docs {
		normalize.Verify(&docs[i]) // check ids, verified records and Quality, as Normalize leaves them
	}
	return &normalize.Dataset{
		Generator: "begroot test",
		Documents: docs,
		Errors:    []normalize.DocError{{Source: "https://example.org/kapot.pdf", Error: "parse kapot.pdf page 1: not a pdf"}},
	}
}

// TestDocumentOrder checks the order of the documents in documents.csv
// and dataset.json, and that writing leaves the dataset as it was.
func TestDocumentOrder(t *testing.T) {
	tests := []struct {
		format string
		file   string
		want   []string
	}{
		{FormatCSV, "documents.csv", []string{"nota.txt", "jaarstukken_2023.html", "begroting_2024.pdf"}},
		// dataset.json: by source.
		{FormatJSON, "dataset.json", []string{"nota.txt", "begroting_2024.pdf", "jaarstukken_2023.html"}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			ds := testDataset()
			data, err := os.ReadFile(filepath.Join(writeFiles(t, ds, tt.format, CSVPlain, false), tt.file))
			if err != nil {
				t.Fatal(err)
			}
			text := string(data)
			var at []int
			for _, doc := range tt.want {
				at = append(at, strings.Index(text, doc))
			}
			if slices.Contains(at, -1) || !slices.IsSorted(at) {
				t.Errorf("%s does not hold the documents in the order %q (at %v):\n%s", tt.file, tt.want, at, text)
			}
			if ds.Documents[0].Document != "begroting_2024.pdf" {
				t.Errorf("writing changed its input: first document is %s", ds.Documents[0].Document)
			}
		})
	}
}
