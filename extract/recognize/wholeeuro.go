package recognize

import (
	"regexp"
	"slices"
	"strings"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/vocab"
)

// WholeEuros is the Unit of a table that prints no unit label but is in
// whole euros by its shape.
const WholeEuros = "€ (no unit label)"

// A table without a unit label is in whole euros when its shape says so
// (see wholeEuros). The limits:
const (
	// minWholeEuroAmounts: fewer amounts say nothing about a table's scale.
	minWholeEuroAmounts = 6
	// minGroupedPercent of the amounts are integers grouped in thousands
	// ("406.291"): a column of whole euros prints few amounts under 1000.
	minGroupedPercent = 50
	// minWholeEuroDigits is the median digit count of the grouped
	// amounts: whole euros of a municipality's taakvelden run to hundreds
	// of thousands and millions (six digits and more), while a table in
	// thousands of euros prints amounts of four or five.
	minWholeEuroDigits = 6
)

// groupedInteger is an amount grouped in thousands with dots and no
// decimals, optionally negative: "406.291", "-2.244.295".
var groupedInteger = regexp.MustCompile(`^[-−]?\d{1,3}(\.\d{3})+$`)

// wholeEuros reports whether a table without a unit label is in whole
// euros, by its structure: every value column is a baten, lasten or saldo
// column (the last word of its label), lasten with baten or saldo among
// them, and the amounts are large integers grouped in thousands. Such
// tables ("Overzicht baten en lasten per taakveld" as a screenshot) print
// euros without saying so; a table in thousands prints its unit label.
func wholeEuros(labels []string, body [][]extract.Cell, cols []int) bool {
	kinds := map[vocab.RowKind]bool{}
	for _, l := range labels {
		words := strings.Fields(l)
		if len(words) == 0 {
			return false
		}
		kind, ok := moneyColumn(words[len(words)-1])
		if !ok {
			return false
		}
		kinds[kind] = true
	}
	if !kinds[vocab.Lasten] || !kinds[vocab.Baten] && !kinds[vocab.Saldo] {
		return false
	}
	amounts := 0
	var digits []int
	for _, row := range body {
		for _, col := range cols {
			if col >= len(row) || !vocab.IsValue(row[col].Text) {
				continue
			}
			amounts++
			if s := row[col].Text; groupedInteger.MatchString(s) {
				digits = append(digits, len(strings.Map(keepDigit, s)))
			}
		}
	}
	if amounts < minWholeEuroAmounts || len(digits)*100 < amounts*minGroupedPercent {
		return false
	}
	slices.Sort(digits)
	return digits[len(digits)/2] >= minWholeEuroDigits
}

// moneyColumn is the kind of a column label's last word when it is baten,
// lasten or saldo.
func moneyColumn(word string) (vocab.RowKind, bool) {
	for _, k := range []vocab.RowKind{vocab.Baten, vocab.Lasten, vocab.Saldo} {
		if vocab.IsRowWord(k, word) {
			return k, true
		}
	}
	return 0, false
}

// keepDigit is a strings.Map function that keeps only ASCII digits.
func keepDigit(r rune) rune {
	if r >= '0' && r <= '9' {
		return r
	}
	return -1
}
