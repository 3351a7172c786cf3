package vocab

import "testing"

func TestIsProbability(t *testing.T) {
	tests := []struct {
		label string
		want  bool
	}{
		{"Kans", true},
		{"(K) kans", true},
		{"Kans op voor- doen", true},
		{" Waarschijnlijkheid", true},
		{"Bedrag x kans", false},
		{"Kansspelbelasting", false},
		{"Impact", false},
		{"Risico (R) (KxE)", false},
		{"", false},
	}
	for _, tc := range tests {
		if got := IsProbability(tc.label); got != tc.want {
			t.Errorf("IsProbability(%q) = %v, want %v", tc.label, got, tc.want)
		}
	}
}
