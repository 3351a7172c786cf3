package vocab

import (
	"regexp"
	"strings"
)

// captionWords start the title line of a table: "Tabel 6.2 Reserves",
// "Overzicht baten en lasten".
var captionWords = []struct{ word, meaning string }{
	{"tabel", "table"}, {"table", "table"}, {"tab.", "table (abbreviated)"},
	{"overzicht", "overview"}, {"figuur", "figure"}, {"staat", "statement (staat van reserves)"},
}

// pageWords stand before a page number in a running footer ("pagina 12",
// "blz. 12"); pageOf stands between the page and the page count ("12 van
// 140").
var (
	pageWords = []struct{ word, meaning string }{
		{"pagina", "page"}, {"page", "page"}, {"blz.", "page (bladzijde)"}, {"blz", "page (bladzijde)"}, {"p.", "page"},
	}
	pageOf = []struct{ word, meaning string }{
		{"van", "of"}, {"/", "of"}, {"of", "of"},
	}
)

var (
	captionRE = func() func() *regexp.Regexp {
		parts := make([]string, len(captionWords))
		for i, w := range captionWords {
			parts[i] = regexp.QuoteMeta(w.word)
			if !strings.HasSuffix(w.word, ".") {
				parts[i] += `\b` // "Tabel" but not "Tabellen"; "tab." ends at its dot
			}
		}
		return lazyRE(`(?i)^(?:` + strings.Join(parts, "|") + `)`)
	}()
	pageNumberRE = lazyRE(`(?i)^[-–—\s]*(` + wordsOf(pageWords) + `)?\s*\d{1,4}(\s*(` + wordsOf(pageOf) + `)\s*\d{1,4})?[-–—\s]*$`)
)

// StartsCaption reports whether s begins with a table title word: "Tabel
// 3", "Overzicht reserves".
func StartsCaption(s string) bool { return captionRE().MatchString(s) }

// IsPageNumber reports whether s is nothing but a page number, with its
// word and page count: "12", "- 12 -", "pagina 12 van 140", "blz. 7".
func IsPageNumber(s string) bool { return pageNumberRE().MatchString(s) }
