package normalize

import (
	"fmt"
	"testing"
)

// total is a fact of an overview row in a begroting column.
func total(table, row, kind, column string, year int, value int64) Financial {
	return Financial{Table: table, Row: row, RowKind: kind, Column: column, ColumnKind: ColBegroting, ColumnYear: year, Value: &value, Page: 66}
}

func TestReconcile(t *testing.T) {
	recap := "Tabel 6.2 - Recapitulatie"
	wassenaar := []Financial{
		total(recap, "Totaal programma's", RowLasten, "Begroting 2024 lasten", 2024, -72_705_000),
		total(recap, "Algemene dekkingsmiddelen", RowBaten, "Begroting 2024 baten", 2024, 70_000_000),
		total(recap, "Saldo van baten en lasten", RowBaten, "Begroting 2024 baten", 2024, 85_971_000),
		total(recap, "Saldo van baten en lasten", RowLasten, "Begroting 2024 lasten", 2024, -88_320_000),
		total(recap, "Saldo van baten en lasten", RowBaten, "Begroting 2025 baten", 2025, 99_000_000),
		total(recap, "Totaal mutaties reserves", RowLasten, "Begroting 2024 lasten", 2024, -99_000_000),
	}
	programme := []Financial{
		total("Totaal programma 3", "Totaal baten", RowBaten, "Begroting 2024", 2024, 8_855_000),
		total("Totaal programma 3", "Totaal lasten", RowLasten, "Begroting 2024", 2024, -33_976_000),
	}
	tests := []struct {
		name string
		r    Report
		want string // the reconciliation, or the reason there is none
	}{
		{"agrees", Report{CBSCode: "GM0629", Gemeente: "Wassenaar", DocType: "begroting", Year: 2024, Financial: wassenaar},
			"2024X000 baten 85971000/85973000 lasten 88320000/88313000 0.008% true " + recap + " p66"},
		{"differs", Report{CBSCode: "GM0629", Gemeente: "Wassenaar", DocType: "begroting", Year: 2024, Financial: []Financial{
			wassenaar[0], total(recap, "Totaal baten", RowBaten, "Begroting 2024 baten", 2024, 70_000_000)}},
			"2024X000 baten 70000000/85973000 lasten 72705000/88313000 18.579% false " + recap + " p66"},
		{"jaarstukken read realisatie", Report{CBSCode: "GM0629", Gemeente: "Wassenaar", DocType: "jaarstukken", Year: 2024, Financial: wassenaar},
			"no overzicht van baten en lasten with totaal baten and totaal lasten of jaarstukken 2024 found"},
		{"only a programme", Report{CBSCode: "GM0629", Gemeente: "Wassenaar", DocType: "begroting", Year: 2024, Financial: programme},
			"no overzicht van baten en lasten with totaal baten and totaal lasten of begroting 2024 found"},
		{"organisation", Report{Organisation: "GGD Flevoland", DocType: "begroting", Year: 2026, Financial: wassenaar},
			"GGD Flevoland is not a gemeente"},
		{"no gemeente", Report{DocType: "begroting", Year: 2024, Financial: wassenaar}, "no gemeente detected"},
		{"no year", Report{CBSCode: "GM0629", DocType: "begroting", Financial: wassenaar}, "no year detected"},
		{"year outside the data", Report{CBSCode: "GM0629", Gemeente: "Wassenaar", DocType: "jaarstukken", Year: 2025, Financial: wassenaar},
			"CBS Iv3 has no 2025X005 for GM0629 Wassenaar"},
		{"other document type", Report{CBSCode: "GM0629", DocType: "voorjaarsnota", Year: 2024, Financial: wassenaar}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec, why := reconcile(&tc.r)
			got := why
			if rec != nil {
				got = fmt.Sprintf("%s baten %d/%d lasten %d/%d %.3f%% %v %s p%d", rec.Verslagsoort, rec.BatenDocument, rec.BatenIv3,
					rec.LastenDocument, rec.LastenIv3, rec.DifferencePct, rec.OK, rec.Table, rec.Page)
			}
			if got != tc.want {
				t.Errorf("reconcile(%s):\ngot  %s\nwant %s", tc.name, got, tc.want)
			}
		})
	}
}

// TestReconcileVerifies checks that the Iv3 reconciliation adds a check per
// total and that Verify marks the two records it used, and only those.
func TestReconcileVerifies(t *testing.T) {
	recap := "Tabel 6.2 - Recapitulatie"
	r := Report{CBSCode: "GM0629", Gemeente: "Wassenaar", DocType: "begroting", Year: 2024, Financial: []Financial{
		total(recap, "Algemene dekkingsmiddelen", RowBaten, "Begroting 2024 baten", 2024, 70_000_000),
		total(recap, "Saldo van baten en lasten", RowBaten, "Begroting 2024 baten", 2024, 85_971_000),
		total(recap, "Saldo van baten en lasten", RowLasten, "Begroting 2024 lasten", 2024, -99_000_000),
	}}
	addReconciliation(&r)
	Verify(&r)
	var got []string
	for _, c := range r.Checks {
		got = append(got, fmt.Sprintf("%s %s %v %v", c.ID, c.Rule, c.OK, c.Covers))
	}
	want := []string{"c1 total = CBS Iv3 true [1]", "c2 total = CBS Iv3 false [2]"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("checks:\ngot  %q\nwant %q", got, want)
	}
	for i, f := range r.Financial {
		if wantV := i == 1; f.Verified != wantV {
			t.Errorf("record %d (%s) verified = %v, want %v", i, f.Row, f.Verified, wantV)
		}
	}
	if r.Reconciliation == nil || r.Reconciliation.OK {
		t.Errorf("reconciliation %+v, want one that fails on lasten", r.Reconciliation)
	}
}
