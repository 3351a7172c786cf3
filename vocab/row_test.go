package vocab

import "testing"

func TestIsRow(t *testing.T) {
	tests := []struct {
		label string
		kinds []RowKind // every kind the label holds a word of
	}{
		{"Baten", []RowKind{Baten}},
		{"Totaal baten", []RowKind{Baten, Totaal}},
		{"Subtotaal lasten", []RowKind{Lasten, Totaal}},
		{"Opbrengsten uit leges", []RowKind{Baten}},
		{"Kosten", []RowKind{Lasten}},
		{"Saldo van baten en lasten", []RowKind{Baten, Lasten, Saldo}},
		{"Toevoeging aan reserves", []RowKind{Reserve, Toevoeging}},
		{"Onttrekking aan reserves", []RowKind{Reserve, Onttrekking}},
		{"Mutaties reserves", []RowKind{Reserve, Mutatie}},
		{"Gerealiseerd resultaat", []RowKind{Resultaat}},
		{"Batenverhoging", nil},
		{"Onderwijs", nil},
	}
	all := []RowKind{Baten, Lasten, Saldo, Reserve, Toevoeging, Onttrekking, Mutatie, Resultaat, Totaal}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			for _, k := range all {
				want := false
				for _, w := range tt.kinds {
					want = want || w == k
				}
				if got := IsRow(k, tt.label); got != want {
					t.Errorf("IsRow(%d, %q) = %v, want %v", k, tt.label, got, want)
				}
			}
		})
	}
	for _, w := range rowWords {
		if !IsRow(w.kind, w.example) {
			t.Errorf("IsRow(%d, %q) = false for the table's own example", w.kind, w.example)
		}
	}
}
