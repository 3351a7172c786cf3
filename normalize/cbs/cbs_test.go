package cbs

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/begroot/begroot/fixtures"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		name string
		year int
		want string // "GM0417 Laren (NH.)", or "" for none
	}{
		{"Wassenaar", 2024, "GM0629 Wassenaar"},
		{"Gemeente Wassenaar", 2024, "GM0629 Wassenaar"},
		{"gemeente  WASSENAAR", 2017, "GM0629 Wassenaar"},
		{"Laren", 2023, "GM0417 Laren"},
		{"Laren", 2024, "GM0417 Laren (NH.)"},
		{"Laren (NH.)", 2024, "GM0417 Laren (NH.)"},
		{"Laren (NH.)", 2020, "GM0417 Laren"},
		{"Den Haag", 2024, "GM0518 's-Gravenhage"},
		{"’s-Gravenhage", 2024, "GM0518 's-Gravenhage"},
		{"Súdwest-Fryslân", 2013, "GM1900 Súdwest-Fryslân"},
		// Two gemeenten are called Bergen: only the province tells them apart.
		{"Bergen", 2024, ""},
		{"Bergen (NH.)", 2024, "GM0373 Bergen (NH.)"},
		// Herindeling: Haren's documents before 2019 keep Haren's code;
		// from 2019 Haren is part of Groningen.
		{"Haren", 2018, "GM0017 Haren"},
		{"Haren", 2019, ""},
		{"Groningen", 2019, "GM0014 Groningen"},
		{"Weesp", 2022, "GM0457 Weesp"},
		{"Weesp", 2023, ""},
		// A code valid only from its herindeling on.
		{"Dijk en Waard", 2021, ""},
		{"Dijk en Waard", 2022, "GM1980 Dijk en Waard"},
		{"Voorne aan Zee", 2023, "GM1992 Voorne aan Zee"},
		// Years outside the data take its nearest year; 0 is the last.
		{"Voorne aan Zee", 2030, "GM1992 Voorne aan Zee"},
		{"Voorne aan Zee", 0, "GM1992 Voorne aan Zee"},
		{"Haren", 1990, "GM0017 Haren"},
		{"Nederland", 2024, ""},
		{"Flevoland", 2024, ""},
		{"", 2024, ""},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s/%d", tc.name, tc.year), func(t *testing.T) {
			got := ""
			if g, ok := Lookup(tc.name, tc.year); ok {
				got = g.Code + " " + g.Name
			}
			if got != tc.want {
				t.Errorf("Lookup(%q, %d) = %q, want %q", tc.name, tc.year, got, tc.want)
			}
		})
	}
}

func TestNames(t *testing.T) {
	tests := []struct {
		year      int
		n         int // gemeenten that year
		has, hasn []string
	}{
		{2010, 431, []string{"Haren", "Weesp", "Den Haag", "Laren"}, []string{"Dijk en Waard", "Bergen"}},
		{2024, 342, []string{"Laren (NH.)", "Laren", "Bergen (L.)", "Den Bosch"}, []string{"Haren", "Bergen", "Nederland"}},
	}
	for _, tc := range tests {
		names := Names(tc.year)
		codes := map[string]bool{}
		for _, n := range names {
			g, ok := Lookup(n, tc.year)
			if !ok {
				t.Errorf("Names(%d) has %q, which Lookup does not resolve", tc.year, n)
			}
			codes[g.Code] = true
		}
		if len(codes) != tc.n {
			t.Errorf("Names(%d) name %d gemeenten, want %d", tc.year, len(codes), tc.n)
		}
		for _, n := range tc.has {
			if !slices.Contains(names, n) {
				t.Errorf("Names(%d) lacks %q", tc.year, n)
			}
		}
		for _, n := range tc.hasn {
			if slices.Contains(names, n) {
				t.Errorf("Names(%d) has %q", tc.year, n)
			}
		}
	}
}

func TestFigures(t *testing.T) {
	if n, ok := Inwoners("GM0629", 2024); !ok || n != 27100 {
		t.Errorf("Inwoners(GM0629, 2024) = %d %v, want 27100", n, ok)
	}
	if _, ok := Inwoners("GM0629", 2016); ok {
		t.Error("Inwoners(GM0629, 2016) found: the data start in 2017")
	}
	tests := []struct {
		code, soort string
		want        Totals
		ok          bool
	}{
		{"GM0629", Verslagsoort(2024, Begroting), Totals{85_973_000, 88_313_000, 2_382_000, 0}, true},
		{"GM0629", Verslagsoort(2023, Jaarrekening), Totals{85_961_000, 88_481_000, 3_500_000, 964_000}, true},
		{"GM0629", Verslagsoort(2025, Jaarrekening), Totals{}, false},
		{"GM9999", Verslagsoort(2024, Begroting), Totals{}, false},
	}
	for _, tc := range tests {
		got, ok := Iv3(tc.code, tc.soort)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Iv3(%s, %s) = %+v %v, want %+v %v", tc.code, tc.soort, got, ok, tc.want, tc.ok)
		}
	}
	for year, n := range map[int]int{2017: 52, 2022: 52, 2023: 54, 2025: 58} {
		if got := Taakvelden(year); len(got) != n || !slices.Contains(got, "0.10") || !slices.Contains(got, "0.1") {
			t.Errorf("Taakvelden(%d) = %d codes %v, want %d with 0.1 and 0.10", year, len(got), got, n)
		}
	}
}

// TestMatchesSource compares every record of the CBS file with what the
// embedded data answers (skipped without ../shared).
func TestMatchesSource(t *testing.T) {
	path := fixtures.Shared(t, "corpus/raw/iv3-gemeentefinancien/iv3_data.json.gz")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var records []struct {
		Model  string `json:"model"`
		Fields struct {
			Code          string  `json:"gm_code"`
			Name          string  `json:"gm_naam"`
			Year          int     `json:"jaar"`
			Gemeente      string  `json:"gemeente"`
			Inwoners      int     `json:"aantal_inwoners"`
			Verslagsoort  string  `json:"verslagsoort"`
			Baten         float64 `json:"baten"`
			Lasten        float64 `json:"lasten"`
			ReserveBaten  float64 `json:"reserve_baten"`
			ReserveLasten float64 `json:"reserve_lasten"`
			Taakveld      string  `json:"code"`
		} `json:"fields"`
	}
	if err := json.NewDecoder(zr).Decode(&records); err != nil {
		t.Fatal(err)
	}
	names := map[string]map[int]string{} // code → year → embedded name
	for _, n := range data().namings {
		for y := n.first; y <= n.last; y++ {
			if names[n.code] == nil {
				names[n.code] = map[int]string{}
			}
			names[n.code][y] = n.name
		}
	}
	counts := map[string]int{}
	taakvelden := map[int][]string{}
	for _, r := range records {
		x := r.Fields
		counts[r.Model]++
		switch r.Model {
		case "iv3.gemeente":
			got := names[x.Code][x.Year]
			if got != x.Name && !misencoded(names[x.Code], x.Year, x.Name, got) {
				t.Errorf("%s %d: name %q, source %q", x.Code, x.Year, got, x.Name)
			}
			if g, ok := Lookup(got, x.Year); ok && g.Code != x.Code {
				t.Errorf("Lookup(%q, %d) = %s, source %s", got, x.Year, g.Code, x.Code)
			}
		case "iv3.inwoners":
			if n, _ := Inwoners(x.Gemeente, x.Year); n != x.Inwoners {
				t.Errorf("Inwoners(%s, %d) = %d, source %d", x.Gemeente, x.Year, n, x.Inwoners)
			}
		case "iv3.iv3summary":
			want := Totals{int64(x.Baten * thousand), int64(x.Lasten * thousand), int64(x.ReserveBaten * thousand), int64(x.ReserveLasten * thousand)}
			if got, _ := Iv3(x.Code, x.Verslagsoort); got != want {
				t.Errorf("Iv3(%s, %s) = %+v, source %+v", x.Code, x.Verslagsoort, got, want)
			}
		case "iv3.iv3taakveld":
			taakvelden[x.Year] = append(taakvelden[x.Year], x.Taakveld)
		}
	}
	for year, want := range taakvelden {
		got := Taakvelden(year)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("Taakvelden(%d) = %v, source %v", year, got, want)
		}
	}
	t.Logf("records compared: %v", counts)
	if counts["iv3.gemeente"] == 0 || counts["iv3.iv3summary"] == 0 {
		t.Errorf("source has no records: %v", counts)
	}
}

// misencoded reports whether source, a name of one year, was published in
// the wrong code page (a character outside Latin-1, where Dutch and Frisian
// names have none) and got is the name its code has in another year.
func misencoded(byYear map[int]string, year int, source, got string) bool {
	if !strings.ContainsFunc(source, func(r rune) bool { return r > unicode.MaxLatin1 }) {
		return false
	}
	for y, n := range byYear {
		if y != year && n == got {
			return true
		}
	}
	return false
}

// TestNamesOnly: the table of the G records, which Lookup and Names use,
// is the one the whole parse gives, without the other records.
func TestNamesOnly(t *testing.T) {
	n, all := names(), data()
	if !reflect.DeepEqual(n.namings, all.namings) || !reflect.DeepEqual(n.byKey, all.byKey) ||
		n.minYear != all.minYear || n.maxYear != all.maxYear {
		t.Errorf("names-only table differs from the full one: %d vs %d namings, years %d-%d vs %d-%d",
			len(n.namings), len(all.namings), n.minYear, n.maxYear, all.minYear, all.maxYear)
	}
	for _, r := range n.records {
		if !strings.HasPrefix(r, "G\t") {
			t.Errorf("names-only table holds %q", r)
		}
	}
}

// TestRecords: every I and V record of the embedded data has its integer
// fields, and no two have the same key (the lookup finds the first).
func TestRecords(t *testing.T) {
	keys := map[string]bool{}
	counts := map[string]int{}
	for _, r := range data().records {
		f := strings.Split(r, "\t")
		var key []string
		switch f[0] {
		case "I", "V":
			key = f[:3]
		default:
			continue
		}
		counts[f[0]]++
		k := strings.Join(key, "\t")
		if keys[k] {
			t.Errorf("two records for %q", k)
		}
		keys[k] = true
		if _, ok := data().record(len(f)-len(key), key...); !ok || len(f) != map[string]int{"I": 4, "V": 7}[f[0]] {
			t.Errorf("record %q: %d fields, or not found", r, len(f))
		}
	}
	if counts["I"] == 0 || counts["V"] == 0 {
		t.Errorf("records: %v, want I and V records", counts)
	}
}
