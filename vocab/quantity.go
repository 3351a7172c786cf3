package vocab

// quantityWords mark a row or column label whose figures are not amounts
// of money, even inside a table with a unit label: percentages and counts.
var quantityWords = []struct {
	pattern string
	example string
	meaning string
}{
	{`(?:^|[^\d\s])\s*%`, "% afwijking", "percent, not glued to a number (\"van 2% naar 4%\" is a remark)"},
	{`percentage`, "Dekkingspercentage", "percentage"},
	{`procent`, "procent", "percent"},
	{`\baantal(len)?\b`, "aantal inwoners", "number of (a count)"},
	{`\bfte\b`, "fte", "full-time equivalents (a count of staff)"},
}

var quantityRE = func() *quickRE {
	p := ""
	for i, w := range quantityWords {
		if i > 0 {
			p += "|"
		}
		p += w.pattern
	}
	return newQuickRE(`(?i)` + p)
}()

// IsQuantity reports whether a row or column label says its figures are
// percentages or counts, not money: "% afwijking", "Dekkingspercentage",
// "aantal inwoners".
func IsQuantity(label string) bool { return quantityRE.MatchString(label) }
