// Command gen writes the reference data of package cbs (data.tsv) from
// the CBS open-data fixture iv3_data.json.gz (a Django fixture: iv3.gemeente,
// iv3.inwoners, iv3.iv3summary, iv3.iv3taakveld). It keeps only what begroot
// needs; package cbs documents the format. Run it with go generate in
// normalize/cbs.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
)

// record is one object of the fixture; fields depends on model.
type record struct {
	Model  string          `json:"model"`
	Fields json.RawMessage `json:"fields"`
}

type gemeente struct {
	Code string `json:"gm_code"`
	Name string `json:"gm_naam"`
	Year int    `json:"jaar"`
}

type inwoners struct {
	Code  string `json:"gemeente"`
	Year  int    `json:"jaar"`
	Count int    `json:"aantal_inwoners"`
}

type summary struct {
	Code          string  `json:"gm_code"`
	Verslagsoort  string  `json:"verslagsoort"`
	Baten         float64 `json:"baten"`
	Lasten        float64 `json:"lasten"`
	ReserveBaten  float64 `json:"reserve_baten"`
	ReserveLasten float64 `json:"reserve_lasten"`
}

type taakveld struct {
	Year int    `json:"jaar"`
	Code string `json:"code"`
}

// codePage repairs the names CBS published in 2013 and 2014 through the
// wrong code page ("S˙dwest-Frysl‚n" for "Súdwest-Fryslân").
var codePage = strings.NewReplacer("‚", "â", "˙", "ú")

func main() {
	in := flag.String("in", "", "iv3_data.json.gz to read")
	out := flag.String("out", "data.tsv", "file to write")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	var records []record
	if err := json.NewDecoder(zr).Decode(&records); err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	lines, err := convert(records)
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	w, err := os.Create(out)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	for _, l := range lines {
		bw.WriteString(l)
		bw.WriteByte('\n')
	}
	return errors.Join(bw.Flush(), w.Close())
}

// convert turns the fixture into sorted lines:
//
//	G code name first last        a name valid from year first to last
//	I code year inwoners
//	V code verslagsoort baten lasten reserve_baten reserve_lasten   (x € 1.000)
//	T year code code …            the taakvelden of a year
func convert(records []record) ([]string, error) {
	names := map[string]map[int]string{} // code → year → name
	taakvelden := map[int][]string{}
	var lines []string
	for i, r := range records {
		var err error
		switch r.Model {
		case "iv3.gemeente":
			var g gemeente
			if err = json.Unmarshal(r.Fields, &g); err == nil {
				if names[g.Code] == nil {
					names[g.Code] = map[int]string{}
				}
				names[g.Code][g.Year] = codePage.Replace(g.Name)
			}
		case "iv3.inwoners":
			var n inwoners
			if err = json.Unmarshal(r.Fields, &n); err == nil {
				lines = append(lines, fmt.Sprintf("I\t%s\t%d\t%d", n.Code, n.Year, n.Count))
			}
		case "iv3.iv3summary":
			var s summary
			if err = json.Unmarshal(r.Fields, &s); err == nil {
				var amounts []string
				for _, v := range []float64{s.Baten, s.Lasten, s.ReserveBaten, s.ReserveLasten} {
					if v != math.Trunc(v) {
						return nil, fmt.Errorf("record %d: %s %s: amount %v is not whole thousands", i, s.Code, s.Verslagsoort, v)
					}
					amounts = append(amounts, fmt.Sprint(int64(v)))
				}
				lines = append(lines, fmt.Sprintf("V\t%s\t%s\t%s", s.Code, s.Verslagsoort, strings.Join(amounts, "\t")))
			}
		case "iv3.iv3taakveld":
			var t taakveld
			if err = json.Unmarshal(r.Fields, &t); err == nil {
				taakvelden[t.Year] = append(taakvelden[t.Year], t.Code)
			}
		}
		if err != nil {
			return nil, fmt.Errorf("record %d (%s): %w", i, r.Model, err)
		}
	}
	for code, byYear := range names {
		years := make([]int, 0, len(byYear))
		for y := range byYear {
			years = append(years, y)
		}
		sort.Ints(years)
		first := years[0]
		for k, y := range years {
			last := k == len(years)-1
			if last || years[k+1] != y+1 || byYear[years[k+1]] != byYear[y] {
				lines = append(lines, fmt.Sprintf("G\t%s\t%s\t%d\t%d", code, byYear[y], first, y))
				if !last {
					first = years[k+1]
				}
			}
		}
	}
	for year, codes := range taakvelden {
		sort.Strings(codes)
		lines = append(lines, fmt.Sprintf("T\t%d\t%s", year, strings.Join(codes, " ")))
	}
	sort.Strings(lines)
	return lines, nil
}
