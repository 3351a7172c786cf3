package normalize

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/vocab"
)

// Meta is what a document says about itself.
type Meta struct {
	Gemeente string
	DocType  string
	Year     int
	Title    string
}

// metaText bounds how much text metadata detection reads: the opening
// pages name the gemeente, the document and its year.
const metaText = 400_000

// aliases are other names the municipalities go by.
var aliases = map[string]string{
	"Den Haag": "'s-Gravenhage", "Den Bosch": "'s-Hertogenbosch", "Nuenen": "Nuenen, Gerwen en Nederwetten",
}

// ambiguous names are ordinary words too; they count only as "gemeente X".
var ambiguous = map[string]bool{"Best": true, "Buren": true, "Putten": true, "Laren": true, "Bergen": true, "Ede": true, "Epe": true}

var gemeenteRE = func() *regexp.Regexp {
	var names []string
	for _, g := range gemeenten {
		names = append(names, regexp.QuoteMeta(g.name))
	}
	for a := range aliases {
		names = append(names, regexp.QuoteMeta(a))
	}
	// Longest first, so "Bergen op Zoom" wins over "Bergen".
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	// "Dinkellandse", "Deventenaren" count too: the name plus a short suffix.
	return regexp.MustCompile(`(?:^|[^\p{L}])(` + strings.Join(names, "|") + `)(?:se|s|er|ers)?(?:$|[^\p{L}])`)
}()

// organisation marks a document of a body that is not a municipality.
var organisation = regexp.MustCompile(`(?i)\b(stichting|vereniging|coöperatie|b\.v\.|n\.v\.|gemeenschappelijke regeling|openbaar lichaam|provincie|waterschap|ministerie)\b`)

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
	m.Gemeente = detectGemeente(name, text)
	m.DocType = detectDocType(name, text)
	m.Year = detectYear(name, text, m.DocType)
	return m
}

func detectGemeente(name, text string) string {
	opening := text
	if len(opening) > 1500 {
		opening = opening[:1500]
	}
	if organisation.MatchString(name+"\n"+opening) && !strings.Contains(strings.ToLower(opening), "gemeente") {
		return ""
	}
	score := map[string]int{}
	add := func(s string, weight int) {
		for _, idx := range gemeenteRE.FindAllStringSubmatchIndex(s, -1) {
			g := s[idx[2]:idx[3]]
			if a, ok := aliases[g]; ok {
				g = a
			}
			w := weight
			if strings.HasSuffix(strings.ToLower(s[:idx[2]]), "gemeente ") {
				w *= 3
			} else if ambiguous[g] {
				continue
			}
			score[g] += w
		}
	}
	add(name, 10)
	add(text, 1)
	// Host names carry the gemeente without spaces: lansingerland.begrotingsapp.nl.
	lowerName := strings.ToLower(name)
	for _, g := range gemeenten {
		key := strings.ToLower(strings.NewReplacer(" ", "", "'", "", ",", "").Replace(g.name))
		if len(key) > 3 && strings.Contains(lowerName, key+".") {
			score[g.name] += 10
		}
	}
	best, bestScore := "", 0
	for g, s := range score {
		if s > bestScore || (s == bestScore && g < best && best != "") {
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
