package normalize

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

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

// gemeenteREs caches gemeenteRE per year.
var gemeenteREs sync.Map

// gemeenteRE finds the names of the gemeenten of a year.
func gemeenteRE(year int) *regexp.Regexp {
	if re, ok := gemeenteREs.Load(year); ok {
		return re.(*regexp.Regexp)
	}
	var names []string
	for _, n := range cbs.Names(year) {
		names = append(names, regexp.QuoteMeta(n))
	}
	// Longest first, so "Bergen op Zoom" wins over "Bergen".
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	// "Dinkellandse", "Deventenaren" count too: the name plus a short suffix.
	re := regexp.MustCompile(`(?:^|[^\p{L}])(` + strings.Join(names, "|") + `)(?:se|s|er|ers)?(?:$|[^\p{L}])`)
	gemeenteREs.Store(year, re)
	return re
}

// bodyWords mark a document of a body that is not a municipality.
var bodyWords = regexp.MustCompile(`(?i)\b(stichting|vereniging|coöperatie|b\.v\.|n\.v\.|gemeenschappelijke regeling|openbaar lichaam|provincie|waterschap|ministerie)\b`)

// bodyName finds the name of a body that is not a gemeente by the word for
// its kind in front: "Stichting Gemeenschapsservice Nijmegen", "GGD
// Flevoland", "Veiligheidsregio Haaglanden". The name is the capitalised
// words after it on the same line.
var bodyName = regexp.MustCompile(`\b(?:Stichting|Vereniging|Coöperatie|Gemeenschappelijke [Rr]egeling|Openbaar [Ll]ichaam|GGD|GHOR|Veiligheidsregio|Omgevingsdienst|Regio|Waterschap|Wetterskip|Hoogheemraadschap|Provincie|Recreatieschap|Werkvoorzieningschap|Ministerie)(?:[ \t]+(?:\p{Lu}[\p{L}\p{N}'’&.-]*|en|van|de|der|den|het|voor|op|aan))*`)

// connectives may join the words of a name but do not end it.
var connectives = regexp.MustCompile(`(?:[ \t]+(?:en|van|de|der|den|het|voor|op|aan))+$`)

// publisherWords introduce the publisher in a colofon: "uitgave gemeente
// Wassenaar", "Een uitgave van".
var publisherWords = regexp.MustCompile(`(?i)\b(?:een )?uitgave(?: van)?:?[ \t]+(?:de[ \t]+)?`)

// hostRE finds web and mail hosts: "www.ggdflevoland.nl",
// "gemeente@wassenaar.nl", "collectieoverijssel.nl".
var hostRE = regexp.MustCompile(`(?i)(?:^|[\s/@.(])([a-z0-9-]{3,})\.(?:nl|org|com|eu|net|frl)\b`)

// Document types and the words that name them. Jaarstukken reuse the
// begroting's headings ("Wat willen we bereiken?") but add past-tense ones
// and realisatie columns, so their words weigh more.
var docTypes = []struct {
	kind   string
	re     *regexp.Regexp
	weight int
}{
	{"voortgangsrapportage", regexp.MustCompile(`(?i)voortgangsrapportage|bestuursrapportage|\bburap\b|tussenrapportage|\bvgr\b|najaarsnota|managementrapportage|programmajournaal|voortgang \d{4}`), 3},
	{"voorjaarsnota", regexp.MustCompile(`(?i)voorjaarsnota|kadernota|perspectiefnota`), 3},
	{"jaarstukken", regexp.MustCompile(`(?i)jaarstukken|jaarverslag|jaarrekening|programmarekening|wat hebben we (bereikt|gedaan|daarvoor gedaan)|wat heeft het gekost|realisatie (begrotingsjaar|\d{4})`), 3},
	{"begroting", regexp.MustCompile(`(?i)\b(programma|ontwerp)?begroting\b|wat willen we bereiken|wat gaan we (daarvoor )?doen|wat mag het kosten`), 1},
}

// docYears find "<name of the document> <year>" for each type.
var docYears = map[string]*regexp.Regexp{
	"voortgangsrapportage": yearAfter(`voortgangsrapportage|bestuursrapportage|burap|vgr|tussenrapportage|najaarsnota|voortgang`),
	"voorjaarsnota":        yearAfter(`voorjaarsnota|kadernota|perspectiefnota`),
	"jaarstukken":          yearAfter(`jaarstukken|jaarverslag|jaarrekening|programmarekening|gedaan in`),
	"begroting":            yearAfter(`programmabegroting|begroting`),
}

func yearAfter(words string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(` + words + `)[\s-]+(` + vocab.YearPattern + `)\b`)
}

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
	m.DocType = detectDocType(name, text)
	m.Year = detectYear(name, text, m.DocType)
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
	if bodyWords.MatchString(name+"\n"+opening) && !strings.Contains(strings.ToLower(opening), "gemeente") {
		return cbs.Gemeente{}, ""
	}
	return detectGemeente(name, text, year), ""
}

// publisher is the name of the body the title page names as publisher, or
// "".
func publisher(title, opening, text string, year int) string {
	for _, loc := range publisherWords.FindAllStringIndex(opening, -1) {
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
	for _, loc := range bodyName.FindAllStringIndex(s, -1) {
		if n := trimName(s[loc[0]:loc[1]]); strings.ContainsAny(n, " \t") {
			return n, loc[0]
		}
	}
	return "", -1
}

// maxNameWords is the longest gemeente name in words ("Nuenen, Gerwen en
// Nederwetten", "Valkenburg aan de Geul" have four).
const maxNameWords = 4

// gemeenteWord is the word gemeente, not gemeenten or gemeenschap.
var gemeenteWord = regexp.MustCompile(`(?i)\bgemeente\b`)

// trimName drops connectives at the end of a body's name.
func trimName(n string) string { return connectives.ReplaceAllString(n, "") }

// hostName finds a host on the title page that spells a name the document
// prints: a gemeente of the year, a body's name, or a line of the title
// page ("collectieoverijssel.nl" and "Collectie Overijssel").
func hostName(opening, text string, year int) string {
	hosts := map[string]bool{}
	for _, m := range hostRE.FindAllStringSubmatch(opening, -1) {
		hosts[squash(m[1])] = true
	}
	if len(hosts) == 0 {
		return ""
	}
	for _, n := range cbs.Names(year) {
		if hosts[squash(n)] {
			return n
		}
	}
	var candidates []string
	for _, loc := range bodyName.FindAllStringIndex(text, -1) {
		candidates = append(candidates, trimName(text[loc[0]:loc[1]]))
	}
	candidates = append(candidates, strings.Split(opening, "\n")...)
	for _, c := range candidates {
		words := strings.Fields(c)
		for k := len(words); k > 0; k-- {
			if p := strings.Join(words[:k], " "); hosts[squash(p)] {
				return p
			}
		}
	}
	return ""
}

// squash spells a name as a host would: lower case, letters and digits only.
func squash(s string) string {
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
	re := gemeenteRE(year)
	score := map[cbs.Gemeente]int{}
	add := func(s string, weight int) {
		for _, idx := range re.FindAllStringSubmatchIndex(s, -1) {
			printed := s[idx[2]:idx[3]]
			g, ok := cbs.Lookup(printed, year)
			if !ok {
				continue
			}
			w := weight
			if strings.HasSuffix(strings.ToLower(s[:idx[2]]), "gemeente ") {
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
		if key := squash(n); len(key) > 3 && strings.Contains(lowerName, key+".") {
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

func detectDocType(name, text string) string {
	for _, d := range docTypes {
		if d.re.MatchString(name) {
			return d.kind
		}
	}
	best, bestScore := "", 0
	for _, d := range docTypes {
		if n := len(d.re.FindAllStringIndex(text, -1)) * d.weight; n > bestScore {
			best, bestScore = d.kind, n
		}
	}
	return best
}

var docYearRE = regexp.MustCompile(`(?i)(begroting|jaarstukken|jaarverslag|jaarrekening|voorjaarsnota|kadernota|rapportage|vgr|burap|voortgang|najaarsnota)[\s-]+(` + vocab.YearPattern + `)\b`)

// detectYear takes the year printed after the document's own name in the
// title or source ("Jaarstukken 2020"), else in the text, else the year
// the text mentions most.
func detectYear(name, text, docType string) int {
	if m := docYearRE.FindStringSubmatch(name); m != nil {
		y, _ := strconv.Atoi(m[2])
		return y
	}
	if re, ok := docYears[docType]; ok {
		if y := mostFrequent(re.FindAllStringSubmatch(text, -1), 2); y > 0 {
			return y
		}
	}
	return mostFrequent(yearRE.FindAllStringSubmatch(text, -1), 0)
}

// mostFrequent returns the year in group g of the matches that occurs most,
// the later one on a tie; 0 when there are none.
func mostFrequent(matches [][]string, g int) int {
	count := map[int]int{}
	for _, m := range matches {
		y, _ := strconv.Atoi(m[g])
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
