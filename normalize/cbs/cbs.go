package cbs

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:generate go run ./gen -in ../../../shared/corpus/raw/iv3-gemeentefinancien/iv3_data.json.gz -out data.tsv.gz

//go:embed data.tsv.gz
var dataGz []byte

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

// tables is the parsed reference data.
type tables struct {
	namings    []naming
	byKey      map[string][]int // lookup key → indexes into namings
	inwoners   map[string]map[int]int
	iv3        map[string]Totals // code + verslagsoort
	taakvelden map[int][]string
	minYear    int
	maxYear    int
}

var data = sync.OnceValue(func() *tables {
	t, err := parse(dataGz)
	if err != nil {
		panic("cbs: embedded data.tsv.gz: " + err.Error()) // a broken build, not bad input
	}
	return t
})

func parse(gz []byte) (*tables, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	t := &tables{
		byKey: map[string][]int{}, inwoners: map[string]map[int]int{},
		iv3: map[string]Totals{}, taakvelden: map[int][]string{},
	}
	sc := bufio.NewScanner(zr)
	for line := 1; sc.Scan(); line++ {
		f := strings.Split(sc.Text(), "\t")
		n := func(i int) int64 {
			if i >= len(f) {
				err = fmt.Errorf("line %d: %d fields", line, len(f))
				return 0
			}
			v, perr := strconv.ParseInt(f[i], 10, 64)
			if perr != nil {
				err = fmt.Errorf("line %d: %w", line, perr)
			}
			return v
		}
		switch f[0] {
		case "G":
			g := naming{code: f[1], name: f[2], first: int(n(3)), last: int(n(4))}
			t.namings = append(t.namings, g)
			if t.minYear == 0 || g.first < t.minYear {
				t.minYear = g.first
			}
			t.maxYear = max(t.maxYear, g.last)
		case "I":
			if t.inwoners[f[1]] == nil {
				t.inwoners[f[1]] = map[int]int{}
			}
			t.inwoners[f[1]][int(n(2))] = int(n(3))
		case "V":
			t.iv3[f[1]+f[2]] = Totals{Baten: n(3) * thousand, Lasten: n(4) * thousand, ReserveBaten: n(5) * thousand, ReserveLasten: n(6) * thousand}
		case "T":
			t.taakvelden[int(n(1))] = strings.Fields(f[2])
		default:
			err = fmt.Errorf("line %d: unknown record %q", line, f[0])
		}
		if err != nil {
			return nil, err
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for i, g := range t.namings {
		for _, k := range keys(g.name) {
			t.byKey[k] = append(t.byKey[k], i)
		}
	}
	return t, nil
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
	t := data()
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
	t := data()
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
	n, ok := data().inwoners[code][year]
	return n, ok
}

// Iv3 are the Iv3 totals of a gemeente for a verslagsoort ("2024X000").
func Iv3(code, verslagsoort string) (Totals, bool) {
	v, ok := data().iv3[code+verslagsoort]
	return v, ok
}

// Taakvelden are the Iv3 taakveld codes of a year ("0.1", "0.10", …).
func Taakvelden(year int) []string {
	return data().taakvelden[year]
}
