package vocab

import "testing"

func TestIsColumn(t *testing.T) {
	tests := []struct {
		label string
		kind  ColumnKind // the first kind, in table order, the label holds a word of
	}{
		{"Verschil realisatie versus begroting", Verschil},
		{"Begroting na wijziging 2024", Wijziging},
		{"Begr. na wijz.", Wijziging},
		{"Primitieve begroting 2024", Primitief},
		{"Prim. begr. 2024", Primitief},
		{"Realisatie 2023", Realisatie},
		{"Real. 2023", Realisatie},
		{"Rek. 2022", Realisatie},
		{"Jaarrekening 2022", Realisatie},
		{"Meerjarenraming 2026", Meerjaren},
		{"Raming 2027", Meerjaren},
		{"Begroting 2024", Begroting},
		{"Begr. 2024", Begroting},
		{"Prognose", Heading},
		{"2024", 0},
		{"Omschrijving", 0},
	}
	kinds := []ColumnKind{Verschil, Wijziging, Primitief, Realisatie, Meerjaren, Begroting, ReportYear, Heading}
	for _, tt := range tests {
		var got ColumnKind
		for _, k := range kinds {
			if IsColumn(k, tt.label) {
				got = k
				break
			}
		}
		if got != tt.kind {
			t.Errorf("first column kind of %q = %d, want %d", tt.label, got, tt.kind)
		}
	}
	for _, w := range columnWords {
		for _, h := range w.heads {
			if !IsColumn(w.kind, h) || !StartsColumn(h) {
				t.Errorf("head %q: IsColumn(%d) = %v, StartsColumn = %v; want both true", h, w.kind, IsColumn(w.kind, h), StartsColumn(h))
			}
		}
	}
}

func TestStartsColumn(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"Realisatie", true}, {"Begr.", true}, {"Baten", true}, {"Saldo", true}, {"Waarde", true},
		{"realisatie", false}, {"versus", false}, {"2024", false}, {"", false},
	}
	for _, tt := range tests {
		if got := StartsColumn(tt.word); got != tt.want {
			t.Errorf("StartsColumn(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}
