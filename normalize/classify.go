package normalize

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/begroot/begroot/extract/recognize"
	"github.com/begroot/begroot/vocab"
)

var yearRE = regexp.MustCompile(`\b` + vocab.YearPattern + `\b`)

// ClassifyColumn tells a column label's kind and year. A label without a
// year that speaks of the report year ("Realisatie begrotingsjaar",
// "t/m aug") gets docYear, one counted from it ("T+1") docYear plus the
// count; a bare year is a begroting in a begroting of that year and a
// meerjarenraming after it, as is a meerjarenraming without a year.
func ClassifyColumn(label, docType string, docYear int) (kind string, year int) {
	if m := yearRE.FindAllString(label, -1); len(m) > 0 {
		year, _ = strconv.Atoi(m[len(m)-1])
	} else if offset, ok := vocab.RelativeYear(label); ok && docYear > 0 {
		year = docYear + offset
	} else if vocab.IsColumn(vocab.ReportYear, label) {
		year = docYear
	}
	switch {
	case vocab.IsColumn(vocab.Verschil, label):
		kind = ColVerschil
	case vocab.IsColumn(vocab.Wijziging, label):
		kind = ColBegrotingWijziging
	case vocab.IsColumn(vocab.Primitief, label):
		kind = ColBegrotingPrimitief
	case vocab.IsColumn(vocab.Realisatie, label):
		kind = ColRealisatie
	case vocab.IsColumn(vocab.Meerjaren, label) && (year == 0 || year > docYear && docYear > 0):
		kind = ColRaming
	case vocab.IsColumn(vocab.Begroting, label):
		kind = ColBegroting
	case year > 0 && strings.TrimSpace(label) == strconv.Itoa(year):
		switch {
		case docYear == 0:
			kind = ColOther
		case docType == "jaarstukken" && year == docYear:
			kind = ColRealisatie
		case year == docYear:
			kind = ColBegroting
		case year > docYear:
			kind = ColRaming
		default:
			kind = ColOther
		}
	default:
		kind = ColOther
	}
	return kind, year
}

// kindLabel is the label that tells what a row's amounts are: its own
// label in a block ("Lasten"), not the block's ("0.10 Mutaties reserves").
func kindLabel(r recognize.FinancialRow) string {
	if r.Role != "" {
		return r.Role
	}
	return r.Label
}

// ClassifyRow tells a row label's kind (RowBaten, RowLasten, …, RowOther).
func ClassifyRow(label string) string {
	is := func(kind vocab.RowKind) bool { return vocab.IsRow(kind, label) }
	switch {
	case is(vocab.Reserve) && is(vocab.Toevoeging):
		return RowToevoeging
	case is(vocab.Reserve) && is(vocab.Onttrekking):
		return RowOnttrekking
	case is(vocab.Reserve) && (is(vocab.Saldo) || is(vocab.Mutatie)):
		return RowReserves
	case is(vocab.Resultaat):
		return RowResultaat
	case is(vocab.Saldo):
		return RowSaldo
	case is(vocab.Baten) && !is(vocab.Lasten):
		return RowBaten
	case is(vocab.Lasten) && !is(vocab.Baten):
		return RowLasten
	}
	return RowOther
}
