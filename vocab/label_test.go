package vocab

import "testing"

func TestLabel(t *testing.T) {
	tests := []struct {
		label      string
		numbering  string // CutNumbering
		booking    string // CutBooking
		adjustment bool
		breakdown  bool
		announces  bool
	}{
		{"2. Totaal onttrekking/toevoeging reserves", "Totaal onttrekking/toevoeging reserves", "2. Totaal onttrekking/toevoeging reserves", false, false, false},
		{"II. subtotaal doelen", "subtotaal doelen", "II. subtotaal doelen", false, false, false},
		{"I subtotaal Technische wijzigingen", "subtotaal Technische wijzigingen", "I subtotaal Technische wijzigingen", false, false, false},
		{"6.81b Maatschappelijke opvang", "Maatschappelijke opvang", "6.81b Maatschappelijke opvang", false, false, false},
		{"c) Rente", "Rente", "c) Rente", false, false, false},
		{"Budgetoverhevelingen ten laste van het resultaat", "Budgetoverhevelingen ten laste van het resultaat", "Budgetoverhevelingen", false, false, false},
		{"Storting t.g.v. de algemene reserve", "Storting t.g.v. de algemene reserve", "Storting", false, false, false},
		{"Af: Incidentele baten", "Af: Incidentele baten", "Af: Incidentele baten", true, false, false},
		{"Bij: Incidentele lasten", "Bij: Incidentele lasten", "Bij: Incidentele lasten", true, false, false},
		{"Af/Bij: Incidentele reservemutaties", "Af/Bij: Incidentele reservemutaties", "Af/Bij: Incidentele reservemutaties", true, false, false},
		{"waarvan Structureel", "waarvan Structureel", "waarvan Structureel", false, true, false},
		{"Saldo van baten en lasten waarvan t.l.v.:", "Saldo van baten en lasten waarvan t.l.v.:", "Saldo van baten en lasten waarvan", false, false, true},
		{"Bijdrage aan de reserve", "Bijdrage aan de reserve", "Bijdrage aan de reserve", false, false, false},
		{"2024", "2024", "2024", false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			if got := CutNumbering(tt.label); got != tt.numbering {
				t.Errorf("CutNumbering(%q) = %q, want %q", tt.label, got, tt.numbering)
			}
			if got := CutBooking(tt.label); got != tt.booking {
				t.Errorf("CutBooking(%q) = %q, want %q", tt.label, got, tt.booking)
			}
			if got := HasLead(Adjustment, tt.label); got != tt.adjustment {
				t.Errorf("HasLead(Adjustment, %q) = %v, want %v", tt.label, got, tt.adjustment)
			}
			if got := HasLead(Breakdown, tt.label); got != tt.breakdown {
				t.Errorf("HasLead(Breakdown, %q) = %v, want %v", tt.label, got, tt.breakdown)
			}
			if got := AnnouncesBreakdown(tt.label); got != tt.announces {
				t.Errorf("AnnouncesBreakdown(%q) = %v, want %v", tt.label, got, tt.announces)
			}
		})
	}
	for _, l := range labelLeads {
		if !HasLead(l.lead, l.example) {
			t.Errorf("HasLead(%d, %q) = false for the table's own example", l.lead, l.example)
		}
	}
	for _, b := range bookingPhrases {
		if got := CutBooking("Storting " + b.example + " de reserve"); got != "Storting" {
			t.Errorf("CutBooking with the table's own example %q = %q", b.example, got)
		}
	}
}

func TestHasSplitDigits(t *testing.T) {
	for raw, want := range map[string]bool{
		"11.9 66": true, "37.4 8 6": true, "74 .14 6": true,
		"11.966": false, "- 1.655": false, "€ 4,65 miljoen": false, "-": false, "(1.655)": false,
	} {
		if got := HasSplitDigits(raw); got != want {
			t.Errorf("HasSplitDigits(%q) = %v, want %v", raw, got, want)
		}
	}
}

func TestIsRowWord(t *testing.T) {
	for _, tt := range []struct {
		kind RowKind
		word string
		want bool
	}{
		{Lasten, "lasten", true}, {Lasten, "Kosten", true}, {Baten, "inkomsten", true},
		{Lasten, "exploitatielasten", false}, {Baten, "lasten", false},
	} {
		if got := IsRowWord(tt.kind, tt.word); got != tt.want {
			t.Errorf("IsRowWord(%d, %q) = %v, want %v", tt.kind, tt.word, got, tt.want)
		}
	}
}
