package normalize

import (
	"os"
	"testing"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/pdfdoc"
	"github.com/begroot/begroot/extract/recognize"
	"github.com/begroot/begroot/fixtures"
)

// TestLeadInBreakdown reads a table whose label-only line "waarvan
// t.l.v.:" stands under the saldo row (layout-leadin.pdf): the saldo keeps
// its own label, the lead-in heads the rows below it, and the check that
// those rows add up to the saldo holds in every column.
func TestLeadInBreakdown(t *testing.T) {
	path := fixtures.Path("pdf/layout-leadin.pdf")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := pdfdoc.Parse(f, st.Size(), extract.Source{Path: path, Format: extract.FormatPDF})
	if err != nil {
		t.Fatalf("Parse(%s): %v", path, err)
	}
	rep := Normalize(doc, recognize.Find(doc))
	groups := map[string]string{}
	for _, r := range rep.Financial {
		groups[r.Row] = r.Group
	}
	for row, want := range map[string]string{
		"Saldo van baten en lasten": "",
		"Algemene Reserve":          "waarvan t.l.v.:",
		"Afrekeningen":              "waarvan t.l.v.:",
	} {
		if got, ok := groups[row]; !ok || got != want {
			t.Errorf("row %q: group %q (found %v), want %q; rows %v", row, got, ok, want, groups)
		}
	}
	saldo := map[string]bool{}
	for _, c := range rep.Checks {
		if !c.OK {
			t.Errorf("check %s %s fails: expected %d, found %d", c.Rule, c.Column, c.Expected, c.Found)
		}
		if c.Rule == "sum of parts = total" && len(c.Covers) == 3 {
			saldo[c.Column] = true
		}
	}
	if len(saldo) != 3 {
		t.Errorf("the breakdown of the saldo is checked in %d columns, want 3: %v", len(saldo), rep.Checks)
	}
}

// TestLeadInAnnounces: a group label "waarvan t.l.v.:" that starts under a
// row marks that row as broken down by the rows of the group; a group label
// without the colon, or one that goes on from the row above, does not.
func TestLeadInAnnounces(t *testing.T) {
	cell := func(s string) []extract.Cell { return []extract.Cell{{Text: s}} }
	for _, tc := range []struct {
		groups []string
		want   bool
	}{
		{[]string{"", "waarvan t.l.v.:", "waarvan t.l.v.:"}, true},
		{[]string{"", "waarvan structureel", "waarvan structureel"}, false},
		{[]string{"waarvan:", "waarvan:", "waarvan:"}, false},
		{[]string{"", "Reserves:", "Reserves:"}, false},
	} {
		tab := recognize.FinancialTable{Scale: 1000, Columns: []string{"2024"}, Rows: []recognize.FinancialRow{
			{Label: "Saldo van baten en lasten", Group: tc.groups[0], Cells: cell("-590")},
			{Label: "Algemene Reserve", Group: tc.groups[1], Cells: cell("-270")},
			{Label: "Afrekeningen", Group: tc.groups[2], Cells: cell("-320")},
		}}
		if got := checkRows(tab)[0].announces; got != tc.want {
			t.Errorf("groups %q: the saldo announces a breakdown = %v, want %v", tc.groups, got, tc.want)
		}
	}
}
