package recognize

import (
	"regexp"
	"strings"
)

// unitPatterns map the unit labels of financial tables to their scale. The
// first match wins, so the longer forms come first.
var unitPatterns = []struct {
	re    *regexp.Regexp
	scale int64
}{
	{regexp.MustCompile(`(?i)[x×*]\s*€?\s*1?\s*(mld|mrd|miljard)\b|[x×]\s*€?\s*1\.000\.000\.000`), 1_000_000_000},
	{regexp.MustCompile(`(?i)[x×*]\s*€?\s*1?\s*(mln|miljoen)\b|[x×]\s*€?\s*1\.000\.000\b|bedragen\s+in\s+miljoenen`), 1_000_000},
	{regexp.MustCompile(`(?i)[x×*]\s*€?\s*1[.,]?000\b(,-)?|€\s*['’]\s*000|[x×]\s*€?\s*duizend|bedragen\s+in\s+duizenden|\(\s*€\s*1[.,]000\s*\)`), 1000},
	{regexp.MustCompile(`(?i)bedragen\s+(in|x)\s+(€|euro)(['’]s)?\s*(1\b|$|\))`), 1},
}

// unitOf finds a unit label in s and returns it with its scale.
func unitOf(s string) (label string, scale int64, ok bool) {
	for _, u := range unitPatterns {
		if loc := u.re.FindStringIndex(s); loc != nil {
			return s[loc[0]:loc[1]], u.scale, true
		}
	}
	return "", 0, false
}

// withoutUnit removes a unit label, with the word "bedragen" and brackets
// around it, from s.
var unitWrap = regexp.MustCompile(`(?i)\(?\s*(bedragen)?\s*$`)

func withoutUnit(s string) string {
	for _, u := range unitPatterns {
		if loc := u.re.FindStringIndex(s); loc != nil {
			before := unitWrap.ReplaceAllString(s[:loc[0]], "")
			after := strings.TrimLeft(s[loc[1]:], " )")
			return collapse(before + " " + after)
		}
	}
	return s
}

// signLegend matches a sign legend such as ("-" = nadeel / "+" = voordeel).
var signLegend = regexp.MustCompile(`(?i)\(?\s*["'“”‘’]?[-+−]["'“”‘’]?\s*=\s*(nadeel|voordeel|negatief|positief|lasten|baten)[^)]{0,60}\)?`)
