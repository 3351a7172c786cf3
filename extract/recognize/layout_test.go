package recognize

import (
	"strings"
	"testing"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/htmldoc"
)

// htmlDoc reads an HTML page written in a test.
func htmlDoc(t *testing.T, page string) *extract.Document {
	t.Helper()
	doc, err := htmldoc.Parse(strings.NewReader(page), extract.Source{Path: "test.html", Format: extract.FormatHTML})
	if err != nil {
		t.Fatalf("Parse(test.html): %v", err)
	}
	return doc
}

// TestFinancialLayouts covers the layouts of publishers the seeds do not
// show: one generated document per failure class of issue 10.
func TestFinancialLayouts(t *testing.T) {
	tests := []struct {
		name string
		doc  func(t *testing.T) *extract.Document
		want []string
	}{{
		name: "block label printed once, wrapped onto the block's second row",
		doc: func(*testing.T) *extract.Document {
			return document(table("bedragen x € 1.000", []string{"Taakveld", "", "2023", "2024"},
				[]string{"0.1 Bestuur", "Baten", "10", "20"},
				[]string{"", "Lasten", "-30", "-40"},
				[]string{"", "Saldo", "-20", "-20"},
				[]string{"0.2 Burgerzaken en", "Baten", "1", "2"},
				[]string{"dienstverlening", "Lasten", "-3", "-4"},
				[]string{"", "Saldo", "-2", "-2"},
				[]string{"0.3 Beheer", "Baten", "5", "6"}))
		},
		want: []string{"Taakveld | x € 1.000 | 1000 |  | \ncols: 2023 / 2024\n" +
			"0.1 Bestuur Baten: 10 | 20\n0.1 Bestuur Lasten: -30 | -40\n0.1 Bestuur Saldo: -20 | -20\n" +
			"0.2 Burgerzaken en dienstverlening Baten: 1 | 2\n0.2 Burgerzaken en dienstverlening Lasten: -3 | -4\n" +
			"0.2 Burgerzaken en dienstverlening Saldo: -2 | -2\n0.3 Beheer Baten: 5 | 6\n"},
	}, {
		name: "title cell spanning the header (th colspan)",
		doc: func(t *testing.T) *extract.Document {
			return htmlDoc(t, `<table><thead><tr><th colspan="3">Overzicht lasten (bedragen x € 1.000)</th></tr>
<tr><th></th><th>2023</th><th>2024</th></tr></thead>
<tbody><tr><td>Lasten</td><td>1.200</td><td>1.300</td></tr><tr><td>Baten</td><td>200</td><td>250</td></tr></tbody></table>`)
		},
		want: []string{"Overzicht lasten | x € 1.000 | 1000 |  | \ncols: 2023 / 2024\nLasten: 1.200 | 1.300\nBaten: 200 | 250\n"},
	}, {
		name: "unit label as a footnote row",
		doc: func(*testing.T) *extract.Document {
			return document(heading("Lasten"), table("", []string{"", "2023", "2024"},
				[]string{"Lasten", "1.200", "1.300"}, []string{"Bedragen x € 1.000"}))
		},
		want: []string{"Lasten | x € 1.000 | 1000 |  | Lasten\ncols: 2023 / 2024\nLasten: 1.200 | 1.300\n"},
	}, {
		name: "unit label in a caption below the table",
		doc: func(*testing.T) *extract.Document {
			return document(heading("Lasten"), table("", withHeader([]string{"", "2023", "2024"}, amounts)...),
				paragraph("Tabel 3: lasten en baten (bedragen x € 1.000)"), paragraph("Toelichting."))
		},
		want: []string{"Lasten | x € 1.000 | 1000 |  | Lasten\ncols: 2023 / 2024\nLasten: 1.200 | 1.300\nBaten: 200 | 250\n"},
	}, {
		name: "unit label with other words in the first header cell",
		doc: func(*testing.T) *extract.Document {
			return document(table("", withHeader([]string{"Kosten jan. tot en met aug. 2024 x € 1.000", "Begroting", "Realisatie"}, amounts)...))
		},
		want: []string{"Kosten jan. tot en met aug. 2024 | x € 1.000 | 1000 |  | \ncols: Begroting / Realisatie\nLasten: 1.200 | 1.300\nBaten: 200 | 250\n"},
	}, {
		name: "unit label split over two header rows, on the line of the years",
		doc: func(*testing.T) *extract.Document {
			return document(tableN("", 2, []string{"Bedragen", "", ""}, []string{"(x €1.000)", "2026", "2027"},
				[]string{"Lasten", "1.200", "1.300"}))
		},
		want: []string{"Bedragen | x €1.000 | 1000 |  | \ncols: 2026 / 2027\nLasten: 1.200 | 1.300\n"},
	}, {
		name: "stacked blocks share the unit; percentages and counts are indicators",
		doc: func(*testing.T) *extract.Document {
			return document(heading("Lasten"), table("bedragen x € 1.000", withHeader([]string{"", "2023", "2024"}, amounts)...),
				heading("Baten"), table("", []string{"", "2023", "2024"},
					[]string{"Baten", "500", "600"}, []string{"Dekkingspercentage", "80%", "85%"}, []string{"Aantal inwoners", "27.000", "27.100"}))
		},
		want: []string{
			"Lasten | x € 1.000 | 1000 |  | Lasten\ncols: 2023 / 2024\nLasten: 1.200 | 1.300\nBaten: 200 | 250\n",
			"Baten | x € 1.000 | 1000 |  | Lasten > Baten\ncols: 2023 / 2024\nBaten: 500 | 600\n",
		},
	}, {
		name: "percentage column and row in a x € 1.000 table",
		doc: func(*testing.T) *extract.Document {
			return document(table("bedragen x € 1.000", []string{"", "Begroting", "Realisatie", "% afwijking"},
				[]string{"Lasten", "1.000", "1.100", "10"}, []string{"Percentage regeling", "20", "20", ""}))
		},
		want: []string{" | x € 1.000 | 1000 |  | \ncols: Begroting / Realisatie\nLasten: 1.000 | 1.100\n"},
	}, {
		name: "sign column, N/V marks and brackets",
		doc: func(*testing.T) *extract.Document {
			return document(paragraph(`("-" = nadeel / "+" = voordeel)`), table("bedragen x € 1.000", []string{"", "Verschil", "", "Afwijking"},
				[]string{"Lasten", "31.393", "-", "N 31.393"},
				[]string{"Baten", "1.200", "+", "V 1.200"},
				[]string{"Saldo", "(1.655)", "", "1.655 N"}))
		},
		want: []string{` | x € 1.000 | 1000 | ("-" = nadeel / "+" = voordeel) | ` + "\n" +
			"cols: Verschil / Afwijking\nLasten: -31.393 | -31.393\nBaten: 1.200 | 1.200\nSaldo: (1.655) | -1.655\n"},
	}, {
		name: "group headings, the same label twice, the header repeated over a block",
		doc: func(*testing.T) *extract.Document {
			return document(table("bedragen x € 1.000", []string{"", "2023", "2024"},
				[]string{"Jeugd"}, []string{"Lasten", "10", "20"},
				[]string{"Wmo", "2023", "2024"}, []string{"Lasten", "30", "40"}))
		},
		want: []string{" | x € 1.000 | 1000 |  | \ncols: 2023 / 2024\nLasten [Jeugd]: 10 | 20\nLasten [Wmo]: 30 | 40\n"},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := find(t, tc.doc(t))
			var got []string
			for _, ft := range res.Financial {
				got = append(got, renderFinancial(ft))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Find(%s) financial:\ngot  %q\nwant %q", tc.name, got, tc.want)
			}
		})
	}
}

// TestQuantitiesAreIndicators checks that the percentages and counts of a
// financial table come out as indicator values, unscaled.
func TestQuantitiesAreIndicators(t *testing.T) {
	doc := document(table("bedragen x € 1.000", []string{"", "Begroting", "% afwijking"},
		[]string{"Lasten", "1.000", "10"}, []string{"Dekkingspercentage", "80%", ""}))
	var got []string
	for _, iv := range find(t, doc).Indicators {
		got = append(got, iv.Name+" | "+iv.Column+" | "+iv.Raw)
	}
	want := []string{"Lasten | % afwijking | 10", "Dekkingspercentage | Begroting | 80%"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Find(quantities) indicators:\ngot  %q\nwant %q", got, want)
	}
}
