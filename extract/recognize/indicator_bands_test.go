package recognize

import (
	"strings"
	"testing"

	"github.com/begroot/begroot/extract"
)

// TestIndicatorLayoutsPDF reads generated indicator tables and checks each
// value's name, column, text and whether it is a note: a kengetallen table
// whose names wrap around their values and whose norm bands spread over
// the lines around them (indicators-bands.pdf); names that carry their
// explanation (indicators-explained.pdf) or a remark in brackets
// (indicators-remark.pdf); values on the last line of their names, in
// padded rows (indicators-lastline.pdf) and a row per line
// (indicators-threeline.pdf); a first column of units, the names second
// (indicators-unitcol.pdf).
func TestIndicatorLayoutsPDF(t *testing.T) {
	tests := []struct {
		file string
		want string
	}{{
		file: "indicators-bands.pdf",
		want: "" +
			"1a. Netto schuldquote | Indicatoren gemeente (%) 2022 Verslag | 23\n" +
			"1a. Netto schuldquote | Indicatoren gemeente (%) 2023 Begr. | 25\n" +
			"1a. Netto schuldquote | Normen VNG gemeenten (%) Voldoende | \n" +
			"1a. Netto schuldquote | Normen VNG gemeenten (%) Matig | \n" +
			"1a. Netto schuldquote | Normen VNG gemeenten (%) Onvoldoende | \n" +
			"1b. Netto schuldquote gecorrigeerd voor verstrekte leningen | Indicatoren gemeente (%) 2022 Verslag | 26\n" +
			"1b. Netto schuldquote gecorrigeerd voor verstrekte leningen | Indicatoren gemeente (%) 2023 Begr. | 31\n" +
			"1b. Netto schuldquote gecorrigeerd voor verstrekte leningen | Normen VNG gemeenten (%) Voldoende | <100\n" +
			"1b. Netto schuldquote gecorrigeerd voor verstrekte leningen | Normen VNG gemeenten (%) Matig | >100 / <130\n" +
			"1b. Netto schuldquote gecorrigeerd voor verstrekte leningen | Normen VNG gemeenten (%) Onvoldoende | <130\n" +
			"Solvabiliteitsratio | Indicatoren gemeente (%) 2022 Verslag | 66\n" +
			"Solvabiliteitsratio | Indicatoren gemeente (%) 2023 Begr. | 66\n" +
			"Solvabiliteitsratio | Normen VNG gemeenten (%) Voldoende | >50\n" +
			"Solvabiliteitsratio | Normen VNG gemeenten (%) Matig | <50 / >30\n" +
			"Solvabiliteitsratio | Normen VNG gemeenten (%) Onvoldoende | <30\n" +
			"Structurele exploitatie ruimte | Indicatoren gemeente (%) 2022 Verslag | -0,85\n" +
			"Structurele exploitatie ruimte | Indicatoren gemeente (%) 2023 Begr. | 2,63\n" +
			"Structurele exploitatie ruimte | Normen VNG gemeenten (%) Voldoende | >0,6\n" +
			"Structurele exploitatie ruimte | Normen VNG gemeenten (%) Matig | <0,6 / >0\n" +
			"Structurele exploitatie ruimte | Normen VNG gemeenten (%) Onvoldoende | 0 (note)\n" +
			"Belastingcapaciteit | Indicatoren gemeente (%) 2022 Verslag | 172\n" +
			"Belastingcapaciteit | Indicatoren gemeente (%) 2023 Begr. | 173\n" +
			"Belastingcapaciteit | Normen VNG gemeenten (%) Voldoende | <100\n" +
			"Belastingcapaciteit | Normen VNG gemeenten (%) Matig | >100 / <120\n" +
			"Belastingcapaciteit | Normen VNG gemeenten (%) Onvoldoende | >120\n",
	}, {
		file: "indicators-explained.pdf",
		want: "Aantal fte Gezondheidsbevordering | 2023 realisatie | 7\n" +
			"Aantal fte Gezondheidsbevordering | 2024 realisatie | 8\n" +
			"Aantal fte Gezondheidsbevordering | 2025 begroting | 8\n" +
			"Afspraken ketenpartners | 2023 realisatie | 100\n" +
			"Afspraken ketenpartners | 2024 realisatie | 100\n" +
			"Afspraken ketenpartners | 2025 begroting | 100\n" +
			"Aantal plaatsingen dak- en thuislozen binnen Maatschappelijke Opvang Flevoland | 2023 realisatie | 295\n" +
			"Aantal plaatsingen dak- en thuislozen binnen Maatschappelijke Opvang Flevoland | 2024 realisatie | 344\n" +
			"Aantal plaatsingen dak- en thuislozen binnen Maatschappelijke Opvang Flevoland | 2025 begroting | 350\n",
	}, {
		file: "indicators-lastline.pdf",
		want: "Aantal binnengekomen meldingen en adviesvragen Vangnet en Advies | 2023 realisatie | 1.833\n" +
			"Aantal binnengekomen meldingen en adviesvragen Vangnet en Advies | 2024 realisatie | 1.998\n" +
			"Aantal binnengekomen meldingen en adviesvragen Vangnet en Advies | 2025 begroting | 1.800\n" +
			"Aantal Wvggz Meldingen | 2023 realisatie | 39\n" +
			"Aantal Wvggz Meldingen | 2024 realisatie | 46\n" +
			"Aantal Wvggz Meldingen | 2025 begroting | 40\n" +
			"Aantal plaatsingen dak- en thuislozen binnen maatschappelijke opvang Flevoland (nachtopvang, slaaphuis en housing first) | 2023 realisatie | 348\n" +
			"Aantal plaatsingen dak- en thuislozen binnen maatschappelijke opvang Flevoland (nachtopvang, slaaphuis en housing first) | 2024 realisatie | 348\n" +
			"Aantal plaatsingen dak- en thuislozen binnen maatschappelijke opvang Flevoland (nachtopvang, slaaphuis en housing first) | 2025 begroting | 350\n" +
			"Aantal consulten | 2023 realisatie | 12\n" +
			"Aantal consulten | 2024 realisatie | 14\n" +
			"Aantal consulten | 2025 begroting | 15\n" +
			"Aantal nieuw opgeschaalde casuistiek Nu Niet Zwanger | 2023 realisatie | 62\n" +
			"Aantal nieuw opgeschaalde casuistiek Nu Niet Zwanger | 2024 realisatie | 97\n" +
			"Aantal nieuw opgeschaalde casuistiek Nu Niet Zwanger | 2025 begroting | 90\n",
	}, {
		file: "indicators-remark.pdf",
		want: "Aantal woningen | Peilwaarde (2022) | 12.262\n" +
			"Aantal woningen | Begroting 2023 | 12.418 (plus 156)\n" +
			"Aantal woningen | Resultaat 2023 | 12.367 (plus 68)\n" +
			"Vernielingen en beschadigingen (in de openbare ruimte) | Peilwaarde (2022) | 5,8\n" +
			"Vernielingen en beschadigingen (in de openbare ruimte) | Begroting 2023 | 5,0\n" +
			"Vernielingen en beschadigingen (in de openbare ruimte) | Resultaat 2023 | 4,9\n",
	}, {
		file: "indicators-unitcol.pdf",
		want: "Bezetting | 2023 | 0,21\n" +
			"Formatie | 2023 | 0,21\n" +
			"Apparaatkosten | 2023 | 12,35\n" +
			"Overhead | 2023 | 22%\n",
	}, {
		file: "indicators-threeline.pdf",
		want: "Percentage inwoners met schuldenproblematiek | Peilwaarde | 7,4 (2024)\n" +
			"Percentage inwoners met schuldenproblematiek | 2026 (%) | 6,3\n" +
			"Percentage inwoners met schuldenproblematiek | 2027 (%) | 5,8\n" +
			"Aantal inwoners met bijstandsuitkering (per 1.000 inw)* | Peilwaarde | 14,3 (2024)\n" +
			"Aantal inwoners met bijstandsuitkering (per 1.000 inw)* | 2026 (%) | 14,1\n" +
			"Aantal inwoners met bijstandsuitkering (per 1.000 inw)* | 2027 (%) | 14\n" +
			"Percentage eenzaamheid | Peilwaarde | 49 (2024)\n" +
			"Percentage eenzaamheid | 2026 (%) | 46\n" +
			"Percentage eenzaamheid | 2027 (%) | 45\n",
	}}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			var got strings.Builder
			for _, v := range findFixture(t, tc.file).Indicators {
				note := ""
				if v.Note {
					note = " (note)"
				}
				got.WriteString(v.Name + " | " + v.Column + " | " + v.Raw + note + "\n")
			}
			if got.String() != tc.want {
				t.Errorf("Find(%s) indicators:\ngot\n%s\nwant\n%s", tc.file, got.String(), tc.want)
			}
		})
	}
}

func TestUnhyphenated(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Vol- doende", "Voldoende"},
		{"Afschrij- vingen", "Afschrijvingen"},
		{"Des- inves- tering", "Desinvestering"},             // broken twice
		{"Boek- waarde 31-12 2023", "Boekwaarde 31-12 2023"}, // a date's hyphen has no space
		{"dak- en thuislozen", "dak- en thuislozen"},         // an open compound
		{"Invest- Teringen", "Invest- Teringen"},             // upper case: not the rest of a word
		{"Rekening 2023", "Rekening 2023"},
	} {
		if got := unhyphenated(tc.in); got != tc.want {
			t.Errorf("unhyphenated(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestColumnLabelJoinsBrokenWord(t *testing.T) {
	header := [][]extract.Cell{
		{{Text: "Materiële vaste activa"}, {Text: "Ultimo"}, {Text: "Afschrij-"}},
		{{Text: ""}, {Text: "2022"}, {Text: "vingen"}},
	}
	if got := columnLabel(header, 2); got != "Afschrijvingen" {
		t.Errorf("columnLabel = %q, want %q", got, "Afschrijvingen")
	}
}
