package vocab

// overviewTitles name the overview of a whole document's baten and lasten
// in a table's title or the headings above it, as regular expressions
// ignoring case.
var overviewTitles = []struct{ pattern, example, meaning string }{
	{`recapitulatie`, "Recapitulatie", "recapitulation: the overview of all programmes"},
	{`overzicht (van )?baten en lasten`, "Overzicht van baten en lasten", "overview of income and expenses (BBV art. 17)"},
}

// overviewRows start the rows only the overview of the whole document has
// besides the programmes (BBV art. 17c).
var overviewRows = []struct{ word, meaning string }{
	{"algemene dekkingsmiddelen", "general funding: taxes, the gemeentefonds, dividends"},
	{"overhead", "overhead"},
	{"onvoorzien", "unforeseen expenses"},
}

// navLines are the link lines of a web page saved as text that lead back
// to its navigation and name the section the text below belongs to, as
// regular expressions ignoring case; a dash or colon and the section follow.
var navLines = []struct{ pattern, example, meaning string }{
	{`terug naar (de )?navigatie`, "Terug naar navigatie - Programma 1", "back to the navigation: the section follows"},
}

var (
	overviewTitleRE = newQuickRE(`(?i)` + patternsOf(overviewTitles))
	overviewRowRE   = lazyRE(`(?i)^(` + wordsOf(overviewRows) + `)\b`)
	navLineRE       = lazyRE(`(?i)^(?:` + patternsOf(navLines) + `)\s*[-–:]\s*(.+)$`)
)

// IsOverviewTitle reports whether s (a table title or the headings above
// it) names the overview of the whole document: "Recapitulatie",
// "Overzicht van baten en lasten".
func IsOverviewTitle(s string) bool { return overviewTitleRE.MatchString(s) }

// IsOverviewRow reports whether a row label starts with a part only the
// overview of the whole document has: "Algemene dekkingsmiddelen",
// "Overhead", "Onvoorzien".
func IsOverviewRow(label string) bool { return overviewRowRE().MatchString(label) }

// CutNavLine returns the section a navigation line names ("Terug naar
// navigatie - Programma 1" gives "Programma 1"), and whether line is one.
func CutNavLine(line string) (section string, ok bool) {
	m := navLineRE().FindStringSubmatch(line)
	if m == nil {
		return "", false
	}
	return m[len(m)-1], true
}
