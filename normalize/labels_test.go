package normalize

import (
	"strings"
	"testing"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/htmldoc"
	"github.com/begroot/begroot/extract/recognize"
)

// TestBlockRowKinds reads a table of taakveld blocks whose labels name the
// reserves and the result (HTML rowspan cells): a row's kind is that of
// its own label (Baten, Lasten, Saldo), not of its block's, so no check
// takes a taakveld's rows for the saldo, reserves or resultaat of the
// table, and the checks of the totals below hold.
func TestBlockRowKinds(t *testing.T) {
	page := `<html><head><title>Begroting 2024</title></head><body><h1>Programma 0</h1>
<table><caption>Taakvelden (bedragen x € 1.000)</caption>
<thead><tr><th>Taakveld</th><th></th><th>Rekening 2023</th></tr></thead><tbody>
<tr><td rowspan="2">0.9 Vennootschapsbelasting</td><td>Lasten</td><td>-22</td></tr>
<tr><td>Saldo</td><td>-22</td></tr>
<tr><td rowspan="3">0.10 Mutaties reserves</td><td>Baten</td><td>5</td></tr>
<tr><td>Lasten</td><td>0</td></tr>
<tr><td>Saldo</td><td>5</td></tr>
<tr><td rowspan="3">0.11 Resultaat van de rekening</td><td>Baten</td><td>0</td></tr>
<tr><td>Lasten</td><td>0</td></tr>
<tr><td>Saldo</td><td>0</td></tr>
<tr><td>Totaal baten</td><td>Baten</td><td>5</td></tr>
<tr><td>Totaal lasten</td><td>Lasten</td><td>-22</td></tr>
<tr><td>Saldo van baten en lasten</td><td>Saldo</td><td>-17</td></tr>
<tr><td colspan="2">Mutaties reserves</td><td>5</td></tr>
<tr><td colspan="2">Geraamde resultaat</td><td>-12</td></tr>
</tbody></table></body></html>`
	doc, err := htmldoc.Parse(strings.NewReader(page), extract.Source{Path: "blocks.html", Format: extract.FormatHTML})
	if err != nil {
		t.Fatalf("Parse(blocks.html): %v", err)
	}
	rep := Normalize(doc, recognize.Find(doc))
	kinds := map[string]string{}
	for _, f := range rep.Financial {
		kinds[f.Row] = f.RowKind
	}
	for row, want := range map[string]string{
		"0.10 Mutaties reserves Saldo":         RowSaldo,
		"0.11 Resultaat van de rekening Baten": RowBaten,
		"Mutaties reserves":                    RowReserves,
		"Geraamde resultaat":                   RowResultaat,
	} {
		if kinds[row] != want {
			t.Errorf("Normalize(blocks.html) row %q kind = %q, want %q", row, kinds[row], want)
		}
	}
	resultaat := 0
	for _, c := range rep.Checks {
		if !c.OK {
			t.Errorf("Normalize(blocks.html) check %s %s fails: expected %d, found %d", c.Rule, c.Column, c.Expected, c.Found)
		}
		if c.Rule == RuleResultaat {
			resultaat++
		}
	}
	if resultaat != 1 {
		t.Errorf("Normalize(blocks.html) = %d resultaat checks, want 1 (Geraamde resultaat)", resultaat)
	}
}
