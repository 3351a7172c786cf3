package normalize

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/recognize"
	"github.com/begroot/begroot/extract/textdoc"
	"github.com/begroot/begroot/fixtures"
	"github.com/begroot/begroot/fixtures/golden"
)

func TestClassifyColumn(t *testing.T) {
	tests := []struct {
		label   string
		docType string
		docYear int
		kind    string
		year    int
	}{
		{"Raming 2017 na wijziging", "jaarstukken", 2017, ColBegrotingWijziging, 2017},
		{"Raming 2017 voor wijziging", "jaarstukken", 2017, ColBegrotingPrimitief, 2017},
		{"Primitieve begroting 2024", "begroting", 2024, ColBegrotingPrimitief, 2024},
		{"Gewijzigde begroting 2023", "jaarstukken", 2023, ColBegrotingWijziging, 2023},
		{"Actuele begroting 2023", "jaarstukken", 2023, ColBegrotingWijziging, 2023},
		{"Realisatie 2016", "jaarstukken", 2017, ColRealisatie, 2016},
		{"Rekening 2022", "begroting", 2024, ColRealisatie, 2022},
		{"Resultaat 2017", "begroting", 2017, ColRealisatie, 2017},
		{"Realisatie begrotingsjaar", "jaarstukken", 2020, ColRealisatie, 2020},
		{"Raming begrotingsjaar na wijziging", "jaarstukken", 2020, ColBegrotingWijziging, 2020},
		{"Raming begrotingsjaar voor wijziging", "jaarstukken", 2020, ColBegrotingPrimitief, 2020},
		{"Begroting 2024 lasten", "begroting", 2024, ColBegroting, 2024},
		{"Begroting 2017", "begroting", 2017, ColBegroting, 2017},
		{"Verschil realisatie versus begr. na wijz.", "jaarstukken", 2020, ColVerschil, 0},
		{"Afwijking 2017", "jaarstukken", 2017, ColVerschil, 2017},
		{"Meerjarenraming 2026", "begroting", 2024, ColRaming, 2026},
		{"Raming 2026", "begroting", 2024, ColRaming, 2026},
		{"Raming 2024", "begroting", 2024, ColBegroting, 2024},
		{"2026", "begroting", 2024, ColRaming, 2026},
		{"2024", "begroting", 2024, ColBegroting, 2024},
		{"2023", "begroting", 2024, ColOther, 2023},
		{"2020", "jaarstukken", 2020, ColRealisatie, 2020},
		{"2020", "", 0, ColOther, 2020},
		{"Begr. 2027", "begroting", 2024, ColBegroting, 2027},
		{"Rek. 2022", "begroting", 2024, ColRealisatie, 2022},
		{"Prim. 2023", "jaarstukken", 2023, ColBegrotingPrimitief, 2023},
		{"Real. 2023", "jaarstukken", 2023, ColRealisatie, 2023},
		{"Realisatie t/m aug", "bestuursrapportage", 2024, ColRealisatie, 2024},
		{"Prognose 2024", "bestuursrapportage", 2024, ColOther, 2024},
		{"Meerjarenraming", "begroting", 2024, ColRaming, 0},
		{"Begroting boekjaar (T)", "begroting", 2026, ColBegroting, 2026},
		{"Raming T+1", "begroting", 2026, ColRaming, 2027},
		{"Realisatie T-2", "begroting", 2026, ColRealisatie, 2024},
		{"Toelichting", "begroting", 2024, ColOther, 0},
		{"", "begroting", 2024, ColOther, 0},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s/%s/%d", tc.label, tc.docType, tc.docYear), func(t *testing.T) {
			kind, year := ClassifyColumn(tc.label, tc.docType, tc.docYear)
			if kind != tc.kind || year != tc.year {
				t.Errorf("ClassifyColumn(%q, %q, %d) = %s %d, want %s %d", tc.label, tc.docType, tc.docYear, kind, year, tc.kind, tc.year)
			}
		})
	}
}

func TestClassifyRow(t *testing.T) {
	tests := []struct{ label, want string }{
		{"Totaal lasten", RowLasten},
		{"Lasten", RowLasten},
		{"Directe lasten", RowLasten},
		{"Kapitaallasten", RowLasten},
		{"Totaal baten", RowBaten},
		{"Baten", RowBaten},
		{"Opbrengsten", RowBaten},
		{"Saldo", RowSaldo},
		{"Gerealiseerde totaal saldo van baten en lasten", RowSaldo},
		{"Saldo van baten en lasten", RowSaldo},
		{"Toevoeging reserves", RowToevoeging},
		{"Toevoegingen aan reserves", RowToevoeging},
		{"Onttrekking reserves", RowOnttrekking},
		{"Onttrekkingen aan reserves", RowOnttrekking},
		{"Saldo mutaties reserves", RowReserves},
		{"Mutaties reserves", RowReserves},
		{"Gerealiseerd resultaat", RowResultaat},
		{"Gerealiseerde totaal resultaat van baten en lasten", RowResultaat},
		{"Doorbelasting", RowOther},
		{"Jeugd", RowOther},
		{"Baten en lasten", RowOther},
		{"", RowOther},
	}
	for _, tc := range tests {
		t.Run(tc.label, func(t *testing.T) {
			if got := ClassifyRow(tc.label); got != tc.want {
				t.Errorf("ClassifyRow(%q) = %s, want %s", tc.label, got, tc.want)
			}
		})
	}
}

func TestAmount(t *testing.T) {
	tests := []struct {
		raw   string
		scale int64
		want  string // "nil", "not a number" or the value
	}{
		{"33.955", 1000, "33955000"},
		{"-1.655", 1000, "-1655000"},
		{"− 1.655", 1000, "-1655000"},
		{"(1.655)", 1000, "-1655000"},
		{"0", 1000, "0"},
		{"0,5", 1000, "500"},
		{"1.234,56", 1, "1235"},
		{"12,5", 1_000_000, "12500000"},
		{"€ 4,65 miljoen", 1, "4650000"},
		{"€4.486.000", 1, "4486000"},
		{"-", 1000, "nil"},
		{"nnb", 1000, "nil"},
		{"n.v.t.", 1, "nil"},
		{"", 1000, "not a number"},
		{"zie toelichting", 1000, "not a number"},
		{"2016 en 2017", 1000, "not a number"},
	}
	for _, tc := range tests {
		t.Run(tc.raw, func(t *testing.T) {
			v, ok := Amount(tc.raw, tc.scale)
			got := "not a number"
			switch {
			case ok && v == nil:
				got = "nil"
			case ok:
				got = fmt.Sprint(*v)
			case v != nil:
				got = "value without ok"
			}
			if got != tc.want {
				t.Errorf("Amount(%q, %d) = %s, want %s", tc.raw, tc.scale, got, tc.want)
			}
		})
	}
}

func TestIndicatorValue(t *testing.T) {
	tests := []struct {
		raw  string
		want string // "value unit", "nil" or "text"
	}{
		{"7,1", "7.1 "},
		{"97%", "97 %"},
		{"50,60 %", "50.6 %"},
		{"350 kind", "350 kind"},
		{"12 weken", "12 weken"},
		{"€ 4,65 miljoen", "4.65e+06 EUR"},
		{"50,60 (2022)", "50.6 "},
		{"705", "705 "},
		{"nnb", "nil"},
		{"-", "nil"},
		{"Vanaf 2018 vindt de registratie plaats", "text"},
		{"Jongeren", "text"},
		{"0 <0", "text"},
		{"<50 / >30", "text"},
		{"> 100", "text"},
		{"", "text"},
	}
	for _, tc := range tests {
		t.Run(tc.raw, func(t *testing.T) {
			v, unit, ok := indicatorValue(tc.raw)
			got := "text"
			switch {
			case ok && v == nil:
				got = "nil"
			case ok:
				got = fmt.Sprint(*v) + " " + unit
			}
			if got != tc.want {
				t.Errorf("indicatorValue(%q) = %q, want %q", tc.raw, got, tc.want)
			}
		})
	}
}

// TestIndicatorNote: a value the recogniser marked as a bound is a note
// with no value, whatever its text; an unmarked one is read.
func TestIndicatorNote(t *testing.T) {
	tests := []struct {
		iv   recognize.IndicatorValue
		want string // "value" or "note text"
	}{
		{recognize.IndicatorValue{Name: "Structurele exploitatieruimte", Raw: "0", Note: true}, "note 0"},
		{recognize.IndicatorValue{Name: "Structurele exploitatieruimte", Raw: "0"}, "0"},
		{recognize.IndicatorValue{Name: "Solvabiliteitsratio", Raw: "<30"}, "note <30"},
	}
	for _, tc := range tests {
		t.Run(tc.iv.Raw, func(t *testing.T) {
			out := indicator(tc.iv, Meta{}, "")
			got := "note " + out.Note
			if out.Value != nil {
				got = fmt.Sprint(*out.Value)
			}
			if got != tc.want {
				t.Errorf("indicator(%+v) = %q, want %q", tc.iv, got, tc.want)
			}
		})
	}
}

// financialTable builds a recognised table: rows are a label and one
// printed amount per column.
func financialTable(title string, scale int64, columns []string, rows ...[]string) recognize.FinancialTable {
	ft := recognize.FinancialTable{Title: title, Scale: scale, Columns: columns}
	for r, row := range rows {
		fr := recognize.FinancialRow{Label: row[0]}
		for _, s := range row[1:] {
			fr.Cells = append(fr.Cells, extract.Cell{Text: s, Pos: extract.Pos{Line: r + 1}})
		}
		ft.Rows = append(ft.Rows, fr)
	}
	return ft
}

// renderChecks writes each check as "rule | column | expected found
// difference | ok @line".
func renderChecks(checks []tableCheck) []string {
	var out []string
	for _, c := range checks {
		out = append(out, fmt.Sprintf("%s | %s | %d %d %d | %v @%d", c.Rule, c.Column, c.Expected, c.Found, c.Difference, c.OK, c.Line))
	}
	return out
}

// programme is a table that adds up in every column: saldo = baten -
// lasten, resultaat = saldo + onttrekking - toevoeging, and in the
// difference column (raming - realisatie, + = voordeel) saldo = baten +
// lasten.
func programme() recognize.FinancialTable {
	return financialTable("Totaal programma 4", 1000,
		[]string{"Realisatie 2016", "Raming 2017 na wijziging", "Afwijking 2017"},
		[]string{"Totaal lasten", "10.000", "11.000", "1.000"},
		[]string{"Totaal baten", "2.500", "3.000", "-500"},
		[]string{"Gerealiseerde totaal saldo van baten en lasten", "-7.500", "-8.000", "500"},
		[]string{"Toevoeging reserves", "100", "100", "0"},
		[]string{"Onttrekking reserves", "300", "500", "-200"},
		[]string{"Gerealiseerd resultaat", "-7.300", "-7.600", "300"},
	)
}

var programmeChecks = []string{
	"baten - lasten = saldo | Realisatie 2016 | -7500000 -7500000 0 | true @3",
	"saldo + reserves = resultaat | Realisatie 2016 | -7300000 -7300000 0 | true @6",
	"baten - lasten = saldo | Raming 2017 na wijziging | -8000000 -8000000 0 | true @3",
	"saldo + reserves = resultaat | Raming 2017 na wijziging | -7600000 -7600000 0 | true @6",
	"baten - lasten = saldo | Afwijking 2017 | 500000 500000 0 | true @3",
	"saldo + reserves = resultaat | Afwijking 2017 | 300000 300000 0 | true @6",
}

func TestChecks(t *testing.T) {
	tests := []struct {
		name string
		t    recognize.FinancialTable
		want []string
	}{{
		name: "adds up",
		t:    programme(),
		want: programmeChecks,
	}, {
		name: "rounding by one printed unit",
		t: financialTable("Afgerond", 1000, []string{"Begroting 2024"},
			[]string{"Lasten", "1.000"}, []string{"Baten", "400"}, []string{"Saldo", "-601"}),
		want: []string{"baten - lasten = saldo | Begroting 2024 | -600000 -601000 -1000 | true @3"},
	}, {
		name: "negative lasten in € '000",
		t: financialTable("Exploitatie", 1000, []string{"2023", "2024"},
			[]string{"Lasten", "-10.000", "-10.500"}, []string{"Baten", "2.500", "2.600"}, []string{"Saldo", "-7.500", "-7.900"}),
		want: []string{
			"baten - lasten = saldo | 2023 | -7500000 -7500000 0 | true @3",
			"baten - lasten = saldo | 2024 | -7900000 -7900000 0 | true @3",
		},
	}, {
		name: "total of its parts",
		t: financialTable("Lasten", 1000, []string{"Begroting 2024"},
			[]string{"Personele lasten", "600"}, []string{"Materiële lasten", "400"}, []string{"Totaal lasten", "1.000"}),
		want: []string{"sum of parts = total | Begroting 2024 | 1000000 1000000 0 | true @3"},
	}, {
		name: "total that does not add up",
		t: financialTable("Lasten", 1000, []string{"Begroting 2024"},
			[]string{"Personele lasten", "600"}, []string{"Materiële lasten", "450"}, []string{"Totaal lasten", "1.000"}),
		want: []string{"sum of parts = total | Begroting 2024 | 1050000 1000000 -50000 | false @3"},
	}, {
		name: "two-level columns",
		t: financialTable("Taakvelden", 1000, []string{"Begroting 2024 baten", "Begroting 2024 lasten", "Begroting 2024 saldo"},
			[]string{"Jeugd", "10", "110", "-100"}, []string{"Wmo", "5", "50", "-40"}),
		want: []string{
			"baten - lasten = saldo | Begroting 2024 saldo (Jeugd) | -100000 -100000 0 | true @1",
			"baten - lasten = saldo | Begroting 2024 saldo (Wmo) | -45000 -40000 5000 | false @2",
		},
	}, {
		name: "nothing to check",
		t: financialTable("Besparingen", 1000, []string{"2019", "2020"},
			[]string{"Beoogde besparing", "126", "412"}, []string{"Behaalde besparing", "-126", "126"}),
	}, {
		name: "missing values",
		t: financialTable("Leeg", 1000, []string{"Begroting 2024"},
			[]string{"Lasten", "-"}, []string{"Baten", "400"}, []string{"Saldo", ""}),
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := renderChecks(checkTable(tc.t))
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("checkTable(%s) checks:\ngot  %q\nwant %q", tc.name, got, tc.want)
			}
		})
	}
}

// TestCheckOneChange changes one printed number of the programme table and
// expects exactly the checks that use it to fail.
func TestCheckOneChange(t *testing.T) {
	tests := []struct {
		name     string
		row, col int
		raw      string
		failing  []string
	}{{
		name: "baten in the budget column",
		row:  1, col: 1, raw: "3.100",
		failing: []string{"baten - lasten = saldo | Raming 2017 na wijziging | -7900000 -8000000 -100000 | false @3"},
	}, {
		name: "saldo feeds two checks",
		row:  2, col: 0, raw: "-7.400",
		failing: []string{
			"baten - lasten = saldo | Realisatie 2016 | -7500000 -7400000 100000 | false @3",
			"saldo + reserves = resultaat | Realisatie 2016 | -7200000 -7300000 -100000 | false @6",
		},
	}, {
		name: "onttrekking",
		row:  4, col: 1, raw: "600",
		failing: []string{"saldo + reserves = resultaat | Raming 2017 na wijziging | -7500000 -7600000 -100000 | false @6"},
	}, {
		name: "resultaat",
		row:  5, col: 0, raw: "-7.310",
		failing: []string{"saldo + reserves = resultaat | Realisatie 2016 | -7300000 -7310000 -10000 | false @6"},
	}, {
		name: "lasten in the difference column",
		row:  0, col: 2, raw: "1.100",
		failing: []string{"baten - lasten = saldo | Afwijking 2017 | 600000 500000 -100000 | false @3"},
	}, {
		name: "toevoeging in the difference column",
		row:  3, col: 2, raw: "50",
		failing: []string{"saldo + reserves = resultaat | Afwijking 2017 | 250000 300000 50000 | false @6"},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ft := programme()
			ft.Rows[tc.row].Cells[tc.col].Text = tc.raw
			checks := checkTable(ft)
			if len(checks) != len(programmeChecks) {
				t.Errorf("checkTable(%s) gave %d checks, want %d", tc.name, len(checks), len(programmeChecks))
			}
			var failing []string
			for _, c := range renderChecks(checks) {
				if strings.Contains(c, "| false") {
					failing = append(failing, c)
				}
			}
			if strings.Join(failing, "\n") != strings.Join(tc.failing, "\n") {
				t.Errorf("checkTable(%s) failing checks:\ngot  %q\nwant %q", tc.name, failing, tc.failing)
			}
		})
	}
}

func TestDetectMeta(t *testing.T) {
	tests := []struct {
		name  string
		title string
		url   string
		texts []string
		want  Meta
	}{{
		name:  "title names everything",
		title: "Jaarstukken 2020 - Gemeente Dinkelland",
		want:  Meta{Gemeente: "Dinkelland", CBSCode: "GM1774", DocType: "jaarstukken", Year: 2020, Title: "Jaarstukken 2020 - Gemeente Dinkelland"},
	}, {
		name:  "host name and past-tense headings",
		title: "Programma 3",
		url:   "https://lansingerland.begrotingsapp.nl/p4113/programma-3",
		texts: []string{"Wat hebben we bereikt?", "Realisatie 2017 tegenover realisatie 2016", "Wat heeft het gekost?"},
		want:  Meta{Gemeente: "Lansingerland", CBSCode: "GM1621", DocType: "jaarstukken", Year: 2017, Title: "Programma 3"},
	}, {
		name:  "ambiguous name after gemeente",
		title: "Programmabegroting 2024",
		texts: []string{"De gemeente Best investeert in 2024 en 2025."},
		want:  Meta{Gemeente: "Best", CBSCode: "GM0753", DocType: "begroting", Year: 2024, Title: "Programmabegroting 2024"},
	}, {
		name:  "ambiguous name as a word",
		title: "Programmabegroting 2024",
		texts: []string{"Het beste plan voor 2024."},
		want:  Meta{DocType: "begroting", Year: 2024, Title: "Programmabegroting 2024"},
	}, {
		name:  "alias",
		texts: []string{"Voorjaarsnota 2023 van de gemeente Den Haag."},
		want:  Meta{Gemeente: "'s-Gravenhage", CBSCode: "GM0518", DocType: "voorjaarsnota", Year: 2023},
	}, {
		name:  "a stichting is not a gemeente",
		title: "Jaarstukken 2024 Stichting Sportbedrijf Arnhem",
		texts: []string{"De stichting beheert sporthallen in Arnhem."},
		want:  Meta{Organisation: "Stichting Sportbedrijf Arnhem", DocType: "jaarstukken", Year: 2024, Title: "Jaarstukken 2024 Stichting Sportbedrijf Arnhem"},
	}, {
		name:  "bestuursrapportage and an adjective",
		title: "1e Bestuursrapportage 2022",
		texts: []string{"Zevenaarse inwoners"},
		want:  Meta{Gemeente: "Zevenaar", CBSCode: "GM0299", DocType: "voortgangsrapportage", Year: 2022, Title: "1e Bestuursrapportage 2022"},
	}, {
		name:  "year mentioned most",
		title: "Begroting",
		texts: []string{"In 2025 en 2026 en 2026 investeren wij.", "Wat willen we bereiken?"},
		want:  Meta{DocType: "begroting", Year: 2026, Title: "Begroting"},
	}, {
		name: "file name in the url",
		url:  "https://www.deventer.nl/jaarverslag-2019.pdf",
		want: Meta{Gemeente: "Deventer", CBSCode: "GM0150", DocType: "jaarstukken", Year: 2019},
	}, {
		name:  "colofon names the publisher",
		title: "BEGROTING 2024",
		texts: []string{"Colofon: uitgave Wassenaar oktober 2023", "Verbonden partijen: Stichting Welzijn Wassenaar, GGD Haaglanden."},
		want:  Meta{Gemeente: "Wassenaar", CBSCode: "GM0629", DocType: "begroting", Year: 2024, Title: "BEGROTING 2024"},
	}, {
		name:  "host on the title page spells the body",
		title: "Jaarstukken 2023",
		texts: []string{"Collectie Overijssel", "collectieoverijssel.nl | info@collectieoverijssel.nl", "1.3 Subsidieverantwoording - Gemeente Zwolle", "De gemeente Zwolle en de gemeente Deventer nemen deel."},
		want:  Meta{Organisation: "Collectie Overijssel", DocType: "jaarstukken", Year: 2023, Title: "Jaarstukken 2023"},
	}, {
		name:  "host spells a name in the text",
		title: "Kadernota 2027",
		texts: []string{"www.ggdflevoland.nl", "De gemeenten Almere en Lelystad vragen veel.", "Daarom werkt GGD Flevoland aan preventie."},
		want:  Meta{Organisation: "GGD Flevoland", DocType: "voorjaarsnota", Year: 2027, Title: "Kadernota 2027"},
	}, {
		name:  "body in the title",
		title: "Agenda Algemeen Bestuur GGD Flevoland",
		texts: []string{"Zienswijze beëindiging subsidierelatie gemeente Almere", "Bestuursrapportage 2024"},
		want:  Meta{Organisation: "GGD Flevoland", DocType: "voortgangsrapportage", Year: 2024, Title: "Agenda Algemeen Bestuur GGD Flevoland"},
	}, {
		name:  "gemeente before a body on the title page",
		title: "Programmabegroting 2024",
		texts: []string{"Gemeente Lingewaard", "Bijlage: Stichting Sportbedrijf Lingewaard"},
		want:  Meta{Gemeente: "Lingewaard", CBSCode: "GM1705", DocType: "begroting", Year: 2024, Title: "Programmabegroting 2024"},
	}, {
		name:  "renamed gemeente",
		title: "Begroting 2024 gemeente Laren",
		want:  Meta{Gemeente: "Laren (NH.)", CBSCode: "GM0417", DocType: "begroting", Year: 2024, Title: "Begroting 2024 gemeente Laren"},
	}, {
		name:  "before its herindeling",
		title: "Jaarstukken 2017 gemeente Haren",
		want:  Meta{Gemeente: "Haren", CBSCode: "GM0017", DocType: "jaarstukken", Year: 2017, Title: "Jaarstukken 2017 gemeente Haren"},
	}, {
		name:  "after its herindeling",
		title: "Jaarstukken 2020 gemeente Haren",
		want:  Meta{DocType: "jaarstukken", Year: 2020, Title: "Jaarstukken 2020 gemeente Haren"},
	}, {
		name:  "Nederland is no gemeente",
		title: "Begroting 2024",
		texts: []string{"Cijfer Nederland", "Vergelijkingscijfer Nederland"},
		want:  Meta{DocType: "begroting", Year: 2024, Title: "Begroting 2024"},
	}, {
		name: "empty",
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := &extract.Document{Title: tc.title, Source: extract.Source{URL: tc.url}}
			for _, s := range tc.texts {
				doc.Blocks = append(doc.Blocks, extract.Block{Kind: extract.Paragraph, Text: s})
			}
			if got := DetectMeta(doc); got != tc.want {
				t.Errorf("DetectMeta(%s) = %+v, want %+v", tc.name, got, tc.want)
			}
		})
	}
}

// TestDetectMetaSeeds reads the shared seed texts (skipped without
// ../shared) and compares gemeente, document type and year with gold.
func TestDetectMetaSeeds(t *testing.T) {
	dir := fixtures.Shared(t, "seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skip("no seeds")
	}
	for _, file := range files {
		stem := strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(stem, func(t *testing.T) {
			var gold struct {
				Gemeente string `json:"gemeente"`
				DocType  string `json:"doc_type"`
				Year     int    `json:"year"`
			}
			readJSON(t, fixtures.Shared(t, "gold/"+stem+".json"), &gold)
			f, err := os.Open(file)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			// The seed's file name says nothing; the text must.
			doc, err := textdoc.Parse(f, extract.Source{Path: stem + ".txt", Format: extract.FormatText})
			if err != nil {
				t.Fatal(err)
			}
			m := DetectMeta(doc)
			if m.Gemeente != gold.Gemeente || m.DocType != gold.DocType || m.Year != gold.Year {
				t.Errorf("DetectMeta(%s) = %s %s %d, want %s %s %d", stem, m.Gemeente, m.DocType, m.Year, gold.Gemeente, gold.DocType, gold.Year)
			}
		})
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// inlineDocument is a small begroting page: a goal, a financial table with
// one saldo that does not add up, an indicator table with units in their
// own column, and a doelstelling/prestatie tab view with budgets.
func inlineDocument() *extract.Document {
	cells := func(header bool, texts ...string) []extract.Cell {
		var row []extract.Cell
		for _, s := range texts {
			c := extract.Cell{Text: s, Header: header}
			if strings.HasSuffix(s, "*") {
				c.Text, c.Spanned = strings.TrimSuffix(s, "*"), true
			}
			row = append(row, c)
		}
		return row
	}
	item := func(texts ...string) []extract.Item {
		var items []extract.Item
		for _, s := range texts {
			items = append(items, extract.Item{Text: s})
		}
		return items
	}
	doc := &extract.Document{
		Source: extract.Source{URL: "https://www.bunnik.example/begroting-2024/programma-3", Format: extract.FormatHTML, SHA256: "00ff"},
		Title:  "Programmabegroting 2024 - Gemeente Bunnik",
		Blocks: []extract.Block{
			{Kind: extract.Heading, Level: 1, Text: "Programma 3 Sociaal domein"},
			{Kind: extract.Heading, Level: 2, Text: "Doelstelling"},
			{Kind: extract.Paragraph, Text: "Alle inwoners doen mee. Zo nodig met ondersteuning."},
			{Kind: extract.Heading, Level: 2, Text: "Wat mag het kosten?"},
			{Kind: extract.TableBlock, Table: &extract.Table{Caption: "bedragen x € 1.000", Rows: [][]extract.Cell{
				cells(true, "", "Realisatie 2022", "Begroting 2023", "Begroting 2024", "2025"),
				cells(false, "Lasten", "10.000", "10.500", "11.000", "11.200"),
				cells(false, "Baten", "2.000", "2.100", "2.200", "2.300"),
				cells(false, "Saldo", "-8.010", "-8.400", "-8.800", "-8.900"),
			}}},
			{Kind: extract.Heading, Level: 2, Text: "Beleidsindicatoren"},
			{Kind: extract.TableBlock, Table: &extract.Table{Rows: [][]extract.Cell{
				cells(true, "Nummer", "Naam", "Waarde", "Waarde*", "Bron"),
				cells(false, "20", "Niet-sporters", "50,60", "%", "RIVM"),
				cells(false, "7", "Banen per 1.000 inwoners", "612,4 (2022)", "per 1.000", "LISA"),
				cells(false, "9", "Cliënttevredenheid", "nnb", "cijfer", "KTO"),
			}}},
			{Kind: extract.Heading, Level: 2, Text: "Wat gaan we doen?"},
			{Kind: extract.List, Items: item("Doelstelling", "Prestatie")},
			{Kind: extract.List, Items: item(
				"Iedereen die hulp nodig heeft, krijgt die snel.",
				"• Wijkteams in elke kern\n€1.200.000",
				"• Onafhankelijke cliëntondersteuning\n€300.000",
			)},
		},
	}
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		b.Pos = extract.Pos{Line: i + 1}
		for k := range b.Items {
			b.Items[k].Pos = b.Pos
		}
		if b.Table != nil {
			for _, row := range b.Table.Rows {
				for k := range row {
					row[k].Pos = b.Pos
				}
			}
		}
	}
	return doc
}

// TestNormalize runs recognition and normalisation over inlineDocument,
// checks the main facts and compares the report with a golden file.
func TestNormalize(t *testing.T) {
	doc := inlineDocument()
	rep := Normalize(doc, recognize.Find(doc))

	if rep.Gemeente != "Bunnik" || rep.DocType != "begroting" || rep.Year != 2024 || rep.Document != "programma-3" {
		t.Errorf("Normalize(inline) meta = %q %q %d %q, want Bunnik begroting 2024 programma-3", rep.Gemeente, rep.DocType, rep.Year, rep.Document)
	}
	var facts []string
	for _, f := range rep.Financial {
		v := "null"
		if f.Value != nil {
			v = fmt.Sprint(*f.Value)
		}
		facts = append(facts, fmt.Sprintf("%s/%s %s/%s %d = %s", f.Row, f.RowKind, f.Column, f.ColumnKind, f.ColumnYear, v))
	}
	wantFacts := []string{
		"Lasten/lasten Realisatie 2022/realisatie 2022 = 10000000",
		"Lasten/lasten Begroting 2023/begroting 2023 = 10500000",
		"Lasten/lasten Begroting 2024/begroting 2024 = 11000000",
		"Lasten/lasten 2025/raming 2025 = 11200000",
		"Baten/baten Realisatie 2022/realisatie 2022 = 2000000",
		"Baten/baten Begroting 2023/begroting 2023 = 2100000",
		"Baten/baten Begroting 2024/begroting 2024 = 2200000",
		"Baten/baten 2025/raming 2025 = 2300000",
		"Saldo/saldo Realisatie 2022/realisatie 2022 = -8010000",
		"Saldo/saldo Begroting 2023/begroting 2023 = -8400000",
		"Saldo/saldo Begroting 2024/begroting 2024 = -8800000",
		"Saldo/saldo 2025/raming 2025 = -8900000",
	}
	if strings.Join(facts, "\n") != strings.Join(wantFacts, "\n") {
		t.Errorf("Normalize(inline) financial:\ngot  %q\nwant %q", facts, wantFacts)
	}
	var failing []string
	for _, c := range rep.Checks {
		if !c.OK {
			failing = append(failing, fmt.Sprintf("%s %s %d", c.Rule, c.Column, c.Difference))
		}
	}
	if want := []string{"baten - lasten = saldo Realisatie 2022 -10000"}; strings.Join(failing, "\n") != strings.Join(want, "\n") {
		t.Errorf("Normalize(inline) failing checks:\ngot  %q\nwant %q", failing, want)
	}
	var indicators []string
	for _, in := range rep.Indicators {
		v := "null"
		if in.Value != nil {
			v = fmt.Sprint(*in.Value)
		}
		indicators = append(indicators, fmt.Sprintf("%s %s = %s %s %q", in.Code, in.Name, v, in.Unit, in.Note))
	}
	wantIndicators := []string{
		`20 Niet-sporters = 50.6 % ""`,
		`7 Banen per 1.000 inwoners = 612.4 per 1.000 ""`,
		`9 Cliënttevredenheid = null cijfer ""`,
	}
	if strings.Join(indicators, "\n") != strings.Join(wantIndicators, "\n") {
		t.Errorf("Normalize(inline) indicators:\ngot  %q\nwant %q", indicators, wantIndicators)
	}
	var objectives []string
	for _, o := range rep.Objectives {
		budget := "-"
		if o.Budget != nil {
			budget = fmt.Sprint(*o.Budget)
		}
		objectives = append(objectives, fmt.Sprintf("%s %s budget %s", o.Kind, o.Title, budget))
	}
	wantObjectives := []string{
		"doelstelling Alle inwoners doen mee. budget -",
		"doelstelling Iedereen die hulp nodig heeft, krijgt die snel. budget 1500000",
	}
	if strings.Join(objectives, "\n") != strings.Join(wantObjectives, "\n") {
		t.Errorf("Normalize(inline) objectives:\ngot  %q\nwant %q", objectives, wantObjectives)
	}
	golden.Check(t, filepath.Join("testdata", "inline.golden.json"), func() (any, error) {
		return Normalize(doc, recognize.Find(doc)), nil
	})
}

// TestNormalizeEmpty: a document without anything recognised gives empty
// lists, not nulls, in the JSON.
func TestNormalizeEmpty(t *testing.T) {
	rep := Normalize(&extract.Document{Source: extract.Source{Path: "/data/leeg.txt"}}, recognize.Result{})
	if rep.Financial == nil || rep.Indicators == nil || rep.Objectives == nil || rep.Checks == nil {
		t.Errorf("Normalize(empty) has nil lists: %+v", rep)
	}
	if rep.Document != "leeg.txt" || rep.Source != "/data/leeg.txt" {
		t.Errorf("Normalize(empty) document, source = %q, %q; want leeg.txt, /data/leeg.txt", rep.Document, rep.Source)
	}
}
