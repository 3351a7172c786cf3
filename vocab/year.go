package vocab

import (
	"strconv"
	"strings"
)

// Report years: the P&C documents begroot reads are digital, so a
// four-digit number outside this range is an amount or a code, not a year.
const (
	firstYear = 1990 // the oldest digital P&C documents
	lastYear  = 2099 // matches YearPattern's 20xx
)

// YearPattern is a regular expression for one report year, to embed in
// patterns that look for a year after a word ("begroting 2024").
const YearPattern = `(?:199\d|20\d\d)`

// IsYear reports whether s is a report year (1990–2099).
func IsYear(s string) bool {
	if len(s) != 4 || !allDigits(s) {
		return false
	}
	y, _ := strconv.Atoi(s)
	return y >= firstYear && y <= lastYear
}

// CutYearNote removes a year in brackets after a value, which says when
// the value was measured: "10 (2022)" gives "10". It reports whether
// there was one; "(2022)" alone gives "", true.
func CutYearNote(s string) (string, bool) {
	s = strings.TrimSpace(s)
	i := strings.LastIndexByte(s, '(')
	if i < 0 || s[len(s)-1] != ')' || !IsYear(strings.TrimSpace(s[i+1:len(s)-1])) {
		return s, false
	}
	return strings.TrimSpace(s[:i]), true
}

// relativeYear is a year counted from the report year T: "T+1", "T-2".
var relativeYear = lazyRE(`\bT\s*([+-])\s*(\d)\b`)

// RelativeYear returns how many years after the report year (T) a column
// label names: "Raming T+1" gives 1, "Realisatie T-2" gives -2. ok is
// false when the label names none.
func RelativeYear(label string) (offset int, ok bool) {
	m := relativeYear().FindStringSubmatch(label)
	if m == nil {
		return 0, false
	}
	offset, _ = strconv.Atoi(m[2])
	if m[1] == "-" {
		offset = -offset
	}
	return offset, true
}
