package normalize

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/normalize/cbs"
	"github.com/begroot/begroot/vocab"
)

// Meta is what a document says about itself.
type Meta struct {
	Gemeente     string // CBS name in the document's year
	CBSCode      string // GM code valid in the document's year
	Organisation string // the publisher when it is not a gemeente
	DocType      string
	Year         int
	Title        string
}

// metaText bounds how much text metadata detection reads: the opening
// pages name the gemeente, the document and its year.
const metaText = 400_000

// titlePage is how much of the text counts as the title page: the
// cover, colofon and the start of the contents name who publishes it.
const titlePage = 1500

// ambiguous names are ordinary words too; they count only as "gemeente X".
var ambiguous = map[string]bool{
	"Best": true, "Buren": true, "Putten": true, "Laren": true, "Bergen": true, "Ede": true, "Epe": true,
	"Leek": true, "Haren": true, "Grave": true,
}

// gemeenteFinders caches a gemeenteFinder per year.
var gemeenteFinders sync.Map

// nameSuffixes may follow a gemeente's name, tried in this order:
// "Dinkellandse", "Deventers" count too.
var nameSuffixes = []string{"se", "s", "er", "ers", ""}

// nameKey is how many leading bytes of a name index it: every gemeente's
// name is at least this long ("Ede", "Epe").
const nameKey = 3

// gemeenteFinder finds the names of the gemeenten of a year as the
// regular expression
//
//	(?:^|[^\p{L}])(name|…)(?:se|s|er|ers)?(?:$|[^\p{L}])
//
// with the names longest first would in FindAll, but by a map of the
// names' first bytes instead of a pattern of some 350 alternatives, which
// is slow over a whole document.
type gemeenteFinder map[string][]string // names by their first nameKey bytes, longest first

// finderFor returns the gemeenteFinder of year.
func finderFor(year int) gemeenteFinder {
	if f, ok := gemeenteFinders.Load(year); ok {
		return f.(gemeenteFinder)
	}
	f := gemeenteFinder{}
	for _, n := range cbs.Names(year) {
		if len(n) >= nameKey {
			f[n[:nameKey]] = append(f[n[:nameKey]], n)
		}
	}
	for _, names := range f {
		sort.SliceStable(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	}
	gemeenteFinders.Store(year, f)
	return f
}

// find returns where s prints a name, [start, end) pairs in order. A
// match takes the non-letter after the name with it, so the next name
// cannot start right behind it ("Almere Lelystad" finds Almere only), as
// with the regular expression.
func (f gemeenteFinder) find(s string) [][2]int {
	var out [][2]int
	next := 0 // where the next match may start
	for p := 0; p+nameKey <= len(s); p++ {
		names := f[s[p:p+nameKey]]
		if len(names) == 0 {
			continue
		}
		if p > 0 {
			r, n := utf8.DecodeLastRuneInString(s[:p])
			if unicode.IsLetter(r) || p-n < next {
				continue
			}
		}
		if end, ok := nameAt(s, p, names); ok {
			out = append(out, [2]int{p, end})
			_, n := utf8.DecodeRuneInString(s[end:]) // the non-letter the match takes, none at the end
			next = end + n
			p = next - 1
		}
	}
	return out
}

// nameAt returns the end of the first of names printed at s[p:] with an
// optional suffix and then a non-letter or the end of s.
func nameAt(s string, p int, names []string) (int, bool) {
	for _, n := range names {
		if !strings.HasPrefix(s[p:], n) {
			continue
		}
		for _, suf := range nameSuffixes {
			q := p + len(n)
			if !strings.HasPrefix(s[q:], suf) {
				continue
			}
			if r, _ := utf8.DecodeRuneInString(s[q+len(suf):]); q+len(suf) == len(s) || !unicode.IsLetter(r) {
				return p + len(n), true
			}
		}
	}
	return 0, false
}

// hostRE finds web and mail hosts: "www.ggdflevoland.nl",
// "gemeente@wassenaar.nl", "collectieoverijssel.nl".
var hostRE = regexp.MustCompile(`(?i)(?:^|[\s/@.(])([a-z0-9-]{3,})\.(?:nl|org|com|eu|net|frl)\b`)

// DetectMeta finds the gemeente, document type and year of doc from its
// title, source name and text.
func DetectMeta(doc *extract.Document) Meta {
	m := Meta{Title: doc.Title}
	var b strings.Builder
	for _, bl := range doc.Blocks {
		if b.Len() > metaText {
			break
		}
		b.WriteString(bl.Text)
		b.WriteByte('\n')
		for _, it := range bl.Items {
			b.WriteString(it.Text)
			b.WriteByte('\n')
		}
		if bl.Table != nil {
			b.WriteString(bl.Table.Caption)
			for _, r := range bl.Table.Rows {
				for _, c := range r {
					b.WriteString(c.Text)
					b.WriteByte(' ')
				}
			}
			b.WriteByte('\n')
		}
	}
	text := b.String()
	name := doc.Title + " " + doc.Source.URL + " " + doc.Source.Path
	dt := vocab.NewDocText(text)
	m.DocType = detectDocType(name, dt)
	m.Year = detectYear(name, text, dt, m.DocType)
	var g cbs.Gemeente
	g, m.Organisation = detectPublisher(doc.Title, name, text, m.Year)
	m.Gemeente, m.CBSCode = g.Name, g.Code
	return m
}

// detectPublisher finds who publishes the document: a gemeente, or
// another body (a gemeenschappelijke regeling, province, stichting, …)
// named organisation. The title page decides when it names the publisher:
// a colofon ("uitgave …"), a web or mail host on it that spells a name the
// document prints, or a body named in the title or on the title page
// before any gemeente. Otherwise the gemeente named most, if the title
// page shows no sign of another body.
func detectPublisher(title, name, text string, year int) (g cbs.Gemeente, organisation string) {
	opening := title + "\n" + text[:min(len(text), titlePage)]
	if p := publisher(title, opening, text, year); p != "" {
		if g, ok := cbs.Lookup(p, year); ok {
			return g, ""
		}
		return cbs.Gemeente{}, p
	}
	if vocab.HasBodyMark(name+"\n"+opening) && !strings.Contains(strings.ToLower(opening), "gemeente") {
		return cbs.Gemeente{}, ""
	}
	return detectGemeente(name, text, year), ""
}

// publisher is the name of the body the title page names as publisher, or
// "".
func publisher(title, opening, text string, year int) string {
	for _, loc := range vocab.ColofonLeads(opening) {
		line, _, _ := strings.Cut(opening[loc[1]:], "\n")
		words := strings.Fields(line)
		for k := min(len(words), maxNameWords); k > 0; k-- {
			if g, ok := cbs.Lookup(strings.Join(words[:k], " "), year); ok {
				return g.Name
			}
		}
		if n, at := firstBody(line); n != "" && at == 0 {
			return n
		}
	}
	if p := hostName(opening, text, year); p != "" {
		return p
	}
	for _, s := range []string{title, opening} {
		n, at := firstBody(s)
		if n == "" {
			continue
		}
		if g := gemeenteWord.FindStringIndex(s); g == nil || g[0] > at {
			return n
		}
	}
	return ""
}

// firstBody is the first body's name in s and where it starts; "" when
// s names none.
func firstBody(s string) (name string, at int) {
	for _, loc := range vocab.BodyNames(s) {
		if n := vocab.TrimBodyName(s[loc[0]:loc[1]]); strings.ContainsAny(n, " \t") {
			return n, loc[0]
		}
	}
	return "", -1
}

// maxNameWords is the longest gemeente name in words ("Nuenen, Gerwen en
// Nederwetten", "Valkenburg aan de Geul" have four).
const maxNameWords = 4

// gemeenteLead in front of a name makes it count more: "gemeente Ede".
const gemeenteLead = "gemeente "

// gemeenteWord is the word gemeente, not gemeenten or gemeenschap.
var gemeenteWord = regexp.MustCompile(`(?i)\bgemeente\b`)

// hostName finds a host on the title page that spells a name the document
// prints: a gemeente of the year, a body's name, or a line of the title
// page ("collectieoverijssel.nl" and "Collectie Overijssel").
func hostName(opening, text string, year int) string {
	hosts := map[string]bool{}
	for _, m := range hostRE.FindAllStringSubmatch(opening, -1) {
		hosts[Squash(m[1])] = true
	}
	if len(hosts) == 0 {
		return ""
	}
	for _, n := range cbs.Names(year) {
		if hosts[Squash(n)] {
			return n
		}
	}
	var candidates []string
	for _, loc := range vocab.BodyNames(text) {
		candidates = append(candidates, vocab.TrimBodyName(text[loc[0]:loc[1]]))
	}
	candidates = append(candidates, strings.Split(opening, "\n")...)
	for _, c := range candidates {
		words := strings.Fields(c)
		for k := len(words); k > 0; k-- {
			if p := strings.Join(words[:k], " "); hosts[Squash(p)] {
				return p
			}
		}
	}
	return ""
}

// Squash keeps the letters and digits of s, in lower case: the form in which
// names compare whatever their spacing and punctuation (as a host name spells
// a gemeente, or as OCR spaces a label).
func Squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// detectGemeente is the gemeente of the year named most in the source name
// and text; "gemeente X" weighs more, and names that are ordinary words
// count only so.
func detectGemeente(name, text string, year int) cbs.Gemeente {
	find := finderFor(year)
	score := map[cbs.Gemeente]int{}
	add := func(s string, weight int) {
		for _, at := range find.find(s) {
			printed := s[at[0]:at[1]]
			g, ok := cbs.Lookup(printed, year)
			if !ok {
				continue
			}
			w := weight
			if before := s[:at[0]]; len(before) >= len(gemeenteLead) && strings.EqualFold(before[len(before)-len(gemeenteLead):], gemeenteLead) {
				w *= 3
			} else if ambiguous[printed] {
				continue
			}
			score[g] += w
		}
	}
	add(name, 10)
	add(text, 1)
	// Host names carry the gemeente without spaces: lansingerland.begrotingsapp.nl.
	lowerName := strings.ToLower(name)
	for _, n := range cbs.Names(year) {
		if key := Squash(n); len(key) > 3 && strings.Contains(lowerName, key+".") {
			if g, ok := cbs.Lookup(n, year); ok {
				score[g] += 10
			}
		}
	}
	var best cbs.Gemeente
	bestScore := 0
	for g, s := range score {
		if s > bestScore || (s == bestScore && g.Name < best.Name) {
			best, bestScore = g, s
		}
	}
	return best
}

// detectDocType is the document type the name mentions, else the one the
// text mentions most by weight.
func detectDocType(name string, text vocab.DocText) string {
	for _, k := range vocab.DocKinds {
		if k.Mentioned(name) {
			return k.Kind
		}
	}
	best, bestScore := "", 0
	for _, k := range vocab.DocKinds {
		if n := k.Mentions(text) * k.Weight; n > bestScore {
			best, bestScore = k.Kind, n
		}
	}
	return best
}

// detectYear takes the year printed after the document's own name in the
// title or source ("Jaarstukken 2020"), else in the text, else the year
// the text mentions most.
func detectYear(name, text string, dt vocab.DocText, docType string) int {
	if y := vocab.TitleYear(name); y != "" {
		n, _ := strconv.Atoi(y)
		return n
	}
	for _, k := range vocab.DocKinds {
		if k.Kind != docType {
			continue
		}
		if y := mostFrequent(k.Years(dt)); y > 0 {
			return y
		}
	}
	return mostFrequent(yearRE.FindAllString(text, -1))
}

// mostFrequent returns the year that occurs most, the later one on a
// tie; 0 when there are none.
func mostFrequent(years []string) int {
	count := map[int]int{}
	for _, s := range years {
		y, _ := strconv.Atoi(s)
		count[y]++
	}
	best, bestN := 0, 0
	for y, n := range count {
		if n > bestN || (n == bestN && y > best) {
			best, bestN = y, n
		}
	}
	return best
}
