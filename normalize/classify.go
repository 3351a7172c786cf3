package normalize

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	yearRE        = regexp.MustCompile(`\b(19[9]\d|20\d\d)\b`)
	colVerschil   = regexp.MustCompile(`(?i)verschil|afwijking|mutatie|onderschrijding|overschrijding`)
	colWijziging  = regexp.MustCompile(`(?i)na\s+wijz|gewijzigd|actue(e)?l|bijgesteld|na\s+(bestuurs|voortgangs)rapportage|na\s+amendement`)
	colPrimitief  = regexp.MustCompile(`(?i)primitie|primai?r|voor\s+wijz|oorspronkelijk|vastgesteld`)
	colRealisatie = regexp.MustCompile(`(?i)realisatie|rekening|werkelijk|gerealiseerd|resultaat|jaarverslag`)
	colBegroting  = regexp.MustCompile(`(?i)begroting|begroot|begrote|raming`)
	colMeerjaren  = regexp.MustCompile(`(?i)meerjaren|^raming\s+\d{4}$`)
	reportYearCol = regexp.MustCompile(`(?i)begrotingsjaar|rekeningjaar|verslagjaar|boekjaar`)
)

// ClassifyColumn tells a column label's kind and year. A label without a
// year that speaks of the report year ("Realisatie begrotingsjaar") gets
// docYear; a bare year is a begroting in a begroting of that year and a
// meerjarenraming after it.
func ClassifyColumn(label, docType string, docYear int) (kind string, year int) {
	if m := yearRE.FindAllString(label, -1); len(m) > 0 {
		year, _ = strconv.Atoi(m[len(m)-1])
	} else if reportYearCol.MatchString(label) {
		year = docYear
	}
	switch {
	case colVerschil.MatchString(label):
		kind = ColVerschil
	case colWijziging.MatchString(label):
		kind = ColBegrotingWijziging
	case colPrimitief.MatchString(label):
		kind = ColBegrotingPrimitief
	case colRealisatie.MatchString(label):
		kind = ColRealisatie
	case colMeerjaren.MatchString(label) && year > docYear && docYear > 0:
		kind = ColRaming
	case colBegroting.MatchString(label):
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

var (
	rowReserves    = regexp.MustCompile(`(?i)reserve`)
	rowToevoeging  = regexp.MustCompile(`(?i)toevoeging|dotatie|storting`)
	rowOnttrekking = regexp.MustCompile(`(?i)onttrekking|beschikking`)
	rowResultaat   = regexp.MustCompile(`(?i)resultaat`)
	rowSaldo       = regexp.MustCompile(`(?i)saldo`)
	rowBaten       = regexp.MustCompile(`(?i)\bbaten\b|opbrengsten|inkomsten|ontvangsten|^baten`)
	rowLasten      = regexp.MustCompile(`(?i)lasten\b|kosten\b|uitgaven`)
)

// ClassifyRow tells a row label's kind (RowBaten, RowLasten, …, RowOther).
func ClassifyRow(label string) string {
	switch {
	case rowReserves.MatchString(label) && rowToevoeging.MatchString(label):
		return RowToevoeging
	case rowReserves.MatchString(label) && rowOnttrekking.MatchString(label):
		return RowOnttrekking
	case rowReserves.MatchString(label) && (rowSaldo.MatchString(label) || strings.Contains(strings.ToLower(label), "mutatie")):
		return RowReserves
	case rowResultaat.MatchString(label):
		return RowResultaat
	case rowSaldo.MatchString(label):
		return RowSaldo
	case rowBaten.MatchString(label) && !rowLasten.MatchString(label):
		return RowBaten
	case rowLasten.MatchString(label) && !rowBaten.MatchString(label):
		return RowLasten
	}
	return RowOther
}
