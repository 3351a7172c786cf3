package vocab

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Number is a parsed cell.
type Number struct {
	Value   float64 // the number as printed: 33955 for "33.955", 7.1 for "7,1", 4.65 for "€ 4,65 miljoen"
	Nil     bool    // a printed marker of no value: "-", "nnb", "n.v.t."; Value is 0
	Percent bool    // followed by "%"
	Euro    bool    // carries "€" or "euro"
	Scale   float64 // multiplier printed with the number ("miljoen" 1e6, "mld" 1e9, "duizend" 1e3); 1 otherwise
	Point   bool    // a decimal point ("7.1"), which also reads as a section or taakveld number
	Marked  bool    // a thousands dot or a decimal comma ("33.955", "7,1"), as amounts print
}

// Scaled is Value times Scale.
func (n Number) Scaled() float64 { return n.Value * n.Scale }

// nilMarkers are what a table prints in a cell without a value, in lower
// case. A symbol marker also has another meaning in running text, so it
// counts only when it fills a cell on its own.
var nilMarkers = []struct {
	forms   []string
	symbol  bool
	meaning string
}{
	{[]string{"-", "–", "—", "−", "--"}, false, "no amount (a dash)"},
	{[]string{"nnb", "n.n.b.", "n.n.b", "nb", "n.b."}, false, "nog niet bekend: not yet known"},
	{[]string{"nvt", "n.v.t.", "n.v.t"}, false, "niet van toepassing: not applicable"},
	{[]string{"ntb", "n.t.b.", "n.t.b"}, false, "nog te bepalen: still to be determined"},
	{[]string{"pm", "p.m.", "p.m"}, false, "pro memorie: the amount is not yet known"},
	{[]string{"x"}, true, "figure withheld or not applicable; also the multiplication sign of \"x € 1.000\""},
	{[]string{"*"}, true, "provisional figure; also a footnote mark"},
}

// nilForms maps each nil marker form to whether it is a symbol.
var nilForms = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range nilMarkers {
		for _, f := range n.forms {
			m[f] = n.symbol
		}
	}
	return m
}()

// scaleWords follow a number or close a unit label and multiply it. A
// one-letter word may be glued to the number ("12m"); longer ones stand
// apart ("4,65 miljoen").
var scaleWords = []struct {
	word    string
	scale   int64
	meaning string
}{
	{"miljard", 1e9, "billion"}, {"mld", 1e9, "miljard"}, {"mrd", 1e9, "miljard"},
	{"miljoen", 1e6, "million"}, {"mln", 1e6, "miljoen"}, {"mio", 1e6, "miljoen"}, {"m", 1e6, "miljoen, glued to the number"},
	{"duizend", 1e3, "thousand"}, {"dzd", 1e3, "duizend"}, {"k", 1e3, "duizend, glued to the number"},
}

// Parse reads s as one number. It reports false when s is not a number
// (text, several numbers, a date).
func Parse(s string) (Number, bool) {
	n := Number{Scale: 1}
	s = strings.TrimSpace(strings.Map(normalizeRune, s))
	if s == "" {
		return n, false
	}
	if isNilForm(s) {
		n.Nil = true
		return n, true
	}
	if !hasDigit(s) {
		return n, false // every number has a digit: the words of running text end here
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
		n.Scale = float64(w.scale)
		s = strings.TrimSpace(t)
		break
	}
	if strings.HasPrefix(s, "-") && !neg {
		neg = true
		s = strings.TrimSpace(s[1:])
	}
	v, point, ok := parseDigits(s)
	if !ok {
		return Number{Scale: 1}, false
	}
	n.Point = point
	n.Marked = !point && strings.ContainsAny(s, ".,")
	if neg {
		v = -v
	}
	n.Value = v
	return n, true
}

// maxNilRunes is the length in runes of the longest nil marker form:
// strings.ToLower maps rune to rune, so a longer text is none.
var maxNilRunes = func() int {
	n := 0
	for f := range nilForms {
		n = max(n, utf8.RuneCountInString(f))
	}
	return n
}()

// isNilForm reports whether s, normalised and trimmed, is a nil marker
// form in any case.
func isNilForm(s string) bool {
	if utf8.RuneCountInString(s) > maxNilRunes {
		return false
	}
	_, ok := nilForms[strings.ToLower(s)]
	return ok
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
func parseDigits(s string) (v float64, point, ok bool) {
	if s == "" {
		return 0, false, false
	}
	s = strings.ReplaceAll(s, " ", "")
	intPart, frac, hasComma := strings.Cut(s, ",")
	if hasComma && (frac == "" || !allDigits(frac)) {
		return 0, false, false
	}
	first, rest, grouped := strings.Cut(intPart, ".")
	if grouped && !hasComma && !strings.Contains(rest, ".") && len(rest) != 3 && len(rest) > 0 && allDigits(rest) {
		// "7.1": decimal point.
		if !allDigits(first) || first == "" {
			return 0, false, false
		}
		v, err := strconv.ParseFloat(intPart, 64)
		return v, true, err == nil
	}
	if !allDigits(first) || first == "" || grouped && len(first) > 3 {
		return 0, false, false
	}
	// The digits without the thousands dots, with a decimal point for the
	// comma: on the stack for the usual lengths.
	var stack [maxStackDigits]byte
	digits := append(stack[:0], first...)
	for grouped {
		var g string
		g, rest, grouped = strings.Cut(rest, ".")
		if len(g) != 3 || !allDigits(g) {
			return 0, false, false
		}
		digits = append(digits, g...)
	}
	if hasComma {
		digits = append(append(digits, '.'), frac...)
	}
	v, err := strconv.ParseFloat(string(digits), 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, false, false
	}
	return v, false, true
}

// maxStackDigits is the length of number text parseDigits assembles
// without allocating; amounts in reports have at most 15 digits.
const maxStackDigits = 32

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
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

// IsNil reports whether s is a printed marker of no value: "-", "nnb",
// "n.v.t.", "p.m.", "x".
func IsNil(s string) bool {
	n, ok := Parse(s)
	return ok && n.Nil
}

// IsToken reports whether one word of a line, before it is known to fill a
// cell on its own, prints a value: a number without a decimal point or a
// scale word glued to it (so "7.1" and "12m" stay text), or a nil marker
// that is not a symbol (so the "x" of "x € 1.000" stays text).
func IsToken(s string) bool {
	n, ok := Parse(s)
	if !ok {
		return false
	}
	if n.Nil {
		return !nilForms[strings.ToLower(strings.TrimSpace(strings.Map(normalizeRune, s)))]
	}
	return !n.Point && n.Scale == 1
}

// splitDigits matches digits parted by a space inside one printed number,
// "11.9 66": a text layer that split or merged a cell.
var splitDigits = lazyRE(`\d[.,]?\d*\s+\d`)

// HasSplitDigits reports whether raw, one cell as printed, holds digits
// parted by a space: not a well-formed amount.
func HasSplitDigits(raw string) bool { return splitDigits().MatchString(strings.TrimSpace(raw)) }

// hasDigit reports whether s holds an ASCII digit.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}
