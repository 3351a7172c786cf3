package normalize

import (
	"fmt"
	"strings"
	"testing"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/recognize"
)

// groupedTable builds a recognised table like financialTable; a row of a
// label alone ("Financiële vaste activa") is a group label over the rows
// below it, as the recogniser reads one.
func groupedTable(title string, columns []string, rows ...[]string) recognize.FinancialTable {
	ft := recognize.FinancialTable{Title: title, Scale: 1000, Columns: columns}
	group := ""
	for r, row := range rows {
		if len(row) == 1 {
			group = row[0]
			continue
		}
		fr := recognize.FinancialRow{Label: row[0], Group: group}
		for _, s := range row[1:] {
			fr.Cells = append(fr.Cells, extract.Cell{Text: s, Pos: extract.Pos{Line: r + 1}})
		}
		ft.Rows = append(ft.Rows, fr)
	}
	return ft
}

// renderVerdicts writes each check as "rule | column | expected found |
// ok-or-suspect @line", amounts in printed units.
func renderVerdicts(checks []tableCheck) []string {
	var out []string
	for _, c := range checks {
		verdict := "ok"
		if !c.OK {
			verdict = c.Suspect
		}
		out = append(out, fmt.Sprintf("%s | %s | %d %d | %s @%d", c.Rule, c.Column, c.Expected/1000, c.Found/1000, verdict, c.Line))
	}
	return out
}

// TestCheckCases covers the tables whose checks used to be false alarms,
// and the failing checks that remain, with their suspect.
func TestCheckCases(t *testing.T) {
	tests := []struct {
		name string
		t    recognize.FinancialTable
		want []string
	}{{
		name: "balance sheet: group labels split the block a total sums",
		t: groupedTable("Geprognosticeerde balans", []string{"2024"},
			[]string{"Materiële vaste activa"},
			[]string{"Volgens staat C", "59.145"},
			[]string{"Financiële vaste activa"},
			[]string{"Leningen u/g", "2.170"},
			[]string{"Liquide middelen", "354"},
			[]string{"Totaal activa", "61.669"},
			[]string{"Eigen vermogen"},
			[]string{"Algemene reserves", "52.960"},
			[]string{"Vreemd vermogen"},
			[]string{"Voorzieningen", "8.709"},
			[]string{"Totaal passiva", "61.669"}),
		want: []string{
			"sum of parts = total | 2024 | 61669 61669 | ok @6",
			"sum of parts = total | 2024 | 61669 61669 | ok @11",
		},
	}, {
		name: "running balance: a meerjarenbeeld, changes with kind words in their description",
		t: groupedTable("Financieel meerjarenbeeld", []string{"2025", "2026"},
			[]string{"Actuele begroting 2024", "-775", "-5.540"},
			[]string{"Kadernota 2025", "1.512", "5.586"},
			[]string{"Saldo na Kadernota 2025", "737", "46"},
			[]string{"Meicirculaire 2024", "-1.111", "-1.192"},
			[]string{"Hogere exploitatielasten sporthal", "-125", "-125"},
			[]string{"Reduceren tegenvallende inkomsten toeristenbelasting", "200", "-"},
			[]string{"Bijstelling saldo na verwerking Kadernota 2025", "304", "59"},
			[]string{"Begrotingssaldo 2025-2028", "5", "-1.212"}),
		want: []string{
			"previous saldo + changes = saldo | 2025 | 737 737 | ok @3",
			"previous saldo + changes = saldo | 2025 | 5 5 | ok @8",
			"previous saldo + changes = saldo | 2026 | 46 46 | ok @3",
			"previous saldo + changes = saldo | 2026 | -1212 -1212 | ok @8",
		},
	}, {
		name: "running balance: a change labelled Totaal, a total of the changes, waarvan rows",
		t: groupedTable("Meerjarenbeeld", []string{"2021", "2022"},
			[]string{"Vastgestelde begroting", "1.189", "225"},
			[]string{"Totaal wijzigingen Kadernota", "-1.045", "-1.462"},
			[]string{"Uitgangssaldo", "144", "-1.237"},
			[]string{"Meicirculaire", "201", "238"},
			[]string{"Aanpak ondermijning", "-75", "-17"},
			[]string{"Totaal mutaties", "126", "221"},
			[]string{"Begrotingssaldo", "270", "-1.016"},
			[]string{"waarvan incidenteel", "-387", "64"},
			[]string{"waarvan structureel", "657", "-1.080"}),
		want: []string{
			"previous saldo + changes = saldo | 2021 | 144 144 | ok @3",
			"sum of parts = total | 2021 | 126 126 | ok @6",
			"sum of parts = total | 2021 | 270 270 | ok @7",
			"previous saldo + changes = saldo | 2021 | 270 270 | ok @7",
			"previous saldo + changes = saldo | 2022 | -1237 -1237 | ok @3",
			"sum of parts = total | 2022 | 221 221 | ok @6",
			"sum of parts = total | 2022 | -1016 -1016 | ok @7",
			"previous saldo + changes = saldo | 2022 | -1016 -1016 | ok @7",
		},
	}, {
		name: "running balance: a misprinted total of the changes is the document's",
		t: groupedTable("Meerjarenbeeld", []string{"2023", "2024"},
			[]string{"Begrotingssaldo Kadernota", "-42", "90"},
			[]string{"Meicirculaire", "53", "-96"},
			[]string{"Moties", "-3", "-3"},
			[]string{"Totaal mutaties", "48", "-99"},
			[]string{"Begrotingssaldo", "8", "-9"}),
		want: []string{
			"sum of parts = total | 2023 | 50 48 | document @4",
			"previous saldo + changes = saldo | 2023 | 8 8 | ok @5",
			"sum of parts = total | 2024 | -99 -99 | ok @4",
			"previous saldo + changes = saldo | 2024 | -9 -9 | ok @5",
		},
	}, {
		name: "grand total after unlabelled subtotals",
		t: groupedTable("Specificatie ontvangen bedragen", []string{"Ontvangen"},
			[]string{"Rijk"},
			[]string{"Noodopvang Oekraïne", "3.955"},
			[]string{"Toeslagenaffaire", "46"},
			[]string{"", "4.001"},
			[]string{"Overige overheid"},
			[]string{"Explosievenregeling", "50"},
			[]string{"Subsidie verkeersprojecten", "188"},
			[]string{"", "238"},
			[]string{"Totaal", "4.239"}),
		want: []string{
			"sum of parts = total | Ontvangen | 4001 4001 | ok @4",
			"sum of parts = total | Ontvangen | 238 238 | ok @8",
			"sum of parts = total | Ontvangen | 4239 4239 | ok @9",
		},
	}, {
		name: "kinds inside descriptive labels: ten laste van het resultaat, onttrekking/toevoeging",
		t: groupedTable("Opbouw resultaat", []string{"Jaarrekening 2023"},
			[]string{"Totaal baten", "85.960"},
			[]string{"Totaal lasten", "-88.495"},
			[]string{"1. Gerealiseerd totaal saldo baten en lasten", "-2.535"},
			[]string{"Onttrekking reserves", "2.580"},
			[]string{"Toevoeging reserves", "-964"},
			[]string{"2. Totaal onttrekking/toevoeging reserves", "1.616"},
			[]string{"Gerealiseerd resultaat voor bestemming (1+2)", "-920"},
			[]string{"Budgetoverhevelingen ten laste van het resultaat", "-1.110"},
			[]string{"Saldo na bestemming", "-2.030"}),
		want: []string{
			"baten - lasten = saldo | Jaarrekening 2023 | -2535 -2535 | ok @3",
			"sum of parts = total | Jaarrekening 2023 | 1616 1616 | ok @6",
			"saldo + reserves = resultaat | Jaarrekening 2023 | -919 -920 | ok @7",
			"previous saldo + changes = saldo | Jaarrekening 2023 | -2030 -2030 | ok @9",
		},
	}, {
		name: "adjustments Af: and Bij: are not the block's baten and lasten",
		t: groupedTable("Structureel begrotingssaldo", []string{"Realisatie 2023"},
			[]string{"Resultaat na bestemming", "0"},
			[]string{"Af: Incidentele baten", "-674"},
			[]string{"Bij: Incidentele lasten", "674"},
			[]string{"Af/Bij: Incidentele reservemutaties", "137"},
			[]string{"Structureel begrotingssaldo", "137"}),
		want: []string{"previous saldo + changes = saldo | Realisatie 2023 | 137 137 | ok @5"},
	}, {
		name: "saldo printed as lasten - baten",
		t: groupedTable("Overzicht baten en lasten", []string{"Begroting 2026"},
			[]string{"Lasten", "12.000"},
			[]string{"Baten", "2.256"},
			[]string{"Saldo", "9.744"}),
		want: []string{"baten - lasten = saldo | Begroting 2026 | 9744 9744 | ok @3"},
	}, {
		name: "report tree: one amount at each level",
		t: groupedTable("Begrotingswijziging", []string{"2026"},
			[]string{"Stevige lokale teams", "3.300"},
			[]string{"Jeugdhulp", "3.300"},
			[]string{"Totaaltelling rapport", "3.300"}),
		want: []string{"sum of parts = total | 2026 | 3300 3300 | ok @3"},
	}, {
		name: "a digit lost by the text layer is an extraction error",
		t: groupedTable("Overzicht baten en lasten", []string{"begroting 2024", "t/m aug"},
			[]string{"Personeelskosten", "44.565", "29.710"},
			[]string{"Overige bedrijfskosten", "20.163", "13.442"},
			[]string{"Totaal lasten", "64.728", "3.152"}),
		want: []string{
			"sum of parts = total | begroting 2024 | 64728 64728 | ok @3",
			"sum of parts = total | t/m aug | 43152 3152 | extraction @3",
		},
	}, {
		name: "a split cell is an extraction error",
		t: groupedTable("Lasten", []string{"2023", "2024"},
			[]string{"Personeelskosten", "51.660", "55.990"},
			[]string{"Overige bedrijfskosten", "17.5 45", "11.588"},
			[]string{"Totaal lasten", "69.250", "67.578"}),
		want: []string{
			"sum of parts = total | 2023 | 69205 69250 | extraction @3",
			"sum of parts = total | 2024 | 67578 67578 | ok @3",
		},
	}, {
		name: "a row that fails in every column of a wide table is an extraction error",
		t: groupedTable("Exploitatie", []string{"2023", "2024"},
			[]string{"Lasten", "1.000", "1.100"},
			[]string{"Baten", "400", "500"},
			[]string{"Saldo", "-500", "-700"}),
		want: []string{
			"baten - lasten = saldo | 2023 | -600 -500 | extraction @3",
			"baten - lasten = saldo | 2024 | -600 -700 | extraction @3",
		},
	}, {
		name: "a column group's saldo that fails where other rows hold is the document's",
		t: groupedTable("Taakveldenoverzicht", []string{"Lasten", "Baten", "Saldo"},
			[]string{"6.1 Samenkracht", "3.896", "3.168", "-728"},
			[]string{"6.81a Beschermd wonen", "791", "", ""},
			[]string{"6 Sociaal domein", "4.687", "3.168", "-728"}),
		want: []string{
			"baten - lasten = saldo | Saldo (6.1 Samenkracht) | -728 -728 | ok @1",
			"baten - lasten = saldo | Saldo (6 Sociaal domein) | -1519 -728 | document @3",
		},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := renderVerdicts(checkTable(tc.t))
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("checkTable(%s) checks:\ngot  %q\nwant %q", tc.name, got, tc.want)
			}
		})
	}
}
