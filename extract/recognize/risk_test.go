package recognize

import (
	"strings"
	"testing"
)

// TestRiskRegisterPDF reads two generated risk registers: a table with a
// probability column ("Kans") and a unit label keeps its amounts as
// financial records, and neither it nor a register under a key figure
// heading ("Waarschijnlijkheid", no unit) gives indicator records.
func TestRiskRegisterPDF(t *testing.T) {
	res := findFixture(t, "risk-register.pdf")
	var got strings.Builder
	for _, ft := range res.Financial {
		for _, r := range ft.Rows {
			for k, c := range r.Cells {
				if c.Text == "" {
					continue // the probabilities: no amounts
				}
				got.WriteString(strings.Join([]string{ft.Title, ft.Unit, r.Label, ft.Columns[k], c.Text}, " | ") + "\n")
			}
		}
	}
	want := "" +
		"De belangrijkste risico's | x € 1.000 | Open einde jeugdzorg | Impact | 1.000\n" +
		"De belangrijkste risico's | x € 1.000 | Open einde jeugdzorg | Bedrag x kans | 700\n" +
		"De belangrijkste risico's | x € 1.000 | Leegstand gebouwen | Impact | 200\n" +
		"De belangrijkste risico's | x € 1.000 | Leegstand gebouwen | Bedrag x kans | 20\n" +
		"De belangrijkste risico's | x € 1.000 | Onvoorzien | Impact | 100\n" +
		"De belangrijkste risico's | x € 1.000 | Onvoorzien | Bedrag x kans | 50\n" +
		"De belangrijkste risico's | x € 1.000 | Totaal | Impact | 1.300\n" +
		"De belangrijkste risico's | x € 1.000 | Totaal | Bedrag x kans | 770\n"
	if got.String() != want {
		t.Errorf("Find(risk-register.pdf) financial:\ngot\n%s\nwant\n%s", got.String(), want)
	}
	for _, v := range res.Indicators {
		t.Errorf("Find(risk-register.pdf) indicator %q | %q | %q: a risk register has no indicators", v.Table, v.Name, v.Column)
	}
}
