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
	}, {
		name: "row labels as th scope=row, the header row of plain td in tbody",
		doc: func(t *testing.T) *extract.Document {
			return htmlDoc(t, `<p>(bedragen x € 1.000)</p><table><tbody><tr><td></td><td>2023</td><td>2024</td></tr>
<tr><th scope="row">Lasten</th><td>1.200</td><td>1.300</td></tr><tr><th scope="row">Baten</th><td>200</td><td>250</td></tr></tbody></table>`)
		},
		want: []string{" | x € 1.000 | 1000 |  | \ncols: 2023 / 2024\nLasten: 1.200 | 1.300\nBaten: 200 | 250\n"},
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

// onPage puts every cell of a table block on page p, as a PDF reader does.
func onPage(b extract.Block, p int) extract.Block {
	b.Pos.Page = p
	b.Table.Pos.Page = p
	for _, row := range b.Table.Rows {
		for k := range row {
			row[k].Pos.Page = p
		}
	}
	return b
}

// TestIndicatorLayouts covers the indicator table layouts of issue 10.
func TestIndicatorLayouts(t *testing.T) {
	tests := []struct {
		name string
		doc  *extract.Document
		want []string
	}{{
		name: "a unit after the first of two values",
		doc: document(heading("Indicatoren"), table("",
			[]string{"Indicator", "2023", "2024"},
			[]string{"Banen", "612", "%", "620"})),
		want: []string{"name=Banen col=2023 raw=612 unit=% code=", "name=Banen col=2024 raw=620 unit=% code="},
	}, {
		name: "programme and indicator numbers are codes",
		doc: document(heading("Beleidsindicatoren"), table("",
			[]string{"Progr. Nr.", "Nr.", "Indicator", "Realisatie"},
			[]string{"2", "21.", "Banen", "388,3"},
			[]string{"2", "22.", "Werkloosheid", "3,1"})),
		want: []string{"name=Banen col=Realisatie raw=388,3 unit= code=21.", "name=Werkloosheid col=Realisatie raw=3,1 unit= code=22."},
	}, {
		name: "an unheaded programme number before the name",
		doc: document(heading("Beleidsindicatoren"), table("",
			[]string{"", "Indicator", "Waarde"},
			[]string{"2", "Banen", "388,3"},
			[]string{"3", "Werkloosheid", "3,1"})),
		want: []string{"name=Banen col=Waarde raw=388,3 unit= code=2", "name=Werkloosheid col=Waarde raw=3,1 unit= code=3"},
	}, {
		name: "a column of years is no value column",
		doc: document(heading("Kengetallen"), table("",
			[]string{"Indicator", "Peiljaar", "Waarde"},
			[]string{"Banen", "2022", "612"})),
		want: []string{"name=Banen col=Waarde raw=612 unit= code="},
	}, {
		name: "unit first, the name in an unheaded second column",
		doc: document(heading("Indicatoren"), table("",
			[]string{"Eenheid", "", "2023", "2024"},
			[]string{"%", "Banen", "61", "62"})),
		want: []string{"name=Banen col=2023 raw=61 unit=% code=", "name=Banen col=2024 raw=62 unit=% code="},
	}, {
		name: "markers as values in a body row",
		doc: document(heading("Indicatoren"), tableN("", 0,
			[]string{"Indicator", "2023", "2024"},
			[]string{"Banen", "n.v.t.", "behaald"},
			[]string{"Werk", "<0", "> 5"})),
		want: []string{"name=Banen col=2023 raw=n.v.t. unit= code=", "name=Banen col=2024 raw=behaald unit= code=",
			"name=Werk col=2023 raw=<0 unit= code=", "name=Werk col=2024 raw=> 5 unit= code="},
	}, {
		name: "no continuation after prose",
		doc: document(heading("Indicatoren"), onPage(table("", []string{"Indicator", "2023"}, []string{"Banen", "612"}), 3),
			paragraph("Een alinea lopende tekst over iets anders dan de tabel hierboven."),
			onPage(tableN("", 0, []string{"Lasten", "1.200"}), 4)),
		want: []string{"name=Banen col=2023 raw=612 unit= code="},
	}, {
		name: "no continuation two pages on",
		doc: document(heading("Indicatoren"), onPage(table("", []string{"Indicator", "2023"}, []string{"Banen", "612"}), 3),
			onPage(tableN("", 0, []string{"Lasten", "1.200"}), 5)),
		want: []string{"name=Banen col=2023 raw=612 unit= code="},
	}, {
		name: "continuation on the next page",
		doc: document(heading("Indicatoren"), onPage(table("", []string{"Indicator", "2023"}, []string{"Banen", "612"}), 3),
			heading("Indicatoren"), onPage(tableN("", 0, []string{"Werk", "3"}), 4)),
		want: []string{"name=Banen col=2023 raw=612 unit= code=", "name=Werk col=2023 raw=3 unit= code="},
	}, {
		name: "a name wrapped onto a row that continues in lower case",
		doc: document(heading("Indicatoren"), table("",
			[]string{"Indicator", "2023"},
			[]string{"Aantal inwoners met", ""},
			[]string{"bijstandsuitkering", "14,3"})),
		want: []string{"name=Aantal inwoners met bijstandsuitkering col=2023 raw=14,3 unit= code="},
	}, {
		name: "items in lower case under a heading row are no wrapped name",
		doc: document(heading("Indicatoren"), table("",
			[]string{"Indicator", "2023"},
			[]string{"Voorzieningen voor jeugd", ""},
			[]string{"scouting", "350"},
			[]string{"vakantieactiviteiten", "750"})),
		want: []string{"name=scouting col=2023 raw=350 unit= code=", "name=vakantieactiviteiten col=2023 raw=750 unit= code="},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, v := range find(t, tc.doc).Indicators {
				got = append(got, "name="+v.Name+" col="+v.Column+" raw="+v.Raw+" unit="+v.Unit+" code="+v.Code)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Find(%s) indicators:\ngot  %q\nwant %q", tc.name, got, tc.want)
			}
		})
	}
}

// TestFinancialRowsMatchColumns checks that every financial row has a
// cell per column when some of its cells are percentages.
func TestFinancialRowsMatchColumns(t *testing.T) {
	doc := document(table("bedragen x € 1.000", []string{"", "2023", "2024", "2025"},
		[]string{"Lasten", "1.000", "12%", "1.100"}, []string{"Baten", "10%", "", "20"}))
	for _, ft := range find(t, doc).Financial {
		for _, r := range ft.Rows {
			if len(r.Cells) != len(ft.Columns) {
				t.Errorf("Find(percent cells) row %q has %d cells for %d columns", r.Label, len(r.Cells), len(ft.Columns))
			}
		}
	}
}

// TestYearNoteOnItsOwnRow checks that a year printed on the row below a
// value is the value's note, not a value of its own.
func TestYearNoteOnItsOwnRow(t *testing.T) {
	doc := document(heading("Beleidsindicatoren"), table("",
		[]string{"Indicator", "Realisatie"},
		[]string{"Banen", "1,2%"},
		[]string{"", "(2017)"},
		[]string{"Werk", "(2018)\n64,0% (2018)"}))
	var got []string
	for _, v := range find(t, doc).Indicators {
		got = append(got, v.Name+" | "+v.Raw)
	}
	if want := []string{"Banen | 1,2% (2017)", "Werk | 64,0% (2018)"}; strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Find(year note) indicators:\ngot  %q\nwant %q", got, want)
	}
}

// TestTableOfContents checks that a table of contents, as a table or as
// lines with dot leaders, gives no objectives.
func TestTableOfContents(t *testing.T) {
	docs := map[string]*extract.Document{
		"table": document(heading("Inhoudsopgave"), table("", []string{"Hoofdstuk", "Pagina"},
			[]string{"1.1.1 Veilige wijken", "12"}, []string{"1.1.2 Schone straten", "14"})),
		"dot leaders": document(heading("Inhoud"), paragraph("1.1.1 Veilige wijken ........ 12"),
			paragraph("Jaar realisatie"), paragraph("2024"), paragraph("1.1.2 Schone straten …… 14")),
	}
	for name, doc := range docs {
		if got := find(t, doc).Objectives; len(got) > 0 {
			t.Errorf("Find(%s) objectives = %d (%q), want none", name, len(got), got[0].Title)
		}
	}
}
