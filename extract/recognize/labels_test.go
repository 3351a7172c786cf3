package recognize

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/begroot/begroot/fixtures"
	"github.com/begroot/begroot/fixtures/golden"
)

// labelRows renders each financial row of tables as "table | group |
// label (role): cells".
func labelRows(tables []FinancialTable) []string {
	var out []string
	for _, ft := range tables {
		for _, r := range ft.Rows {
			s := ft.Title + " | " + r.Group + " | " + r.Label + " (" + r.Role + "):"
			for _, c := range r.Cells {
				s += " " + c.Text
			}
			out = append(out, s)
		}
	}
	return out
}

// TestNestedLabels reads the generated page of nested row labels (issue
// 10, class 9): taakveld labels vertically centred against their block of
// Baten / Lasten / Saldo rows belong to every row of the block, which
// keeps its own label as its role; group headings without values label
// the rows below them, the same labels twice stay apart by group; a
// second table of the same row labels on the page stays a table of its
// own. Rows as in testdata/layout-nested.golden.json.
func TestNestedLabels(t *testing.T) {
	golden.Check(t, filepath.Join("testdata", "layout-nested.golden.json"), func() (any, error) {
		doc, err := parsePDF(fixtures.Path("pdf/layout-nested.pdf"))
		if err != nil {
			return nil, err
		}
		res := Find(doc)
		if len(res.Financial) != 2 {
			t.Errorf("Find(layout-nested) = %d financial tables, want 2", len(res.Financial))
		}
		return labelRows(res.Financial), nil
	})
}

// TestRowspanBlockLabels reads a block label in an HTML rowspan cell: it
// labels every row it spans, and the rows keep their own label as role.
func TestRowspanBlockLabels(t *testing.T) {
	doc := htmlDoc(t, `<table><caption>Taakvelden (bedragen x € 1.000)</caption>
<thead><tr><th>Taakveld</th><th></th><th>2024</th><th>2025</th></tr></thead><tbody>
<tr><td rowspan="3">0.10 Mutaties reserves</td><td>Baten</td><td>5</td><td>0</td></tr>
<tr><td>Lasten</td><td>-2</td><td>0</td></tr>
<tr><td>Saldo</td><td>3</td><td>0</td></tr>
<tr><td rowspan="2">0.11 Resultaat</td><td>Lasten</td><td>0</td><td>1</td></tr>
<tr><td>Saldo</td><td>0</td><td>1</td></tr>
</tbody></table>`)
	got := labelRows(find(t, doc).Financial)
	want := []string{
		"Taakvelden |  | 0.10 Mutaties reserves Baten (Baten): 5 0",
		"Taakvelden |  | 0.10 Mutaties reserves Lasten (Lasten): -2 0",
		"Taakvelden |  | 0.10 Mutaties reserves Saldo (Saldo): 3 0",
		"Taakvelden |  | 0.11 Resultaat Lasten (Lasten): 0 1",
		"Taakvelden |  | 0.11 Resultaat Saldo (Saldo): 0 1",
	}
	if len(got) != len(want) {
		t.Fatalf("Find(rowspan) rows:\ngot  %q\nwant %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Find(rowspan) row %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// TestEmptyItemNoGroup reads a list of amounts in which one item has none
// (HTML): it is an item like those around it, not a group heading over
// the rows below; a heading row above rows of other words is one.
func TestEmptyItemNoGroup(t *testing.T) {
	doc := htmlDoc(t, `<table><caption>Bedragen (x €1.000)</caption>
<thead><tr><th></th><th>2024</th><th>2025</th></tr></thead><tbody>
<tr><td>Kosten</td><td>10.697</td><td>9.792</td></tr>
<tr><td>Baten basispakket gemeenten</td><td>3.102</td><td>3.566</td></tr>
<tr><td>Baten pluspakket gemeenten</td><td></td><td></td></tr>
<tr><td>Baten derden</td><td>1.642</td><td>718</td></tr>
<tr><td>Resultaat</td><td>-5.953</td><td>-5.508</td></tr>
<tr><td>Doorberekening</td><td></td><td></td></tr>
<tr><td>Gezond Leven</td><td>318</td><td>312</td></tr>
</tbody></table>`)
	got := labelRows(find(t, doc).Financial)
	want := []string{
		"Bedragen |  | Kosten (): 10.697 9.792",
		"Bedragen |  | Baten basispakket gemeenten (): 3.102 3.566",
		"Bedragen |  | Baten derden (): 1.642 718",
		"Bedragen |  | Resultaat (): -5.953 -5.508",
		"Bedragen | Doorberekening | Gezond Leven (): 318 312",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Find(empty item) rows:\ngot  %q\nwant %q", got, want)
	}
}

// TestYearNotes reads the generated page of year notes printed on a line
// of their own under indicator values and under the rows of a table of
// amounts (issue 10, class 15): each note goes with the value above it,
// never a row or a value of its own ("(2022)" is no amount of -2022).
// Records as in testdata/layout-yearnotes.golden.json.
func TestYearNotes(t *testing.T) {
	golden.Check(t, filepath.Join("testdata", "layout-yearnotes.golden.json"), func() (any, error) {
		doc, err := parsePDF(fixtures.Path("pdf/layout-yearnotes.pdf"))
		if err != nil {
			return nil, err
		}
		res := Find(doc)
		got := labelRows(res.Financial)
		for _, v := range res.Indicators {
			got = append(got, v.Table+" | "+v.Name+" | "+v.Column+" | "+v.Raw)
		}
		return got, nil
	})
}
