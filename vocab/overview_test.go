package vocab

import "testing"

func TestIsOverviewTitle(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"Tabel 6.2 Recapitulatie", true}, {"Overzicht van baten en lasten", true},
		{"Financiën\nOverzicht baten en lasten in de jaarrekening", true},
		{"Baten en lasten P1 Veiligheid", false}, {"Overzicht van de lasten", false}, {"", false},
	}
	for _, tt := range tests {
		if got := IsOverviewTitle(tt.s); got != tt.want {
			t.Errorf("IsOverviewTitle(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
	for _, w := range overviewTitles {
		if !IsOverviewTitle(w.example) {
			t.Errorf("IsOverviewTitle misses its example %q", w.example)
		}
	}
}

func TestIsOverviewRow(t *testing.T) {
	tests := []struct {
		label string
		want  bool
	}{
		{"Algemene dekkingsmiddelen", true}, {"Overhead", true}, {"Onvoorzien incidenteel", true},
		{"Overheadkosten", false}, {"Totaal overhead", false}, {"Lasten", false}, {"", false},
	}
	for _, tt := range tests {
		if got := IsOverviewRow(tt.label); got != tt.want {
			t.Errorf("IsOverviewRow(%q) = %v, want %v", tt.label, got, tt.want)
		}
	}
	for _, w := range overviewRows {
		if !IsOverviewRow(w.word) {
			t.Errorf("IsOverviewRow misses its word %q", w.word)
		}
	}
}

func TestCutNavLine(t *testing.T) {
	tests := []struct {
		line, want string
		ok         bool
	}{
		{"Terug naar navigatie - Programma 1 Veiligheid", "Programma 1 Veiligheid", true},
		{"terug naar de navigatie: Paragrafen", "Paragrafen", true},
		{"Terug naar navigatie – Financiën", "Financiën", true},
		{"Terug naar navigatie", "", false},
		{"Terug naar boven - Programma 1", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		if got, ok := CutNavLine(tt.line); got != tt.want || ok != tt.ok {
			t.Errorf("CutNavLine(%q) = %q, %v; want %q, %v", tt.line, got, ok, tt.want, tt.ok)
		}
	}
	for _, w := range navLines {
		if _, ok := CutNavLine(w.example); !ok {
			t.Errorf("CutNavLine misses its example %q", w.example)
		}
	}
}
