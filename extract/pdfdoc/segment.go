package pdfdoc

import (
	"regexp"
	"strings"
	"unicode"
)

// seg is a phrase of a line: words without a wide gap between them, or a
// single number. Segments are the candidate cells of a table row.
type seg struct {
	words   []word
	text    string
	x0, x1  float64
	numeric bool // a number or a printed "no value" marker
	blank   bool // the marker only ("-", "p.m.")
	year    bool // a bare year such as 2024
	unit    bool // a unit label or a sign legend, not a column heading
}

func (s *seg) center() float64 { return (s.x0 + s.x1) / 2 }

var (
	// numberWord matches one Dutch number as printed in a table: 33.955,
	// -1.655, (1.655), 7,1, 12%, 1.000,- and a leading euro sign.
	numberWord = regexp.MustCompile(`^[+\-−–]?\(?[+\-−–]?€?[+\-−–]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?(,-{1,2})?\)?%?\)?$`)
	yearWord   = regexp.MustCompile(`^(19|20)\d\d$`)
	// parenYear is the year annotation of an indicator value: 10 (2022).
	parenYear = regexp.MustCompile(`^\((19|20)\d\d\)$`)
	// amount is a number with a thousands dot or a decimal comma.
	amount = regexp.MustCompile(`\d\.\d{3}|\d,\d`)
	// unitLabel matches the scale or sign legends printed with financial
	// tables: "bedragen x € 1.000", "(x € 1.000)", "€ '000", "€ x 1.000",
	// `("-" = nadeel / "+" = voordeel)`.
	unitLabel = regexp.MustCompile(`(?i)(bedragen|x\s*€|€\s*x|€\s*'\s*000|€\s*1\.000|x\s*1\.000|=\s*"?\s*(nadeel|voordeel|nadelig|voordelig))`)
)

var blankWords = map[string]bool{
	"-": true, "–": true, "—": true, "−": true, "--": true,
	"p.m.": true, "pm": true, "PM": true, "p.m": true, "n.v.t.": true, "nvt": true, "n.v.t": true,
}

func isNumberWord(s string) bool { return blankWords[s] || numberWord.MatchString(s) }

// segments splits a line into cells: at gaps wider than cellGap, and
// between two numbers however close (adjacent amount columns in Word
// tables can be less than an em apart). An indicator value with its year,
// "10 (2022)", and a number with its euro sign stay one cell.
func segments(l *line) []seg {
	var out []seg
	start := 0
	for i := 1; i <= len(l.words); i++ {
		if i < len(l.words) && !splitBefore(l.words[start:i], l.words[i]) {
			continue
		}
		out = append(out, newSeg(l.words[start:i]))
		start = i
	}
	return out
}

// splitBefore reports whether word w starts a new cell after the words of
// the current one.
func splitBefore(cur []word, w word) bool {
	prev := cur[len(cur)-1]
	if w.x0-prev.x1 >= cellGap*max(prev.size, w.size) {
		return true
	}
	for _, c := range cur {
		if !isNumberWord(c.text) {
			return false // "in de leeftijd 15 – 64" is one cell
		}
	}
	if r, _ := firstRune(w.text); unicode.IsUpper(r) && len(cur) == 1 && amount.MatchString(prev.text) {
		return true // "126.993 Project wordt …": an amount, then a remark
	}
	switch {
	case parenYear.MatchString(w.text):
		return false
	case isNumberWord(w.text) || w.text == "€":
		return true
	}
	return false
}

func newSeg(ws []word) seg {
	s := seg{words: ws, x0: ws[0].x0, x1: ws[0].x1}
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.text
		s.x1 = max(s.x1, w.x1)
	}
	s.text = strings.Join(parts, " ")
	s.numeric = isNumberCell(parts)
	s.blank = len(parts) == 1 && blankWords[parts[0]]
	s.year = len(parts) == 1 && yearWord.MatchString(parts[0])
	s.unit = !s.numeric && unitLabel.MatchString(s.text)
	return s
}

// isNumberCell reports whether the words of a cell print one value: a
// number, optionally with "€" before it and "%" or a year in parentheses,
// or both, after it ("1,6 % (2023)").
func isNumberCell(parts []string) bool {
	if len(parts) > 0 && parts[0] == "€" {
		parts = parts[1:]
	}
	if n := len(parts); n > 1 && parenYear.MatchString(parts[n-1]) {
		parts = parts[:n-1]
	}
	if n := len(parts); n > 1 && parts[n-1] == "%" {
		parts = parts[:n-1]
	}
	return len(parts) == 1 && isNumberWord(parts[0])
}
