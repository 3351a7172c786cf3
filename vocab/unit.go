package vocab

import (
	"regexp"
	"strings"
)

// unitLabels are the labels that give the scale of a financial table's
// amounts. multiplier stands for the sign before the amount ("x", "×",
// "*", or "€ x"). The first label that matches wins, so the larger scales
// come first: "x € 1.000" is also the start of "x € 1.000.000".
var unitLabels = []struct {
	pattern string
	scale   int64
	example string
}{
	{`multiplier\s*1?\s*(mld|mrd|miljard)\b`, 1e9, "x € 1 mld"},
	{`multiplier\s*1\.000\.000\.000`, 1e9, "x € 1.000.000.000"},
	{`bedragen\s+in\s+miljarden`, 1e9, "bedragen in miljarden"},
	{`multiplier\s*1?\s*(mln|mio|miljoen)\b`, 1e6, "x € 1 miljoen"},
	{`multiplier\s*1\.000\.000\b`, 1e6, "bedragen x € 1.000.000"},
	{`bedragen\s+in\s+miljoenen`, 1e6, "bedragen in miljoenen"},
	{`multiplier\s*1[.,]?000\b(,-)?`, 1e3, "bedragen x € 1.000"},
	{`multiplier\s*1?\s*(duizend|dzd)\b`, 1e3, "x duizend"},
	{`€\s*['’]?\s*000\b`, 1e3, "€ '000"},
	{`\(\s*€\s*1[.,]000\s*\)`, 1e3, "(€ 1.000)"},
	{`bedragen\s+in\s+duizenden`, 1e3, "bedragen in duizenden"},
	{`bedragen\s+(in|x)\s+(€|euro)(['’]s)?\s*(1\b|$|\))`, 1, "bedragen in euro's"},
}

// multiplier is the sign before the amount of a unit label.
const multiplier = `(?:[x×*]\s*€?|€\s*[x×*])\s*`

// unitRE are the expressions of unitLabels, each with the quick test of
// its literals: a line that passes mayHaveUnit ("€ 1.234") rarely holds
// the words of more than one.
var unitRE = func() []*quickRE {
	out := make([]*quickRE, len(unitLabels))
	for i, u := range unitLabels {
		out[i] = newQuickRE(`(?i)` + strings.ReplaceAll(u.pattern, "multiplier", multiplier))
	}
	return out
}()

// unitLeads introduce a unit label; unitLead matches one, with an opening
// bracket, right before a label.
var (
	unitLeads = []struct{ word, meaning string }{
		{"bedragen", "amounts: introduces the unit label, \"bedragen x € 1.000\""},
	}
	unitLead = lazyRE(`(?i)\(?\s*(` + wordsOf(unitLeads) + `)?\s*$`)
	// unitLeadFirst: a lead word introduces a unit label only as the
	// phrase's first word ("Bedragen", "(bedragen in euro"); at its end
	// it is part of a column heading ("Ontvangen bedragen").
	unitLeadFirst = lazyRE(`(?i)^\W*(` + wordsOf(unitLeads) + `)\b`)
)

func wordsOf(list []struct{ word, meaning string }) string {
	words := make([]string, len(list))
	for i, w := range list {
		words[i] = regexp.QuoteMeta(w.word)
	}
	return strings.Join(words, "|")
}

// patternsOf joins the patterns of a pattern table as alternatives.
func patternsOf(list []struct{ pattern, example, meaning string }) string {
	parts := make([]string, len(list))
	for i, w := range list {
		parts[i] = w.pattern
	}
	return strings.Join(parts, "|")
}

// Unit is a unit label found in a text.
type Unit struct {
	Label      string // as printed: "x € 1.000"
	Scale      int64  // 1000 for "x € 1.000": the printed amount times Scale is euros
	Start, End int    // Label is text[Start:End]
	Lead       int    // the start of the label with its lead-in: "(bedragen " before it
}

// FindUnit finds the first unit label in s.
func FindUnit(s string) (Unit, bool) {
	if !mayHaveUnit(s) {
		return Unit{}, false
	}
	return findUnit(s)
}

// findUnit tries every unit label's expression on s, without the quick
// test in front.
func findUnit(s string) (Unit, bool) {
	for i, re := range unitRE {
		if loc := re.FindStringIndex(s); loc != nil {
			lead := loc[0]
			if m := unitLead().FindStringIndex(s[:loc[0]]); m != nil {
				lead = m[0]
			}
			return Unit{Label: s[loc[0]:loc[1]], Scale: unitLabels[i].scale, Start: loc[0], End: loc[1], Lead: lead}, true
		}
	}
	return Unit{}, false
}

// mayHaveUnit is the quick test in front of unitRE, which most lines
// would take in vain. Every label in unitLabels without a lead word has a
// multiplier sign (x, ×, *) followed, after spaces and perhaps "€", by
// "1", "m" or "d" (1.000, mln, duizend), or a "€" followed, after spaces
// and perhaps a quote, by "0", "1" or a multiplier sign (€ '000,
// (€ 1.000), € x 1.000). Spaces are those of \s: ASCII.
func mayHaveUnit(s string) bool {
	if containsFoldASCII(s, "bedragen") { // the labels without a sign
		return true
	}
	for i := 0; i < len(s); i++ {
		sign := 0 // the length of a multiplier sign at i
		switch {
		case s[i] == 'x' || s[i] == 'X' || s[i] == '*':
			sign = 1
		case strings.HasPrefix(s[i:], "×"):
			sign = len("×")
		}
		switch {
		case sign > 0:
			rest := skipSpaces(s[i+sign:])
			if r, ok := strings.CutPrefix(rest, "€"); ok {
				rest = skipSpaces(r)
			}
			if rest != "" && strings.IndexByte("1mMdD", rest[0]) >= 0 {
				return true
			}
		case strings.HasPrefix(s[i:], "€"):
			rest := skipSpaces(s[i+len("€"):])
			if r, ok := strings.CutPrefix(rest, "'"); ok {
				rest = skipSpaces(r)
			} else if r, ok := strings.CutPrefix(rest, "’"); ok {
				rest = skipSpaces(r)
			}
			if rest != "" && (strings.IndexByte("01xX*", rest[0]) >= 0 || strings.HasPrefix(rest, "×")) {
				return true
			}
		}
	}
	return false
}

// skipSpaces drops the leading spaces that \s matches.
func skipSpaces(s string) string {
	return strings.TrimLeft(s, " \t\n\f\r")
}

// signWords say what a sign means in a sign legend.
var signWords = []struct{ word, meaning string }{
	{"nadeel", "unfavourable"}, {"nadelig", "unfavourable"},
	{"voordeel", "favourable"}, {"voordelig", "favourable"},
	{"negatief", "negative"}, {"positief", "positive"},
	{"lasten", "expenses"}, {"baten", "income"},
}

// SignLegend matches a sign legend printed with a table, such as
// ("-" = nadeel / "+" = voordeel) or "= nadelig".
var SignLegend = regexp.MustCompile(`(?i)\(?\s*(["'“”‘’]?[-+−]["'“”‘’]?\s*)?=\s*["'“”‘’]?\s*(` + wordsOf(signWords) + `)[^)]{0,60}\)?`)

// unitSigns are the characters of which every unitLabels pattern without
// a lead word needs one (a multiplier sign or the euro sign); legendSign
// is the one SignLegend needs.
const (
	unitSigns  = "xX×*€"
	legendSign = "="
)

// mentionSigns are the signs of a unit label or a sign legend.
var mentionSigns = newRuneSet(unitSigns + legendSign)

// mayMention is the quick test in front of the regular expressions, which
// most lines of a report would take in vain: whether s holds one of
// mentionSigns or a lead word.
func mayMention(s string) bool {
	return mentionSigns.in(s) || mentionsLead(s)
}

// mentionsLead reports whether s holds one of unitLeads.
func mentionsLead(s string) bool {
	for _, l := range unitLeads {
		if containsFoldASCII(s, l.word) {
			return true
		}
	}
	return false
}

// containsFoldASCII reports whether s contains word, ASCII letters
// compared without case: as (?i) compares the lead words, whose letters
// fold to no other character (TestLeadWordsFoldASCII).
func containsFoldASCII(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		j := 0
		for j < len(word) && lowerASCII(s[i+j]) == word[j] {
			j++
		}
		if j == len(word) {
			return true
		}
	}
	return false
}

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// MentionsUnit reports whether s holds a unit label, a sign legend or
// starts with the word that introduces them ("bedragen"): text that belongs to a table's
// caption, not to its column headings.
func MentionsUnit(s string) bool {
	if !mayMention(s) {
		return false
	}
	_, ok := FindUnit(s)
	return ok || strings.Contains(s, legendSign) && SignLegend.MatchString(s) ||
		mentionsLead(s) && unitLeadFirst().MatchString(s)
}

// signMarks are the letters printed before or after an amount that say
// which way it goes.
var signMarks = []struct {
	mark    string
	nadeel  bool
	meaning string
}{
	{"N", true, "nadeel: unfavourable"},
	{"V", false, "voordeel: favourable"},
}

// CutSignMark splits a marked amount, "N 31.393" or "1.200 V", into the
// amount and whether the mark says nadeel. ok is false when s is not a
// marked number.
func CutSignMark(s string) (amount string, nadeel, ok bool) {
	f := strings.Fields(s)
	if len(f) != 2 {
		return s, false, false
	}
	for _, m := range signMarks {
		switch {
		case f[0] == m.mark && IsNumber(f[1]):
			return f[1], m.nadeel, true
		case f[1] == m.mark && IsNumber(f[0]):
			return f[0], m.nadeel, true
		}
	}
	return s, false, false
}

// IsSignOnly reports whether s is a sign on its own, as printed in a
// sign column beside the amounts: "+", "-", "V", "N".
func IsSignOnly(s string) bool {
	switch strings.TrimSpace(s) {
	case "+", "-", "−", "–", "V", "N":
		return true
	}
	return false
}
