package vocab

import "testing"

func TestIsQuantity(t *testing.T) {
	tests := []struct {
		label string
		want  bool
	}{
		{"% afwijking", true}, {"Percentage regeling", true}, {"Dekkingspercentage", true},
		{"aantal inwoners", true}, {"Formatie (fte)", true}, {"in procenten", true},
		{"Lasten", false}, {"Begroting 2024", false}, {"Verschil", false}, {"Aantallen", true},
		{"Afte", false}, {"CAO-ontwikkeling 2024 (van 2% naar 4%)", false}, {"Structurele exploitatieruimte %", true}, {"Percentage regeling (in %)", true}, {"", false},
	}
	for _, tt := range tests {
		if got := IsQuantity(tt.label); got != tt.want {
			t.Errorf("IsQuantity(%q) = %v, want %v", tt.label, got, tt.want)
		}
	}
	for _, w := range quantityWords {
		if !IsQuantity(w.example) {
			t.Errorf("IsQuantity misses its example %q", w.example)
		}
	}
}
