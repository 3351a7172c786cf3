package vocab

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// bodyWords name the kind of a body that is not a gemeente. head: printed
// in front of the body's name ("Stichting Gemeenschapsservice Nijmegen",
// "GGD Flevoland"); mark: on a title page, a sign that the publisher is
// not a gemeente.
var bodyWords = []struct {
	word       string
	head, mark bool
	meaning    string
}{
	{"Stichting", true, true, "foundation"},
	{"Vereniging", true, true, "association"},
	{"Coöperatie", true, true, "cooperative"},
	{"b.v.", false, true, "private limited company"},
	{"n.v.", false, true, "public limited company"},
	{"Gemeenschappelijke regeling", true, true, "joint arrangement of municipalities"},
	{"Openbaar lichaam", true, true, "public body of a joint arrangement"},
	{"GGD", true, false, "municipal public health service"},
	{"GHOR", true, false, "medical assistance in disasters"},
	{"Veiligheidsregio", true, false, "safety region"},
	{"Omgevingsdienst", true, false, "environmental service"},
	{"Regio", true, false, "region"},
	{"Waterschap", true, true, "water board"},
	{"Wetterskip", true, false, "water board (Frisian)"},
	{"Hoogheemraadschap", true, false, "water board (Holland)"},
	{"Provincie", true, true, "province"},
	{"Recreatieschap", true, false, "recreation board"},
	{"Werkvoorzieningschap", true, false, "sheltered employment board"},
	{"Ministerie", true, true, "ministry"},
}

// nameConnectives may join the capitalised words of a body's name but do
// not end it: "Gemeenschappelijke regeling Regio van Utrecht".
var nameConnectives = []struct{ word, meaning string }{
	{"en", "and"},
	{"van", "of"},
	{"de", "the"},
	{"der", "of the"},
	{"den", "the"},
	{"het", "the"},
	{"voor", "for"},
	{"op", "on"},
	{"aan", "at"},
}

// colofonWords introduce the publisher in a colofon: "uitgave gemeente
// Wassenaar", "Een uitgave van".
var colofonWords = []struct{ word, meaning string }{
	{"uitgave", "publication (of)"},
}

var (
	bodyMarkRE = lazyRE(`(?i)\b(` + bodyWordsFor(false) + `)\b`)
	// bodyNameRE is a head and the capitalised words (and connectives)
	// after it on the same line.
	bodyNameRE = lazyRE(`\b(?:` + bodyWordsFor(true) + `)(?:[ \t]+(?:\p{Lu}[\p{L}\p{N}'’&.-]*|` + wordsOf(nameConnectives) + `))*`)
	trailingRE = lazyRE(`(?:[ \t]+(?:` + wordsOf(nameConnectives) + `))+$`)
	colofonRE  = lazyRE(`(?i)\b(?:een )?(?:` + wordsOf(colofonWords) + `)(?: van)?:?[ \t]+(?:de[ \t]+)?`)
)

// bodyWordsFor joins the heads (head) or the marks as alternatives; a
// head's later words may start with either case ("Openbaar Lichaam").
func bodyWordsFor(head bool) string {
	var words []string
	for _, w := range bodyWords {
		switch {
		case !head && w.mark:
			words = append(words, regexp.QuoteMeta(strings.ToLower(w.word)))
		case head && w.head:
			parts := strings.Split(w.word, " ")
			parts[0] = regexp.QuoteMeta(parts[0])
			for i, p := range parts[1:] {
				r, n := utf8.DecodeRuneInString(p)
				parts[i+1] = "[" + string(unicode.ToUpper(r)) + string(r) + "]" + regexp.QuoteMeta(p[n:])
			}
			words = append(words, strings.Join(parts, " "))
		}
	}
	return strings.Join(words, "|")
}

// HasBodyMark reports whether s holds a word that marks a body other than
// a gemeente: "Stichting", "provincie", "b.v.".
func HasBodyMark(s string) bool { return bodyMarkRE().MatchString(s) }

// BodyNames returns where s names a body by the word for its kind in
// front, [start, end) pairs as regexp's FindAllStringIndex: "GGD
// Flevoland", "Veiligheidsregio Haaglanden". A name may end in
// connectives; TrimBodyName drops them.
//
// The pattern runs only on the lines that hold a head's first word (a name
// does not cross lines), which over a whole document is far faster.
func BodyNames(s string) [][]int {
	var out [][]int
	for start := 0; start < len(s); {
		end := lineEnd(s, start)
		line := s[start:end]
		if slices.ContainsFunc(bodyHeadWords, func(w string) bool { return strings.Contains(line, w) }) {
			for _, at := range bodyNameRE().FindAllStringIndex(line, -1) {
				out = append(out, []int{start + at[0], start + at[1]})
			}
		}
		start = end
	}
	return out
}

// bodyHeadWords are the first words of the heads, as printed.
var bodyHeadWords = func() []string {
	var out []string
	for _, w := range bodyWords {
		if w.head {
			first, _, _ := strings.Cut(w.word, " ")
			out = append(out, first)
		}
	}
	return out
}()

// TrimBodyName drops connectives at the end of a body's name.
func TrimBodyName(n string) string { return trailingRE().ReplaceAllString(n, "") }

// ColofonLeads returns where s introduces a publisher ("Een uitgave van
// de"), [start, end) pairs; the publisher's name follows end.
func ColofonLeads(s string) [][]int { return colofonRE().FindAllStringIndex(s, -1) }
