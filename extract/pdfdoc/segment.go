package pdfdoc

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/begroot/begroot/vocab"
)

// seg is a phrase of a line: words without a wide gap between them, or a
// single number. Segments are the candidate cells of a table row.
type seg struct {
	words   []word
	text    string
	x0, x1  float64
	numeric bool   // a number or a printed "no value" marker
	blank   bool   // the marker only ("-", "p.m.")
	year    bool   // a bare year such as 2024
	unit    bool   // a unit label or a sign legend, not a column heading
	measure string // the unit word of a number followed by one ("kg" of "205 kg")
}

func (s *seg) center() float64 { return (s.x0 + s.x1) / 2 }

// isNumberWord reports whether a word prints one value: a Dutch number or
// a "no value" marker (vocab.IsToken).
func isNumberWord(s string) bool { return vocab.IsToken(s) }

// isAmount: a number with a thousands dot or a decimal comma.
func isAmount(s string) bool {
	n, ok := vocab.Parse(s)
	return ok && n.Marked
}

// isParenYear: the year annotation of an indicator value, the "(2022)" of
// "10 (2022)".
func isParenYear(s string) bool {
	rest, ok := vocab.CutYearNote(s)
	return ok && rest == ""
}

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
	if !numbersOnlyWords(cur) {
		return false // "in de leeftijd 15 – 64" is one cell
	}
	if r, _ := firstRune(w.text); unicode.IsUpper(r) && len(cur) == 1 && isAmount(prev.text) {
		return true // "126.993 Project wordt …": an amount, then a remark
	}
	switch {
	case isParenYear(w.text), signOf(cur, w):
		return false
	case isNumberWord(w.text) || w.text == "€":
		return true
	}
	return false
}

// signOf reports whether the cell so far is a lone minus sign set closer
// than a space before number w, which has no sign of its own: the sign of
// w drawn apart ("- 4.127"), not a "no value" dash of the column before.
func signOf(cur []word, w word) bool {
	return len(cur) == 1 && isMinus(cur[0].text) && startsDigit(w.text) && w.x0-cur[0].x1 < spaceWidth*w.size
}

// isMinus reports whether s is a minus sign alone.
func isMinus(s string) bool {
	return utf8.RuneCountInString(s) == 1 && strings.ContainsAny(s, "-–−")
}

func startsDigit(s string) bool {
	r, _ := firstRune(s)
	return unicode.IsDigit(r)
}

// numbersOnlyWords reports whether the words of a cell so far are number
// words, or one value with its signs and year note ("44,2% (2022)", "12,5
// % (2022)"): a number after them starts the next cell, however close.
func numbersOnlyWords(ws []word) bool {
	all := true
	for _, w := range ws {
		if !isNumberWord(w.text) {
			all = false
			break
		}
	}
	if all {
		return true
	}
	// segments asks for every word of a line: no more than a cell of one
	// value has, and on the stack, or a line of text costs its square.
	if len(ws) > maxValueWords {
		return false
	}
	var buf [maxValueWords]string
	parts := buf[:len(ws)]
	for i, w := range ws {
		parts[i] = w.text
	}
	return isNumberCell(parts)
}

// maxValueWords is the most words isNumberCell accepts: "€", the number,
// "%" and the year note.
const maxValueWords = 4

func newSeg(ws []word) seg {
	s := seg{words: ws, x0: ws[0].x0, x1: ws[0].x1}
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.text
		s.x1 = max(s.x1, w.x1)
	}
	s.text = strings.Join(parts, " ")
	s.numeric = isNumberCell(parts)
	s.blank = s.numeric && len(parts) == 1 && vocab.IsNil(parts[0])
	s.year = len(parts) == 1 && vocab.IsYear(parts[0])
	s.unit = !s.numeric && vocab.MentionsUnit(s.text)
	if !s.numeric {
		s.measure = measureWord(parts)
	}
	return s
}

// measureWord returns the unit word of a cell that prints a number and a
// short word in lower case after it ("205 kg", "12 dagen", "3,4 uur"), or
// "". Such a cell is a value only in a row of them (measuredRow).
func measureWord(parts []string) string {
	if len(parts) != 2 || !startsDigit(parts[0]) || !isNumberWord(parts[0]) || vocab.IsNil(parts[0]) {
		return ""
	}
	w := parts[1]
	if len(w) > measureLen || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLower(r) }) >= 0 {
		return ""
	}
	return w
}

// measuredLine returns the unit word of line s when every cell right of
// the label prints a number, at least one with a unit word and all with
// the same one, and how many do; else "".
func measuredLine(s []seg) (string, int) {
	unit, n := "", 0
	for i, c := range s {
		switch {
		case c.measure != "" && (unit == "" || c.measure == unit):
			unit = c.measure
			n++
		case c.numeric || i == 0:
		default:
			return "", 0
		}
	}
	return unit, n
}

// measuredRow makes the cells of line s that print a number with a unit
// word numeric when there are at least minNumbers of them: a row of values
// in one unit ("205 kg 195 kg 190 kg"), not a header row.
func measuredRow(s []seg) {
	if _, n := measuredLine(s); n >= minNumbers {
		for i := range s {
			s[i].numeric = s[i].numeric || s[i].measure != ""
		}
	}
}

// isNumberCell reports whether the words of a cell print one value: a
// number, optionally with "€" before it and "%" or a year in parentheses,
// or both, after it ("1,6 % (2023)").
func isNumberCell(parts []string) bool {
	if len(parts) > 0 && parts[0] == "€" {
		parts = parts[1:]
	}
	if len(parts) == 2 && isMinus(parts[0]) && startsDigit(parts[1]) {
		parts = parts[1:] // the minus drawn apart (signOf)
	}
	if n := len(parts); n > 1 && isParenYear(parts[n-1]) {
		parts = parts[:n-1]
	}
	if n := len(parts); n > 1 && parts[n-1] == "%" {
		parts = parts[:n-1]
	}
	return len(parts) == 1 && isNumberWord(parts[0])
}
