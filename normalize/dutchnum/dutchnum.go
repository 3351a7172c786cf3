// Package dutchnum parses numbers as Dutch reports print them: "33.955"
// (thousands grouped with dots), "-1.655", "− 1.655" and "(1.655)" (negative),
// "7,1" (decimal comma), "50,60 %", "€ 4,65 miljoen", "€4.486.000", and the
// markers of a missing value ("-", "nnb", "n.v.t.", "p.m.").
//
// It sits below both the recognisers (which ask "is this cell a number?")
// and the normaliser (which scales amounts to whole euros), and imports
// nothing from the project.
package dutchnum

import (
	"math"
	"strconv"
	"strings"
)

// Number is a parsed cell.
type Number struct {
	Value   float64 // the number as printed: 33955 for "33.955", 7.1 for "7,1", 4.65 for "€ 4,65 miljoen"
	Nil     bool    // a printed marker of no value: "-", "nnb", "n.v.t."; Value is 0
	Percent bool    // followed by "%"
	Euro    bool    // carries "€" or "euro"
	Scale   float64 // multiplier printed with the number ("miljoen" 1e6, "mld" 1e9, "duizend" 1e3); 1 otherwise
}

// Scaled is Value times Scale.
func (n Number) Scaled() float64 { return n.Value * n.Scale }

var nilWords = map[string]bool{
	"-": true, "–": true, "—": true, "−": true, "--": true,
	"nnb": true, "n.n.b.": true, "n.n.b": true, "nb": true, "n.b.": true,
	"nvt": true, "n.v.t.": true, "n.v.t": true, "n.t.b.": true, "ntb": true,
	"pm": true, "p.m.": true, "p.m": true, "x": true, "*": true,
}

var scaleWords = []struct {
	word  string
	scale float64
}{
	{"miljard", 1e9}, {"mld", 1e9}, {"mrd", 1e9},
	{"miljoen", 1e6}, {"mln", 1e6}, {"mio", 1e6}, {"m", 1e6},
	{"duizend", 1e3}, {"dzd", 1e3}, {"k", 1e3},
}

// Parse reads s as one number. It reports false when s is not a number
// (text, several numbers, a date).
func Parse(s string) (Number, bool) {
	n := Number{Scale: 1}
	s = strings.TrimSpace(strings.Map(normalizeRune, s))
	if s == "" {
		return n, false
	}
	if nilWords[strings.ToLower(s)] {
		n.Nil = true
		return n, true
	}
	neg := false
	// Parentheses around the whole value mean negative: "(1.655)".
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		neg = true
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	lower := strings.ToLower(s)
	if strings.HasPrefix(lower, "€") || strings.HasPrefix(lower, "eur ") {
		n.Euro = true
	}
	// Sign before or after the currency: "-€ 5.382", "- € 5.382", "€ -5.382".
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(s, "€"), "EUR "))
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		neg = neg != (s[0] == '-')
		s = strings.TrimSpace(s[1:])
		if strings.HasPrefix(s, "€") {
			n.Euro = true
			s = strings.TrimSpace(s[len("€"):])
		}
	}
	s = strings.TrimSuffix(s, ",-")
	s = strings.TrimSuffix(s, ",--")
	// Trailing unit: "%", "euro", a scale word.
	if t, ok := cutSuffixFold(s, "%"); ok {
		n.Percent = true
		s = strings.TrimSpace(t)
	}
	if t, ok := cutSuffixFold(s, "euro"); ok && t != s {
		n.Euro = true
		s = strings.TrimSpace(t)
	}
	for _, w := range scaleWords {
		t, ok := cutSuffixFold(s, w.word)
		if !ok || t == "" {
			continue
		}
		// A scale word must stand apart ("4,65 miljoen", "4,6 mln", "12m" only for m/k).
		if last := rune(t[len(t)-1]); last != ' ' && len(w.word) > 1 {
			continue
		}
		n.Scale = w.scale
		s = strings.TrimSpace(t)
		break
	}
	if strings.HasPrefix(s, "-") && !neg {
		neg = true
		s = strings.TrimSpace(s[1:])
	}
	v, ok := parseDigits(s)
	if !ok {
		return Number{Scale: 1}, false
	}
	if neg {
		v = -v
	}
	n.Value = v
	return n, true
}

// normalizeRune maps the minus and space look-alikes used in reports.
func normalizeRune(r rune) rune {
	switch r {
	case '−', '–', '‒', '﹣', '－':
		return '-'
	case '\u00a0', '\u2007', '\u202f', '\u2009':
		return ' '
	case '’', '\'':
		return '\''
	}
	return r
}

func cutSuffixFold(s, suffix string) (string, bool) {
	if len(s) < len(suffix) || !strings.EqualFold(s[len(s)-len(suffix):], suffix) {
		return s, false
	}
	return s[:len(s)-len(suffix)], true
}

// parseDigits reads "33.955", "1.234,5", "7,1", "4486000", "0,6". Dots group
// thousands (each group exactly three digits); a comma is the decimal mark.
// A single dot followed by one or two digits is read as a decimal point, as
// some tables print "7.1".
func parseDigits(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	s = strings.ReplaceAll(s, " ", "")
	intPart, frac, hasComma := strings.Cut(s, ",")
	if hasComma && (frac == "" || !allDigits(frac)) {
		return 0, false
	}
	groups := strings.Split(intPart, ".")
	if len(groups) == 2 && !hasComma && len(groups[1]) != 3 && len(groups[1]) > 0 && allDigits(groups[1]) {
		// "7.1": decimal point.
		if !allDigits(groups[0]) || groups[0] == "" {
			return 0, false
		}
		v, err := strconv.ParseFloat(groups[0]+"."+groups[1], 64)
		return v, err == nil
	}
	for i, g := range groups {
		if !allDigits(g) || g == "" {
			return 0, false
		}
		if i == 0 && len(groups) > 1 && len(g) > 3 {
			return 0, false
		}
		if i > 0 && len(g) != 3 {
			return 0, false
		}
	}
	digits := strings.Join(groups, "")
	if hasComma {
		digits += "." + frac
	}
	v, err := strconv.ParseFloat(digits, 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// IsYear reports whether s is a plausible report year (1990–2099).
func IsYear(s string) bool {
	if len(s) != 4 || !allDigits(s) {
		return false
	}
	y, _ := strconv.Atoi(s)
	return y >= 1990 && y <= 2099
}

// Format prints v the Dutch way with the given number of decimals:
// Format(-1655, 0) is "-1.655", Format(7.1, 1) is "7,1".
func Format(v float64, decimals int) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if v < 0 && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// IsNumber reports whether s is a number (not a nil marker such as "-").
func IsNumber(s string) bool {
	n, ok := Parse(s)
	return ok && !n.Nil
}

// IsValue reports whether s is a number or a nil marker: what a table
// prints in a value cell.
func IsValue(s string) bool {
	_, ok := Parse(s)
	return ok
}
