package vocab

import (
	"strings"
	"testing"
)

// TestRuneSet compares runeSet with strings.ContainsAny, on valid and on
// invalid UTF-8.
func TestRuneSet(t *testing.T) {
	sets := []string{unitSigns + legendSign, "\u212a\u017f", "€", "x", ""}
	texts := []string{
		"", "x", "X 1.000", "bedragen € 1.000", "1 × 2", "Kosten", "\u212aosten", "Baſen", "totaal",
		"\xe2\x82", "\xe2\xe2\x82\xac", "\xc3", "\xc3\x97", "\x82\xac", "\xff€", "a\xe2\x82b", "\xf0\xe2\x82\xac",
	}
	for _, chars := range sets {
		c := newRuneSet(chars)
		for _, s := range texts {
			if got, want := c.in(s), strings.ContainsAny(s, chars); got != want {
				t.Errorf("newRuneSet(%q).in(%q) = %v, strings.ContainsAny gives %v", chars, s, got, want)
			}
		}
	}
}
