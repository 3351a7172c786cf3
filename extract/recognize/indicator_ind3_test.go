package recognize

import (
	"strings"
	"testing"
)

// TestIndicatorMeasuresPDF reads a generated indicator table whose values
// print a unit word after the number ("205 kg", "12 dagen", "3,4 uur"):
// the rows of such values are body rows under the header line, each value
// in the column that header line names; a header that ends on a line of
// the name column's heading, year notes and headings with a year, above a
// row of such values (indicators-measures.pdf).
func TestIndicatorMeasuresPDF(t *testing.T) {
	const want = "" +
		"Huishoudelijk restafval per inwoner | Peilwaarde | 205 kg\n" +
		"Huishoudelijk restafval per inwoner | Begroting 2025 | 195 kg\n" +
		"Huishoudelijk restafval per inwoner | Begroting 2026 | 190 kg\n" +
		"Doorlooptijd vergunning | Peilwaarde | 12 dagen\n" +
		"Doorlooptijd vergunning | Begroting 2025 | 10 dagen\n" +
		"Doorlooptijd vergunning | Begroting 2026 | 9 dagen\n" +
		"Reistijd naar het centrum met de bus | Peilwaarde | 3,4 uur (2023)\n" +
		"Reistijd naar het centrum met de bus | Begroting 2025 | 3 uur\n" +
		"Reistijd naar het centrum met de bus | Begroting 2026 | 2,5 uur\n" +
		"Restafval per inwoner (bron: CBS) | Peilwaarde (2022) | 211,4 kg (2020)\n" +
		"Restafval per inwoner (bron: CBS) | Begroting 2023 | 190 kg (2021)\n" +
		"Restafval per inwoner (bron: CBS) | Resultaat 2023 | 205 kg\n"
	const file = "indicators-measures.pdf"
	var got strings.Builder
	for _, v := range findFixture(t, file).Indicators {
		got.WriteString(strings.Join([]string{v.Name, v.Column, v.Raw}, " | ") + "\n")
	}
	if got.String() != want {
		t.Errorf("Find(%s) indicators:\ngot\n%s\nwant\n%s", file, got.String(), want)
	}
}
