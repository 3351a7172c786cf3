package vocab

import "testing"

func TestIsIndicatorRole(t *testing.T) {
	tests := []struct {
		label string
		role  IndicatorRole // the first role, in table order, whose words the label holds where they must be
	}{
		{"Nr.", RoleCode}, {"Code", RoleCode}, {"#", RoleCode},
		{"Taakveld", RoleTaakveld}, {"Taakveld 0.1", RoleTaakveld},
		{"Eenheid", RoleUnit}, {"Meeteenheid", RoleUnit},
		{"Bron", RoleSource}, {"Bronnen", RoleSource},
		{"Peildatum", RoleSkip}, {"Trend", RoleSkip},
		{"Naam indicator", RoleName}, {"Indicatoren", RoleName}, {"Omschrijving", RoleName}, {"Prestatie", RoleName},
		{"Definitie", RoleDescription}, {"Toelichting op de indicator", RoleName}, {"Korte omschrijving", RoleDescription},
		{"Streefwaarde 2025", RoleValue}, {"Realisatie 2023", RoleValue},
		{"Nr. en naam", 0}, {"2024", 0},
	}
	roles := []IndicatorRole{RoleCode, RoleTaakveld, RoleUnit, RoleSource, RoleSkip, RoleName, RoleDescription, RoleValue}
	for _, tt := range tests {
		var got IndicatorRole
		for _, r := range roles {
			if IsIndicatorRole(r, tt.label) {
				got = r
				break
			}
		}
		if got != tt.role {
			t.Errorf("first role of %q = %d, want %d", tt.label, got, tt.role)
		}
	}
}

func TestIndicatorWords(t *testing.T) {
	tests := []struct {
		text                       string
		header, hint, title, activ bool
	}{
		{"Indicator", true, true, false, false},
		{"Kengetallen", true, true, true, false},
		{"Beleidsindicatoren", false, true, true, false},
		{"Streefwaarde", true, true, false, false},
		{"Meetbaar resultaat", true, true, false, false},
		{"Eenheid", true, false, false, false},
		{"Activiteiten", false, false, false, true},
		{"Status", false, false, false, true},
		{"Wat gaan we doen?", false, false, false, false},
	}
	for _, tt := range tests {
		if got := HasIndicatorWord(tt.text); got != tt.header {
			t.Errorf("HasIndicatorWord(%q) = %v, want %v", tt.text, got, tt.header)
		}
		if got := IsIndicatorHint(tt.text); got != tt.hint {
			t.Errorf("IsIndicatorHint(%q) = %v, want %v", tt.text, got, tt.hint)
		}
		if got := IsIndicatorTitle(tt.text); got != tt.title {
			t.Errorf("IsIndicatorTitle(%q) = %v, want %v", tt.text, got, tt.title)
		}
		if got := HasActivityWord(tt.text); got != tt.activ {
			t.Errorf("HasActivityWord(%q) = %v, want %v", tt.text, got, tt.activ)
		}
	}
	for _, w := range indicatorTitles {
		if !IsIndicatorTitle(w.word) {
			t.Errorf("IsIndicatorTitle(%q) = false for the table's own word", w.word)
		}
	}
}

func TestIsMarker(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"<0", true}, {"> 5", true}, {"n.v.t.", true}, {"behaald", true}, {"Te behalen", true}, {">= 95%", true},
		{"Behaald in 2024", false}, {"12", false}, {"Banen", false}, {"", false},
	}
	for _, tt := range tests {
		if got := IsMarker(tt.in); got != tt.want {
			t.Errorf("IsMarker(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	for _, m := range statusMarkers {
		if !IsMarker(m.word) {
			t.Errorf("IsMarker misses %q", m.word)
		}
	}
}

// TestIsBand: norm bands of comparison bounds are notes, single numbers
// and other text are not bands.
func TestIsBand(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"<50 / >30", true},
		{">100 / <130", true},
		{"0 <0", true},
		{"< 90", true},
		{"≥ 0,6", true},
		{"20 / 40", true},
		{"<5%", true},
		{"-10", false},
		{"66", false},
		{"6,0% 5,9%", false},
		{"Geen norm", false},
		{"<", false},
		{"n.v.t.", false},
		{"> n.v.t.", false},
	}
	for _, tt := range tests {
		if got := IsBand(tt.in); got != tt.want {
			t.Errorf("IsBand(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
