package vocab

import "testing"

func TestStartsCaption(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Tabel 6.2 Reserves", true}, {"Table 1", true}, {"tab. 3", true}, {"Overzicht baten en lasten", true},
		{"Figuur 2", true}, {"Staat van reserves", true}, {"Tabellen", false}, {"Staatssteun", false},
		{"De tabel hieronder", false}, {"", false},
	}
	for _, tt := range tests {
		if got := StartsCaption(tt.in); got != tt.want {
			t.Errorf("StartsCaption(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	for _, w := range captionWords {
		if !StartsCaption(w.word + " 1") {
			t.Errorf("StartsCaption misses %q", w.word)
		}
	}
}

func TestIsPageNumber(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"12", true}, {"- 12 -", true}, {"pagina 12 van 140", true}, {"Blz. 7", true}, {"p. 3", true},
		{"12/140", true}, {"Page 4 of 9", true}, {"2024 begroting", false}, {"12.345", false}, {"12345", false},
		{"Hoofdstuk 2", false}, {"", false},
	}
	for _, tt := range tests {
		if got := IsPageNumber(tt.in); got != tt.want {
			t.Errorf("IsPageNumber(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	for _, w := range pageWords {
		if !IsPageNumber(w.word + " 5") {
			t.Errorf("IsPageNumber misses %q", w.word)
		}
	}
}
