package recognize

import (
	"strings"
	"testing"

	"github.com/begroot/begroot/extract"
)

// indicatorLines renders the indicator values of res, one a line.
func indicatorLines(res Result) string {
	var b strings.Builder
	for _, v := range res.Indicators {
		b.WriteString(v.Name + " | " + v.Column + " | " + v.Raw + " | " + v.Unit + "\n")
	}
	return b.String()
}

// TestIndicatorNamesPDF reads generated PDFs of the indicator name layouts
// of issue 10 and checks each value's name and column.
func TestIndicatorNamesPDF(t *testing.T) {
	tests := []struct {
		file string
		want string
	}{{
		// Names led by their number under an empty header cell, a name word
		// in the header over the values, a row of markers; bounds on the
		// first body row.
		file: "names-kengetallen.pdf",
		want: "Netto schuldquote | Kengetallen gemeente (in %) Norm | < 90 | \n" +
			"Netto schuldquote | Kengetallen gemeente (in %) R2024 | -10 | \n" +
			"Netto schuldquote | Kengetallen gemeente (in %) B2025 | -1,3 | \n" +
			"Solvabiliteitsratio | Kengetallen gemeente (in %) Norm | > 40 | \n" +
			"Solvabiliteitsratio | Kengetallen gemeente (in %) R2024 | 64 | \n" +
			"Solvabiliteitsratio | Kengetallen gemeente (in %) B2025 | 62,1 | \n" +
			"Grondexploitatie | Kengetallen gemeente (in %) Norm | < 20 | \n" +
			"Grondexploitatie | Kengetallen gemeente (in %) R2024 | n.v.t | \n" +
			"Grondexploitatie | Kengetallen gemeente (in %) B2025 | n.v.t | \n" +
			"Belastingcapaciteit | Kengetallen gemeente (in %) Norm | < 95 | \n" +
			"Belastingcapaciteit | Kengetallen gemeente (in %) R2024 | 164 | \n" +
			"Belastingcapaciteit | Kengetallen gemeente (in %) B2025 | 181,6 | \n" +
			"Netto schuldquote | Realisatie 2023 | < 0 | \n" +
			"Netto schuldquote | Realisatie 2022 | < 0 | \n" +
			"Solvabiliteit | Realisatie 2023 | 58% | \n" +
			"Solvabiliteit | Realisatie 2022 | 53% | \n" +
			"Structurele exploitatieruimte | Realisatie 2023 | 2% | \n" +
			"Structurele exploitatieruimte | Realisatie 2022 | 5% | \n",
	}}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			if got := indicatorLines(findFixture(t, tc.file)); got != tc.want {
				t.Errorf("Find(%s) indicators:\ngot\n%s\nwant\n%s", tc.file, got, tc.want)
			}
		})
	}
}

// atCells puts a table's cells at the given baselines (y per row, one value for
// the row or one per cell) on page 1, as a PDF reader does.
func atCells(b extract.Block, ys ...[]float64) extract.Block {
	for r, row := range b.Table.Rows {
		for k := range row {
			y := ys[r][0]
			if k < len(ys[r]) {
				y = ys[r][k]
			}
			row[k].Pos = extract.Pos{Page: 1, X: float64(72 + 100*k), Y: y}
		}
	}
	return b
}

// TestCentredNames checks names whose values are vertically centred on
// them, as a PDF reader may split them: the name's first line on a row of
// its own above the values, and its last line after the table.
func TestCentredNames(t *testing.T) {
	doc := document(heading("Beleidsindicatoren"), atCells(table("",
		[]string{"Nr.", "Indicator", "Eenheid", "2022"},
		[]string{"21.", "Banen", "%", "61"},
		[]string{"", "Vernielingen en beschadigingen", "", ""},
		[]string{"22.", "(in de openbare ruimte)", "Aantal", "5,0"},
		[]string{"23.", "Aantal meldingen Nu Niet", "Aantal", "28"}),
		[]float64{80}, []float64{100}, []float64{113}, []float64{118, 123, 118, 118}, []float64{143, 137, 143, 143}),
		paragraph("Zwanger"), paragraph("De meldingen stegen door de campagne van het najaar."))
	doc.Blocks[2].Pos = extract.Pos{Page: 1, X: 172, Y: 148.5}
	doc.Blocks[3].Pos = extract.Pos{Page: 1, X: 72, Y: 175}
	want := "Banen | 2022 | 61 | %\n" +
		"Vernielingen en beschadigingen (in de openbare ruimte) | 2022 | 5,0 | Aantal\n" +
		"Aantal meldingen Nu Niet Zwanger | 2022 | 28 | Aantal\n"
	if got := indicatorLines(find(t, doc)); got != want {
		t.Errorf("Find(centred names) indicators:\ngot\n%s\nwant\n%s", got, want)
	}
}

// TestFinancialNamesPDF reads generated PDFs of the financial label
// layouts of issue 10 and checks each table's title, columns and rows.
func TestFinancialNamesPDF(t *testing.T) {
	tests := []struct {
		file string
		want string
	}{{
		// A title wrapped around the first header line; a reserves block
		// with its own sub-header under the same years.
		file: "names-programma.pdf",
		want: "Programma: P5 Natuur, klimaat en mobiliteit | € (no unit label) | 1 |  | Overzicht baten en lasten > Programma: P5 Natuur, klimaat en\n" +
			"cols: Begroting 2023 Baten / Begroting 2023 Lasten / Begroting 2023 Saldo / Realisatie 2023 Baten / Realisatie 2023 Lasten / Realisatie 2023 Saldo\n" +
			"2.1 Verkeer en vervoer: 198.164 | -4.287.014 | -4.088.850 | 544.555 | -5.155.835 | -4.611.280\n" +
			"2.2 Parkeren: 138.586 | -366.159 | -227.573 | 142.900 | -539.307 | -396.407\n" +
			"Programma: P5 Natuur, klimaat en mobiliteit | € (no unit label) | 1 |  | Overzicht baten en lasten > Programma: P5 Natuur, klimaat en\n" +
			"cols: Begroting 2023 Onttrekking / Begroting 2023 Toevoeging / Begroting 2023 Mutaties / Realisatie 2023 Onttrekking / Realisatie 2023 Toevoeging / Realisatie 2023 Mutaties\n" +
			"P4 Fysieke leefomgeving [Reserves]: 100.000 | 0 | 100.000 | 404.664 | 0 | 404.664\n" +
			"P5 Natuur [Reserves]: 270.000 | 0 | 270.000 | 213.386 | -354.400 | -141.014\n",
	}, {
		// The unit label and the sign legend on the line above the header,
		// the title in the heading above them.
		file: "names-legend.pdf",
		want: "Recapitulatie | x € 1.000 | 1000 | ( \"-\" = nadeel / \"+\" = voordeel ) | Recapitulatie\n" +
			"cols: Begroting 2023 / Realisatie 2023\nP1 Veiligheid: -4.346 | -4.145\nP2 Mens en maatschappij: -26.187 | -26.959\n",
	}}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			var got strings.Builder
			for _, ft := range findFixture(t, tc.file).Financial {
				got.WriteString(renderFinancial(ft))
			}
			if got.String() != tc.want {
				t.Errorf("Find(%s) financial:\ngot\n%s\nwant\n%s", tc.file, got.String(), tc.want)
			}
		})
	}
}

// TestHeaderRowsKept checks that a header row the reader marked stays a
// header when it holds a year note, and that a paragraph longer than a
// name's line after the table is no part of the last name.
func TestHeaderRowsKept(t *testing.T) {
	doc := document(heading("Indicatoren"), atCells(tableN("", 2,
		[]string{"Indicator", "Begroting", "Begroting"},
		[]string{"", "(2023)", "2025"},
		[]string{"Woningen", "12.406", "12.500"}),
		[]float64{80}, []float64{90}, []float64{110, 105, 110, 110}),
		paragraph("Aantal woningen volgens de basisregistratie, zonder recreatiewoningen"))
	doc.Blocks[2].Pos = extract.Pos{Page: 1, X: 72, Y: 115}
	want := "Woningen | Begroting (2023) | 12.406 | \nWoningen | Begroting 2025 | 12.500 | \n"
	if got := indicatorLines(find(t, doc)); got != want {
		t.Errorf("Find(header rows) indicators:\ngot\n%s\nwant\n%s", got, want)
	}
}
