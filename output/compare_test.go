package output

import (
	"fmt"
	"strings"
	"testing"

	"github.com/begroot/begroot/normalize"
)

// describe is a comparison row as "kind year: measure=value …", a
// verified total marked ✓.
func describe(r comparisonRow) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %d:", r.columnKind, r.columnYear)
	for i, m := range measures {
		if r.totals[i] != nil {
			fmt.Fprintf(&b, " %s=%d", m, *r.totals[i])
			if r.verified[i] {
				b.WriteString("✓")
			}
		}
	}
	if r.lastenNegative {
		b.WriteString(" (lasten negative)")
	}
	if r.saldoReversed {
		b.WriteString(" (saldo reversed)")
	}
	fmt.Fprintf(&b, " from %s", r.table)
	return b.String()
}

func TestDocumentOverview(t *testing.T) {
	rec := func(table, section, row, kind string, v int64) normalize.Financial {
		return normalize.Financial{Table: table, Section: []string{section}, Row: row, RowKind: kind, ColumnKind: "begroting", ColumnYear: 2024, Value: &v, Scale: 1}
	}
	verified := func(f normalize.Financial) normalize.Financial {
		f.Verified = true
		return f
	}
	tests := []struct {
		name string
		recs []normalize.Financial
		want []string // describe of each row; none means skipped
	}{
		{
			name: "the overview adds up programmes; a larger programme table without parts is no overview",
			recs: []normalize.Financial{
				rec("Wat mag het kosten?", "Programma 1", "Lasten", "lasten", 400),
				rec("Wat mag het kosten?", "Programma 1", "Saldo", "saldo", -350),
				rec("Overzicht", "Financiën", "Programma 1", "other", 40),
				rec("Overzicht", "Financiën", "Programma 2", "other", 60),
				rec("Overzicht", "Financiën", "Totaal lasten", "lasten", 100),
				rec("Overzicht", "Financiën", "Totaal baten", "baten", 98),
				rec("Overzicht", "Financiën", "Saldo", "saldo", -2),
			},
			want: []string{"begroting 2024: baten=98 lasten=100 saldo=-2 from Overzicht"},
		},
		{
			name: "lasten printed negative are made positive, with toevoegingen; saldo stays",
			recs: []normalize.Financial{
				rec("Recapitulatie", "", "Programma 1", "lasten", -40),
				rec("Recapitulatie", "", "Programma 2", "lasten", -60),
				rec("Recapitulatie", "", "Saldo van baten en lasten", "lasten", -100),
				rec("Recapitulatie", "", "Saldo van baten en lasten", "baten", 98),
				rec("Recapitulatie", "", "Saldo van baten en lasten", "saldo", -2),
				rec("Recapitulatie", "", "Toevoeging reserves", "toevoeging_reserves", -5),
				rec("Recapitulatie", "", "Onttrekking reserves", "onttrekking_reserves", 8),
				rec("Recapitulatie", "", "Resultaat", "resultaat", 1),
			},
			want: []string{"begroting 2024: baten=98 lasten=100 saldo=-2 toevoeging_reserves=5 onttrekking_reserves=8 resultaat=1 (lasten negative) from Recapitulatie"},
		},
		{
			name: "saldo printed as lasten - baten is turned round with reserves and resultaat",
			recs: []normalize.Financial{
				rec("Overzicht", "", "Programma 1", "lasten", 40),
				rec("Overzicht", "", "Programma 2", "lasten", 60),
				rec("Overzicht", "", "Totaal lasten", "lasten", 100),
				rec("Overzicht", "", "Totaal baten", "baten", 98),
				rec("Overzicht", "", "Saldo (nadeel)", "saldo", 2),
				rec("Overzicht", "", "Mutaties reserves", "reserves", -3),
				rec("Overzicht", "", "Resultaat", "resultaat", -1),
			},
			want: []string{"begroting 2024: baten=98 lasten=100 saldo=-2 reserves=3 resultaat=1 (saldo reversed) from Overzicht"},
		},
		{
			name: "a subtotal is a part of the next total: the largest total wins",
			recs: []normalize.Financial{
				rec("Recapitulatie", "", "P1", "lasten", 40),
				rec("Recapitulatie", "", "P2", "lasten", 60),
				rec("Recapitulatie", "", "Totaal programma's", "lasten", 100),
				rec("Recapitulatie", "", "Overhead", "lasten", 15),
				rec("Recapitulatie", "", "Onvoorzien", "lasten", 1),
				rec("Recapitulatie", "", "Saldo van baten en lasten", "lasten", 116),
				rec("Recapitulatie", "", "Saldo van baten en lasten", "baten", 120),
			},
			want: []string{"begroting 2024: baten=120 lasten=116 from Recapitulatie"},
		},
		{
			name: "a total within one printed unit per part still adds up",
			recs: []normalize.Financial{
				{Table: "O", Row: "P1", RowKind: "other", ColumnKind: "realisatie", ColumnYear: 2023, Value: i64(40_400), Scale: 1000},
				{Table: "O", Row: "P2", RowKind: "other", ColumnKind: "realisatie", ColumnYear: 2023, Value: i64(60_400), Scale: 1000},
				{Table: "O", Row: "Totaal lasten", RowKind: "lasten", ColumnKind: "realisatie", ColumnYear: 2023, Value: i64(101_000), Scale: 1000},
			},
			want: []string{"realisatie 2023: lasten=101000 from O"},
		},
		{
			name: "a verified overview wins over a larger unverified one",
			recs: []normalize.Financial{
				rec("Misgelezen", "", "P1", "other", 400),
				rec("Misgelezen", "", "P2", "other", 600),
				rec("Misgelezen", "", "Totaal lasten", "lasten", 1000),
				verified(rec("Overzicht", "", "P1", "other", 40)),
				verified(rec("Overzicht", "", "P2", "other", 60)),
				verified(rec("Overzicht", "", "Totaal lasten", "lasten", 100)),
				verified(rec("Overzicht", "", "Totaal baten", "baten", 98)),
				rec("Overzicht", "", "Resultaat", "resultaat", -2),
			},
			want: []string{"begroting 2024: baten=98✓ lasten=100✓ resultaat=-2 from Overzicht"},
		},
		{
			name: "of two unverified overviews the larger wins, its totals unverified",
			recs: []normalize.Financial{
				rec("Programma's", "", "P1", "other", 40),
				rec("Programma's", "", "P2", "other", 60),
				rec("Programma's", "", "Totaal lasten", "lasten", 100),
				rec("Recapitulatie", "", "Totaal programma's", "other", 100),
				rec("Recapitulatie", "", "Overhead", "other", 20),
				rec("Recapitulatie", "", "Totaal lasten", "lasten", 120),
			},
			want: []string{"begroting 2024: lasten=120 from Recapitulatie"},
		},
		{
			name: "in a table a verified total wins over a later unverified one of its kind",
			recs: []normalize.Financial{
				rec("Overzicht", "", "P1", "other", 40),
				rec("Overzicht", "", "P2", "other", 60),
				verified(rec("Overzicht", "", "Totaal lasten", "lasten", 100)),
				verified(rec("Overzicht", "", "Saldo van baten en lasten", "saldo", -2)),
				rec("Overzicht", "", "Saldo (misgelezen)", "saldo", 7),
				rec("Overzicht", "", "Totaal lasten incl. misgelezen", "lasten", 107),
			},
			want: []string{"begroting 2024: lasten=100✓ saldo=-2✓ from Overzicht"},
		},
		{
			name: "programme tables alone compare nothing",
			recs: []normalize.Financial{
				rec("Wat mag het kosten?", "Programma 1", "Lasten", "lasten", 40),
				rec("Wat mag het kosten?", "Programma 1", "Baten", "baten", 5),
				rec("Wat mag het kosten?", "Programma 2", "Lasten", "lasten", 60),
			},
		},
		{
			name: "verschil and unclassified columns are not compared",
			recs: []normalize.Financial{
				{Table: "O", Row: "P1", RowKind: "other", ColumnKind: "verschil", Value: i64(1)},
				{Table: "O", Row: "P2", RowKind: "other", ColumnKind: "verschil", Value: i64(2)},
				{Table: "O", Row: "Totaal lasten", RowKind: "lasten", ColumnKind: "verschil", Value: i64(3)},
				{Table: "O", Row: "P1", RowKind: "other", ColumnKind: "other", Value: i64(1)},
				{Table: "O", Row: "P2", RowKind: "other", ColumnKind: "other", Value: i64(2)},
				{Table: "O", Row: "Totaal lasten", RowKind: "lasten", ColumnKind: "other", Value: i64(3)},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, r := range documentOverview(&normalize.Report{Financial: tt.recs}) {
				got = append(got, describe(r))
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("documentOverview:\ngot  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestCompareSkipsAndPerInwoner(t *testing.T) {
	rows, skipped := compare(inOrder(testDataset()))
	var got []string
	for _, r := range rows {
		got = append(got, r.doc.Document+" "+describe(r))
	}
	want := []string{
		"jaarstukken_2023.html realisatie 2023: baten=7100000000 lasten=7000000000 (lasten negative) from Overzicht baten en lasten",
		"begroting_2024.pdf begroting 2024: baten=98000000✓ lasten=100000000✓ saldo=-2000000✓ resultaat=-2000000 from Overzicht baten en lasten (× € 1.000)",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("compare rows:\ngot  %q\nwant %q", got, want)
	}
	if len(skipped) != 1 || skipped[0].doc.Document != "nota.txt" {
		t.Errorf("compare skipped %v, want nota.txt alone", skipped)
	}
	r := rows[1]
	if r.Inwoners != 374_238 { // CBS: Utrecht (GM0344) on 1 January 2024
		t.Errorf("inwoners of %s in 2024 = %d, want 374238 from the CBS reference data", r.doc.CBSCode, r.Inwoners)
	}
	r.Inwoners = 0
	if v := r.perInwoner(normalize.RowLasten); v != nil {
		t.Errorf("lasten per inwoner without inwoners = %v, want nil", v)
	}
	r.Inwoners = 361_924
	if v := r.perInwoner(normalize.RowLasten); v != 276.3 { // 100,000,000 / 361,924 = 276.2990…
		t.Errorf("lasten per inwoner = %v, want 276.3", v)
	}
}
