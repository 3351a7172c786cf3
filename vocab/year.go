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
