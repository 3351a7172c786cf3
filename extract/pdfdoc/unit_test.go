package pdfdoc

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/begroot/begroot/extract"
)

func TestIsNumberWord(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"33.955", true}, {"-1.655", true}, {"(1.655)", true}, {"7,1", true}, {"-", true},
		{"0", true}, {"1.000,-", true}, {"12%", true}, {"44,2%", true}, {"−88.320", true},
		{"p.m.", true}, {"2024", true},
		{"0.61", false}, {"7.1", false}, {"2.778.000.", false}, {"6.", false}, {"Baten", false},
		{"2024-2027", false}, {"(+)", false}, {"1.2.3", false},
	}
	for _, tt := range tests {
		if got := isNumberWord(tt.in); got != tt.want {
			t.Errorf("isNumberWord(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// lineOf lays out a line from "|"-separated cells: words within a cell are
// one space apart, cells are gap points apart; every character is 5pt wide
// at size 10.
func lineOf(gap float64, cells ...string) line {
	var ws []word
	x := 72.0
	for _, c := range cells {
		for i, w := range strings.Fields(c) {
			if i > 0 {
				x += 2.5
			}
			ws = append(ws, word{text: w, x0: x, x1: x + 5*float64(len([]rune(w))), y: 700, size: 10})
			x = ws[len(ws)-1].x1
		}
		x += gap
	}
	return newLine(ws)
}

func TestSegments(t *testing.T) {
	tests := []struct {
		name  string
		line  line
		want  []string // cell texts, "#" after numeric cells
		units []string
	}{
		{"label and numbers", lineOf(30, "Saldo van baten en lasten", "85.971", "-88.320", "-2.349"),
			[]string{"Saldo van baten en lasten", "85.971#", "-88.320#", "-2.349#"}, nil},
		{"text then close numbers stay one cell", lineOf(3, "Totaal", "80.999", "-80.509"),
			[]string{"Totaal 80.999 -80.509"}, nil},
		{"indicator value with year", lineOf(30, "Winkeldiefstallen", "0,6 (2022)", "2,3 (2022)"),
			[]string{"Winkeldiefstallen", "0,6 (2022)#", "2,3 (2022)#"}, nil},
		{"number in text stays", lineOf(30, "in de leeftijd 15 – 64", "LISA"),
			[]string{"in de leeftijd 15 – 64", "LISA"}, nil},
		{"unit label", lineOf(30, "bedragen x € 1.000", "2024", "2025"),
			[]string{"bedragen x € 1.000", "2024#", "2025#"}, []string{"bedragen x € 1.000"}},
		{"sign legend", lineOf(30, `("-"= nadeel / "+"= voordeel )`, "baten"),
			[]string{`("-"= nadeel / "+"= voordeel )`, "baten"}, []string{`("-"= nadeel / "+"= voordeel )`}},
		{"amount then remark", lineOf(30, "Gymzaal", "40.490 Werkzaamheden zijn"),
			[]string{"Gymzaal", "40.490#", "Werkzaamheden zijn"}, nil},
		{"year then label stays", lineOf(30, "2023 Tractie Nissan", "54.500"),
			[]string{"2023 Tractie Nissan", "54.500#"}, nil},
		{"values with years a space apart", lineOf(30, "Overgewicht", "44,2% (2022) 38,1% (2021)"),
			[]string{"Overgewicht", "44,2% (2022)#", "38,1% (2021)#"}, nil},
		{"values with spaced percent and years a space apart", lineOf(30, "Roken", "12,5 % (2022) 9,8 % (2021)"),
			[]string{"Roken", "12,5 % (2022)#", "9,8 % (2021)#"}, nil},
		{"label word voordeel is no legend", lineOf(30, "Voordeel BTW compensatiefonds", "250"),
			[]string{"Voordeel BTW compensatiefonds", "250#"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got, units []string
			for _, s := range segments(&tt.line) {
				text := s.text
				if s.numeric {
					text += "#"
				}
				got = append(got, text)
				if s.unit {
					units = append(units, s.text)
				}
			}
			if !slices.Equal(got, tt.want) || !slices.Equal(units, tt.units) {
				t.Errorf("segments:\ngot  %q units %q\nwant %q units %q", got, units, tt.want, tt.units)
			}
		})
	}
	// Two numbers a normal space apart are two cells.
	l := lineOf(30, "Totaal", "80.999 -80.509")
	if got := len(segments(&l)); got != 3 {
		t.Errorf("segments(Totaal | 80.999 -80.509) = %d cells, want 3", got)
	}
}

func TestParseToUnicode(t *testing.T) {
	cmap := `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0003> <0020> <0080> <20AC> endbfchar
2 beginbfrange <0010> <0012> <0041> <0020> <0021> [<00660069> <D83DDE00>] endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`
	got := parseToUnicode(strings.NewReader(cmap))
	want := toUnicode{3: " ", 0x80: "€", 0x10: "A", 0x11: "B", 0x12: "C", 0x20: "fi", 0x21: "😀"}
	if !maps.Equal(got, want) {
		t.Errorf("parseToUnicode:\ngot  %v\nwant %v", got, want)
	}
}

func TestGroupWords(t *testing.T) {
	// "-88.320" drawn as "-" and "88.320" in two text objects, a padding
	// space, and a cell whose glyphs continue on the next baseline shift.
	g := func(s string, x, y float64) glyph {
		return glyph{text: s, x: x, y: y, w: 5, size: 10, space: s == " "}
	}
	glyphs := []glyph{g("-", 100, 700), g("8", 105, 700), g("8", 110, 700), g(" ", 115, 700),
		g("1", 140, 700.5), g("2", 145, 700.5), g("x", 160, 690)}
	words, _, q := groupWords(glyphs, nil, nil)
	var got []string
	for _, w := range words {
		got = append(got, w.text)
	}
	if want := []string{"-88", "12", "x"}; !slices.Equal(got, want) {
		t.Errorf("groupWords = %q, want %q", got, want)
	}
	if q.total != 6 || q.bad != 0 {
		t.Errorf("quality %+v, want 6 glyphs, none bad", q)
	}
	lines := groupLines(words)
	if len(lines) != 2 || lines[0].text() != "-88 12" || lines[1].text() != "x" {
		t.Errorf("groupLines = %d lines, first %q", len(lines), lines[0].text())
	}
}

func TestColumnRegions(t *testing.T) {
	cols := []column{{x0: 200, x1: 230, numeric: true}, {x0: 245, x1: 262, numeric: true}, {x0: 300, x1: 380}}
	got := columnRegions(cols, 150)
	want := [][2]float64{{198, 230}, {230, 281}, {281, 380}}
	if !slices.Equal(got, want) {
		t.Errorf("columnRegions = %v, want %v", got, want)
	}
}

func TestJoinParts(t *testing.T) {
	cell := func(s string) extract.Cell { return extract.Cell{Text: s} }
	// A part whose labels spread over two text columns joins them.
	r := &tableRegion{
		cols:  []column{{x0: 90, x1: 100}, {x0: 200, x1: 230, numeric: true}},
		table: &extract.Table{Rows: [][]extract.Cell{{cell("1."), cell("Exploitatiesaldo"), cell("492")}}},
	}
	joinLeading(r, 1)
	if got := r.table.Rows[0]; len(got) != 2 || got[0].Text != "1. Exploitatiesaldo" || got[1].Text != "492" || len(r.cols) != 1 {
		t.Errorf("joinLeading = %v, cols %v", got, r.cols)
	}
	// The rest of a row broken by the page end joins that row.
	prev := [][]extract.Cell{{cell("Lopende re-"), cell("Aantal per 1.000"), cell("7,7")}}
	body := [][]extract.Cell{{cell("integratievoorzieningen"), cell("inwoners"), cell("")}, {cell("Formatie"), cell(""), cell("9,8")}}
	rest := continueRow(prev, body)
	if len(rest) != 1 || prev[0][0].Text != "Lopende re-\nintegratievoorzieningen" || prev[0][1].Text != "Aantal per 1.000\ninwoners" {
		t.Errorf("continueRow: prev %v, rest %v", prev, rest)
	}
}

// TestNumbersOnlyWords: number words, or the words of one value with its
// signs and year note, up to all four of them.
func TestNumbersOnlyWords(t *testing.T) {
	tests := []struct {
		words string
		want  bool
	}{
		{"12 -80.509 3,5", true},
		{"44,2% (2022)", true},
		{"€ 12,5 % (2022)", true},
		{"€ 12,5 % (2022) (2023)", false},
		{"in de leeftijd 15", false},
		{"Totaal", false},
	}
	for _, tt := range tests {
		var ws []word
		for _, f := range strings.Fields(tt.words) {
			ws = append(ws, word{text: f})
		}
		if got := numbersOnlyWords(ws); got != tt.want {
			t.Errorf("numbersOnlyWords(%q) = %v, want %v", tt.words, got, tt.want)
		}
	}
}
