package vocab

import (
	"regexp"
	"strings"
)

// IndicatorRole is what a column of an indicator table holds, by its
// header.
type IndicatorRole int

// Indicator column roles.
const (
	RoleCode        IndicatorRole = iota + 1 // the indicator's number
	RoleTaakveld                             // the taakveld (Iv3 function) code
	RoleUnit                                 // the unit of the values
	RoleSource                               // where the figures come from
	RoleSkip                                 // a column to leave out
	RoleName                                 // the indicator's name
	RoleDescription                          // its definition or explanation
	RoleValue                                // a value column
)

// How a word of indicatorWords must sit in a header label.
const (
	exact    = iota // the whole label
	prefix          // at its start
	contains        // anywhere
)

// indicatorWords are the header words of indicator table columns, as
// regular expressions, ignoring case. A label can hold words of several
// roles; the caller decides which role wins.
var indicatorWords = []struct {
	role    IndicatorRole
	pattern string
	match   int
	meaning string
}{
	{RoleCode, `nr\.?|nummer`, exact, "number"},
	{RoleCode, `code|#|id`, exact, "code"},
	{RoleCode, `progr(amma)?\.?(\s*nr\.?)?`, exact, "programme (number)"},
	{RoleTaakveld, `taakveld`, prefix, "Iv3 function (taakveld)"},
	{RoleUnit, `eenheid|meeteenheid|unit`, exact, "unit"},
	{RoleSource, `bron(nen)?`, exact, "source"},
	{RoleSkip, `peildatum`, exact, "reference date"},
	{RoleSkip, `periode`, exact, "period"},
	{RoleSkip, `trend`, exact, "trend"},
	{RoleSkip, `ambitie`, exact, "ambition"},
	{RoleName, `naam`, prefix, "name"},
	{RoleName, `indicator(en)?`, contains, "indicator"},
	{RoleName, `kengetal(len)?`, contains, "key figure"},
	{RoleName, `omschrijving`, exact, "description (of the indicator)"},
	{RoleName, `prestatie`, prefix, "performance (indicator)"},
	{RoleDescription, `meetbaar( resultaat)?`, contains, "measurable result"},
	{RoleDescription, `definitie`, contains, "definition"},
	{RoleDescription, `toelichting`, contains, "explanation"},
	{RoleDescription, `omschrijving|beschrijving`, contains, "description"},
	{RoleValue, `waarde|streefwaarde|nulmeting`, contains, "value, target value, baseline"},
	{RoleValue, `resultaat|realisatie|begroting|norm|score|gemiddelde`, contains, "result, realised, budget, standard, score, average"},
}

// indicatorHints mark a table as an indicator table when its caption,
// header or heading holds one.
var indicatorHints = []struct{ word, meaning string }{
	{"kengetal", "key figure"},
	{"indicator", "indicator"},
	{"prestatiegegevens", "performance data"},
	{"streefwaarde", "target value"},
	{"nulmeting", "baseline measurement"},
	{"meetbaar resultaat", "measurable result"},
	{"effectindicator", "outcome indicator"},
	{"prestatie-indicator", "output indicator"},
}

// indicatorTitles are the plural headings over an indicator table.
var indicatorTitles = []struct{ word, meaning string }{
	{"indicatoren", "indicators"}, {"beleidsindicatoren", "policy indicators"},
	{"effectindicatoren", "outcome indicators"}, {"prestatieindicatoren", "output indicators"},
	{"kengetallen", "key figures"}, {"beleidskengetallen", "policy key figures"},
	{"effectkengetallen", "outcome key figures"}, {"prestatiekengetallen", "output key figures"},
}

// activityWords head the columns of an activity overview, which is read as
// objectives, not as an indicator table.
var activityWords = []struct{ word, meaning string }{
	{"activiteit", "activity"}, {"activiteiten", "activities"},
	{"status", "status"}, {"prestatie", "performance"}, {"prestaties", "performances"},
}

var (
	indicatorRoleRE = func() map[IndicatorRole]func() *regexp.Regexp {
		parts := map[IndicatorRole][]string{}
		for _, w := range indicatorWords {
			p := `(?:` + w.pattern + `)`
			switch w.match {
			case exact:
				p = `^` + p + `$`
			case prefix:
				p = `^` + p
			}
			parts[w.role] = append(parts[w.role], p)
		}
		out := map[IndicatorRole]func() *regexp.Regexp{}
		for r, p := range parts {
			out[r] = lazyRE(`(?i)` + strings.Join(p, "|"))
		}
		return out
	}()
	indicatorWordRE = func() func() *regexp.Regexp {
		parts := make([]string, len(indicatorWords))
		for i, w := range indicatorWords {
			parts[i] = w.pattern
		}
		return lazyRE(`(?i)\b(` + strings.Join(parts, "|") + `)\b`)
	}()
	indicatorHintRE  = newQuickRE(`(?i)(` + wordsOf(indicatorHints) + `)`)
	indicatorTitleRE = lazyRE(`(?i)^(` + wordsOf(indicatorTitles) + `)$`)
	activityRE       = lazyRE(`(?i)\b(` + wordsOf(activityWords) + `)\b`)
)

// IsIndicatorRole reports whether the header label holds a word of the role
// where that role wants it: "Nr." is a code, "Nr. en naam" is not.
func IsIndicatorRole(role IndicatorRole, label string) bool {
	re, ok := indicatorRoleRE[role]
	return ok && re().MatchString(strings.TrimSpace(label))
}

// HasIndicatorWord reports whether s holds a header word of an indicator
// table column as a whole word.
func HasIndicatorWord(s string) bool { return indicatorWordRE().MatchString(s) }

// IsIndicatorHint reports whether s marks an indicator table: "Kengetallen",
// "Streefwaarde 2025".
func IsIndicatorHint(s string) bool { return indicatorHintRE.MatchString(s) }

// IsIndicatorTitle reports whether s is a plural heading over an indicator
// table: "Beleidsindicatoren".
func IsIndicatorTitle(s string) bool { return indicatorTitleRE().MatchString(strings.TrimSpace(s)) }

// HasActivityWord reports whether s holds a header word of an activity
// overview: "Activiteiten", "Status".
func HasActivityWord(s string) bool { return activityRE().MatchString(s) }

// statusMarkers are the words an indicator table prints instead of a
// value, lower case.
var statusMarkers = []struct{ word, meaning string }{
	{"behaald", "achieved"}, {"niet behaald", "not achieved"}, {"gedeeltelijk behaald", "partly achieved"},
	{"te behalen", "still to achieve"}, {"op koers", "on course"}, {"niet op koers", "off course"},
}

var (
	statusRE     = lazyRE(`(?i)^(` + wordsOf(statusMarkers) + `)$`)
	comparisonRE = lazyRE(`^[<>≤≥]\s*=?\s*-?\d[\d.,]*\s*%?$`)
)

// IsMarker reports whether a cell holds a marker in place of a value: a
// nil marker ("n.v.t."), a status ("behaald", "Te behalen") or a bound
// ("<0", "> 5"). It is a value cell's note, never a header.
func IsMarker(s string) bool {
	s = strings.TrimSpace(s)
	return IsNil(s) || statusRE().MatchString(s) || comparisonRE().MatchString(s)
}

// bandSigns are the comparison signs of a norm bound: "<50", "≥ 0,6".
const bandSigns = "<>≤≥="

// IsBand reports whether s is a norm band made of comparison bounds, as
// in the norm columns of a kengetallen table: "<50 / >30", "> 100",
// "0 <0", "20 / 40". It takes two bounds, or one with a comparison sign;
// the cell is a note with the whole text, never a value.
func IsBand(s string) bool {
	bounds, signs, sep := 0, 0, false
	for _, f := range strings.Fields(s) {
		rest := strings.TrimLeft(f, bandSigns)
		if rest != f {
			signs++
		}
		switch rest {
		case "":
			continue // a sign apart from its number: "< 90"
		case "/", "-", "–", "tot":
			sep = true
			continue
		}
		if n, ok := Parse(rest); !ok || n.Nil {
			return false
		}
		bounds++
	}
	return bounds > 0 && (signs > 0 || bounds == 2 && sep)
}
