package vocab

import (
	"bytes"
	"cmp"
	"regexp"
	"slices"
	"strings"
)

// Where a document word counts (docWords.use).
const (
	useMention   = 1 << iota // a mention in the text counts toward the document type
	useYear                  // "<word> <year>" in the text gives the document's year
	useTitleYear             // "<word> <year>" in the title or file name gives the year
	useAll       = useMention | useYear | useTitleYear
)

// docKinds are the document types in the order they are tried on a
// title. Jaarstukken reuse the begroting's headings ("Wat willen we
// bereiken?") but add past-tense ones and realisatie columns, so the
// words of the other types weigh more.
var docKinds = []struct {
	kind    string
	weight  int
	meaning string
}{
	{"voortgangsrapportage", 3, "progress report during the year"},
	{"voorjaarsnota", 3, "spring memorandum: the framework for the next begroting"},
	{"jaarstukken", 3, "annual report and accounts"},
	{"begroting", 1, "budget"},
}

// docWords are the words and phrases that mark a document's type. word is
// lower case and in every match of pattern, the regular expression of a
// mention when it is more than the word (matched ignoring case).
var docWords = []struct {
	kind, word, pattern string
	use                 int
	meaning             string
}{
	{"voortgangsrapportage", "voortgangsrapportage", "", useMention | useYear, "progress report"},
	{"voortgangsrapportage", "bestuursrapportage", "", useMention | useYear, "progress report to the council"},
	{"voortgangsrapportage", "burap", `\bburap\b`, useAll, "bestuursrapportage, abbreviated"},
	{"voortgangsrapportage", "tussenrapportage", "", useMention | useYear, "interim report"},
	{"voortgangsrapportage", "vgr", `\bvgr\b`, useAll, "voortgangsrapportage, abbreviated"},
	{"voortgangsrapportage", "najaarsnota", "", useAll, "autumn memorandum"},
	{"voortgangsrapportage", "managementrapportage", "", useMention, "management report"},
	{"voortgangsrapportage", "programmajournaal", "", useMention, "programme journal"},
	{"voortgangsrapportage", "voortgang", `voortgang \d{4}`, useAll, "progress (of a year)"},
	{"voortgangsrapportage", "rapportage", "", useTitleYear, "report"},
	{"voorjaarsnota", "voorjaarsnota", "", useAll, "spring memorandum"},
	{"voorjaarsnota", "kadernota", "", useAll, "framework memorandum"},
	{"voorjaarsnota", "perspectiefnota", "", useMention | useYear, "outlook memorandum"},
	{"jaarstukken", "jaarstukken", "", useAll, "annual documents"},
	{"jaarstukken", "jaarverslag", "", useAll, "annual report"},
	{"jaarstukken", "jaarrekening", "", useAll, "annual accounts"},
	{"jaarstukken", "programmarekening", "", useMention | useYear, "programme accounts"},
	{"jaarstukken", "wat hebben we", `wat hebben we (bereikt|gedaan|daarvoor gedaan)`, useMention, "what have we achieved / done (heading)"},
	{"jaarstukken", "wat heeft het gekost", "", useMention, "what did it cost (heading)"},
	{"jaarstukken", "realisatie", `realisatie (begrotingsjaar|\d{4})`, useMention, "actuals (column)"},
	{"jaarstukken", "gedaan in", "", useYear, "done in (a year)"},
	{"begroting", "begroting", `\b(programma|ontwerp)?begroting\b`, useAll, "budget"},
	{"begroting", "programmabegroting", "", useYear, "programme budget"},
	{"begroting", "wat willen we bereiken", "", useMention, "what do we want to achieve (heading)"},
	{"begroting", "wat gaan we", `wat gaan we (daarvoor )?doen`, useMention, "what will we do (heading)"},
	{"begroting", "wat mag het kosten", "", useMention, "what may it cost (heading)"},
}

// DocKind is a type of planning & control document with the words that
// mark it.
type DocKind struct {
	Kind    string // "begroting", "jaarstukken", …
	Weight  int    // what one mention in the text counts
	mention func() *regexp.Regexp
	year    func() *regexp.Regexp // the year after one of the kind's names: group 2
	// mentionWords and yearWords are lower-case words every match of
	// mention and year holds.
	mentionWords, yearWords []string
}

// Mentions counts the kind's words in t.
func (k DocKind) Mentions(t DocText) int {
	return len(k.mention().FindAllStringIndex(t.lines(k.mentionWords), -1))
}

// Mentioned reports whether s holds one of the kind's words.
func (k DocKind) Mentioned(s string) bool { return k.mention().MatchString(s) }

// Years returns the years printed after the kind's names in t
// ("Kadernota 2025"), one per mention.
func (k DocKind) Years(t DocText) []string {
	var out []string
	for _, m := range k.year().FindAllStringSubmatch(t.lines(k.yearWords), -1) {
		out = append(out, m[2])
	}
	return out
}

// DocKinds are the document types, in the order a title is tried.
var DocKinds = docKindsOf()

// docYearAfter matches the year after any kind's name in a title or file
// name ("Jaarstukken 2020", "burap-2024").
var docYearAfter = lazyRE(`(?i)(` + docWordsFor("", useTitleYear) + `)[\s-]+(` + YearPattern + `)\b`)

// TitleYear returns the year printed after a document's name in a title or
// file name, "" when there is none.
func TitleYear(s string) string {
	if m := docYearAfter().FindStringSubmatch(s); m != nil {
		return m[2]
	}
	return ""
}

func docKindsOf() []DocKind {
	out := make([]DocKind, len(docKinds))
	for i, k := range docKinds {
		var mentions []string
		d := DocKind{Kind: k.kind, Weight: k.weight}
		for _, w := range docWords {
			if w.kind == k.kind && w.use&useMention != 0 {
				mentions = append(mentions, cmp.Or(w.pattern, regexp.QuoteMeta(w.word)))
				d.mentionWords = append(d.mentionWords, w.word)
			}
			if w.kind == k.kind && w.use&useYear != 0 {
				d.yearWords = append(d.yearWords, w.word)
			}
		}
		d.mention = lazyRE(`(?i)` + strings.Join(mentions, "|"))
		d.year = lazyRE(`(?i)\b(` + docWordsFor(k.kind, useYear) + `)[\s-]+(` + YearPattern + `)\b`)
		out[i] = d
	}
	return out
}

// docWordsFor joins the words of kind ("" for all kinds) with the use as
// alternatives.
func docWordsFor(kind string, use int) string {
	var words []string
	for _, w := range docWords {
		if (kind == "" || w.kind == kind) && w.use&use != 0 {
			words = append(words, regexp.QuoteMeta(w.word))
		}
	}
	return strings.Join(words, "|")
}

// DocText is a document's text prepared for DocKind's methods.
type DocText struct {
	text  string
	lower []byte // text with ASCII letters in lower case
}

// NewDocText prepares text for DocKind's methods.
func NewDocText(text string) DocText {
	lower := []byte(text)
	for i, c := range lower {
		if 'A' <= c && c <= 'Z' {
			lower[i] = c + 'a' - 'A'
		}
	}
	return DocText{text, lower}
}

// lines returns the lines of the text that hold one of words, each with
// the lines that follow it up to the next one with more than white space
// and dashes (a year may follow its word there), in order. A DocKind's
// pattern finds the same matches in them as in the whole text as long as
// each match holds one of words (ignoring case); they are found with
// plain substring search, far faster than the pattern over a whole
// document.
func (t DocText) lines(words []string) string {
	var starts []int // of the lines that hold a word
	for _, w := range words {
		for at := 0; ; {
			i := bytes.Index(t.lower[at:], []byte(w))
			if i < 0 {
				break
			}
			starts = append(starts, bytes.LastIndexByte(t.lower[:at+i], '\n')+1)
			at += i + len(w)
		}
	}
	slices.Sort(starts)
	text := t.text
	var b strings.Builder
	end := 0 // of the text written
	for _, start := range slices.Compact(starts) {
		to := lineEnd(text, start)
		for to < len(text) && strings.Trim(text[to:lineEnd(text, to)], " \t\f\r\n-") == "" {
			to = lineEnd(text, to)
		}
		b.WriteString(text[max(start, end):max(lineEnd(text, to), end)])
		end = max(end, lineEnd(text, to))
	}
	return b.String()
}

// lineEnd is the index after the newline that ends the line at start, or
// len(text).
func lineEnd(text string, start int) int {
	if i := strings.IndexByte(text[start:], '\n'); i >= 0 {
		return start + i + 1
	}
	return len(text)
}
