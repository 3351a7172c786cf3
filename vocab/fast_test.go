package vocab

import (
	"maps"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/begroot/begroot/fixtures"
)

// The reference implementations the quick tests and the scanner of
// Parse, FindUnit and MentionsUnit must agree with: the regular
// expressions tried on every text, and parseDigits with Split and Join.

func mentionsUnitRef(s string) bool {
	_, ok := findUnit(s)
	return ok || SignLegend.MatchString(s) || unitLeadFirst().MatchString(s)
}

func parseDigitsRef(s string) (float64, bool, bool) {
	s = strings.ReplaceAll(s, " ", "")
	intPart, frac, hasComma := strings.Cut(s, ",")
	if s == "" || hasComma && (frac == "" || !allDigits(frac)) {
		return 0, false, false
	}
	groups := strings.Split(intPart, ".")
	if len(groups) == 2 && !hasComma && len(groups[1]) != 3 && len(groups[1]) > 0 && allDigits(groups[1]) {
		if !allDigits(groups[0]) || groups[0] == "" {
			return 0, false, false
		}
		v, err := strconv.ParseFloat(groups[0]+"."+groups[1], 64)
		return v, true, err == nil
	}
	for i, g := range groups {
		if !allDigits(g) || g == "" || i == 0 && len(groups) > 1 && len(g) > 3 || i > 0 && len(g) != 3 {
			return 0, false, false
		}
	}
	digits := strings.Join(groups, "")
	if hasComma {
		digits += "." + frac
	}
	v, err := strconv.ParseFloat(digits, 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, false, false
	}
	return v, false, true
}

// checkFast compares the quick paths with the references on s.
func checkFast(t *testing.T, s string) {
	t.Helper()
	if got, want := fmtUnit(FindUnit(s)), fmtUnit(findUnit(s)); got != want {
		t.Errorf("FindUnit(%q) = %s, the regular expressions give %s", s, got, want)
	}
	if got, want := MentionsUnit(s), mentionsUnitRef(s); got != want {
		t.Errorf("MentionsUnit(%q) = %v, the regular expressions give %v", s, got, want)
	}
	v, point, ok := parseDigits(s)
	rv, rpoint, rok := parseDigitsRef(s)
	if ok != rok || point != rpoint || ok && v != rv {
		t.Errorf("parseDigits(%q) = %v, %v, %v; Split and Join give %v, %v, %v", s, v, point, ok, rv, rpoint, rok)
	}
	if n, ok := Parse(s); ok && !n.Nil && !strings.ContainsAny(s, "0123456789") {
		t.Errorf("Parse(%q) = %+v: a number without a digit", s, n)
	}
	if got, want := mentionSigns.in(s), strings.ContainsAny(s, unitSigns+legendSign); got != want {
		t.Errorf("mentionSigns.in(%q) = %v, strings.ContainsAny gives %v", s, got, want)
	}
	if got, want := hasDigit(s), strings.ContainsAny(s, "0123456789"); got != want {
		t.Errorf("hasDigit(%q) = %v, strings.ContainsAny gives %v", s, got, want)
	}
	for _, q := range quickREs() {
		if got, want := q.MatchString(s), q.re.MatchString(s); got != want {
			t.Errorf("%s: MatchString(%q) = %v, the expression alone gives %v (literals %q)", q.re, s, got, want, q.lits)
		}
		if got, want := q.FindStringIndex(s), q.re.FindStringIndex(s); !slices.Equal(got, want) {
			t.Errorf("%s: FindStringIndex(%q) = %v, the expression alone gives %v (literals %q)", q.re, s, got, want, q.lits)
		}
	}
	norm := strings.TrimSpace(strings.Map(normalizeRune, s))
	if _, want := nilForms[strings.ToLower(norm)]; isNilForm(norm) != want {
		t.Errorf("isNilForm(%q) = %v, want %v", norm, !want, want)
	}
}

// quickREs are the expressions with a quick test, compiled.
func quickREs() []*quickRE {
	out := []*quickRE{quantityRE, indicatorHintRE, overviewTitleRE, breakdownHead, bookingRE}
	out = append(out, unitRE...)
	for _, q := range rowRE {
		out = append(out, q)
	}
	for _, q := range columnRE {
		out = append(out, q)
	}
	for _, q := range objectiveHeadingRE {
		out = append(out, q)
	}
	for _, q := range out {
		q.once.Do(q.compile)
	}
	return out
}

// TestQuickLiterals: the row words, the most used, the indicator hints
// and the overview titles all get a quick test; the Kelvin sign folds to
// the k of "kosten".
func TestQuickLiterals(t *testing.T) {
	quickREs()
	for k, q := range rowRE {
		if q.lits == nil {
			t.Errorf("row kind %d (%s): no quick test", k, q.re)
		}
	}
	if !rowRE[Lasten].MatchString("Kosten") || rowRE[Lasten].MatchString("posten") {
		t.Error("Lasten: Kelvin-sign kosten not matched, or posten matched")
	}
	for name, q := range map[string]*quickRE{"indicator hints": indicatorHintRE, "overview titles": overviewTitleRE, "breakdown heads": breakdownHead, "bookings": bookingRE} {
		if q.lits == nil {
			t.Errorf("%s (%s): no quick test", name, q.re)
		}
	}
}

func fmtUnit(u Unit, ok bool) string {
	if !ok {
		return "none"
	}
	return strconv.Quote(u.Label) + " " + strconv.FormatInt(u.Scale, 10) + " " + strconv.Itoa(u.Start) + " " + strconv.Itoa(u.End) + " " + strconv.Itoa(u.Lead)
}

// fastCases are texts near the edges of the quick tests.
var fastCases = []string{
	"bedragen x € 1.000", "x€1.000", "X 1 mln", "* € 1 miljard", "× € 1.000.000", "€ x 1.000", "€x1.000",
	"€ '000", "€’ 000", "(€ 1.000)", "( € 1,000 )", "x duizend", "x dzd", "Bedragen in euro's", "BEDRAGEN IN MILJOENEN",
	"x\t€\t1.000", "x\v1.000", "x\u00a01.000", "exploitatie 2024", "maximaal * 3", "€ 12.345", "x 2.000", "€\u00a0'000",
	"(\"-\" = nadeel)", "= voordelig", "bedragenx", "x", "€", "", "×", "€ ×1.000", "1.000", "12.345,67", "1.2.3", "7.1",
	"1.23", "1234.567", "123.4567", ",5", "5,", "1.000,", "0", "00.000", "1.000.000.000.000.000.000.000.000.000.000.000.000.000",
	"nvt", "N.V.T.", "—", "K", "n.n.b.\u212a", "PM", "(1.655)", "€ -5.382", "4,65 miljoen",
	"Totaal lasten", "subtotaal", " totaal", "Saldo van baten en lasten", "\u212aosten", "Baſen", "Toev. reserve", "toev.",
	"% afwijking", "van 2% naar 4%", "Aantal fte", "Begroting 2024 na wijziging", "Raming 2026", "raming t + 1", "Prim.",
	"Prestatie-indicatoren", "STREEFWAARDE 2025", "Nulmeting", "meetbaar\u00a0resultaat", "meetbaar resultaat", "Effectindicator",
	"\u212aengetal", "kengetallen",
	"Saldo, waarvan t.l.v.:", "WAARVAN:", "waarvan structureel", "Lasten ten  laste van het resultaat", "T.L.V. reserve",
	"Baten ten gunſte van", "t. g. v.:", "tlv", "Recapitulatie", "Overzicht van baten en lasten",
}

func TestFastPathsAgree(t *testing.T) {
	for _, s := range fastCases {
		checkFast(t, s)
		for _, w := range strings.Fields(s) {
			checkFast(t, w)
		}
	}
}

// TestFastPathsAgreeCorpus compares the quick paths with the references
// on every line and word of the seed documents and the gold files.
func TestFastPathsAgreeCorpus(t *testing.T) {
	n := 0
	for _, dir := range []string{"seeds", "gold", "gold-pdf"} {
		paths, _ := filepath.Glob(filepath.Join(fixtures.Shared(t, dir), "*"))
		for _, path := range paths {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for line := range strings.Lines(string(data)) {
				checkFast(t, line)
				for _, w := range strings.Fields(line) {
					checkFast(t, w)
				}
				n++
			}
		}
	}
	if n == 0 {
		t.Fatal("no text in ../shared")
	}
}

// FuzzFastPaths compares the quick paths with the references.
func FuzzFastPaths(f *testing.F) {
	for _, s := range fastCases {
		f.Add(s)
	}
	f.Fuzz(checkFast)
}

// TestExpressionsCompile compiles every expression that is compiled on
// first use (lazyRE, quickRE), so that a broken pattern fails here, not in
// the first run that needs it.
func TestExpressionsCompile(t *testing.T) {
	res := []func() *regexp.Regexp{bodyMarkRE, bodyNameRE, trailingRE, colofonRE, docYearAfter,
		indicatorWordRE, indicatorTitleRE, activityRE, statusRE, comparisonRE, numbering, splitDigits,
		goalPrefixRE, goalIntroRE, objectiveStatusRE, overviewRowRE, navLineRE, captionRE, pageNumberRE,
		unitLead, unitLeadFirst, relativeYear}
	res = slices.AppendSeq(res, maps.Values(indicatorRoleRE))
	res = slices.AppendSeq(res, maps.Values(leadRE))
	for _, k := range DocKinds {
		res = append(res, k.mention, k.year)
	}
	for _, re := range res {
		if re() == nil {
			t.Error("an expression compiled to nil")
		}
	}
	if len(quickREs()) == 0 {
		t.Error("no quick expressions")
	}
}
