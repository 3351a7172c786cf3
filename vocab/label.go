package vocab

import (
	"regexp"
	"strings"
)

// Lead is what the first words of a row label say about how the row relates
// to the rows around it, rather than what its amount is.
type Lead int

// Label leads.
const (
	Adjustment Lead = iota + 1 // the row corrects the running amount ("Af: incidentele baten")
	Breakdown                  // the row is a part of the row above it ("waarvan structureel")
)

// labelLeads are the leads, as regular expressions matched at the start of
// a label (after its numbering), ignoring case.
var labelLeads = []struct {
	lead    Lead
	pattern string
	example string
	meaning string
}{
	{Adjustment, `af\s*/\s*bij\s*:`, "Af/Bij:", "plus or minus: an adjustment of the running amount"},
	{Adjustment, `af\s*:`, "Af:", "minus: an adjustment of the running amount"},
	{Adjustment, `bij\s*:`, "Bij:", "plus: an adjustment of the running amount"},
	{Breakdown, `waarvan\b`, "waarvan", "of which: a part of the row above"},
}

var leadRE = func() map[Lead]func() *regexp.Regexp {
	parts := map[Lead][]string{}
	for _, l := range labelLeads {
		parts[l.lead] = append(parts[l.lead], l.pattern)
	}
	out := map[Lead]func() *regexp.Regexp{}
	for k, p := range parts {
		out[k] = lazyRE(`(?i)^(` + strings.Join(p, "|") + `)`)
	}
	return out
}()

// HasLead reports whether label starts with a word of the lead, after its
// numbering.
func HasLead(lead Lead, label string) bool {
	re, ok := leadRE[lead]
	return ok && re().MatchString(CutNumbering(label))
}

// breakdownHead matches a label that announces a breakdown in the rows
// below it: "Saldo van baten en lasten, waarvan t.l.v.:".
var breakdownHead = newQuickRE(`(?i)\S.*\bwaarvan\b[^:]*:\s*$`)

// AnnouncesBreakdown reports whether label ends by announcing that the rows
// below it are its parts ("…, waarvan:").
func AnnouncesBreakdown(label string) bool {
	return breakdownHead.MatchString(strings.TrimSpace(label))
}

// bookingPhrases say against what a row is booked. The words after them
// name the other side of the booking, not the row: "Budgetoverhevelingen
// ten laste van het resultaat" is not a resultaat.
var bookingPhrases = []struct{ pattern, example, meaning string }{
	{`ten\s+laste\s+van`, "ten laste van", "charged to (what follows is the other side of the booking)"},
	{`ten\s+gunste\s+van`, "ten gunste van", "credited to (what follows is the other side of the booking)"},
	{`t\.\s?l\.\s?v\.?`, "t.l.v.", "ten laste van"},
	{`t\.\s?g\.\s?v\.?`, "t.g.v.", "ten gunste van"},
}

var bookingRE = newQuickRE(`(?i)\s*\b(` + patternsOf(bookingPhrases) + `)(\s|$|:).*$`)

// CutBooking returns label without a booking phrase and what follows it:
// "Budgetoverhevelingen ten laste van het resultaat" → "Budgetoverhevelingen".
func CutBooking(label string) string {
	if loc := bookingRE.FindStringIndex(label); loc != nil && loc[0] > 0 {
		return strings.TrimSpace(label[:loc[0]])
	}
	return label
}

// numbering matches the number or letter in front of a row label: "2.",
// "1b.", "0.1", "6.81b", "(3)", "II.", "I", "a.", "c)".
var numbering = lazyRE(`^\s*(\(?\d+(\.\d+)*[a-z]?[.)]?|[IVX]+\.?|[a-z][.)])\s+`)

// CutNumbering returns label without the number or letter in front of it:
// "2. Totaal onttrekking" → "Totaal onttrekking".
func CutNumbering(label string) string {
	if loc := numbering().FindStringIndex(label); loc != nil && loc[1] < len(label) {
		return label[loc[1]:]
	}
	return strings.TrimSpace(label)
}
