package cbs

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:generate go run ./gen -in ../../../shared/corpus/raw/iv3-gemeentefinancien/iv3_data.json.gz -out data.tsv

// dataTSV is kept plain, not compressed: a run that places a document
// reads all of it, and inflating it took longer than parsing it.
//
//go:embed data.tsv
var dataTSV string

// Gemeente is a municipality as CBS names it in one year.
type Gemeente struct {
	Code string // "GM0629"
	Name string // "Wassenaar", "Laren (NH.)"
}

// Totals are the Iv3 totals of one gemeente and verslagsoort in whole
// euros, lasten positive. Baten and Lasten exclude the mutations of
// reserves (taakveld 0.10), which ReserveBaten and ReserveLasten hold.
type Totals struct {
	Baten, Lasten               int64
	ReserveBaten, ReserveLasten int64
}

// Verslagsoort kinds: the suffix of an Iv3 verslagsoort after its year.
const (
	Begroting    = "X000"
	Jaarrekening = "X005"
)

// Verslagsoort is the Iv3 code of a year and kind: Verslagsoort(2024,
// Begroting) is "2024X000".
func Verslagsoort(year int, kind string) string { return strconv.Itoa(year) + kind }

// thousand is the unit of the Iv3 amounts (x € 1.000).
const thousand = 1000

// naming is one name a code had over a range of years.
type naming struct {
	code, name  string
	first, last int
}

// tables is the parsed reference data. The I and V records (inwoners,
// Iv3 totals) are thousands of lines of which a run looks up a few: they
// stay text, sorted as data.tsv is written, and are found by binary
// search.
type tables struct {
	namings    []naming
	byKey      map[string][]int // lookup key → indexes into namings
	records    []string         // every line, sorted
	taakvelden map[int][]string
	minYear    int
	maxYear    int
}

// names holds the G records only, which come first in data.tsv (its
// lines are sorted): Lookup and Names, which every document with a
// gemeente name needs, do not wait for the other records. data holds
// them all.
var (
	names = sync.OnceValue(func() *tables { return mustParse(true) })
	data  = sync.OnceValue(func() *tables { return mustParse(false) })
)

func mustParse(namesOnly bool) *tables {
	t, err := parse(dataTSV, namesOnly)
	if err != nil {
		panic("cbs: embedded data.tsv: " + err.Error()) // a broken build, not bad input
	}
	return t
}

// parse reads the G and T records of data and keeps every line in
// records, as parts of data; with namesOnly it stops at the first record
// after the G records. Only the G and T lines are split into fields.
func parse(data string, namesOnly bool) (*tables, error) {
	t := &tables{byKey: map[string][]int{}, taakvelden: map[int][]string{}}
	if !namesOnly {
		t.records = make([]string, 0, strings.Count(data, "\n"))
	}
	var err error
	for line, rest := 1, data; rest != ""; line++ {
		var text string
		text, rest, _ = strings.Cut(rest, "\n")
		kind, _, _ := strings.Cut(text, "\t")
		if namesOnly && kind != "G" {
			break
		}
		t.records = append(t.records, text)
		var f []string
		if kind == "G" || kind == "T" {
			f = strings.Split(text, "\t")
		}
		n := func(i int) int64 {
			v, ferr := field(f, i)
			if ferr != nil && err == nil {
				err = fmt.Errorf("line %d: %w", line, ferr)
			}
			return v
		}
		switch kind {
		case "G":
			g := naming{code: f[1], name: f[2], first: int(n(3)), last: int(n(4))}
			t.namings = append(t.namings, g)
			if t.minYear == 0 || g.first < t.minYear {
				t.minYear = g.first
			}
			t.maxYear = max(t.maxYear, g.last)
		case "T":
			t.taakvelden[int(n(1))] = strings.Fields(f[2])
		case "I", "V": // looked up by record
		default:
			err = fmt.Errorf("line %d: unknown record %q", line, kind)
		}
		if err != nil {
			return nil, err
		}
	}
	if !slices.IsSorted(t.records) {
		return nil, fmt.Errorf("lines not sorted")
	}
	for i, g := range t.namings {
		for _, k := range keys(g.name) {
			t.byKey[k] = append(t.byKey[k], i)
		}
	}
	return t, nil
}

// field is the integer in field i of a record.
func field(f []string, i int) (int64, error) {
	if i >= len(f) {
		return 0, fmt.Errorf("%d fields", len(f))
	}
	return strconv.ParseInt(f[i], 10, 64)
}

// record returns the integer fields after the key fields of the record
// whose line starts with the tab-separated key, and whether there is one.
func (t *tables) record(fields int, key ...string) ([]int64, bool) {
	prefix := strings.Join(key, "\t") + "\t"
	i, _ := slices.BinarySearch(t.records, prefix)
	if i == len(t.records) || !strings.HasPrefix(t.records[i], prefix) {
		return nil, false
	}
	f := strings.Split(t.records[i], "\t")
	out := make([]int64, fields)
	for k := range out {
		v, err := field(f, len(key)+k)
		if err != nil {
			panic(fmt.Sprintf("cbs: embedded data.tsv: %q: %v", t.records[i], err)) // a broken build, not bad input
		}
		out[k] = v
	}
	return out, true
}

// aliases are names documents use for a gemeente other than its CBS name.
var aliases = map[string]string{
	"Den Haag": "'s-Gravenhage", "Den Bosch": "'s-Hertogenbosch", "Nuenen": "Nuenen, Gerwen en Nederwetten",
}

// aliasKeys are the aliases as lookup keys.
var aliasKeys = func() map[string]string {
	m := map[string]string{}
	for a, name := range aliases {
		m[fold(a)] = fold(name)
	}
	return m
}()

// keys are the lookup keys of a CBS name: the name itself and, for "Laren
// (NH.)", the name without the province.
func keys(name string) []string {
	out := []string{key(name)}
	if base, _, ok := strings.Cut(name, " ("); ok {
		out = append(out, key(base))
	}
	return out
}

// key folds a printed name: case, "gemeente " in front, curly apostrophes,
// repeated spaces, and the aliases.
func key(s string) string {
	s = strings.TrimPrefix(fold(s), "gemeente ")
	if a, ok := aliasKeys[s]; ok {
		return a
	}
	return s
}

// fold lowercases s, makes apostrophes straight and collapses spaces.
func fold(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(s, "’", "'")), " "))
}

// clamp maps a year outside the data to its first or last year: the
// indeling known last is the best guess for a document about next year.
// Year 0 (unknown) is the last year.
func (t *tables) clamp(year int) int {
	if year == 0 || year > t.maxYear {
		return t.maxYear
	}
	return max(year, t.minYear)
}

// Lookup finds the gemeente a printed name ("Gemeente Laren", "LAREN",
// "Laren (NH.)", "Den Haag") stands for in a year, with the code and name
// valid in that year: a gemeente merged later keeps its own code in the
// years before, and a name of another year ("Laren (NH.)" in 2020) finds
// the same gemeente. ok is false for an unknown name, a gemeente that did
// not exist that year, and a name two gemeenten share ("Bergen" in 2024).
func Lookup(name string, year int) (g Gemeente, ok bool) {
	t := names()
	year = t.clamp(year)
	var codes []string
	for _, i := range t.byKey[key(name)] {
		if n := t.namings[i]; !slices.Contains(codes, n.code) {
			codes = append(codes, n.code)
		}
	}
	for _, n := range t.namings {
		if year < n.first || year > n.last || !slices.Contains(codes, n.code) {
			continue
		}
		if ok {
			return Gemeente{}, false
		}
		g, ok = Gemeente{Code: n.code, Name: n.name}, true
	}
	return g, ok
}

// Names are the printed forms Lookup resolves in a year: each CBS name,
// its name without the province where that is unique, and the aliases.
// Callers search documents for them.
func Names(year int) []string {
	t := names()
	year = t.clamp(year)
	var out []string
	for _, n := range t.namings {
		if year < n.first || year > n.last {
			continue
		}
		out = append(out, n.name)
		if base, _, ok := strings.Cut(n.name, " ("); ok {
			if _, unique := Lookup(base, year); unique {
				out = append(out, base)
			}
		}
	}
	for a := range aliases {
		if _, ok := Lookup(a, year); ok {
			out = append(out, a)
		}
	}
	return out
}

// Inwoners is the number of inhabitants of a gemeente in a year.
func Inwoners(code string, year int) (int, bool) {
	f, ok := data().record(1, "I", code, strconv.Itoa(year))
	if !ok {
		return 0, false
	}
	return int(f[0]), true
}

// Iv3 are the Iv3 totals of a gemeente for a verslagsoort ("2024X000").
func Iv3(code, verslagsoort string) (Totals, bool) {
	f, ok := data().record(4, "V", code, verslagsoort)
	if !ok {
		return Totals{}, false
	}
	return Totals{Baten: f[0] * thousand, Lasten: f[1] * thousand, ReserveBaten: f[2] * thousand, ReserveLasten: f[3] * thousand}, true
}

// Taakvelden are the Iv3 taakveld codes of a year ("0.1", "0.10", …).
func Taakvelden(year int) []string {
	return data().taakvelden[year]
}
