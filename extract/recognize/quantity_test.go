package recognize

import (
	"strings"
	"testing"
)

// TestRateLabelsPDF reads a money table with a row of percentages and rows
// whose labels print the rate of their amounts: the percentages are
// indicators, the amounts stay money.
func TestRateLabelsPDF(t *testing.T) {
	res := findFixture(t, "layout-rate.pdf")
	var got strings.Builder
	for _, ft := range res.Financial {
		got.WriteString(renderFinancial(ft))
	}
	want := "Omschrijving | x € 1.000 | 1000 |  | Financiering\n" +
		"cols: 2024 / 2025\n" +
		"Totaal baten: 73.164 | 73.335\n" +
		"Renterisiconorm (20% van de baten): 14.633 | 14.667\n" +
		"Kasgeldlimiet in procenten (8,2%) van de baten: 5.999 | 6.013\n"
	if got.String() != want {
		t.Errorf("Find(layout-rate) financial:\ngot\n%s\nwant\n%s", got.String(), want)
	}
	wantInd := "Percentage regeling | 2024 | 20% | \nPercentage regeling | 2025 | 20% | \n"
	if got := indicatorLines(res); got != wantInd {
		t.Errorf("Find(layout-rate) indicators:\ngot\n%s\nwant\n%s", got, wantInd)
	}
}
