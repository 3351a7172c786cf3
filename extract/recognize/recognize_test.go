package recognize

import (
	"fmt"
	"strings"
	"testing"

	"github.com/begroot/begroot/extract"
)

// Builders for inline documents. Every block gets its index+1 as line, so
// a result's Pos shows which block it came from.

func heading(text string) extract.Block   { return extract.Block{Kind: extract.Heading, Text: text} }
func paragraph(text string) extract.Block { return extract.Block{Kind: extract.Paragraph, Text: text} }

func list(items ...string) extract.Block {
	b := extract.Block{Kind: extract.List}
	for _, it := range items {
		b.Items = append(b.Items, extract.Item{Text: it})
	}
	return b
}

// table builds a table block from rows whose first row is the header. See
// tableN.
func table(caption string, rows ...[]string) extract.Block { return tableN(caption, 1, rows...) }

// tableN builds a table block whose first n rows are header rows. A cell
// text ending in "*" is a spanned copy (the "*" is dropped; "*" alone is
// an empty spanned cell).
func tableN(caption string, n int, rows ...[]string) extract.Block {
	t := &extract.Table{Caption: caption}
	for r, row := range rows {
		var cells []extract.Cell
		for _, s := range row {
			c := extract.Cell{Text: s, Header: r < n}
			if strings.HasSuffix(s, "*") {
				c.Text, c.Spanned = strings.TrimSuffix(s, "*"), true
			}
			cells = append(cells, c)
		}
		t.Rows = append(t.Rows, cells)
	}
	return extract.Block{Kind: extract.TableBlock, Table: t}
}

// document numbers the blocks, their items and cells by line; a cell keeps
// the Y that atY gave it.
func document(blocks ...extract.Block) *extract.Document {
	doc := &extract.Document{Source: extract.Source{Path: "test.txt"}}
	for i, b := range blocks {
		line := extract.Pos{Line: i + 1}
		b.Pos = line
		for k := range b.Items {
			b.Items[k].Pos = line
		}
		if b.Table != nil {
			b.Table.Pos = line
			for _, row := range b.Table.Rows {
				for k := range row {
					row[k].Pos.Line = line.Line
				}
			}
		}
		doc.Blocks = append(doc.Blocks, b)
	}
	return doc
}

// atY places the rows of a table block at the vertical positions ys, top
// to bottom, as a PDF reader does.
func atY(b extract.Block, ys ...float64) extract.Block {
	for r, row := range b.Table.Rows {
		for k := range row {
			row[k].Pos.Y = ys[r]
		}
	}
	return b
}

// renderFinancial writes a financial table on a few lines:
//
//	title | unit | scale | sign | section
//	cols: a / b
//	row [group]: v | v
func renderFinancial(ft FinancialTable) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s | %s | %d | %s | %s\n", ft.Title, ft.Unit, ft.Scale, ft.Sign, strings.Join(ft.Section, " > "))
	fmt.Fprintf(&b, "cols: %s\n", strings.Join(ft.Columns, " / "))
	for _, r := range ft.Rows {
		var cells []string
		for _, c := range r.Cells {
			cells = append(cells, c.Text)
		}
		group := ""
		if r.Group != "" {
			group = " [" + r.Group + "]"
		}
		fmt.Fprintf(&b, "%s%s: %s\n", r.Label, group, strings.Join(cells, " | "))
	}
	return b.String()
}

// amounts is the body of most financial test tables.
var amounts = [][]string{{"Lasten", "1.200", "1.300"}, {"Baten", "200", "250"}}

func withHeader(header []string, body [][]string) [][]string {
	return append([][]string{header}, body...)
}

var header2 = []string{"", "Realisatie 2016", "Begroting 2017"}

func TestUnitLabels(t *testing.T) {
	tests := []struct {
		label string
		unit  string
		scale int64
	}{
		{"bedragen x €1000", "x €1000", 1000},
		{"Bedragen x € 1.000", "x € 1.000", 1000},
		{"x € 1.000,-", "x € 1.000,-", 1000},
		{"(bedragen × €1.000)", "× €1.000", 1000},
		{"bedragen * € 1.000", "* € 1.000", 1000},
		{"€ '000", "€ '000", 1000},
		{"€ ’000", "€ ’000", 1000},
		{"(€ 1.000)", "(€ 1.000)", 1000},
		{"bedragen x duizend euro", "x duizend", 1000},
		{"bedragen in duizenden", "bedragen in duizenden", 1000},
		{"x 1 mln", "x 1 mln", 1_000_000},
		{"x € 1 miljoen", "x € 1 miljoen", 1_000_000},
		{"bedragen x € 1.000.000", "x € 1.000.000", 1_000_000},
		{"Bedragen in miljoenen euro", "Bedragen in miljoenen", 1_000_000},
		{"x € 1 mld", "x € 1 mld", 1_000_000_000},
		{"bedragen in euro's", "bedragen in euro's", 1},
		{"Bedragen in €", "Bedragen in €", 1},
	}
	for _, tc := range tests {
		t.Run(tc.label, func(t *testing.T) {
			doc := document(table(tc.label, withHeader(header2, amounts)...))
			res := find(t, doc)
			if len(res.Financial) != 1 {
				t.Fatalf("Find(%s) financial tables = %d, want 1", tc.label, len(res.Financial))
			}
			ft := res.Financial[0]
			if ft.Unit != tc.unit || ft.Scale != tc.scale {
				t.Errorf("Find(%s) unit, scale = %q, %d; want %q, %d", tc.label, ft.Unit, ft.Scale, tc.unit, tc.scale)
			}
		})
	}
}

func TestNotAUnitLabel(t *testing.T) {
	for _, caption := range []string{"", "Overzicht baten en lasten", "x 12 projecten", "bedragen", "€ 1.000 subsidie per aanvraag"} {
		t.Run(caption, func(t *testing.T) {
			doc := document(heading("Wat heeft het gekost?"), table(caption, withHeader(header2, amounts)...))
			if res := find(t, doc); len(res.Financial) != 0 {
				t.Errorf("Find(%s) financial:\ngot  %v\nwant none", caption, renderFinancial(res.Financial[0]))
			}
		})
	}
}

func TestFinancial(t *testing.T) {
	tests := []struct {
		name string
		doc  *extract.Document
		want []string
	}{{
		name: "unit label in caption with title",
		doc: document(heading("Programma 3"), heading("Wat heeft het gekost?"),
			table("Beleidsveld: Jeugd bedragen x €1000", withHeader(header2, amounts)...)),
		want: []string{"Beleidsveld: Jeugd | x €1000 | 1000 |  | Programma 3 > Wat heeft het gekost?\n" +
			"cols: Realisatie 2016 / Begroting 2017\nLasten: 1.200 | 1.300\nBaten: 200 | 250\n"},
	}, {
		name: "unit label in a header cell",
		doc: document(heading("Exploitatie"),
			table("", withHeader([]string{"bedragen x €1000", "Realisatie 2016", "Begroting 2017"}, amounts)...)),
		want: []string{"Exploitatie | x €1000 | 1000 |  | Exploitatie\n" +
			"cols: Realisatie 2016 / Begroting 2017\nLasten: 1.200 | 1.300\nBaten: 200 | 250\n"},
	}, {
		name: "unit label in the first body row",
		doc:  document(tableN("", 0, append([][]string{{"Overzicht", "(x € 1.000)", ""}, {"", "2023", "2024"}}, amounts...)...)),
		want: []string{"Overzicht | x € 1.000 | 1000 |  | \n" +
			"cols: 2023 / 2024\nLasten: 1.200 | 1.300\nBaten: 200 | 250\n"},
	}, {
		name: "unit label in the paragraph before",
		doc: document(heading("Financiën"), heading("Exploitatie"), paragraph("(bedragen × €1.000)"),
			table("", withHeader([]string{"", "2016", "2017"}, amounts)...)),
		want: []string{"Exploitatie | × €1.000 | 1000 |  | Financiën > Exploitatie\n" +
			"cols: 2016 / 2017\nLasten: 1.200 | 1.300\nBaten: 200 | 250\n"},
	}, {
		name: "title and unit label in the heading before",
		doc: document(heading("Overzicht baten en lasten (bedragen x € 1.000)"),
			table("", withHeader(header2, amounts)...)),
		want: []string{"Overzicht baten en lasten | x € 1.000 | 1000 |  | Overzicht baten en lasten (bedragen x € 1.000)\n" +
			"cols: Realisatie 2016 / Begroting 2017\nLasten: 1.200 | 1.300\nBaten: 200 | 250\n"},
	}, {
		name: "a list between label and table hides the label",
		doc:  document(paragraph("bedragen x €1000"), list("een", "twee"), table("", withHeader(header2, amounts)...)),
	}, {
		name: "two-level header",
		doc: document(tableN("bedragen x € 1.000", 2,
			[]string{"", "Begroting 2024", "Begroting 2024*", "Begroting 2024*", "Begroting 2025", "Begroting 2025*"},
			[]string{"*", "baten", "lasten", "saldo", "baten", "lasten"},
			[]string{"Jeugd", "10", "110", "-100", "11", "120"},
			[]string{"Wmo", "5", "50", "-45", "5", "55"})),
		want: []string{" | x € 1.000 | 1000 |  | \n" +
			"cols: Begroting 2024 baten / Begroting 2024 lasten / Begroting 2024 saldo / Begroting 2025 baten / Begroting 2025 lasten\n" +
			"Jeugd: 10 | 110 | -100 | 11 | 120\nWmo: 5 | 50 | -45 | 5 | 55\n"},
	}, {
		name: "header rows not marked by the reader",
		doc: document(tableN("bedragen x €1000", 0,
			[]string{"Totaal programma", "Realisatie 2016", "Raming 2017"},
			[]string{"Totaal lasten", "33.955", "34.810"},
			[]string{"Totaal baten", "9.481", "-"})),
		want: []string{"Totaal programma | x €1000 | 1000 |  | \n" +
			"cols: Realisatie 2016 / Raming 2017\nTotaal lasten: 33.955 | 34.810\nTotaal baten: 9.481 | -\n"},
	}, {
		name: "group rows",
		doc: document(table("bedragen x €1000", header2,
			[]string{"Jeugd"},
			[]string{"Lasten", "10", "20"},
			[]string{"Baten", "1", "2"},
			[]string{"Onderwijs", "", ""},
			[]string{"- Lasten", "30", "40"},
			[]string{"Saldo", "-39", "nnb"})),
		want: []string{" | x €1000 | 1000 |  | \n" +
			"cols: Realisatie 2016 / Begroting 2017\n" +
			"Lasten [Jeugd]: 10 | 20\nBaten [Jeugd]: 1 | 2\nLasten [Onderwijs]: 30 | 40\nSaldo [Onderwijs]: -39 | nnb\n"},
	}, {
		name: "text and empty cells in value columns",
		doc: document(table("bedragen x €1000", []string{"", "Begroting 2017", "Realisatie 2017", "Toelichting"},
			[]string{"Lasten", "10", "", "zie hieronder"},
			[]string{"Baten", "n.v.t.", "3", ""})),
		want: []string{" | x €1000 | 1000 |  | \n" +
			"cols: Begroting 2017 / Realisatie 2017\nLasten: 10 | \nBaten: n.v.t. | 3\n"},
	}, {
		name: "sign legend before the table",
		doc: document(heading("Analyse"), paragraph(`("-" = nadeel / "+" = voordeel)`),
			table("bedragen x €1000", []string{"", "Verschil"}, []string{"Lasten", "-120"}, []string{"Baten", "40"})),
		want: []string{`Analyse | x €1000 | 1000 | ("-" = nadeel / "+" = voordeel) | Analyse` + "\n" +
			"cols: Verschil\nLasten: -120\nBaten: 40\n"},
	}, {
		name: "sign legend as a row",
		doc: document(table("bedragen x €1000", []string{"", "Verschil"},
			[]string{"+ = voordeel, - = nadeel"}, []string{"Lasten", "-120"}, []string{"Baten", "40"})),
		want: []string{" | x €1000 | 1000 | + = voordeel, - = nadeel | \n" +
			"cols: Verschil\nLasten: -120\nBaten: 40\n"},
	}, {
		name: "two label columns",
		doc: document(table("bedragen x €1000", []string{"Programma", "", "2023", "2024"},
			[]string{"Jeugd", "Lasten", "10", "20"},
			[]string{"", "Baten", "1", "2"},
			[]string{"Totaal", "Totaal*", "11", "22"})),
		want: []string{"Programma | x €1000 | 1000 |  | \n" +
			"cols: 2023 / 2024\nJeugd Lasten: 10 | 20\nJeugd Baten: 1 | 2\nTotaal: 11 | 22\n"},
	}, {
		name: "a header row shorter than the table",
		doc: document(tableN("bedragen x €1000", 2,
			[]string{"", "Begroting", "Begroting*"},
			[]string{"", "2023"},
			[]string{"Lasten", "10", "20"})),
		want: []string{" | x €1000 | 1000 |  | \ncols: Begroting 2023 / Begroting\nLasten: 10 | 20\n"},
	}, {
		name: "table without amounts",
		doc:  document(table("bedragen x €1000", []string{"", "Toelichting"}, []string{"Lasten", "hoger dan begroot"})),
	}, {
		name: "two tables",
		doc: document(heading("Jeugd"), table("bedragen x €1000", withHeader(header2, amounts)...),
			heading("Wmo"), table("x € 1 miljoen", withHeader(header2, amounts[:1])...)),
		want: []string{
			"Jeugd | x €1000 | 1000 |  | Jeugd\ncols: Realisatie 2016 / Begroting 2017\nLasten: 1.200 | 1.300\nBaten: 200 | 250\n",
			"Wmo | x € 1 miljoen | 1000000 |  | Jeugd > Wmo\ncols: Realisatie 2016 / Begroting 2017\nLasten: 1.200 | 1.300\n",
		},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := find(t, tc.doc)
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

// TestFinancialPos checks that each amount keeps its cell's position and
// the table its block's.
func TestFinancialPos(t *testing.T) {
	doc := document(heading("Lasten"), table("bedragen x €1000", withHeader(header2, amounts)...))
	doc.Blocks[1].Table.Rows[2][2].Pos = extract.Pos{Page: 4, Line: 17, X: 300, Y: 512}
	res := find(t, doc)
	if len(res.Financial) != 1 {
		t.Fatalf("Find(pos) financial tables = %d, want 1", len(res.Financial))
	}
	ft := res.Financial[0]
	if ft.Pos.Line != 2 {
		t.Errorf("Find(pos) table line = %d, want 2", ft.Pos.Line)
	}
	if got, want := ft.Rows[1].Cells[1].Pos, (extract.Pos{Page: 4, Line: 17, X: 300, Y: 512}); got != want {
		t.Errorf("Find(pos) cell pos = %+v, want %+v", got, want)
	}
}

// renderIndicator writes one indicator value on one line.
func renderIndicator(v IndicatorValue) string {
	return fmt.Sprintf("%s | %s | code=%s tv=%s group=%s name=%s label=%s col=%s raw=%q unit=%s bron=%s @%d",
		v.Table, strings.Join(v.Section, " > "), v.Code, v.Taakveld, v.Group, v.Name, v.Label, v.Column, v.Raw, v.Unit, v.Source, v.Pos.Line)
}

func TestIndicators(t *testing.T) {
	tests := []struct {
		name string
		doc  *extract.Document
		want []string
	}{{
		name: "roles nummer, taakveld, naam, waarde, bron",
		doc: document(heading("Beleidsindicatoren"), table("Meedoen",
			[]string{"Nummer", "Taakveld", "Naam", "Waarde", "Bron"},
			[]string{"20", "Sport, cultuur en recreatie", "Niet sporters", "50,60 %", "RIVM"},
			[]string{"32", "Sociaal domein", "Cliënten met een maatwerkarrangement WMO", "705", "GMSD"})),
		want: []string{
			`Meedoen | Beleidsindicatoren | code=20 tv=Sport, cultuur en recreatie group= name=Niet sporters label= col=Waarde raw="50,60 %" unit= bron=RIVM @2`,
			`Meedoen | Beleidsindicatoren | code=32 tv=Sociaal domein group= name=Cliënten met een maatwerkarrangement WMO label= col=Waarde raw="705" unit= bron=GMSD @2`,
		},
	}, {
		name: "value and unit under a spanned waarde header",
		doc: document(heading("Beleidsindicatoren"), table("",
			[]string{"Nummer", "Naam", "Waarde", "Waarde*", "Bron"},
			[]string{"20", "Niet sporters", "50,60", "%", "RIVM"},
			[]string{"32", "Cliënten met een maatwerkarrangement WMO", "705", "Aantal per 10.000 inwoners", "GMSD"})),
		want: []string{
			`Beleidsindicatoren | Beleidsindicatoren | code=20 tv= group= name=Niet sporters label= col=Waarde raw="50,60" unit=% bron=RIVM @2`,
			`Beleidsindicatoren | Beleidsindicatoren | code=32 tv= group= name=Cliënten met een maatwerkarrangement WMO label= col=Waarde raw="705" unit=Aantal per 10.000 inwoners bron=GMSD @2`,
		},
	}, {
		name: "one unit cell more than the header",
		doc: document(heading("Beleidsindicatoren"), table("",
			[]string{"Nummer", "Naam", "Waarde", "Bron"},
			[]string{"20", "Niet sporters", "50,60", "%", "RIVM"})),
		want: []string{
			`Beleidsindicatoren | Beleidsindicatoren | code=20 tv= group= name=Niet sporters label= col=Waarde raw="50,60" unit=% bron=RIVM @2`,
		},
	}, {
		name: "norm bands over two lines are one note each (issue 10)",
		doc: document(tableN("Kengetallen", 2,
			[]string{"Kengetallen", "Indicatoren (%)", "Normen VNG (%)", "Normen VNG (%)*"},
			[]string{"", "2024", "Matig", "Risicovol"},
			[]string{"Solvabiliteitsratio", "66", "<50 /\n>30", "0 <0"})),
		want: []string{
			`Kengetallen |  | code= tv= group= name=Solvabiliteitsratio label= col=Indicatoren (%) 2024 raw="66" unit= bron= @1`,
			`Kengetallen |  | code= tv= group= name=Solvabiliteitsratio label= col=Normen VNG (%) Matig raw="<50 / >30" unit= bron= @1`,
			`Kengetallen |  | code= tv= group= name=Solvabiliteitsratio label= col=Normen VNG (%) Risicovol raw="0 <0" unit= bron= @1`,
		},
	}, {
		name: "the rest of an open norm band on a row of its own (issue 10)",
		doc: document(tableN("Kengetallen", 2,
			[]string{"Kengetallen", "Indicatoren (%)", "Normen VNG (%)", "Normen VNG (%)*"},
			[]string{"", "2024", "Matig", "Risicovol"},
			[]string{"Solvabiliteitsratio", "66", "<50 /", "<30"},
			[]string{"", "", ">30", ""})),
		want: []string{
			`Kengetallen |  | code= tv= group= name=Solvabiliteitsratio label= col=Indicatoren (%) 2024 raw="66" unit= bron= @1`,
			`Kengetallen |  | code= tv= group= name=Solvabiliteitsratio label= col=Normen VNG (%) Matig raw="<50 / >30" unit= bron= @1`,
			`Kengetallen |  | code= tv= group= name=Solvabiliteitsratio label= col=Normen VNG (%) Risicovol raw="<30" unit= bron= @1`,
		},
	}, {
		name: "a header word printed over every column labels each column once (issue 10)",
		doc: document(heading("Indicatoren"), tableN("", 2,
			[]string{"", "Streefwaarde Streefwaarde", "Streefwaarde Streefwaarde*"},
			[]string{"Effectindicator", "2024", "2025"},
			[]string{"Inwoners met schulden", "6,0%", "5,9%"})),
		want: []string{
			`Indicatoren | Indicatoren | code= tv= group= name=Inwoners met schulden label= col=Streefwaarde 2024 raw="6,0%" unit= bron= @2`,
			`Indicatoren | Indicatoren | code= tv= group= name=Inwoners met schulden label= col=Streefwaarde 2025 raw="5,9%" unit= bron= @2`,
		},
	}, {
		name: "unit column",
		doc: document(table("Kengetallen",
			[]string{"Indicator", "Eenheid", "Realisatie 2016", "Begroting 2017"},
			[]string{"Jongeren met jeugdhulp", "%", "10,2", "9,8"})),
		want: []string{
			`Kengetallen |  | code= tv= group= name=Jongeren met jeugdhulp label= col=Realisatie 2016 raw="10,2" unit=% bron= @1`,
			`Kengetallen |  | code= tv= group= name=Jongeren met jeugdhulp label= col=Begroting 2017 raw="9,8" unit=% bron= @1`,
		},
	}, {
		name: "multi-value cell and a text value",
		doc: document(heading("Indicatoren"), table("",
			[]string{"Niet-verplichte indicator", "Meetbaar resultaat", "Resultaat in 2017"},
			[]string{"Waardering toegang", "Waardering die inwoners geven.", "Jongeren: 7,1\nOuders: 6,5"},
			[]string{"Aantal vragen", "Aantal vragen in de wijk.", "Vanaf 2018 vindt de registratie plaats"},
			[]string{"Inzet middelen", "Inzet per zorgniveau.", "€ 4,65 miljoen\n€ 22,63 miljoen"})),
		want: []string{
			`Indicatoren | Indicatoren | code= tv= group= name=Waardering toegang label=Jongeren col=Resultaat in 2017 raw="7,1" unit= bron= @2`,
			`Indicatoren | Indicatoren | code= tv= group= name=Waardering toegang label=Ouders col=Resultaat in 2017 raw="6,5" unit= bron= @2`,
			`Indicatoren | Indicatoren | code= tv= group= name=Aantal vragen label= col=Resultaat in 2017 raw="Vanaf 2018 vindt de registratie plaats" unit= bron= @2`,
			`Indicatoren | Indicatoren | code= tv= group= name=Inzet middelen label= col=Resultaat in 2017 raw="€ 4,65 miljoen" unit= bron= @2`,
			`Indicatoren | Indicatoren | code= tv= group= name=Inzet middelen label= col=Resultaat in 2017 raw="€ 22,63 miljoen" unit= bron= @2`,
		},
	}, {
		name: "group rows and unit words",
		doc: document(heading("Kengetallen programma 3"), table("",
			[]string{"", "Begroting 2017", "Resultaat 2017"},
			[]string{"Jeugd"},
			[]string{"Preventief", "Preventief*", "Preventief*"},
			[]string{"scouting", "350 kind", "370 kind"},
			[]string{"bereik consultatiebureau", "97%", "nnb"})),
		want: []string{
			`Kengetallen programma 3 | Kengetallen programma 3 | code= tv= group=Preventief name=scouting label= col=Begroting 2017 raw="350 kind" unit= bron= @2`,
			`Kengetallen programma 3 | Kengetallen programma 3 | code= tv= group=Preventief name=scouting label= col=Resultaat 2017 raw="370 kind" unit= bron= @2`,
			`Kengetallen programma 3 | Kengetallen programma 3 | code= tv= group=Preventief name=bereik consultatiebureau label= col=Begroting 2017 raw="97%" unit= bron= @2`,
			`Kengetallen programma 3 | Kengetallen programma 3 | code= tv= group=Preventief name=bereik consultatiebureau label= col=Resultaat 2017 raw="nnb" unit= bron= @2`,
		},
	}, {
		name: "code before the name",
		doc: document(table("Verplichte beleidsindicatoren",
			[]string{"Indicator", "Waarde", "Bron"},
			[]string{"6. Verwijzingen Halt", "12", "Halt"})),
		want: []string{
			`Verplichte beleidsindicatoren |  | code=6 tv= group= name=Verwijzingen Halt label= col=Waarde raw="12" unit= bron=Halt @1`,
		},
	}, {
		name: "continuation on the next page without a header",
		doc: document(heading("Beleidsindicatoren"),
			table("", []string{"Nummer", "Naam", "Waarde", "Bron"}, []string{"1", "Banen", "612,4", "LISA"}),
			heading("Beleidsindicatoren"),
			tableN("", 0, []string{"2", "Jongeren met een delict", "1,2", "CBS"})),
		want: []string{
			`Beleidsindicatoren | Beleidsindicatoren | code=1 tv= group= name=Banen label= col=Waarde raw="612,4" unit= bron=LISA @2`,
			`Beleidsindicatoren | Beleidsindicatoren | code=2 tv= group= name=Jongeren met een delict label= col=Waarde raw="1,2" unit= bron=CBS @4`,
		},
	}, {
		name: "wrapped cells of a PDF table joined to the nearest row with values",
		doc: document(heading("Beleidsindicatoren"), atY(table("",
			[]string{"Indicator", "Eenheid", "Waarde", "Bron"},
			[]string{"Banen", "per 1.000", "612,4", "LISA"},
			[]string{"", "inwoners", "", ""}, // nearer the row above
			[]string{"Jongeren met een", "%", "1,2", "CBS"},
			[]string{"delict", "", "", ""},     // no values below: joins the row above
			[]string{"", "per 10.000", "", ""}, // nearer the row below
			[]string{"Werkzoekenden", "inwoners", "310", "UWV"}),
			80, 100, 112, 130, 140, 195, 200)),
		want: []string{
			`Beleidsindicatoren | Beleidsindicatoren | code= tv= group= name=Banen label= col=Waarde raw="612,4" unit=per 1.000 inwoners bron=LISA @2`,
			`Beleidsindicatoren | Beleidsindicatoren | code= tv= group= name=Jongeren met een delict label= col=Waarde raw="1,2" unit=% bron=CBS @2`,
			`Beleidsindicatoren | Beleidsindicatoren | code= tv= group= name=Werkzoekenden label= col=Waarde raw="310" unit=per 10.000 inwoners bron=UWV @2`,
		},
	}, {
		name: "a wrapped cell without a row with values stays a row",
		doc: document(heading("Beleidsindicatoren"), table("",
			[]string{"Indicator", "Waarde", "Bron"},
			[]string{"Banen", "612,4", "LISA"},
			[]string{"Overig"},
			[]string{"(voorlopig)", "", "zie bijlage"})),
		want: []string{
			`Beleidsindicatoren | Beleidsindicatoren | code= tv= group= name=Banen label= col=Waarde raw="612,4" unit= bron=LISA @2`,
			`Beleidsindicatoren | Beleidsindicatoren | code= tv= group=Overig name=(voorlopig) label= col=Waarde raw="" unit= bron=zie bijlage @2`,
		},
	}, {
		name: "name split over a column without a header",
		doc: document(table("",
			[]string{"Indicator", "", "Waarde"},
			[]string{"30.", "Jongeren met jeugdbescherming", "1,1"})),
		want: []string{
			` |  | code=30 tv= group= name=Jongeren met jeugdbescherming label= col=Waarde raw="1,1" unit= bron= @1`,
		},
	}, {
		name: "description and reference date are not values",
		doc: document(table("Kengetallen",
			[]string{"Indicator", "Omschrijving", "Peildatum", "Waarde"},
			[]string{"Banen", "Aantal banen per 1.000 inwoners", "2023", "612,4"})),
		want: []string{
			`Kengetallen |  | code= tv= group= name=Banen label= col=Waarde raw="612,4" unit= bron= @1`,
		},
	}, {
		name: "cells beyond the header are left out",
		doc: document(table("Kengetallen",
			[]string{"Indicator", "Eenheid", "Waarde"},
			[]string{"Banen", "aantal", "612", "extra"},
			[]string{"Huishoudens", "aantal", "10.250", "x", "y"})),
		want: []string{
			`Kengetallen |  | code= tv= group= name=Banen label= col=Waarde raw="612" unit=aantal bron= @1`,
			`Kengetallen |  | code= tv= group= name=Huishoudens label= col=Waarde raw="10.250" unit=aantal bron= @1`,
		},
	}, {
		name: "a row without a name and blank lines in a cell",
		doc: document(table("Kengetallen",
			[]string{"Indicator", "Eenheid", "Resultaat"},
			[]string{"Waardering", "cijfer", "Jongeren: 7,1\n\nOuders: 6,5"},
			[]string{"", "%", "5"})),
		want: []string{
			`Kengetallen |  | code= tv= group= name=Waardering label=Jongeren col=Resultaat raw="7,1" unit=cijfer bron= @1`,
			`Kengetallen |  | code= tv= group= name=Waardering label=Ouders col=Resultaat raw="6,5" unit=cijfer bron= @1`,
		},
	}, {
		name: "no indicator hint",
		doc: document(heading("Subsidies"), table("",
			[]string{"Naam", "Bedrag", "Bron"},
			[]string{"Vereniging", "1.200", "register"})),
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := find(t, tc.doc)
			var got []string
			for _, v := range res.Indicators {
				got = append(got, renderIndicator(v))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Find(%s) indicators:\ngot  %q\nwant %q", tc.name, got, tc.want)
			}
			if len(res.Financial) != 0 {
				t.Errorf("Find(%s) found %d financial tables, want none", tc.name, len(res.Financial))
			}
		})
	}
}

// TestTableOwner: a table belongs to the first recogniser that takes it,
// and an indicator table continues past headings and paragraphs only.
func TestTableOwner(t *testing.T) {
	indicators := func() extract.Block {
		return table("", []string{"Nummer", "Naam", "Waarde", "Bron"}, []string{"1", "Banen", "612,4", "LISA"})
	}
	continuation := func() extract.Block {
		return tableN("", 0, []string{"2", "Jongeren met een delict", "1,2", "CBS"})
	}
	financial := func() extract.Block { return table("bedragen x €1000", withHeader(header2, amounts)...) }
	tests := []struct {
		name string
		doc  *extract.Document
		want string
	}{
		{"a paragraph keeps the continuation",
			document(heading("Beleidsindicatoren"), indicators(), paragraph("Vervolg"), continuation()),
			"0 financial; Banen, Jongeren met een delict"},
		{"a financial table ends it",
			document(heading("Beleidsindicatoren"), indicators(), financial(), continuation()),
			"1 financial; Banen"},
		{"a list ends it",
			document(heading("Beleidsindicatoren"), indicators(), list("een", "twee"), continuation()),
			"0 financial; Banen"},
		{"a unit label makes an indicator table financial",
			document(heading("Kengetallen"), table("bedragen x €1000", []string{"Indicator", "2023"}, []string{"Lasten", "10"})),
			"1 financial; "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := find(t, tc.doc)
			var names []string
			for _, v := range res.Indicators {
				names = append(names, v.Name)
			}
			if got := fmt.Sprintf("%d financial; %s", len(res.Financial), strings.Join(names, ", ")); got != tc.want {
				t.Errorf("Find(%s):\ngot  %s\nwant %s", tc.name, got, tc.want)
			}
		})
	}
}

// TestFindEmpty: documents without blocks, with empty tables or nil
// tables give an empty result and no panic. Find itself skips a table
// block without a table, but the objective recogniser does not (BUG:
// objective.go, activityTable and activityDetails read b.Table.Rows of a
// nil Table).
func TestFindEmpty(t *testing.T) {
	docs := map[string]*extract.Document{
		"no blocks":    {},
		"nil table":    {Blocks: []extract.Block{{Kind: extract.TableBlock}}},
		"empty table":  {Blocks: []extract.Block{{Kind: extract.TableBlock, Table: &extract.Table{}}}},
		"empty rows":   {Blocks: []extract.Block{{Kind: extract.TableBlock, Table: &extract.Table{Caption: "bedragen x €1000", Rows: [][]extract.Cell{{}, {}}}}}},
		"empty list":   {Blocks: []extract.Block{heading("Doelstelling"), {Kind: extract.List}}},
		"only headers": document(table("bedragen x €1000", header2)),
		"nil table after an activity": {Blocks: []extract.Block{
			paragraph("6.1.1 Ondersteunen vrijwilligers"), paragraph("Jaar realisatie"), paragraph("2022"), {Kind: extract.TableBlock},
		}},
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("Find(%s) panics: %v", name, r)
				}
			}()
			res := find(t, doc)
			want := 0
			if name == "nil table after an activity" {
				want = 1 // the activity itself; the empty table adds nothing
			}
			if len(res.Financial)+len(res.Indicators)+len(res.Objectives) != want {
				t.Errorf("Find(%s) = %+v, want %d records", name, res, want)
			}
		})
	}
}
