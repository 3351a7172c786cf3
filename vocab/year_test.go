package vocab

import "testing"

func TestYear(t *testing.T) {
	tests := []struct {
		in   string
		year bool
	}{
		{"2024", true}, {"1990", true}, {"2099", true}, {"1989", false}, {"1950", false},
		{"2100", false}, {"202", false}, {"20245", false}, {"2.024", false}, {"", false},
	}
	for _, tt := range tests {
		if got := IsYear(tt.in); got != tt.year {
			t.Errorf("IsYear(%q) = %v, want %v", tt.in, got, tt.year)
		}
	}
}

func TestCutYearNote(t *testing.T) {
	tests := []struct {
		in, rest string
		ok       bool
	}{
		{"10 (2022)", "10", true}, {"1,6 % ( 2023 )", "1,6 %", true}, {"(2022)", "", true},
		{"10", "10", false}, {"(1.655)", "(1.655)", false}, {"10 (1850)", "10 (1850)", false}, {"", "", false},
	}
	for _, tt := range tests {
		if rest, ok := CutYearNote(tt.in); rest != tt.rest || ok != tt.ok {
			t.Errorf("CutYearNote(%q) = %q, %v; want %q, %v", tt.in, rest, ok, tt.rest, tt.ok)
		}
	}
}

func TestRelativeYear(t *testing.T) {
	tests := []struct {
		label  string
		offset int
		ok     bool
	}{
		{"Raming T+1", 1, true}, {"Realisatie T-2", -2, true}, {"T + 3", 3, true},
		{"Begroting 2024", 0, false}, {"Totaal+1", 0, false}, {"", 0, false},
	}
	for _, tt := range tests {
		if offset, ok := RelativeYear(tt.label); offset != tt.offset || ok != tt.ok {
			t.Errorf("RelativeYear(%q) = %d, %v; want %d, %v", tt.label, offset, ok, tt.offset, tt.ok)
		}
	}
}
