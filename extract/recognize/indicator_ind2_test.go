package recognize

import (
	"strings"
	"testing"
)

// TestIndicatorColumnsPDF reads generated indicator tables whose text
// columns run into each other and checks each value's code, name, unit,
// source, column and text: numbers without a full stop before the names,
// a name that runs into its unit, a unit into its source,
// and stacked headings, two columns' words in one phrase, and a table of
// one numbered row under a "Nr." heading (indicators-numbered.pdf); numbered items, one wrapped over three lines
// with its values on the last, under group headings over the norm and the
// value columns and column headings closer than a space apart
// (indicators-items.pdf); a year centred over two of the three columns
// under a group heading (indicators-yearspan.pdf); headings that end on a
// line of a year note and a year (indicators-yearline.pdf).
func TestIndicatorColumnsPDF(t *testing.T) {
	tests := []struct {
		file string
		want string
	}{{
		file: "indicators-numbered.pdf",
		want: "" +
			"17 | Absoluut verzuim | Aantal per 1.000 leerlingen | DUO | Voorgaande laatst bekende realisatie | 0,2 (2016)\n" +
			"17 | Absoluut verzuim | Aantal per 1.000 leerlingen | DUO | Laatst bekende realisatie | 0,2 (2017)\n" +
			"17 | Absoluut verzuim | Aantal per 1.000 leerlingen | DUO | Landelijk vergelijkingscijfer | 1,8 (2017)\n" +
			"18 | Relatief verzuim | Aantal per 1.000 leerlingen | DUO | Voorgaande laatst bekende realisatie | 17 (2017)\n" +
			"18 | Relatief verzuim | Aantal per 1.000 leerlingen | DUO | Laatst bekende realisatie | 11 (2018)\n" +
			"18 | Relatief verzuim | Aantal per 1.000 leerlingen | DUO | Landelijk vergelijkingscijfer | 23 (2018)\n" +
			"19 | Vroegtijdig schoolverlaters zonder startkwalificatie | % deelnemers aan het VO en MBO | Ingrado | Voorgaande laatst bekende realisatie | 1,5% (2016)\n" +
			"19 | Vroegtijdig schoolverlaters zonder startkwalificatie | % deelnemers aan het VO en MBO | Ingrado | Laatst bekende realisatie | 2,1 (2018)\n" +
			"19 | Vroegtijdig schoolverlaters zonder startkwalificatie | % deelnemers aan het VO en MBO | Ingrado | Landelijk vergelijkingscijfer | 1,9% (2018)\n" +
			"34 | Hernieuwbare elektriciteit | % | RWS | Voorgaande | 1,2%\n" +
			"34 | Hernieuwbare elektriciteit | % | RWS | Laatst | 1,9%\n" +
			"34 | Hernieuwbare elektriciteit | % | RWS | Landelijk | 18,5%\n",
	}, {
		file: "indicators-items.pdf",
		want: "" +
			" | 1a. Netto schuldquote |  |  | VNG normen (%) Gezond | < 90\n" +
			" | 1a. Netto schuldquote |  |  | VNG normen (%) Neutraal | 90-130\n" +
			" | 1a. Netto schuldquote |  |  | VNG normen (%) Risicovol | >130\n" +
			" | 1a. Netto schuldquote |  |  | Kengetallen gemeente Voorbeeld (in %) JR2024 | -10\n" +
			" | 1a. Netto schuldquote |  |  | Kengetallen gemeente Voorbeeld (in %) B2025 | -1,3\n" +
			" | 1a. Netto schuldquote |  |  | Kengetallen gemeente Voorbeeld (in %) B2026 | -0,5\n" +
			" | 1b.Netto schuldquote gecorrigeerd voor verstrekte leningen |  |  | VNG normen (%) Gezond | < 90\n" +
			" | 1b.Netto schuldquote gecorrigeerd voor verstrekte leningen |  |  | VNG normen (%) Neutraal | 90-130\n" +
			" | 1b.Netto schuldquote gecorrigeerd voor verstrekte leningen |  |  | VNG normen (%) Risicovol | >130\n" +
			" | 1b.Netto schuldquote gecorrigeerd voor verstrekte leningen |  |  | Kengetallen gemeente Voorbeeld (in %) JR2024 | -16\n" +
			" | 1b.Netto schuldquote gecorrigeerd voor verstrekte leningen |  |  | Kengetallen gemeente Voorbeeld (in %) B2025 | -6,7\n" +
			" | 1b.Netto schuldquote gecorrigeerd voor verstrekte leningen |  |  | Kengetallen gemeente Voorbeeld (in %) B2026 | -3,4\n" +
			" | 2.Solvabiliteitsratio |  |  | VNG normen (%) Gezond | >40\n" +
			" | 2.Solvabiliteitsratio |  |  | VNG normen (%) Neutraal | 20-40\n" +
			" | 2.Solvabiliteitsratio |  |  | VNG normen (%) Risicovol | <20\n" +
			" | 2.Solvabiliteitsratio |  |  | Kengetallen gemeente Voorbeeld (in %) JR2024 | 64\n" +
			" | 2.Solvabiliteitsratio |  |  | Kengetallen gemeente Voorbeeld (in %) B2025 | 62,1\n" +
			" | 2.Solvabiliteitsratio |  |  | Kengetallen gemeente Voorbeeld (in %) B2026 | 60\n" +
			"3 | Grondexploitatie |  |  | VNG normen (%) Gezond | <20\n" +
			"3 | Grondexploitatie |  |  | VNG normen (%) Neutraal | 20-35\n" +
			"3 | Grondexploitatie |  |  | VNG normen (%) Risicovol | >35\n" +
			"3 | Grondexploitatie |  |  | Kengetallen gemeente Voorbeeld (in %) JR2024 | n.v.t\n" +
			"3 | Grondexploitatie |  |  | Kengetallen gemeente Voorbeeld (in %) B2025 | n.v.t\n" +
			"3 | Grondexploitatie |  |  | Kengetallen gemeente Voorbeeld (in %) B2026 | n.v.t\n",
	}, {
		file: "indicators-yearspan.pdf",
		want: "" +
			" | 1a. Netto schuldquote |  |  | Indicatoren gemeente (%) 2022 Realisatie | -37\n" +
			" | 1a. Netto schuldquote |  |  | Indicatoren gemeente (%) 2023 Begroting | -24\n" +
			" | 1a. Netto schuldquote |  |  | Indicatoren gemeente (%) 2023 Realisatie | -23\n" +
			" | 1a. Netto schuldquote |  |  | Normen VNG Voldoende | \n" +
			"2 | Solvabiliteitsratio |  |  | Indicatoren gemeente (%) 2022 Realisatie | 62\n" +
			"2 | Solvabiliteitsratio |  |  | Indicatoren gemeente (%) 2023 Begroting | 67\n" +
			"2 | Solvabiliteitsratio |  |  | Indicatoren gemeente (%) 2023 Realisatie | 61\n" +
			"2 | Solvabiliteitsratio |  |  | Normen VNG Voldoende | >50\n" +
			"5 | Belastingcapaciteit |  |  | Indicatoren gemeente (%) 2022 Realisatie | 172\n" +
			"5 | Belastingcapaciteit |  |  | Indicatoren gemeente (%) 2023 Begroting | 167\n" +
			"5 | Belastingcapaciteit |  |  | Indicatoren gemeente (%) 2023 Realisatie | 167\n" +
			"5 | Belastingcapaciteit |  |  | Normen VNG Voldoende | <100\n",
	}, {
		file: "indicators-yearline.pdf",
		want: "" +
			" | Aantal woningen |  |  | Peilwaarde (2022) | 12.262\n" +
			" | Aantal woningen |  |  | Begroting 2023 | 12.418\n" +
			" | Aantal woningen |  |  | Resultaat 2023 | 12.367\n" +
			" | Aantal inwoners |  |  | Peilwaarde (2022) | 26.310\n" +
			" | Aantal inwoners |  |  | Begroting 2023 | 26.500\n" +
			" | Aantal inwoners |  |  | Resultaat 2023 | 26.512\n",
	}}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			var got strings.Builder
			for _, v := range findFixture(t, tc.file).Indicators {
				got.WriteString(strings.Join([]string{v.Code, v.Name, v.Unit, v.Source, v.Column, v.Raw}, " | ") + "\n")
			}
			if got.String() != tc.want {
				t.Errorf("Find(%s) indicators:\ngot\n%s\nwant\n%s", tc.file, got.String(), tc.want)
			}
		})
	}
}
